/** Today's sessions against the daily maximum, and a calm, dismissible word when this session is beyond it. */
import { dayKey } from '../lib/days';
import { m } from '../lib/messages';
import { dayCounts, dayMarks, settings } from '../lib/storage/items';
import { useStored } from './useStored';

export function TodayCount() {
  const counts = useStored(() => dayCounts.get(), dayCounts.watch, 'dayCounts');
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  if (!counts.value || !stored.value) return null;
  return (
    <p className="muted small">{m.todayCount(counts.value[dayKey(Date.now())] ?? 0, stored.value.maxSessionsPerDay)}</p>
  );
}

/** `number`: which session of its day this one is. */
export function OverLimitNotice({ number, startedAt }: { number: number; startedAt: number }) {
  const stored = useStored(() => settings.get(), settings.watch, 'settings');
  const marks = useStored(() => dayMarks.get(), dayMarks.watch, 'dayMarks');
  const maximum = stored.value?.maxSessionsPerDay ?? null;
  const day = dayKey(startedAt);
  if (maximum === null || number <= maximum || !marks.value || marks.value.limitNoticeDismissed === day) return null;
  return (
    <div className="notice stack" role="status">
      <p>{m.limitNotice(number, maximum)}</p>
      <button
        type="button"
        onClick={() => void dayMarks.update((current) => ({ ...current, limitNoticeDismissed: day }))}
      >
        {m.limitDismiss}
      </button>
    </div>
  );
}
