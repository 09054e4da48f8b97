import { describe, expect, it } from 'vitest';
import { detectCall, hostPermissionPatterns, platformForHost } from '../../lib/platforms';

const CALLS: Array<[string, string, string]> = [
  ['https://meet.google.com/abc-defg-hij', 'meet', 'meet.google.com'],
  ['https://meet.google.com/abc-defg-hij?authuser=1&hs=122', 'meet', 'meet.google.com'],
  ['https://meet.google.com/lookup/familyteam', 'meet', 'meet.google.com'],
  ['https://MEET.GOOGLE.COM/xyz-abcd-efg/', 'meet', 'meet.google.com'],
  ['https://app.zoom.us/wc/81234567890/join', 'zoom', 'app.zoom.us'],
  ['https://app.zoom.us/wc/81234567890/start', 'zoom', 'app.zoom.us'],
  ['https://app.zoom.us/wc/join/81234567890', 'zoom', 'app.zoom.us'],
  ['https://us02web.zoom.us/wc/81234567890/join?pwd=secret', 'zoom', 'us02web.zoom.us'],
  ['https://zoom.us/wc/join/81234567890', 'zoom', 'zoom.us'],
  [
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_N2Q%40thread.v2/0?context=%7b%7d',
    'teams',
    'teams.microsoft.com',
  ],
  ['https://teams.live.com/meet/9312345678901?p=abcdef', 'teams', 'teams.live.com'],
  [
    'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_abc@thread.v2/0',
    'teams',
    'teams.microsoft.com',
  ],
  ['https://teams.microsoft.com/_#/pre-join-calling/19:meeting_abc@thread.v2', 'teams', 'teams.microsoft.com'],
  ['https://teams.cloud.microsoft/meet/1234567?p=xyz', 'teams', 'teams.cloud.microsoft'],
  [
    'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19&type=meetup-join',
    'teams',
    'teams.microsoft.com',
  ],
  ['https://acme.webex.com/meet/jdoe', 'webex', 'acme.webex.com'],
  ['https://acme.webex.com/join/jdoe', 'webex', 'acme.webex.com'],
  ['https://acme.webex.com/wbxmjs/joinservice/sites/acme/meeting/download/abc', 'webex', 'acme.webex.com'],
  ['https://web.webex.com/webappng/sites/acme/meeting/info/abc123', 'webex', 'web.webex.com'],
  ['https://meet.jit.si/FamilySupportRoom42', 'jitsi', 'meet.jit.si'],
  ['https://meet.jit.si/FamilySupportRoom42#config.startWithVideoMuted=true', 'jitsi', 'meet.jit.si'],
  ['https://8x8.vc/vpaas-magic-cookie-abc/Room1', 'jitsi', '8x8.vc'],
  ['https://whereby.com/counselling-room', 'whereby', 'whereby.com'],
  ['https://doxy.me/drsmith', 'doxy', 'doxy.me'],
  ['https://doxy.me/drsmith/waiting', 'doxy', 'doxy.me'],
];

const NOT_CALLS: string[] = [
  'https://meet.google.com/',
  'https://meet.google.com/landing',
  'https://meet.google.com/new',
  'https://meet.google.com/abc-defg-hijk',
  'https://meet.google.com/ABC-DEFG-HIJ',
  'https://app.zoom.us/wc/home',
  'https://app.zoom.us/profile',
  'https://zoom.us/j/81234567890',
  'https://app.zoom.us/wc/abc/join',
  'https://teams.microsoft.com/v2/',
  'https://teams.microsoft.com/v2/#/calendarv2',
  'https://teams.microsoft.com/v2/#/conversations/19:abc',
  'https://teams.live.com/v2/',
  'https://acme.webex.com/',
  'https://acme.webex.com/acme/home.php',
  'https://meet.jit.si/',
  'https://meet.jit.si/static/close.html',
  'https://whereby.com/',
  'https://whereby.com/information',
  'https://whereby.com/user',
  'https://whereby.com/blog',
  'https://whereby.com/blog/some-post',
  'https://doxy.me/',
  'https://doxy.me/sign-in',
  // Look-alikes and odd addresses.
  'http://meet.google.com/abc-defg-hij',
  'https://meet.google.com.evil.example/abc-defg-hij',
  'https://evilzoom.us/wc/81234567890/join',
  'https://notwebex.com/meet/jdoe',
  'https://user:pass@meet.google.com/abc-defg-hij',
  'https://example.org/abc-defg-hij',
  'about:blank',
  'chrome://newtab/',
  'data:text/html,<h1>meet.google.com/abc-defg-hij</h1>',
  'not a url',
  '',
];

describe('detectCall', () => {
  it.each(CALLS)('%s is a %s call on %s', (url, platform, host) => {
    expect(detectCall(url)).toEqual({ platform, host });
  });

  it.each(NOT_CALLS)('%s is not a call', (url) => {
    expect(detectCall(url)).toBeNull();
  });

  it('treats a tab whose address it may not read as not a call', () => {
    expect(detectCall(undefined)).toBeNull();
    expect(detectCall(null)).toBeNull();
  });

  it('never returns the meeting code, path or query', () => {
    for (const [url] of CALLS) {
      const found = JSON.stringify(detectCall(url));
      const { pathname, search } = new URL(url);
      if (pathname.length > 1) expect(found).not.toContain(pathname);
      if (search) expect(found).not.toContain(search.slice(1));
    }
  });
});

describe('host permissions', () => {
  it('ask for the call platforms only, never all sites', () => {
    const patterns = hostPermissionPatterns();
    expect(patterns).toContain('https://meet.google.com/*');
    expect(patterns).toContain('https://*.zoom.us/*');
    expect(patterns.every((pattern) => /^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/.test(pattern))).toBe(true);
    expect(patterns).not.toContain('<all_urls>');
  });

  it('match every host the detector recognises', () => {
    for (const [url, platform, host] of CALLS) {
      expect(platformForHost(host), url).toBe(platform);
      const covered = hostPermissionPatterns().some((pattern) => {
        const hostPattern = pattern.slice('https://'.length, -'/*'.length);
        return hostPattern.startsWith('*.')
          ? host === hostPattern.slice(2) || host.endsWith(hostPattern.slice(1))
          : host === hostPattern;
      });
      expect(covered, host).toBe(true);
    }
  });
});
