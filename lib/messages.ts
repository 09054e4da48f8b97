/**
 * Every string a person reads in Callcare. Translating Callcare means changing
 * this file (later: the browser's i18n files built from it), nothing else.
 */
import type { PlatformId } from './platforms';
import type { SetAsideCode, SetAsideReason } from './schemas';

export const platformNames: Record<PlatformId | 'phone' | 'other' | 'custom', string> = {
  meet: 'Google Meet',
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
  webex: 'Webex',
  jitsi: 'Jitsi Meet',
  whereby: 'Whereby',
  doxy: 'Doxy.me',
  phone: 'Phone call',
  other: 'Another platform',
  custom: "Your organisation's platform",
};

export const phaseNames = {
  before: 'Before the call',
  rules: 'Rules of communication',
  during: 'During the call',
} as const;

export const phaseIntros = {
  before: 'Your own preparation. Tick each one when it is true.',
  rules: 'Agree these with the client at the start. A declined item is a record of what was said, not a failure.',
  during: 'Reminders to keep in view while you talk.',
} as const;

export const agreementStateNames = {
  agreed: 'Agreed',
  declined: 'Declined',
  'not-discussed': 'Not discussed',
  'not-applicable': 'Not applicable',
} as const;

export const roleNames = {
  client: 'Client',
  parent: 'Parent',
  sibling: 'Sibling',
  partner: 'Partner',
  interpreter: 'Interpreter',
  colleague: 'Co-worker',
  other: 'Other',
  me: 'Me (the practitioner)',
  supervisor: 'Supervisor',
  trainee: 'Trainee',
} as const;

export const sideNames = {
  client: 'Client side',
  practitioner: 'Practitioner side',
} as const;

export const clientSeemedNames = {
  settled: 'Settled',
  unsure: 'Unsure',
  worried: 'Worried',
} as const;

export const endReasonNames = {
  'tab-closed': 'The call tab was closed',
  'navigated-away': 'The tab left the call',
  'ended-by-practitioner': 'Ended by you',
  'browser-closed': 'The browser was closed during the call',
} as const;

export const statusNames = {
  running: 'Running',
  'aftercare-pending': 'Aftercare note to write',
  complete: 'Complete',
} as const;

/** The default checklist's wording, by item id. Each item names its source paper and chapter in its guidance. */
export const defaultChecklistText = {
  'prep-space': {
    text: 'I am in a quiet, private space; phone and notifications are off',
    guidance:
      'Nobody should overhear the client, and interruptions break trust. Source: RAN FC&S, chapters 3 and 4; APA office checklist.',
  },
  'prep-background': {
    text: 'My background is not distracting and my face is well lit',
    guidance: 'Source: RAN FC&S, chapter 3: "a non-distracting background and light".',
  },
  'prep-camera': {
    text: 'My camera is at eye level so I can make eye contact through it',
    guidance: 'Source: RAN FC&S, chapter 3: "make good eye contact through your camera".',
  },
  'prep-fallback': {
    text: 'I have a phone number to reach the client if the connection fails',
    guidance:
      'Wi-Fi can drop in the middle of a hard moment. Source: RAN FC&S, chapter 3; telepsychology consent checklists.',
  },
  'prep-interpreter': {
    text: 'An interpreter is arranged, if one is needed',
    guidance: 'Source: RAN FC&S, chapter 1: "Include a translator in the online conversation".',
  },
  'rule-cameras': {
    text: 'Both keep cameras on, unless there is a valid personal reason (note it)',
    guidance:
      'Cameras on keep a trustful relationship. Source: RAN FC&S, chapter 3: "keeping your cameras turned on ... unless there is a valid personal reason not to".',
  },
  'rule-recording': {
    text: 'Nobody records the session (or: a recording was agreed, with its purpose and who keeps it)',
    guidance:
      'Online you cannot be sure a conversation is not recorded, so agree it out loud. Source: RAN FC&S, chapter 2: "do not make recordings"; key outcomes: "agreements on ... making recordings".',
  },
  'rule-present': {
    text: 'Everyone present on both sides is named, and anyone who joins is announced',
    guidance:
      'Someone out of view may be listening. Source: RAN FC&S, chapters 2 and 3: "the presence of other/new people".',
  },
  'rule-privacy': {
    text: 'The client can speak freely and privately where they are now',
    guidance: 'Source: RAN FC&S, annex, Privacy: "Is the client free to speak privately from his/her home?"',
  },
  'rule-account': {
    text: 'The account in the call is used only by the client',
    guidance: 'Source: RAN FC&S, annex: "the technical account is only being used by the person him/herself".',
  },
  'rule-confidentiality': {
    text: 'What stays confidential, and its limits (legal duties to share), were explained',
    guidance: 'Source: RAN FC&S, chapter 2: terms and conditions; judicial issues around withholding information.',
  },
  'rule-questions': {
    text: 'The practitioner may ask more or different questions to read body language correctly',
    guidance: 'Source: RAN FC&S, chapter 3: "you may ask more/different questions".',
  },
  'rule-dropout': {
    text: 'If the connection drops or someone leaves suddenly, this is what happens next (call back, phone)',
    guidance:
      'Leaving a hard conversation is one click online. Source: RAN FC&S, chapter 3: Wi-Fi instability, clicking "Exit" in an uncomfortable conversation.',
  },
  'rule-objectives': {
    text: 'The objectives of this session were agreed',
    guidance:
      'Source: RAN Digital Exit Work: "An agreement over the objectives of the counselling can serve as the starting point".',
  },
  'rule-format': {
    text: 'The client is comfortable with meeting online today (or would prefer in person next time)',
    guidance: "Source: RAN FC&S: adapt to the client's preferences; RAN Digital Exit Work: offer online or in person.",
  },
  'rule-location': {
    text: "The client's current location and a phone number to reach them in an emergency are known",
    guidance: 'Source: Family Process 2020 teletherapy checklist; NASW Standards 1.03 (verify identity and location).',
  },
  'during-clear': {
    text: 'Ask clear questions',
    guidance: 'Source: RAN FC&S, chapter 3.',
  },
  'during-silence': {
    text: 'Accept some silence',
    guidance: 'Silence online can feel longer than it is; give the client time. Source: RAN FC&S, chapter 3.',
  },
  'during-checkin': {
    text: 'Check how the client is feeling; body language is harder to read online',
    guidance: 'Source: RAN FC&S, chapter 3.',
  },
  'during-newpeople': {
    text: 'Watch for new people or distractions in the room',
    guidance: 'Add anyone who joins under "Who is present". Source: RAN FC&S, chapter 3.',
  },
} as const;

