/** The whole checklist of one session, by phase, as the side panel shows it. Every change is saved at once. */
import { Fragment, useState } from 'react';
import { carriedOver, previousSessionId, stillToReconfirm } from '../lib/carryOver';
import { itemsInPhase, PHASES } from '../lib/checklist';
import { m, phaseIntros, phaseNames, platformNames } from '../lib/messages';
import type { ChecklistItem, Session } from '../lib/schemas';
import { stamp } from '../lib/sessions/edits';
import { sessions } from '../lib/sessions/records';
import { clients, sessionDigest } from '../lib/storage/items';
import { formatClock, formatDate, formatDuration } from '../lib/time';
import { AgreementRow } from './AgreementRow';
import { CheckRow } from './CheckRow';
import { ClientPicker, openClientPage } from './ClientPicker';
import { ConsiderationsSummary } from './ConsiderationsSummary';
import { OverLimitNotice, TodayCount } from './DailyLimit';
import { PeoplePresent } from './PeoplePresent';
import { ProgressLine } from './ProgressLine';
import { TemplatePicker } from './TemplatePicker';
import { useSessionEditor } from './useSessionEditor';
import { useNow, useStored } from './useStored';

interface Props {
  session: Session;
  onEnd: () => void;
  onWriteAftercare: () => void;
}

export function SessionChecklist({ session: stored, onEnd, onWriteAftercare }: Props) {
  const now = useNow();
  const { session, save, error } = useSessionEditor(stored);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
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
      const id = session.clientId ? previousSessionId(await sessionDigest.get(), session) : undefined;
      return id ? await sessions.get(id) : undefined;
    },
    () => () => undefined,
    `${session.clientId}`,
  );
  const carried = carriedOver(previous.value, session);
  const toReconfirm = stillToReconfirm(carried, session);

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
        onState={(state) => save({ type: 'agreement-state', itemId: item.id, state, at: stamp() })}
        onNote={(note) => save({ type: 'agreement-note', itemId: item.id, note })}
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

  return (
    <>
      <header>
        <h1>{m.popupSessionHeading(platformNames[session.platform])}</h1>
        <p className="muted small">
          {m.startedAt(formatClock(session.startedAt))}
          {running
            ? ` · ${m.runningFor(formatDuration(now - session.startedAt))}`
            : session.endedAt !== null && ` · ${m.endedAt(formatClock(session.endedAt))}`}
        </p>
      </header>
      {!running && (
        <div className="notice" role="status">
          <p>{m.panelEnded}</p>
          <button type="button" className="primary" onClick={onWriteAftercare}>
            {session.status === 'complete' ? m.panelViewAftercare : m.panelWriteAftercare}
          </button>
        </div>
      )}
      <TodayCount />
      {running && <OverLimitNotice startedAt={session.startedAt} />}
      <ClientPicker clientId={session.clientId} onLink={(clientId) => save({ type: 'link-client', clientId })} />
      {client.value && (
        <details open className="card">
          <summary>{m.considerationsHeading}</summary>
          <ConsiderationsSummary client={client.value} />
          <button type="button" className="link small" onClick={() => openClientPage(client.value?.id ?? '')}>
            {m.clientOpenPage}
          </button>
        </details>
      )}
      <TemplatePicker session={session} onChoose={(template) => save({ type: 'switch-template', template })} />
      <ProgressLine session={session} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {PHASES.map((phase) => (
        <Fragment key={phase}>
          <section aria-labelledby={`phase-${phase}`}>
            <h2 id={`phase-${phase}`}>{phaseNames[phase]}</h2>
            <p className="muted small">{phaseIntros[phase]}</p>
            {phase === 'rules' && previous.value && (
              <div className="notice small">
                <p>{m.carriedIntro(formatDate(previous.value.startedAt))}</p>
                {toReconfirm.length > 0 && (
                  <button type="button" onClick={reconfirmAll}>
                    {m.carriedReconfirmAll(toReconfirm.length)}
                  </button>
                )}
              </div>
            )}
            <ul className="plain">{itemsInPhase(items, phase).map(renderItem)}</ul>
          </section>
          {phase === 'rules' && (
            <PeoplePresent
              session={session}
              onAdd={(person) =>
                save({ type: 'add-person', person: { ...person, id: crypto.randomUUID() }, at: stamp() })
              }
              onRemove={(personId) => save({ type: 'remove-person', personId })}
            />
          )}
        </Fragment>
      ))}
      <p className="muted small">{m.panelSaved}</p>
      {running && (
        <div className="card">
          {confirmingEnd ? (
            <fieldset className="stack">
              <legend>{m.panelEndConfirm}</legend>
              <div className="row">
                <button type="button" className="primary" onClick={onEnd}>
                  {m.panelEndYes}
                </button>
                <button type="button" onClick={() => setConfirmingEnd(false)}>
                  {m.panelEndNo}
                </button>
              </div>
            </fieldset>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmingEnd(true)}>
              {m.panelEndSession}
            </button>
          )}
        </div>
      )}
    </>
  );
}
