/**
 * The call platforms Callcare recognises, and the one question asked of a tab's
 * address: is this a call, and on which platform? Pure: no browser APIs.
 *
 * Only the platform and the host leave this module. The path and query of a call
 * carry meeting codes and passcodes, so nothing here returns or keeps them.
 */

export const PLATFORM_IDS = ['meet', 'zoom', 'teams', 'webex', 'jitsi', 'whereby', 'doxy'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export interface Call {
  /** "custom": one of the organisation's own hosts the practitioner added. */
  platform: PlatformId | 'custom';
  host: string;
}

interface Address {
  host: string;
  /** The path, decoded as the browser keeps it, always starting with "/". */
  path: string;
  query: URLSearchParams;
  /** Single-page apps (Teams) route on the fragment: "#/l/meetup-join/..." gives "/l/meetup-join/...". */
  fragmentPath: string;
}

interface Platform {
  id: PlatformId;
  /** Exact hosts, and suffixes written as ".zoom.us" that match any subdomain and the bare domain. */
  hosts: readonly string[];
  isCall(address: Address): boolean;
}

const segments = (path: string): string[] => path.split('/').filter((part) => part.length > 0);

const firstSegmentIsRoom = (reserved: readonly string[]) => (address: Address) => {
  const [first] = segments(address.path);
  return first !== undefined && !reserved.includes(first.toLowerCase());
};

const TEAMS_CALL_ROUTES = [/^\/l\/meetup-join\//i, /^\/meet\//i, /^\/pre-join-calling\//i, /^\/modern-calling\//i];

const PLATFORMS: readonly Platform[] = [
  {
    id: 'meet',
    hosts: ['meet.google.com'],
    isCall: ({ path }) => /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/.test(path) || /^\/lookup\/[^/]+/.test(path),
  },
  {
    id: 'zoom',
    hosts: ['.zoom.us'],
    isCall: ({ path }) => /^\/wc\/\d+\/(join|start)\/?$/.test(path) || /^\/wc\/join\/\d+\/?$/.test(path),
  },
  {
    id: 'teams',
    hosts: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
    isCall: ({ path, query, fragmentPath }) => {
      if (query.get('meetingjoin')?.toLowerCase() === 'true') return true;
      if (query.get('type')?.toLowerCase() === 'meetup-join') return true;
      const routes = [path, fragmentPath];
      return routes.some((route) => TEAMS_CALL_ROUTES.some((pattern) => pattern.test(route)));
    },
  },
  {
    id: 'webex',
    hosts: ['.webex.com'],
    isCall: ({ path }) =>
      /^\/meet\/[^/]+/i.test(path) ||
      /^\/join\/[^/]+/i.test(path) ||
      /^\/wbxmjs\/joinservice\/.+/i.test(path) ||
      /^\/webappng\/sites\/[^/]+\/meeting\/.+/i.test(path),
  },
  {
    id: 'jitsi',
    hosts: ['meet.jit.si', '8x8.vc'],
    isCall: firstSegmentIsRoom(['static', 'libs', 'images', 'sounds', 'fonts', 'css', 'lang', 'favicon.ico']),
  },
  {
    id: 'whereby',
    hosts: ['whereby.com'],
    isCall: (address) =>
      segments(address.path).length === 1 &&
      firstSegmentIsRoom([
        'information',
        'user',
        'blog',
        'login',
        'signup',
        'sign-up',
        'pricing',
        'org',
        'about',
        'legal',
        'help',
        'careers',
        'embed',
        'download',
        'features',
        'product',
        'solutions',
        'contact',
      ])(address),
  },
  {
    id: 'doxy',
    hosts: ['doxy.me'],
    isCall: firstSegmentIsRoom([
      'sign-in',
      'sign-up',
      'login',
      'signup',
      'pricing',
      'about',
      'blog',
      'help',
      'features',
      'contact',
      'legal',
      'privacy',
      'terms',
      'security',
      'download',
      'en',
      'es',
    ]),
  },
];

const hostMatches = (host: string, pattern: string): boolean =>
  pattern.startsWith('.') ? host === pattern.slice(1) || host.endsWith(pattern) : host === pattern;

export function platformForHost(host: string): PlatformId | null {
  const lower = host.toLowerCase();
  return PLATFORMS.find((platform) => platform.hosts.some((pattern) => hostMatches(lower, pattern)))?.id ?? null;
}

/**
 * Reads a tab's address and says whether it is a call. Anything that is not a
 * well-formed https address on a known host is not a call: an undefined URL (a
 * tab the extension may not read), `about:blank`, a typo, a data: URL.
 */
export function detectCall(url: string | undefined | null, customHosts: readonly string[] = []): Call | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  const host = parsed.hostname.toLowerCase();
  if (customHosts.includes(host)) {
    // An organisation's own Jitsi or BigBlueButton: any page below the host's front page is taken as a call.
    return parsed.pathname.replace(/\/+$/, '').length > 0 ? { platform: 'custom', host } : null;
  }
  const platform = PLATFORMS.find((candidate) => candidate.hosts.some((pattern) => hostMatches(host, pattern)));
  if (!platform) return null;
  const fragment = parsed.hash.replace(/^#/, '');
  const address: Address = {
    host,
    path: parsed.pathname || '/',
    query: parsed.searchParams,
    fragmentPath: fragment.startsWith('/') ? (fragment.split('?')[0] ?? '') : '',
  };
  return platform.isCall(address) ? { platform: platform.id, host } : null;
}

/** Match patterns for the manifest: the platforms' hosts and nothing else. */
export function hostPermissionPatterns(): string[] {
  return PLATFORMS.flatMap((platform) =>
    platform.hosts.map((pattern) => (pattern.startsWith('.') ? `https://*${pattern}/*` : `https://${pattern}/*`)),
  );
}

/** A host name the practitioner typed, made canonical, or null if it is not one. */
export function normaliseHost(typed: string): string | null {
  const host = typed.trim().toLowerCase().replace(/\.$/, '');
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/.test(host))
    return null;
  return host;
}

export const customHostPattern = (host: string) => `https://${host}/*`;
