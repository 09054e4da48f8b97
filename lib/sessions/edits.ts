/**
 * Every change a practitioner makes to a session, as plain data. An edit
 * carries its own time, so it can be queued, sent to the background when a
 * page closes, and applied again without doubling anything: applying the same
 * edit twice gives the same record as applying it once. Pure.
 */

import {
  aftercareSchema,
  agreementStateSchema,
  roleSchema,
  type Session,
  sideSchema,
  templateSnapshotSchema,
} from '../schemas';
import { z } from '../zod';
import {
  addPerson,
  completeAftercare,
  keepAftercareDraft,
  linkClient,
  reconfirm,
  recordOf,
  removePerson,
  setAgreementNote,
  setAgreementState,
  setCheck,
  startConversation,
  switchTemplate,
  undoAgreementChange,
} from './model';

const at = z.int().check(z.nonnegative());
const itemId = z.string().check(z.minLength(1)).check(z.maxLength(100));

const aftercareFieldsSchema = z.partial(z.omit(aftercareSchema, { updatedAt: true, completedAt: true }));

export const editSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agreement-state'), itemId, state: agreementStateSchema, at }),
  z.object({ type: z.literal('agreement-note'), itemId, note: z.string().check(z.maxLength(20_000)) }),
  /** Takes back the change of `itemId` made at `undoneAt`, if it is still its last. */
  z.object({ type: z.literal('agreement-undo'), itemId, undoneAt: at }),
  z.object({ type: z.literal('conversation-started'), at }),
  z.object({
    type: z.literal('reconfirm'),
    itemId,
    last: z.object({ sessionId: z.string().check(z.minLength(1)), state: agreementStateSchema, note: z.string(), at }),
    at,
  }),
  z.object({ type: z.literal('check'), itemId, checked: z.boolean(), at }),
  z.object({
    type: z.literal('add-person'),
    person: z.object({
      id: z.string().check(z.minLength(1)).check(z.maxLength(100)),
      side: sideSchema,
      role: roleSchema,
      name: z.string().check(z.maxLength(100)),
      joinedLater: z.boolean(),
    }),
    at,
  }),
  z.object({ type: z.literal('remove-person'), personId: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('link-client'), clientId: z.nullable(z.string().check(z.minLength(1))) }),
  z.object({ type: z.literal('switch-template'), template: templateSnapshotSchema }),
  z.object({ type: z.literal('aftercare'), fields: aftercareFieldsSchema, at }),
  z.object({ type: z.literal('complete'), at }),
]);

export type Edit = z.infer<typeof editSchema>;
export const editsSchema = z.array(editSchema).check(z.minLength(1)).check(z.maxLength(10_000));

/**
 * A change older than the record's last one (or as old): already applied (a
 * page handed its edits over while its own write was in flight), or overtaken
 * by a later choice on another surface.
 */
const overtaken = (changedAt: number | null, at: number) => changedAt !== null && at <= changedAt;

function applyOne(session: Session, edit: Edit): Session {
  switch (edit.type) {
    case 'agreement-state':
      if (overtaken(recordOf(session, edit.itemId).changedAt, edit.at)) return session;
      return setAgreementState(session, edit.itemId, edit.state, edit.at);
    case 'agreement-note':
      return setAgreementNote(session, edit.itemId, edit.note);
    case 'agreement-undo':
      return undoAgreementChange(session, edit.itemId, edit.undoneAt);
    case 'conversation-started':
      return startConversation(session, edit.at);
    case 'reconfirm':
      if (overtaken(recordOf(session, edit.itemId).changedAt, edit.at)) return session;
      return reconfirm(session, edit.itemId, edit.last, edit.at);
    case 'check': {
      const check = Object.hasOwn(session.checks, edit.itemId) ? session.checks[edit.itemId] : undefined;
      // A tick set again at the same time is the same tick: only an older one is overtaken.
      if (check && edit.at < check.changedAt) return session;
      return setCheck(session, edit.itemId, edit.checked, edit.at);
    }
    case 'add-person':
      if (session.people.some((person) => person.id === edit.person.id)) return session;
      return addPerson(session, edit.person, edit.at);
    case 'remove-person':
      return removePerson(session, edit.personId);
    case 'link-client':
      return linkClient(session, edit.clientId);
    case 'switch-template':
      if (session.template.id === edit.template.id && session.template.version === edit.template.version)
        return session;
      return switchTemplate(session, edit.template);
    case 'aftercare':
      return keepAftercareDraft(session, edit.fields, edit.at);
    case 'complete':
      return completeAftercare(session, {}, edit.at);
  }
}

let lastStamp = 0;

/** The time for a new edit: now, but always later than this page's previous edit. */
export function stamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

/** Applies edits in order. */
export function applyEdits(session: Session, edits: readonly Edit[]): Session {
  return edits.reduce(applyOne, session);
}