/** The client's situation and needs (RAN FC&S annex): each question, what the annex says, and which way each answer points. */
export const considerationTexts = {
  'open-to-digital': {
    group: 'Before going digital',
    question: 'Is the client open to digital contact?',
    explain: 'Discuss the approach with the person who needs the support, and take their circumstances into account.',
    ifYes: 'The client is open to meeting online.',
    ifNo: 'The client is not open to meeting online.',
  },
  access: {
    group: 'Personal circumstances',
    question: 'Does the client have a device and a stable internet connection?',
    explain: 'Poverty can limit the possibility of using digital means.',
    ifYes: 'The client has what it takes to meet online.',
    ifNo: 'Without a device or stable internet, online contact is hard.',
  },
  skills: {
    group: 'Personal circumstances',
    question: 'Does the client know how to use the platform or app?',
    explain: 'A basic level of technical skill is needed for a digital approach.',
    ifYes: 'The client can use the platform.',
    ifNo: 'The client would first need help with the platform.',
  },
  prison: {
    group: 'Personal circumstances',
    question: 'Is the client in prison?',
    explain: 'Depending on the country, digital contact is not always possible with someone in prison.',
    ifYes: 'Digital contact may not be possible from prison.',
    ifNo: 'Prison rules do not limit the choice.',
  },
  language: {
    group: 'Personal circumstances',
    question: 'Are there language barriers that online contact could make worse?',
    explain: 'In some cases an interpreter in the online conversation is a solution.',
    ifYes: 'Online contact can deepen misunderstandings; an interpreter can help, or meet in person.',
    ifNo: 'Language does not limit the choice.',
  },
  distractions: {
    group: 'Personal circumstances',
    question: 'Would the client be distracted when calling from home?',
    explain: 'Think of background noise, other people present, children around.',
    ifYes: 'Distractions at home make online sessions harder.',
    ifNo: 'The client can call from home without distractions.',
  },
  'distance-illness': {
    group: 'Personal circumstances',
    question: 'Does the client live far away, or have an illness that limits their mobility?',
    explain: 'Digital means can lower the threshold; some illnesses also make digital means hard to use.',
    ifYes: 'Online contact can lower the threshold to take part (check the client can use it).',
    ifNo: 'Distance and mobility do not limit the choice.',
  },
  'met-before': {
    group: 'Relationship and trust',
    question: 'Have you met the client in person before?',
    explain:
      'Meeting in person first can help, especially if you are not sure the account is really theirs; expressions are easier to read online once you know the person.',
    ifYes: 'Having met helps to read the client online.',
    ifNo: 'A first meeting in person can confirm who the client is and build the relationship.',
  },
  trust: {
    group: 'Relationship and trust',
    question: 'Is there already a level of trust between you and the client?',
    explain: 'Trust is the basis of the relationship: consider whether it can be built digitally.',
    ifYes: 'Existing trust can carry online contact.',
    ifNo: 'Trust may first need face-to-face meetings.',
  },
  'uncomfortable-topics': {
    group: 'Content of the discussion',
    question: 'Will you discuss uncomfortable issues?',
    explain: 'This does not necessarily need a face-to-face setting: some people find it easier to share digitally.',
    ifYes: 'Some clients share uncomfortable stories more easily online, others in person: ask the client.',
    ifNo: 'The topics do not limit the choice.',
  },
  'practical-matters': {
    group: 'Content of the discussion',
    question: 'Will you help the client with practical matters (a passport, paperwork)?',
    explain: 'Easy practical questions can fit a digital approach.',
    ifYes: 'Practical questions fit online contact well.',
    ifNo: 'The kind of contact does not limit the choice.',
  },
  'complexity-crisis': {
    group: 'Content of the discussion',
    question: 'Is the situation complex, a crisis, or are highly sensitive issues at stake?',
    explain:
      'In a crisis needing a quick answer, digital may be best; highly sensitive issues may be better face-to-face.',
    ifYes: 'A crisis may need a quick answer online, while highly sensitive issues may be better in person.',
    ifNo: 'The situation does not limit the choice.',
  },
  'express-safely': {
    group: 'Privacy and confidentiality',
    question: 'Can the client express themselves safely online?',
    explain: 'The client should be sure the conversation is not recorded and the account is used only by them.',
    ifYes: 'The client can speak safely online.',
    ifNo: 'The client cannot speak safely online.',
  },
  'speak-privately': {
    group: 'Privacy and confidentiality',
    question: 'Is the client free to speak privately from home?',
    explain: 'Others may overhear a digital conversation at home.',
    ifYes: 'The client can speak privately from home.',
    ifNo: 'Others may overhear the client at home.',
  },
} as const;

export const considerationAnswerNames = { yes: 'Yes', no: 'No', unsure: 'Unsure' } as const;

export const directionNames = {
  digital: 'Points toward digital contact',
  'face-to-face': 'Points toward meeting face to face',
  hybrid: 'Points toward a combination (hybrid)',
  unsure: 'To explore with the client',
  neutral: 'Answered, pointing neither way',
} as const;

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

