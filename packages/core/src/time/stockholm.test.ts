import { describe, expect, it } from 'vitest';
import { endOfStockholmDay, startOfStockholmDay, stockholmDate, stockholmDayEndMs, stockholmDayStartMs } from './stockholm.ts';

describe('Stockholm calendar days', () => {
  it('starts a winter day at 23:00 UTC the day before', () => {
    expect(startOfStockholmDay('2026-12-31').toISOString()).toBe('2026-12-30T23:00:00.000Z');
    expect(endOfStockholmDay('2026-12-31').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('starts a summer day at 22:00 UTC the day before', () => {
    expect(startOfStockholmDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('handles the days clocks change', () => {
    // 2026-03-29: clocks go forward at 02:00; the day is 23 hours long.
    expect(endOfStockholmDay('2026-03-29').getTime() - startOfStockholmDay('2026-03-29').getTime()).toBe(23 * 3_600_000);
    // 2026-10-25: clocks go back at 03:00; the day is 25 hours long.
    expect(endOfStockholmDay('2026-10-25').getTime() - startOfStockholmDay('2026-10-25').getTime()).toBe(25 * 3_600_000);
  });

  it('tells the Stockholm date of an instant', () => {
    expect(stockholmDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(stockholmDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('agrees with the time-zone database for every quarter hour of a year and at each clock change', () => {
    const reference = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
    const instants: Date[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000) instants.push(new Date(t), new Date(t - 1));
    // One millisecond either side of the changes of 2026 (01:00 UTC on 29 March and 25 October).
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]) instants.push(new Date(change - 1), new Date(change));
    const wrong = instants.filter((instant) => stockholmDate(instant) !== reference.format(instant));
    expect(wrong).toEqual([]);
  });

  it('gives each day the same bounds when asked again, as fresh dates a caller may change', () => {
    const start = startOfStockholmDay('2026-10-25');
    start.setTime(0);
    expect(startOfStockholmDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(stockholmDayStartMs('2026-10-25')).toBe(Date.parse('2026-10-24T22:00:00.000Z'));
    expect(stockholmDayEndMs('2026-10-25')).toBe(Date.parse('2026-10-25T23:00:00.000Z'));
    // Every day of a year, asked twice: the second answer is the first.
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const first = [stockholmDayStartMs(day), stockholmDayEndMs(day)];
      expect([stockholmDayStartMs(day), stockholmDayEndMs(day)]).toEqual(first);
      expect(first[1]! - first[0]!).toBeGreaterThanOrEqual(23 * 3_600_000);
      expect(stockholmDate(new Date(first[0]!))).toBe(day);
      expect(stockholmDate(new Date(first[1]! - 1))).toBe(day);
    }
  });
});
