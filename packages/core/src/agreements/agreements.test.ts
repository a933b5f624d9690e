import { describe, expect, it } from 'vitest';
import { belowTarget, caseReferenceProblem, revisionStatus, splitAmount } from '../index.ts';

describe('a case reference', () => {
  it('is never an identity number, in any spelling', () => {
    for (const ref of ['20121212-1212', '201212121212', '121212-1212', '1212121212', '121212+1212', 'SN 20121212 1212', 'x121212-1213y']) expect(caseReferenceProblem(ref), ref).toBe('identity_number');
  });
  it('accepts the references case registries use, and refuses odd characters', () => {
    for (const ref of ['SN 2026/0412', 'IFO 2025-88', 'BUP.2026.17', 'Dnr 2026:123']) expect(caseReferenceProblem(ref), ref).toBeNull();
    for (const ref of ['', 'x', '<script>', 'SN;2026']) expect(caseReferenceProblem(ref), ref).toBe('invalid_case_reference');
  });
});

describe('the revision status of an agreement', () => {
  const a = { revisionDueOn: '2027-03-31', validUntil: null, remindDays: 60 };
  it('turns soon on the first day of the window and overdue the day after the revision date', () => {
    expect(revisionStatus(a, '2027-01-29')).toBe('current');
    expect(revisionStatus(a, '2027-01-30')).toBe('revision_soon');
    expect(revisionStatus(a, '2027-03-31')).toBe('revision_soon');
    expect(revisionStatus(a, '2027-04-01')).toBe('revision_overdue');
    expect(revisionStatus({ ...a, validUntil: '2027-02-01' }, '2027-02-02')).toBe('expired');
  });
});

describe('shares and splits', () => {
  it('splits an amount to the öre and finds units below target', () => {
    expect(splitAmount(410_500.5, 30)).toEqual({ region: 123_150.15, municipality: 287_350.35 });
    expect(belowTarget({ staffCount: 10, completedCount: 7 }, 80)).toBe(true);
    expect(belowTarget({ staffCount: 10, completedCount: 8 }, 80)).toBe(false);
    expect(belowTarget({ staffCount: 0, completedCount: 0 }, 80)).toBe(false);
  });
});
