/**
 * The monthly offer of the practice summary, at the top of every view of the
 * options page, when the organisation's policy asks for it (lib/summaryOffer.ts).
 */
import { useStored } from '../../components/useStored';
import { t } from '../../lib/i18n';
import { readEffective, settings } from '../../lib/settings';
import { summaryOffer } from '../../lib/storage/items';
import { offeredMonth } from '../../lib/summaryOffer';
import { formatMonth } from '../../lib/time';

export function SummaryOffer() {
  const effective = useStored(readEffective, settings.watch, 'effective-settings');
  const handled = useStored(() => summaryOffer.get(), summaryOffer.watch, 'summaryOffer');
  if (!effective.value || !handled.value) return null;
  const { policy } = effective.value;
  const month = offeredMonth({
    now: Date.now(),
    asked: policy.offerSummaryMonthly === true,
    handledMonth: handled.value.handledMonth,
  });
  if (month === null) return null;
  const name = policy.organisationName;
  return (
    <section className="notice stack no-print" aria-label={t('summaryOfferLabel')}>
      <p>
        {t('summaryOfferText', {
          named: name === undefined ? 'no' : 'yes',
          organisation: name ?? '',
          month: formatMonth(month),
        })}
      </p>
      <div className="row">
        <a href={`#summary/${month}`}>{t('summaryOfferOpen', { month: formatMonth(month) })}</a>
        <button
          type="button"
          onClick={() => {
            summaryOffer.set({ handledMonth: month }).catch(() => undefined);
          }}
        >
          {t('summaryOfferDismiss', { month: formatMonth(month) })}
        </button>
      </div>
    </section>
  );
}
