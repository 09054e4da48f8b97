/**
 * The agreed rules, written for the client: a short plain-language text in the
 * language chosen for them, to paste into the call's chat or an email, or to
 * print. It holds what was agreed (and, if the practitioner wants, what was
 * not), the date and the next contact; never a note, a name or anything about
 * another client.
 */
import { BUILT_IN_TEMPLATE_ID, type DefaultItemId, isDefaultItem } from './checklist';
import type { Catalogue } from './i18n';
import type { Session } from './schemas';
import { formatDate, formatDay } from './time';

export interface ShareOptions {
  includeDeclined: boolean;
}

const isDefaultRule = (id: string): id is Extract<DefaultItemId, `rule-${string}`> =>
  isDefaultItem(id) && id.startsWith('rule-');

/**
 * A rule of the built-in checklist is written as a sentence for the client; a
 * rule of the practitioner's own template is shared in the words it was recorded with.
 */
function sentence(session: Session, catalogue: Catalogue, id: string, text: string, agreed: boolean): string {
  // The built-in checklist as Callcare made it (version 1); once edited, its rules are the practitioner's words.
  const asMade = session.template.id === BUILT_IN_TEMPLATE_ID && session.template.version === 1;
  if (!asMade || !isDefaultRule(id)) return text;
  return agreed ? catalogue.t(`share.${id}.agreed`) : catalogue.t(`share.${id}.declined`);
}

export function shareText(session: Session, catalogue: Catalogue, options: ShareOptions): string {
  const rules = session.template.items.filter((item) => item.kind === 'agreement');
  const inState = (state: 'agreed' | 'declined') =>
    rules
      .filter((item) => session.agreements[item.id]?.state === state)
      .map((item) => `• ${sentence(session, catalogue, item.id, item.text, state === 'agreed')}`);
  const agreed = inState('agreed');
  const declined = options.includeDeclined ? inState('declined') : [];
  const blocks = [catalogue.t('share.greeting', { date: formatDate(session.startedAt, catalogue.locale) })];
  blocks.push(
    agreed.length > 0 ? [catalogue.t('share.agreedHeading'), ...agreed].join('\n') : catalogue.t('share.nothingAgreed'),
  );
  if (declined.length > 0) blocks.push([catalogue.t('share.declinedHeading'), ...declined].join('\n'));
  if (session.aftercare.nextContact) {
    blocks.push(catalogue.t('share.nextContact', { date: formatDay(session.aftercare.nextContact, catalogue.locale) }));
  }
  blocks.push(catalogue.t('share.closing'));
  return `${blocks.join('\n\n')}\n`;
}
