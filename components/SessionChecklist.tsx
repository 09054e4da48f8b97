/**
 * The whole checklist of one session, as the side panel shows it during a
 * live call: a header that stays in view (the running time, the progress,
 * "End session" and the last change's undo), the preparation as a short step
 * that folds away, then the rules of communication, who is present, and the
 * reminders. Every change is saved at once.
 */
import { useState } from 'react';
import { carriedOver, previousSessionId, stillToReconfirm } from '../lib/carryOver';
import { itemsInPhase } from '../lib/checklist';
import { t } from '../lib/i18n';
import type { AgreementState, ChecklistItem, Session } from '../lib/schemas';
import { findBackwards } from '../lib/sessions/digestStore';
import { type Edit, stamp } from '../lib/sessions/edits';
import { FIRST_MINUTES_MS } from '../lib/sessions/model';
import { sessions } from '../lib/sessions/records';
import { clients } from '../lib/storage/items';
import { formatClock, formatDate } from '../lib/time';
import { AgreementRow } from './AgreementRow';
import { CheckRow } from './CheckRow';
import { ClientPicker, openClientPage } from './ClientPicker';
import { ConsiderationsSummary } from './ConsiderationsSummary';
import { OverLimitNotice, TodayCount } from './DailyLimit';
import { PeoplePresent } from './PeoplePresent';
import { SessionHeader } from './SessionHeader';
import { ShareWithClient } from './ShareWithClient';
import { TemplatePicker } from './TemplatePicker';
import { useSessionEditor } from './useSessionEditor';
import { useNow, useStored } from './useStored';

interface Props {
  session: Session;
  onEnd: () => void;
  onWriteAftercare: () => void;
}

/** The last state recorded in this panel, for "Undo". */
interface LastChange {
  itemId: string;
  state: AgreementState;
  at: number;
}

function BeforeTheCall({
  session,
  now,
  save,
  clientCode,
  children,
}: {
  session: Session;
  now: number;
  save: (edit: Edit) => void;
  /** The linked client's pseudonym or case code, shown on the folded line. */
  clientCode: string | null;
  children: React.ReactNode;
}) {
  const checks = itemsInPhase(session.template.items, 'before');
  const ticked = checks.filter((item) => session.checks[item.id]?.checked).length;
  // Shown at the start; folded once ready, once the conversation (or the recording of the rules) has begun, or
  // after the first minutes; the practitioner can always open or close it.
  const done =
    (checks.length > 0 && ticked === checks.length) ||
    session.conversationStartedAt !== null ||
    Object.values(session.agreements).some((record) => record.changedAt !== null) ||
    now - session.startedAt > FIRST_MINUTES_MS ||
    session.status !== 'running';
  const [chosen, setChosen] = useState<boolean | null>(null);
  // Never folded by itself under the practitioner's hands: only once the focus has left it.
  const [working, setWorking] = useState(false);
  const open = chosen ?? (working || !done);
  const setOpen = (next: boolean) => {
    if (next !== open) setChosen(next);
  };
  return (
    <details
      className="step card"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onFocus={() => setWorking(open)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setWorking(false);
      }}
    >
      <summary>
        <span className="step-title">{t('phase.before')}</span>{' '}
        <span className="muted small">
          {t('beforeStepSummary', { ticked, total: checks.length })}
          {clientCode && ` · ${clientCode}`}
        </span>
      </summary>
      <p className="muted small">{t('phaseIntro.before')}</p>
      {children}
      {session.status === 'running' &&
        (session.conversationStartedAt === null ? (
          <div className="stack">
            <button
              type="button"
              className="primary"
              onClick={() => {
                save({ type: 'conversation-started', at: stamp() });
                setOpen(false);
              }}
            >
              {t('beginConversation')}
            </button>
            <p className="muted small">{t('beginConversationHint')}</p>
          </div>
        ) : (
          <p className="muted small">
            {t('conversationStartedAt', { time: formatClock(session.conversationStartedAt) })}
          </p>
        ))}
    </details>
  );
}