const setAsideWords: Record<SetAsideCode, (reason: SetAsideReason) => string> = {
  'unencrypted-while-protected': () => 'it is stored unencrypted while protection is on',
  'damaged-encryption': () => 'its encrypted form is damaged',
  'encrypted-but-off': () => 'it is encrypted, but protection is off',
  'other-passphrase': () => 'it was encrypted with another passphrase',
  tampered: () => 'it was changed after it was encrypted (damaged or tampered with)',
  'not-stored-format': () => 'it is not in the stored format',
  'newer-version': ({ version }) => `it was written by a newer version of Callcare (format ${version ?? '?'})`,
  'bad-version': ({ version }) => `its format number ${version ?? '?'} is not valid`,
  'no-upgrade-path': ({ version }) => `there is no way to upgrade it to format ${version ?? '?'}`,
  'upgrade-failed': ({ version, detail }) =>
    `upgrading it to format ${version ?? '?'} failed${detail ? ` (${detail})` : ''}`,
  'wrong-shape': ({ path, detail }) =>
    `it does not have the expected shape${path ? ` at ${path}` : ''}${detail ? ` (${detail})` : ''}`,
  'id-mismatch': () => 'its id is not the one its name says (it was changed)',
  'reserved-key': ({ path }) =>
    `it holds the reserved name "__proto__" as a key${path ? ` (at ${path})` : ''}, which Callcare does not accept`,
  'blank-code': () => 'its pseudonym or case code looks blank (only spaces or invisible characters)',
  'missing-checklist': () => 'the checklist it ran with is not in this backup, nor stored here',
};

/** Why a record was set aside, in words. */
export const setAsideReasonText = (reason: SetAsideReason): string => setAsideWords[reason.code](reason);

type RecordCounts = Record<'session' | 'client' | 'template' | 'checklist', number>;

