/**
 * Every change a practitioner makes to a session, as plain data. An edit
 * carries its own time, so it can be queued, sent to the background when a
 * page closes, and applied again without doubling anything: applying the same
 * edit twice gives the same record as applying it once. Pure.
 */
import { z } from 'zod';
import {
  aftercareSchema,
  agreementStateSchema,
  roleSchema,
  type Session,
  sideSchema,
  templateSnapshotSchema,
} from '../schemas';
import {
  addPerson,
  completeAftercare,
  keepAftercareDraft,
  linkClient,
  reconfirm,
  removePerson,
  setAgreementNote,
  setAgreementState,
  setCheck,
  switchTemplate,
} from './model';

const at = z.number().int().nonnegative();
const itemId = z.string().min(1).max(100);

const aftercareFieldsSchema = aftercareSchema.omit({ updatedAt: true, completedAt: true }).partial();

export const editSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agreement-state'), itemId, state: agreementStateSchema, at }),
  z.object({ type: z.literal('agreement-note'), itemId, note: z.string().max(20_000) }),
  z.object({
    type: z.literal('reconfirm'),
    itemId,
    last: z.object({ sessionId: z.string().min(1), state: agreementStateSchema, note: z.string(), at }),
    at,
  }),
  z.object({ type: z.literal('check'), itemId, checked: z.boolean(), at }),
  z.object({
    type: z.literal('add-person'),
    person: z.object({
      id: z.string().min(1).max(100),
      side: sideSchema,
      role: roleSchema,
      name: z.string().max(100),
      joinedLater: z.boolean(),
    }),
    at,
  }),
  z.object({ type: z.literal('remove-person'), personId: z.string().min(1) }),
  z.object({ type: z.literal('link-client'), clientId: z.string().min(1).nullable() }),
  z.object({ type: z.literal('switch-template'), template: templateSnapshotSchema }),
  z.object({ type: z.literal('aftercare'), fields: aftercareFieldsSchema, at }),
  z.object({ type: z.literal('complete'), at }),
]);

export type Edit = z.infer<typeof editSchema>;
export const editsSchema = z.array(editSchema).min(1).max(10_000);

function applyOne(session: Session, edit: Edit): Session {
  switch (edit.type) {
    case 'agreement-state': {
      // The same click applied again (after a page handed its edits to the background) changes nothing.
      const history = session.agreements[edit.itemId]?.history ?? [];
      if (history.some((entry) => entry.at === edit.at && entry.state === edit.state)) return session;
      return setAgreementState(session, edit.itemId, edit.state, edit.at);
    }
    case 'agreement-note':
      return setAgreementNote(session, edit.itemId, edit.note);
    case 'reconfirm': {
      const record = session.agreements[edit.itemId];
      if (record?.confirmedFrom?.sessionId === edit.last.sessionId && record.changedAt === edit.at) return session;
      return reconfirm(session, edit.itemId, edit.last, edit.at);
    }
    case 'check':
      return setCheck(session, edit.itemId, edit.checked, edit.at);
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

/** Applies edits in order. */
export function applyEdits(session: Session, edits: readonly Edit[]): Session {
  return edits.reduce(applyOne, session);
}
