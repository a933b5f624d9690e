import { describe, expect, it } from 'vitest';
import { ageOn } from './consent.ts';

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2012-06-15', '2026-06-14')).toBe(13);
    expect(ageOn('2012-06-15', '2026-06-15')).toBe(14);
    expect(ageOn('2012-06-15', '2026-06-16')).toBe(14);
    expect(ageOn('2012-06-15', '2026-05-31')).toBe(13);
    expect(ageOn('2012-06-15', '2026-07-01')).toBe(14);
    expect(ageOn('2012-12-31', '2026-01-01')).toBe(13);
    expect(ageOn('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('gives a child born on 29 February its year on 1 March in a common year', () => {
    expect(ageOn('2012-02-29', '2027-02-28')).toBe(14);
    expect(ageOn('2012-02-29', '2027-03-01')).toBe(15);
    expect(ageOn('2012-02-29', '2028-02-29')).toBe(16);
  });

  it('agrees with the date arithmetic for every day of two years', () => {
    const birth = '2011-08-20';
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const on = new Date(t).toISOString().slice(0, 10);
      const d = new Date(t);
      const expected = d.getUTCFullYear() - 2011 - (d.getUTCMonth() + 1 < 8 || (d.getUTCMonth() + 1 === 8 && d.getUTCDate() < 20) ? 1 : 0);
      expect(ageOn(birth, on)).toBe(expected);
    }
  });
});