/** "1 session and 2 clients": the kinds with any records, counted. */
function countRecords(counts: RecordCounts): string {
  const parts = [
    [counts.session, 'session', 'sessions'],
    [counts.client, 'client', 'clients'],
    [counts.template, 'template', 'templates'],
    [counts.checklist, 'checklist of past sessions', 'checklists of past sessions'],
  ]
    .filter(([count]) => Number(count) > 0)
    .map(([count, one, many]) => `${count} ${plural(Number(count), String(one), String(many))}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '0 records');
}

export const m = {
  appName: 'Callcare',
  loading: 'Loading…',
  defaultTemplateName: 'Default checklist',

  // Badge and notifications
  badgeTitleIdle: 'Callcare',
  badgeTitleSession: 'Callcare: a session is running in this tab',
  badgeTitlePending: (count: number) =>
    `Callcare: ${count} ${plural(count, 'aftercare note', 'aftercare notes')} to write`,
  notificationTitle: 'The call has ended',
  notificationMessage: (platform: string) => `Write the aftercare note for your ${platform} session while it is fresh.`,
  notificationRecoveredMessage: (platform: string) =>
    `The browser closed during a ${platform} session. Its aftercare note is still to write.`,
  notificationButton: 'Write aftercare note',

  // Shared
  runningFor: (duration: string) => `Running for ${duration}`,
  runningSince: (time: string, duration: string) => `Since ${time} · ${duration}`,
  startedAt: (time: string) => `Started ${time}`,
  endedAt: (time: string) => `Ended ${time}`,
  checksProgress: (ticked: number, total: number) => `Checks ticked: ${ticked} of ${total}`,
  agreedCount: (agreed: number, total: number) => `${agreed} of ${total} agreed`,
  minutes: (count: number) => `${count} min`,
  hoursMinutes: (hours: number, minutes: number) => `${hours} h ${minutes} min`,
  lessThanAMinute: 'less than a minute',
  openSettings: 'Settings',
  storageProblem: (count: number) =>
    `${count} stored ${plural(count, 'record', 'records')} could not be read and ${plural(count, 'is', 'are')} kept aside. See Settings.`,
  errorGeneric: (detail: string) => `Something went wrong: ${detail}. Nothing that was saved before is lost.`,

  // Popup
  popupSessionHeading: (platform: string) => `${platform} session`,
  popupOpenChecklist: 'Open the checklist',
  popupShortcutHint: (shortcut: string) => `Shortcut: ${shortcut}`,
  popupNoCall: 'No call in this tab.',
  popupEndedCall: 'The session for this call has ended.',
  popupStartAgain: 'Start a new session for this call',
  popupStartByHand: 'Start a session by hand',
  popupStartByHandHint: 'For a phone call, or a platform Callcare does not recognise.',
  popupKindLabel: 'Kind of call',
  popupStart: 'Start session',
  popupManualRunning: 'Sessions started by hand',
  popupPendingHeading: 'Aftercare notes to write',
  popupNoPending: 'No aftercare notes to write.',
  popupWriteNote: (platform: string, when: string) => `Write note: ${platform}, ${when}`,
  popupFollowUpsHeading: 'Follow-ups due',
  popupFollowUpItem: (platform: string, when: string) => `${platform} session of ${when}`,
  popupFollowUpDue: (time: string) => `due ${time}`,
  popupFollowUpNoTime: 'no reminder time',
  followUpDoneButton: 'Done',
  followUpDoneLabel: (session: string) => `Follow-up done: ${session}`,

  // Side panel
  panelNoSession: 'No session in this tab.',
  panelNoSessionHint: 'Open a call in this tab, or start a session by hand from the Callcare toolbar button.',
  panelSessionNotFound: 'This session could not be found. It may have been deleted.',
  panelEnded: 'This session has ended.',
  panelWriteAftercare: 'Write the aftercare note',
  panelViewAftercare: 'View the aftercare note',
  panelWhy: 'Why?',
  panelWhyLabel: (item: string) => `Why: ${item}`,
  panelNoteLabel: 'Note',
  panelNoteLabelFor: (item: string) => `Note for: ${item}`,
  panelNotePlaceholder: 'Optional: what was said, or a reason',
  panelSetAt: (time: string) => `Set at ${time}`,
  ruleHasNote: 'Has a note',
  ruleUndo: 'Undo',
  ruleUndoLabel: (item: string) => `Undo the last change: ${item}`,
  undoLast: (state: string) => `Undo “${state}”`,
  undoLastLabel: (item: string, state: string) => `Undo “${state}” for ${item}`,
  agreedOrAnswered: (recorded: number, total: number) => `${recorded} of ${total} agreed or answered`,
  beforeStepSummary: (ticked: number, total: number) => `${ticked} of ${total} ready`,
  beginConversation: 'Begin the conversation',
  beginConversationHint: 'Marks the start: anyone you add after this is suggested as joining later.',
  conversationStartedAt: (time: string) => `Conversation started ${time}`,
  sessionLasted: (duration: string) => `lasted ${duration}`,
  panelClientAndChecklist: 'Client and checklist',
  shortcutsHint: 'Keys on a rule: A agreed, D declined, N not applicable, U undo.',
  panelStateGroupLabel: (item: string) => `What was agreed: ${item}`,
  panelPresentHeading: 'Who is present',
  panelPresentHint: 'Use a role and a first name or initial, never a full name.',
  panelPersonRole: 'Role',
  panelPersonName: 'First name or initial',
  panelPersonSide: 'Side',
  panelAddPerson: 'Add person',
  panelRemovePerson: (who: string) => `Remove ${who}`,
  panelNobody: 'Nobody noted yet.',
  panelNoteSomeone: 'Note someone present',
  panelAddPersonDone: 'Done',
  panelJoinedLater: 'joined later',
  panelJoinedLaterLabel: 'Joined after the start',
  panelNotedAt: (time: string) => `noted ${time}`,
  panelPersonNameRequired: 'Enter a first name or an initial.',
  panelEndSession: 'End session',
  panelEndConfirm: 'End this session now? You will be asked for the aftercare note.',
  panelEndYes: 'Yes, end session',
  panelEndNo: 'Keep going',
  panelSaved: 'Every change is saved as you make it.',

  // Aftercare
  aftercareTitle: 'Aftercare note',
  aftercareFor: (platform: string, date: string) => `${platform} session, ${date}`,
  aftercareNoSession: 'No session was named. Choose a note to write:',
  aftercareNotFound: 'This session could not be found. It may have been deleted.',
  aftercareStillRunning: 'This session is still running. You can start the note now; it is kept as a draft.',
  aftercareClientSeemed: 'How the client seemed at the end',
  aftercareClientSeemedNote: 'In your words',
  aftercareConcerns: 'Concerns',
  aftercareFollowUpToday: 'A concern needs follow-up today',
  aftercareFollowUpAt: 'Remind me at',
  aftercareFollowUpAtHint: 'A notification comes at this time today, until the follow-up is marked done.',
  aftercareFollowUpDone: 'Follow-up done',
  aftercareFollowUpDoneAt: (time: string) => `Follow-up done at ${time}.`,
  aftercareFollowUpReopen: 'Reopen the follow-up',
  followUpDueTitle: 'Follow-up due',
  followUpDueMessage: (platform: string, time: string) => `Follow-up due: ${platform} session of ${time}`,
  followUpDueLocked: 'A follow-up is due. Unlock Callcare to see which session.',
  nextContactTitleToday: 'Next contact today',
  nextContactTitleOn: (date: string) => `Next contact on ${date}`,
  nextContactMessage: (platform: string, when: string) => `As agreed in your ${platform} session of ${when}.`,
  nextContactTitleLocked: 'A next contact is coming up',
  nextContactLocked: 'Unlock Callcare to see which session.',
  aftercareFollowUp: 'Follow-up agreed',
  aftercareNextContact: 'Date of next contact',
  aftercareOtherHelp: 'Other help made available',
  aftercareOtherHelpHint: 'What the client can turn to before the next contact.',
  aftercareWellbeing: 'My own wellbeing',
  aftercareWellbeingHint: 'How you are after this session.',
  aftercareSupervision: 'I would like supervision about this session',
  aftercareSave: 'Save and complete',
  aftercareUpdate: 'Save changes',
  aftercareSaving: 'Saving…',
  aftercareDraftSaved: (time: string) => `Draft kept at ${time}`,
  aftercareCompleted: (time: string) => `Saved and complete at ${time}`,
  aftercareRecordHeading: 'What was recorded in the session',
  aftercareNoneNoted: 'Nobody was noted.',
  aftercareNothingChecked: 'Not ticked',
  aftercareChecked: 'Ticked',
  aftercareEndReason: (reason: string) => `How it ended: ${reason}`,
  aftercareEnded: (when: string, duration: string) => `Ended ${when}, after ${duration}.`,
  aftercareAllWritten: 'No aftercare notes to write.',

  // Options
  optionsTitle: 'Callcare settings',
  settingsIndexLabel: 'Settings on this page',
  settingsGroupCall: 'The call',
  settingsGroupData: 'Protection and data',
  settingsDangerHeading: 'Danger zone',
  settingsDangerIntro: 'What is here cannot be undone. Download a backup first if you may need anything later.',
  optionsWhenCallEnds: 'When a call ends',
  optionsOpenAftercare: 'Open the aftercare note in a new tab',
  optionsNotify: 'Show a notification',
  optionsSaved: 'Saved.',
  optionsQuarantineHeading: 'Stored records that could not be read',
  optionsQuarantineNone: 'Every stored record reads correctly.',
  optionsQuarantineIntro:
    'These records were damaged or written by a newer version of Callcare. They are kept here exactly as they were found, so nothing is lost.',
  optionsQuarantineItem: (key: string, when: string) => `${key}, set aside ${when}`,
  optionsQuarantineReason: (reason: SetAsideReason | string) =>
    `Reason: ${typeof reason === 'string' ? reason : setAsideReasonText(reason)}`,
  optionsQuarantineLocked: 'Encrypted. Unlock Callcare to see what it is and why it was set aside.',
  optionsQuarantineDownload: 'Download as a file',
  optionsQuarantineDelete: 'Delete for good',
  optionsQuarantineDeleteConfirm: 'Delete this record for good? It cannot be recovered.',
  optionsPrivacyHeading: 'Privacy',
  optionsPrivacy:
    'Everything Callcare records stays in this browser on this device. It sends nothing anywhere. For a call it keeps the platform and the host, never the full address, which can hold meeting codes and passcodes.',
  optionsShortcut: 'Keyboard shortcut to open the checklist',
  // Clients
  clientCodeRequired: 'Enter a pseudonym or case code.',
  clientCodeTooLong: 'Keep the pseudonym or case code under 60 characters.',
  clientCodeTaken: (code: string) => `There is already a client "${code}".`,
  clientNotFound: 'This client could not be found. They may have been deleted.',

  clientHeading: 'Client',
  clientLabel: 'Client (pseudonym or case code)',
  clientHint: 'Use a pseudonym or case code, never a full name.',
  clientLinked: (code: string) => `Client: ${code}`,
  clientLink: 'Link client',
  clientChange: 'Change client',
  clientUnlink: 'Unlink',
  clientCancel: 'Cancel',
  clientNoMatch: (code: string) => `There is no client "${code}" yet.`,
  clientCreateAndLink: (code: string) => `Create client "${code}" and link`,
  clientOpenPage: "Open the client's page",
  carriedLastTime: (date: string, state: string) => `Last time (${date}): ${state}`,
  carriedReconfirm: 'Re-confirm for today',
  carriedReconfirmLabel: (item: string) => `Re-confirm for today: ${item}`,
  carriedReconfirmed: (date: string) => `Re-confirmed from the session of ${date}`,
  carriedReconfirmAll: (count: number) => `Re-confirm all ${count} from last time`,
  carriedIntro: (date: string) =>
    `This client was seen on ${date}. What was agreed then is shown under each rule: nothing counts for today until you re-confirm it.`,
  considerationsHeading: "The client's situation and needs",
  considerationsNoVerdict:
    'These questions do not lead to one answer: a combination of online and face-to-face work is possible. Decide together with the client.',
  considerationsNone: 'None answered yet.',
  considerationsUnanswered: (count: number) => `${count} not answered yet.`,
  considerationsAnsweredOn: (date: string) => `answered ${date}`,
  templateLabel: 'Checklist for this session',
  templateLocked: 'The checklist can be changed only before anything is recorded.',
  templateVersion: (version: number) => `version ${version}`,

  navLabel: 'Sections',
  navSettings: 'Settings',
  navClients: 'Clients',
  navChecklists: 'Checklists',
  clientsTitle: 'Clients',
  clientsIntro:
    'Keep each client under a pseudonym or a case code of your choosing. Never use a full name: Callcare stores what you type on this device.',
  clientsNew: 'New client',
  clientsAdd: 'Add client',
  clientsShowArchived: 'Show archived clients',
  clientsNone: 'No clients yet.',
  clientsArchivedMark: 'archived',
  clientsSessionsCount: (count: number) => `${count} ${plural(count, 'session', 'sessions')}`,
  clientsLastSeen: (date: string) => `last seen ${date}`,
  clientBack: 'All clients',
  clientCodeLabel: 'Pseudonym or case code',
  clientRename: 'Rename',
  clientArchive: 'Archive',
  clientUnarchive: 'Bring back from the archive',
  clientArchivedOn: (date: string) => `Archived on ${date}. Archived clients are not offered when linking a session.`,
  clientNextContact: (date: string) => `Next contact: ${date}`,
  clientNextContactPassed: (date: string) => `Next contact agreed for ${date}, now passed.`,
  clientDelete: 'Delete client',
  clientDeleteConfirm: (code: string, count: number) =>
    `Delete ${code} and all their ${count} ${plural(count, 'session', 'sessions')} and aftercare ${plural(count, 'note', 'notes')}? This cannot be undone.`,
  clientDeleteYes: (count: number) => `Yes, delete the client and ${count} ${plural(count, 'session', 'sessions')}`,
  clientDeleted: (code: string, count: number) =>
    `${code} and ${count} ${plural(count, 'session', 'sessions')} were deleted.`,
  clientCreated: (code: string) => `${code} was added.`,
  considerationsEditHeading: 'Answers',
  considerationsEditIntro:
    'Before going digital with this client, and again when things change. Each answer keeps the date it was given.',
  considerationAnswerLabel: (question: string) => `Answer: ${question}`,
  considerationNoAnswer: 'Not answered',
  considerationNoteLabel: (question: string) => `Note: ${question}`,
  considerationNoteDisabled: 'Answer the question to add a note.',
  historyHeading: 'Sessions',
  historyNone: 'No sessions with this client yet.',
  historyAgreements: (agreed: number, declined: number, recorded: number, total: number) =>
    `${recorded} of ${total} ${plural(total, 'agreement', 'agreements')} recorded: ${agreed} agreed, ${declined} declined`,
  historyNoNote: 'No aftercare note written yet.',
  historyShowRecord: 'Checklist record',
  historyOpenNote: 'Open the aftercare note',
  checklistsTitle: 'Checklists',
  checklistsIntro:
    'Edit the default checklist, or keep several templates. Each session keeps the exact version it ran with, so editing a template never changes a past record.',
  checklistsDefault: 'Default for new sessions',
  checklistsMakeDefault: (name: string) => `Use "${name}" for new sessions`,
  checklistsEdit: (name: string) => `Edit "${name}"`,
  checklistsExport: (name: string) => `Export "${name}" to a file`,
  checklistsDelete: (name: string) => `Delete "${name}"`,
  checklistsDeleteConfirm: (name: string) => `Delete the template "${name}"? Past sessions keep their own copy.`,
  checklistsResetDefault: 'Go back to the built-in checklist',
  checklistsNewName: 'Name of the new template',
  checklistsCreate: 'Create a template from the default',
  checklistsImport: 'Import a template file',
  checklistsImportHint: "A JSON file exported from Callcare, for example your organisation's terms and conditions.",
  checklistsImported: (name: string, count: number) =>
    `Imported "${name}" with ${count} ${plural(count, 'item', 'items')}.`,
  checklistsImportFailed: 'This file was not imported, and nothing was changed:',
  textDirectionRemoved: (count: number) =>
    `${count} hidden text-direction ${plural(count, 'character was', 'characters were')} removed, so the text reads as it is kept.`,
  checklistsItemsCount: (count: number, version: number) =>
    `${count} ${plural(count, 'item', 'items')}, version ${version}`,
  editorTitle: (name: string) => `Edit "${name}"`,
  editorBack: 'All checklists',
  editorName: 'Template name',
  editorItemText: (number: number) => `Item ${number}: text`,
  editorItemGuidance: (number: number) => `Item ${number}: guidance (why it matters, its source)`,
  editorItemKind: (number: number) => `Item ${number}: kind`,
  editorItemPhase: (number: number) => `Item ${number}: phase`,
  editorKindAgreement: 'Agreement (recorded with the client)',
  editorKindCheck: 'Check (ticked)',
  editorMoveUp: (number: number) => `Move item ${number} up`,
  editorMoveDown: (number: number) => `Move item ${number} down`,
  editorRemove: (number: number) => `Remove item ${number}`,
  editorAddTo: (phase: string) => `Add an item to "${phase}"`,
  templateNotFound: 'This checklist could not be found. It may have been deleted.',
  editorSave: 'Save as a new version',
  editorSaved: (version: number) => `Saved as version ${version}.`,
  editorInvalid: 'Not saved:',
  editorNewItemText: 'New item',

  // Protection
  lockedTitle: 'Callcare is locked',
  lockedIntro: 'Enter your passphrase to see and record sessions. Calls are still noticed while locked.',
  passphrase: 'Passphrase',
  unlock: 'Unlock',
  unlocking: 'Unlocking…',
  wrongPassphrase: 'That passphrase is not right. Nothing was changed.',
  forgottenCannotRecover: 'A forgotten passphrase cannot be recovered: nobody can open your records without it.',
  lockNow: 'Lock now',
  protectionHeading: 'Protection with a passphrase',
  protectionOffIntro:
    'With protection on, every client, session and note is stored encrypted on this device (AES-GCM, with a key made from your passphrase). You unlock once per browser session; Callcare locks when the browser closes and after the idle time you choose.',
  protectionBackupFirst: 'Before you turn protection on, download a backup, in case the passphrase is ever forgotten.',
  protectionNew: 'New passphrase',
  protectionNewHint: 'At least 10 characters. A few unrelated words are easy to remember and hard to guess.',
  protectionConfirm: 'The same passphrase again',
  protectionUnderstand: 'I understand that a forgotten passphrase cannot be recovered.',
  protectionTurnOn: 'Turn on protection',
  protectionWorking: 'Encrypting… this takes a moment.',
  protectionProgress: (kind: 'turn-on' | 'change-passphrase' | 'turn-off', done: number, total: number) =>
    `${kind === 'turn-off' ? 'Decrypting' : kind === 'change-passphrase' ? 'Encrypting again:' : 'Encrypting'} ${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${plural(total, 'record', 'records')}…`,
  protectionProgressLabel: (kind: 'turn-on' | 'change-passphrase' | 'turn-off') =>
    kind === 'turn-off' ? 'Decrypting records' : 'Encrypting records',
  protectionProgressValue: (done: number, total: number) =>
    `${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${plural(total, 'record', 'records')}`,
  protectionOlderCopies:
    "What turning protection on does not erase: the browser may keep older copies of the text of records written before, and of sessions you deleted, readable in its storage files on this computer until it compacts them. Callcare cannot force that. For full protection, turn on your computer's disk encryption too: BitLocker (Windows), FileVault (macOS) or LUKS (Linux).",
  protectionTooShort: 'Use at least 10 characters.',
  protectionMismatch: 'The two passphrases are not the same.',
  protectionMustUnderstand: 'Tick the box to confirm you understand.',
  protectionOn: 'Protection is on. Callcare stores your records encrypted.',
  protectionOnLocked: 'Protection is on, and Callcare is locked.',
  protectionTurnedOn: 'Protection is on. Every record Callcare keeps is now stored encrypted.',
  protectionChangeHeading: 'Change the passphrase',
  protectionCurrent: 'Current passphrase',
  protectionChange: 'Change passphrase',
  protectionChanged: 'The passphrase was changed and every record encrypted again.',
  protectionOffHeading: 'Turn protection off',
  protectionOffWarning: 'Your records will be stored unencrypted on this device.',
  protectionTurnOff: 'Turn protection off',
  protectionTurnedOff: 'Protection is off. Records are stored unencrypted.',
  // The welcome page, opened once on the first install
  welcomeTitle: 'Welcome to Callcare',
  welcomeWhat:
    'Callcare sits beside your video calls. When a call starts, it shows the rules of communication to agree with your client and records, item by item, what was agreed. When the call ends, it asks for an aftercare note. Everything stays on this computer: nothing is sent anywhere.',
  welcomeWhereHeading: 'Where to find it',
  welcomeToolbar:
    "The toolbar button: click the puzzle piece beside the address bar and pin Callcare, so its badge shows when a tab is a call. Clicking it opens a short summary and 'Open the checklist'.",
  welcomePanel:
    'The checklist opens beside the call: in the side panel in Chrome and Edge, in the sidebar in Firefox. Alt+Shift+K opens it too.',
  welcomeSettings: 'Settings, your clients and your history are on the options page, reached from the toolbar button.',
  welcomeProtectHeading: 'Protect your records from the start',
  welcomeProtectIntro:
    'Nothing has been written yet. If you turn protection on now, every client, session and note is encrypted from the first word you type, so no readable copy of it is ever stored. You can also turn it on later in Settings.',
  welcomeSkip: 'Skip for now',
  welcomeSkipped: 'You can turn protection on at any time in Settings, under Protection with a passphrase.',
  welcomeProtected: 'Protection is on. Everything you record from now on is stored encrypted.',
  welcomeClose: 'Close this page',
  autoLockLabel: 'Lock after the computer has been idle for',
  autoLockNever: 'Never (only when the browser closes)',
  autoLockMinutes: (minutes: number) => `${minutes} ${plural(minutes, 'minute', 'minutes')}`,
  popupLocked: 'Callcare is locked.',
  popupUnlockToSee: 'Unlock to see and record the checklist.',

  // Backups
  backupNeedsUnlock: 'Unlock Callcare to make a backup.',
  backupTooLarge: 'This file is too large to be a Callcare backup.',
  backupNotJson: 'This file is not a Callcare backup: it is not readable JSON text.',
  backupNotABackup: 'This file is not a Callcare backup.',
  backupFormatVersion: 'This backup was made by a different version of Callcare, which this one cannot read.',
  backupDamaged: (where: string) => `This backup is damaged (at ${where}). Nothing was restored.`,
  backupWrongPassphrase: 'That is not the passphrase this backup was made with. Nothing was restored.',
  backupReservedKey: (where: string) =>
    `This backup holds the reserved name "__proto__" as a key (at ${where}), which Callcare does not accept. Nothing was restored.`,
  backupNotVerified: (problem: string) =>
    `The backup was read back before it was offered, and it would not restore correctly, so no file was downloaded. ${problem}`,
  backupSetAsideItem: (key: string, reason: SetAsideReason) => `${key}: ${setAsideReasonText(reason)}`,

  // Your data
  dataBackupsHeading: 'Backups',
  dataCsvHeading: 'Statistics for yourself',
  dataNeedsUnlock: 'Unlock Callcare to download or restore a backup, or to see sessions past the retention period.',
  dataBackup: 'Download a backup',
  dataBackupHint:
    'Every client, session and template in one file. With protection on, the file is encrypted with your passphrase.',
  dataBackupDone: 'The backup was downloaded.',
  dataRestore: 'Restore from a backup file',
  dataRestoreHint:
    'Adds what is missing and replaces only what the backup has newer. Nothing newer on this device is overwritten.',
  dataRestorePassphrase: 'Passphrase of the backup',
  dataRestoreOpen: 'Open the backup',
  dataRestoreSummary: (sessions: number, clients: number, templates: number, date: string) =>
    `This backup from ${date} holds ${sessions} ${plural(sessions, 'session', 'sessions')}, ${clients} ${plural(clients, 'client', 'clients')} and ${templates} ${plural(templates, 'template', 'templates')}.`,
  dataRestorePlan: (add: number, replace: number, keep: number) =>
    `Restoring adds ${add}, replaces ${replace} older ${plural(replace, 'record', 'records')}, and keeps ${keep} that ${plural(keep, 'is', 'are')} the same or newer here.`,
  dataRestoreConfirm: 'Restore',
  dataRestoreCancel: 'Cancel',
  dataRestored: (add: number, replace: number) => `Restored: ${add} added, ${replace} replaced.`,
  dataRestoreSetAside: (counts: RecordCounts) =>
    `${countRecords(counts)} in this backup cannot be read and will be set aside; the rest can be restored.`,
  dataRestoredSetAside: (counts: RecordCounts) => `Set aside, not restored: ${countRecords(counts)}.`,
  dataRestoreSetAsideList: 'What was set aside, and why',
  dataCsv: 'Download a CSV of sessions (no free text)',
  dataCsvHint: 'Dates, platforms, counts and choices for your own statistics; no notes, names or codes.',
  dataDeleteAll: 'Delete everything',
  dataDeleteAllHint: 'Deletes every client, session, note, template and setting Callcare holds on this device.',
  dataDeleteAllConfirmLabel: 'Type DELETE to confirm',
  dataDeleteAllWord: 'DELETE',
  dataDeleteAllYes: 'Delete everything now',
  dataDeletedAll: 'Everything was deleted.',
  retentionHeading: 'Keeping sessions',
  retentionLabel: 'Delete completed sessions older than',
  retentionOff: 'Keep them (no retention period)',
  retentionDays: (days: number) =>
    days > 0 && days % 365 === 0
      ? `${days / 365} ${plural(days / 365, 'year', 'years')}`
      : `${days} ${plural(days, 'day', 'days')}`,
  retentionDue: (count: number, oldest: string, newest: string) =>
    `${count} completed ${plural(count, 'session is', 'sessions are')} past the retention period (from ${oldest} to ${newest}).`,
  retentionNoneDue: 'No completed session is past the retention period.',
  retentionDelete: (count: number) => `Delete these ${count} ${plural(count, 'session', 'sessions')}`,
  retentionDeleted: (count: number) => `${count} ${plural(count, 'session was', 'sessions were')} deleted.`,
  retentionNotificationTitle: 'Sessions past the retention period',
  retentionNotificationMessage: (count: number) =>
    `${count} completed ${plural(count, 'session is', 'sessions are')} older than your retention period. Review and delete them in Callcare's settings.`,
  hostsHeading: "Your organisation's call hosts",
  hostsIntro:
    'If your organisation runs its own Jitsi, BigBlueButton or similar, add its host. The browser will ask you to allow Callcare to see that host alone.',
  hostsLabel: 'Host, such as jitsi.example.org',
  hostsAdd: 'Add host',
  hostsInvalid: 'Enter a host name such as jitsi.example.org, without https:// or a path.',
  hostsKnown: 'Callcare already recognises this platform.',
  hostsDenied: 'The browser did not give permission for this host, so it was not added.',
  hostsNone: 'No hosts added.',
  hostsAsking: (host: string) => `Asking the browser for permission to see ${host}, and nothing else…`,
  hostsRemove: (host: string) => `Remove ${host}`,
  sessionDelete: 'Delete this session',
  sessionDeleteConfirm: 'Delete this session and its aftercare note? This cannot be undone.',
  sessionDeleteYes: 'Yes, delete it',
  sessionDeleted: 'The session was deleted.',
  sessionReport: 'Printable report',
  reportTitle: 'Session report',
  reportPrint: 'Print or save as PDF',
  reportGenerated: (date: string) => `Made ${date} from Callcare. Confidential.`,

  // Wellbeing
  limitTitle: 'Over your daily maximum',
  limitMessage: (count: number, maximum: number) =>
    `This is session ${count} today; the maximum you set is ${maximum}. The call goes on as usual. Take a breath, and plan some time for yourself.`,
  limitNotice: (count: number, maximum: number) =>
    `This is session ${count} today, over the maximum of ${maximum} you set. Nothing is blocked: the client comes first. When you can, take some time for yourself.`,
  limitDismiss: 'Dismiss for today',
  todayCount: (count: number, maximum: number | null) =>
    maximum === null ? `Sessions today: ${count}` : `Sessions today: ${count} of ${maximum}`,
  workdayEndTitle: 'Your workday ends now',
  workdayEndPending: (count: number) => `${count} aftercare ${plural(count, 'note', 'notes')} still to write:`,
  workdayEndNothingPending: 'No aftercare notes to write. Time to switch off.',
  workdayEndFollowUps: (count: number) => `${count} ${plural(count, 'follow-up', 'follow-ups')} still open:`,
  workdayEndWrite: 'Write aftercare notes',
  workdayEndSnooze: (minutes: number) => `Remind me in ${minutes} ${plural(minutes, 'minute', 'minutes')}`,
  wellbeingHeading: 'Your own wellbeing',
  wellbeingLimitsHeading: 'Your limits',
  wellbeingIntro:
    'Limits you set yourself (or your organisation sets). A limit never blocks a call: a client in crisis comes first.',
  wellbeingMax: 'Most sessions in a day',
  wellbeingNoMax: 'No maximum',
  wellbeingDays: 'Working days',
  wellbeingEnd: 'End of the workday',
  wellbeingEndHint:
    'At this time on working days, a reminder lists the aftercare notes still to write. Leave empty for none.',
  wellbeingViewToggle: 'Show the weekly wellbeing view (only you see it)',
  wellbeingRemindNextContact: 'Remind me on the day of the next contact',
  wellbeingRemindNextContactHint:
    'A notification at 9:00 on the date of next contact in an aftercare note; when that is not a working day, on the working day before it.',
  weekdayNames: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  selfRatingLabel: 'How I am after this session',
  selfRatingNames: { good: 'Good', okay: 'Okay', tired: 'Tired', strained: 'Strained' },
  navHistory: 'History',
  navOverview: 'Overview',
  historyTitle: 'History',
  historyFilters: 'Filter sessions',
  historyClient: 'Client',
  historyAnyClient: 'All clients',
  historyFrom: 'From',
  historyTo: 'To',
  historyPlatform: 'Platform',
  historyAnyPlatform: 'All platforms',
  historyState: 'State',
  historyAnyState: 'All states',
  historySearch: 'Search the notes',
  historyCount: (shown: number, total: number) => `${shown} of ${total} ${plural(total, 'session', 'sessions')}`,
  historyOverLimit: 'day over the limit',
  historyFollowUpOpen: 'Follow-up open',
  historyFollowUpDue: (time: string) => `Follow-up open, due ${time}`,
  historyNextContact: (date: string) => `Next contact: ${date}`,
  historyShowMore: 'Show more',
  historySearching: 'Searching the notes…',
  historyOpen: 'Open the full record',
  overviewTitle: 'Overview',
  chartPerDay: 'Sessions per day, last 30 days',
  chartPerDaySummary: (total: number, maximum: number | null) =>
    maximum === null
      ? `${total} ${plural(total, 'session', 'sessions')} in the last 30 days.`
      : `${total} ${plural(total, 'session', 'sessions')} in the last 30 days; the daily maximum is ${maximum}.`,
  chartMaxLine: (maximum: number) => `Daily maximum: ${maximum}`,
  chartDay: 'Day',
  chartSessions: 'Sessions',
  chartOutcomes: 'How each rule went',
  chartOutcomesSummary:
    'For each rule of communication, how often it was agreed, declined, not discussed or not applicable. The rules most often declined come first.',
  chartRule: 'Rule',
  chartPending: 'Aftercare notes still to write, by age',
  chartAge: 'Age',
  chartNotes: 'Notes',
  ageNames: { today: 'Today', '1-2 days': '1 to 2 days', '3-7 days': '3 to 7 days', 'over a week': 'Over a week' },
  chartWeeks: 'Your weeks',
  chartWeek: 'Week of',
  chartSelfRatings: 'How you rated yourself',
  chartOverLimitSessions: 'Sessions on days over the limit',
  chartSupervision: 'Supervision asked for',
  chartNoData: 'No sessions yet.',
  chartShowTable: 'Show the numbers as a table',

  // Template files
  templateFieldId: 'its id',
  templateFieldPhase: 'its phase',
  templateFieldKind: 'its kind',
  templateFieldText: 'its text',
  templateFieldGuidance: 'its guidance',
  templateFieldName: 'The template name',
  templateFieldItems: 'The list of items',
  templateErrorItem: (number: number) => `Item ${number}`,
  templateErrorItemField: (number: number, field: string) => `Item ${number}, ${field},`,
  templateErrorWholeFile: 'The file',
  templateErrorMissing: (place: string) => `${place} is missing.`,
  templateErrorWrongType: (place: string, expected: string) =>
    `${place} should be ${expected === 'string' ? 'text' : expected === 'array' ? 'a list' : expected === 'object' ? 'a group of fields' : expected}.`,
  templateErrorEmpty: (place: string) => `${place} is empty.`,
  templateErrorTooFew: (place: string, minimum: number) => `${place} needs at least ${minimum}.`,
  templateErrorTooLong: (place: string, maximum: number) =>
    `${place} is too long (at most ${maximum} ${plural(maximum, 'character', 'characters')}).`,
  templateErrorTooMany: (place: string, maximum: number) => `${place} has too many entries (at most ${maximum}).`,
  templateErrorPhase: (place: string, phases: string) => `${place} must be one of: ${phases}.`,
  templateErrorKind: (place: string) => `${place} must be "agreement" or "check".`,
  templateErrorValue: (place: string) => `${place} is not valid.`,
  templateErrorId: (place: string) =>
    `${place} may use only letters, digits, "-" and "_", and cannot be a reserved name such as "__proto__" or "constructor".`,
  templateErrorBlankLooking: (place: string) => `${place} looks blank: it holds only spaces or invisible characters.`,
  templateErrorNotJson: 'This file is not a template: it is not readable JSON text.',
  templateErrorNotATemplate:
    'This file is not a Callcare template (it does not say "format": "callcare-template", version 1).',
  templateErrorFormatVersion:
    'This template file was made by a different version of Callcare, which this one cannot read.',
  templateErrorTooLarge: 'This file is too large to be a template.',
  templateErrorDuplicateId: (number: number, id: string) =>
    `Item ${number} has the same id as an earlier item ("${id}").`,

  optionsShortcutChange: "Change it on the browser's extension shortcuts page.",
} as const;