export function SessionChecklist({ session: stored, onEnd, onWriteAftercare }: Props) {
  const now = useNow();
  const { session, save, error } = useSessionEditor(stored);
  const [lastChange, setLastChange] = useState<LastChange | null>(null);
  const running = session.status === 'running';
  const items = session.template.items;
  const client = useStored(
    async () => (session.clientId ? ((await clients.get(session.clientId)) ?? null) : null),
    clients.watch,
    session.clientId ?? 'none',
  );
  // The previous session does not change during this one: read once per linked client.
  const previous = useStored(
    async () => {
      const id = session.clientId
        ? await findBackwards(session.startedAt, (digest) => previousSessionId(digest, session))
        : undefined;
      return id ? await sessions.get(id) : undefined;
    },
    () => () => undefined,
    `${session.id}:${session.clientId}`,
  );
  const carried = carriedOver(previous.value, session);
  const toReconfirm = stillToReconfirm(carried, session);

  const record = (itemId: string, state: AgreementState) => {
    const at = stamp();
    save({ type: 'agreement-state', itemId, state, at });
    setLastChange({ itemId, state, at });
  };
  const undo = (itemId: string) => {
    const last = session.agreements[itemId]?.history.at(-1);
    if (!last) return;
    save({ type: 'agreement-undo', itemId, undoneAt: last.at });
    setLastChange((current) => (current?.itemId === itemId ? null : current));
  };
  const undoItem = lastChange ? items.find((item) => item.id === lastChange.itemId) : undefined;
  const undoable =
    lastChange && undoItem && session.agreements[lastChange.itemId]?.history.at(-1)?.at === lastChange.at
      ? { item: undoItem, state: lastChange.state }
      : null;

  const renderItem = (item: ChecklistItem) =>
    item.kind === 'check' ? (
      <CheckRow
        key={item.id}
        item={item}
        record={session.checks[item.id]}
        onChange={(checked) => save({ type: 'check', itemId: item.id, checked, at: stamp() })}
      />
    ) : (
      <AgreementRow
        key={item.id}
        item={item}
        record={session.agreements[item.id]}
        onState={(state) => record(item.id, state)}
        onNote={(note) => save({ type: 'agreement-note', itemId: item.id, note })}
        onUndo={() => undo(item.id)}
        carried={carried[item.id]}
        onReconfirm={() => {
          const last = carried[item.id];
          if (last) save({ type: 'reconfirm', itemId: item.id, last, at: stamp() });
        }}
      />
    );
  const reconfirmAll = () => {
    const at = stamp();
    for (const itemId of toReconfirm) {
      const last = carried[itemId];
      if (last) save({ type: 'reconfirm', itemId, last, at });
    }
  };
  const phase = (name: 'rules' | 'during', extra?: React.ReactNode) => (
    <section aria-labelledby={`phase-${name}`}>
      <h2 id={`phase-${name}`}>{t(`phase.${name}`)}</h2>
      <p className="muted small">{t(`phaseIntro.${name}`)}</p>
      {extra}
      <ul className="plain">{itemsInPhase(items, name).map(renderItem)}</ul>
    </section>
  );

  return (
    <>
      <SessionHeader
        session={session}
        now={now}
        onEnd={onEnd}
        onWriteAftercare={onWriteAftercare}
        undo={
          undoable && {
            label: t('undoLast', { state: t(`agreementState.${undoable.state}`) }),
            accessibleName: t('undoLastLabel', {
              item: undoable.item.text,
              state: t(`agreementState.${undoable.state}`),
            }),
            run: () => undo(undoable.item.id),
          }
        }
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {running && <OverLimitNotice startedAt={session.startedAt} />}
      <BeforeTheCall session={session} now={now} save={save} clientCode={client.value?.code ?? null}>
        <ClientPicker clientId={session.clientId} onLink={(clientId) => save({ type: 'link-client', clientId })} />
        <TemplatePicker session={session} onChoose={(template) => save({ type: 'switch-template', template })} />
        <ul className="plain">{itemsInPhase(items, 'before').map(renderItem)}</ul>
        <TodayCount />
        <p className="muted small">{t('panelSaved')}</p>
      </BeforeTheCall>
      {client.value && (
        <details className="card">
          <summary>{t('considerationsHeading')}</summary>
          <ConsiderationsSummary client={client.value} />
          <button type="button" className="link small" onClick={() => openClientPage(client.value?.id ?? '')}>
            {t('clientOpenPage')}
          </button>
        </details>
      )}
      {phase(
        'rules',
        <>
          <p className="muted small">{t('shortcutsHint')}</p>
          {previous.value && (
            <div className="notice small">
              <p>{t('carriedIntro', { date: formatDate(previous.value.startedAt) })}</p>
              {toReconfirm.length > 0 && (
                <button type="button" onClick={reconfirmAll}>
                  {t('carriedReconfirmAll', { count: toReconfirm.length })}
                </button>
              )}
            </div>
          )}
        </>,
      )}
      <ShareWithClient session={session} />
      <PeoplePresent
        session={session}
        onAdd={(person) => save({ type: 'add-person', person: { ...person, id: crypto.randomUUID() }, at: stamp() })}
        onRemove={(personId) => save({ type: 'remove-person', personId })}
      />
      {phase('during')}
    </>
  );
}
