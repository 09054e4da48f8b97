/** Today's sessions against the daily maximum, and a calm, dismissible word when this session is beyond it. */
import { dayKey } from '../lib/days';
import { t } from '../lib/i18n';
import { settings } from '../lib/settings';
import { dayCounts, dayMarks } from '../lib/storage/items';
import { useStored } from './useStored';

export function TodayCount() {
  const counts = useStored(() => dayCounts.get(), dayCounts.watch, 'dayCounts');
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  if (!counts.value || !stored.value) return null;
  const count = counts.value[dayKey(Date.now())] ?? 0;
  const maximum = stored.value.maxSessionsPerDay;
  return (
    <p className="muted small">
      {maximum === null ? t('todayCount', { count }) : t('todayCountOfMaximum', { count, maximum })}
    </p>
  );
}

/**
 * For a running session: the sessions counted on its day, itself the latest
 * of them, against the daily maximum. The day counts are the one count of
 * sessions per day (lib/sessions/store.ts keeps them with the records).
 */
export function OverLimitNotice({ startedAt }: { startedAt: number }) {
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const marks = useStored(() => dayMarks.get(), dayMarks.watch, 'dayMarks');
  const counts = useStored(() => dayCounts.get(), dayCounts.watch, 'dayCounts');
  const maximum = stored.value?.maxSessionsPerDay ?? null;
  const day = dayKey(startedAt);
  const number = counts.value?.[day] ?? 0;
  if (maximum === null || number <= maximum || !marks.value || marks.value.limitNoticeDismissed === day) return null;
  return (
    <div className="notice stack" role="status">
      <p>{t('limitNotice', { count: number, maximum })}</p>
      <button
        type="button"
        onClick={() => void dayMarks.update((current) => ({ ...current, limitNoticeDismissed: day }))}
      >
        {t('limitDismiss')}
      </button>
    </div>
  );
}
