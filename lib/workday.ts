/**
 * The end of the practitioner's workday: when it next comes, on working days
 * only, in their own time zone (daylight saving included). Pure.
 */

/** "17:30" → [17, 30], or null when it is not a time of day. */
export function parseTimeOfDay(text: string | null): [number, number] | null {
  const match = text?.match(/^([01]\d|2[0-3]):([0-5]\d)$/);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

/**
 * The next moment after `now` that is the end of the workday on a working day
 * (`workingDays`: 0 Sunday … 6 Saturday), or null when there is none to
 * schedule (no end time, or no working days).
 */
export function nextWorkdayEnd(now: number, workingDays: readonly number[], endTime: string | null): number | null {
  const time = parseTimeOfDay(endTime);
  if (!time || workingDays.length === 0) return null;
  const today = new Date(now);
  for (let offset = 0; offset <= 7; offset++) {
    // Built from the calendar date and the wall-clock time, so a daylight-saving change in between does not shift it.
    const candidate = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset, time[0], time[1]);
    if (candidate.getTime() > now && workingDays.includes(candidate.getDay())) return candidate.getTime();
  }
  return null;
}

export function isWorkingDay(timestamp: number, workingDays: readonly number[]): boolean {
  return workingDays.includes(new Date(timestamp).getDay());
}
