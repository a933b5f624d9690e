import { afterAll, describe, expect, it, vi } from 'vitest';

// format.ts formats numbers in the interface's language; its i18n sets the page's `lang`, which Node has not.
vi.hoisted(() => Object.assign(globalThis, { document: { documentElement: {} } }));
import { stockholmInstant } from './format.ts';
import { toInstant } from '../sip/words.ts';

// The worker goes on to other test files with its globals (isolate: false): the stand-in page leaves with this file.
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

/** Times typed in Samsyn are Stockholm's, whatever zone the browser (or the test runner) is in. */
describe('stockholmInstant', () => {
  it('reads a winter time as UTC+1 and a summer time as UTC+2', () => {
    expect(stockholmInstant('2027-01-15', '09:00')).toBe('2027-01-15T08:00:00.000Z');
    expect(stockholmInstant('2027-07-15', '09:00')).toBe('2027-07-15T07:00:00.000Z');
    // The day the clocks go forward: before and after three in the morning.
    expect(stockholmInstant('2027-03-28', '01:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(stockholmInstant('2027-03-28', '09:00')).toBe('2027-03-28T07:00:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(stockholmInstant('next week', '09:00')).toBeNull();
    expect(stockholmInstant('2027-01-15', '')).toBeNull();
  });

  it('is what the SIP meeting form sends for its datetime-local field', () => {
    expect(toInstant('2027-01-15T09:00')).toBe('2027-01-15T08:00:00.000Z');
    expect(toInstant('2027-07-15T09:00')).toBe('2027-07-15T07:00:00.000Z');
    expect(toInstant('')).toBeNull();
  });
});
