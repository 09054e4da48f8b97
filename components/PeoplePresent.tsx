/** Who is present on each side of the call, with later arrivals marked. */
import { type FormEvent, useId, useState } from 'react';
import { t } from '../lib/i18n';
import { type Role, roleSchema, type Session, type Side, sideSchema } from '../lib/schemas';
import { suggestsJoinedLater } from '../lib/sessions/model';
import { formatClock } from '../lib/time';
import { Checkbox } from './Checkbox';

interface Props {
  session: Session;
  onAdd: (person: { side: Side; role: Role; name: string; joinedLater: boolean }) => void;
  onRemove: (personId: string) => void;
}

/** The roles offered on each side of the call. */
export const ROLES_BY_SIDE: Record<Side, readonly Role[]> = {
  client: ['client', 'parent', 'sibling', 'partner', 'interpreter', 'other'],
  practitioner: ['me', 'colleague', 'supervisor', 'trainee', 'interpreter', 'other'],
};

export function PeoplePresent({ session, onAdd, onRemove }: Props) {
  const ids = { side: useId(), role: useId(), name: useId(), error: useId() };
  const [side, setSide] = useState<Side>('client');
  const [role, setRole] = useState<Role>('client');
  const chooseSide = (next: Side) => {
    setSide(next);
    if (!ROLES_BY_SIDE[next].includes(role)) setRole(ROLES_BY_SIDE[next][0] ?? 'other');
  };
  const [name, setName] = useState('');
  const [laterChoice, setLaterChoice] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The form opens on demand, so the rules stay near the top during a call; it stays open to note several.
  const [adding, setAdding] = useState(false);
  const joinedLater = laterChoice ?? suggestsJoinedLater(session, Date.now());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim().length === 0 && role !== 'me') {
      setError(t('panelPersonNameRequired'));
      return;
    }
    onAdd({ side, role, name: name.trim(), joinedLater });
    setName('');
    setLaterChoice(null);
    setError(null);
  };

  return (
    <section aria-labelledby="present-heading">
      <h2 id="present-heading">{t('panelPresentHeading')}</h2>
      <p className="muted small">{t('panelPresentHint')}</p>
      {/* Nobody yet: one line, not a heading per side, so the rules stay near the top. */}
      {session.people.length === 0 && <p className="muted small">{t('panelNobody')}</p>}
      {(session.people.length === 0 ? [] : (['client', 'practitioner'] as const)).map((listSide) => {
        const people = session.people.filter((person) => person.side === listSide);
        return (
          <div key={listSide} className="side">
            <h3 id={`side-${listSide}`}>{t(`side.${listSide}`)}</h3>
            {people.length === 0 ? (
              <p className="muted small">{t('panelNobody')}</p>
            ) : (
              <ul className="plain" aria-labelledby={`side-${listSide}`}>
                {people.map((person) => {
                  const who = `${t(`role.${person.role}`)} ${person.name}`.trim();
                  return (
                    <li key={person.id} className="row">
                      <span>
                        <strong>{t(`role.${person.role}`)}</strong> {person.name}
                        <span className="muted small">
                          {' '}
                          · {t('panelNotedAt', { time: formatClock(person.notedAt) })}
                          {person.joinedLater && ` · ${t('panelJoinedLater')}`}
                        </span>
                      </span>
                      <button
                        type="button"
                        className="link small"
                        aria-label={t('panelRemovePerson', { who })}
                        onClick={() => onRemove(person.id)}
                      >
                        ✕
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
      {!adding ? (
        <button type="button" aria-expanded={false} onClick={() => setAdding(true)}>
          {t('panelNoteSomeone')}
        </button>
      ) : (
        <form className="card stack" onSubmit={submit} aria-label={t('panelAddPerson')}>
          <div className="row">
            <div style={{ flex: '1 1 8rem' }}>
              <label htmlFor={ids.side}>{t('panelPersonSide')}</label>
              <select id={ids.side} value={side} onChange={(event) => chooseSide(sideSchema.parse(event.target.value))}>
                {sideSchema.options.map((option) => (
                  <option key={option} value={option}>
                    {t(`side.${option}`)}
                  </option>
                ))}
              </select>
            </div>
            <div style={{ flex: '1 1 8rem' }}>
              <label htmlFor={ids.role}>{t('panelPersonRole')}</label>
              <select id={ids.role} value={role} onChange={(event) => setRole(roleSchema.parse(event.target.value))}>
                {ROLES_BY_SIDE[side].map((option) => (
                  <option key={option} value={option}>
                    {t(`role.${option}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div>
            <label htmlFor={ids.name}>{t('panelPersonName')}</label>
            <input
              id={ids.name}
              type="text"
              value={name}
              maxLength={100}
              autoComplete="off"
              aria-invalid={error !== null}
              aria-describedby={error ? ids.error : undefined}
              onChange={(event) => setName(event.target.value)}
            />
            {error && (
              <p id={ids.error} className="error small" role="alert">
                {error}
              </p>
            )}
          </div>
          <Checkbox label={t('panelJoinedLaterLabel')} checked={joinedLater} onChange={setLaterChoice} />
          <div className="row">
            <button type="submit">{t('panelAddPerson')}</button>
            <button type="button" className="link" aria-expanded={true} onClick={() => setAdding(false)}>
              {t('panelAddPersonDone')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
