/** Tests that read local days and clocks run in one time zone, whatever the machine's. */
import { afterEach, beforeEach } from 'vitest';

export function readTimesIn(zone: string): void {
  const original = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    process.env.TZ = original;
  });
}
