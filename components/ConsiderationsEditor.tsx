/** The client's situation and needs, each question answered yes / no / unsure, with a note and its date. */
import { useId } from 'react';
import {
  CONSIDERATION_GROUPS,
  CONSIDERATION_IDS,
  considerationText,
  setAnswer,
  setAnswerNote,
} from '../lib/considerations';
import { t } from '../lib/i18n';
import { type Client, type ConsiderationAnswer, type ConsiderationId, considerationAnswerSchema } from '../lib/schemas';
import { formatDate } from '../lib/time';
import { Choices } from './Choices';
import { SavedText } from './SavedText';

interface Props {
  client: Client;
  onChange: (change: (considerations: Client['considerations'], now: number) => Client['considerations']) => void;
}

function Question({ id, client, onChange }: Props & { id: ConsiderationId }) {
  const _name = useId();
  const text = considerationText(id);
  const given = client.considerations[id];
  const choose = (answer: ConsiderationAnswer | null) =>
    onChange((current, now) => setAnswer(current, id, answer, now));
  return (
    <li className="card">
      <fieldset>
        <legend>{text.question}</legend>
        <p className="muted small">{text.explain}</p>
        <Choices
          label={t('considerationAnswerLabel', { question: text.question })}
          options={[...considerationAnswerSchema.options, null]}
          value={given?.answer ?? null}
          names={(answer: ConsiderationAnswer | null) =>
            answer === null ? t('considerationNoAnswer') : t(`considerationAnswer.${answer}`)
          }
          onChange={choose}
        />
      </fieldset>
      {given ? (
        <>
          <SavedText
            label={t('panelNoteLabel')}
            accessibleName={t('considerationNoteLabel', { question: text.question })}
            value={given.note}
            maxLength={2000}
            onSave={(note) => onChange((current) => setAnswerNote(current, id, note))}
          />
          <p className="muted small">{t('considerationsAnsweredOn', { date: formatDate(given.answeredAt) })}</p>
        </>
      ) : (
        <p className="muted small">{t('considerationNoteDisabled')}</p>
      )}
    </li>
  );
}

export function ConsiderationsEditor({ client, onChange }: Props) {
  const groups: Array<{ name: string; ids: ConsiderationId[] }> = [];
  for (const id of CONSIDERATION_IDS) {
    const name = t(`considerationGroup.${CONSIDERATION_GROUPS[id]}`);
    const last = groups[groups.length - 1];
    if (last?.name === name) last.ids.push(id);
    else groups.push({ name, ids: [id] });
  }
  return (
    <>
      {groups.map((group) => (
        <section key={group.name} aria-label={group.name}>
          <h3>{group.name}</h3>
          <ul className="plain">
            {group.ids.map((id) => (
              <Question key={id} id={id} client={client} onChange={onChange} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
