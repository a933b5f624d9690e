import { describe, expect, it } from 'vitest';
import { isAuditAction } from '../audit/actions.ts';
import { decideStep, intakeDeadlines, intakeStatus, reportAuditActions, reporterFeedback, worksAtIntake } from './intake.ts';

describe('intake of a report of concern', () => {
  const received = new Date('2026-11-22T09:30:00Z'); // 10:30 in Stockholm

  it('has the protection assessment due the same day and the initial assessment within 14 days', () => {
    const due = intakeDeadlines(received);
    expect(due.protectionAssessmentDue.toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(due.initialAssessmentDue.toISOString()).toBe('2026-12-06T23:00:00.000Z');
  });

  it('takes the Stockholm day of receipt, not the UTC one', () => {
    // 00:30 on 23 November in Stockholm is still 22 November in UTC.
    expect(intakeDeadlines(new Date('2026-11-22T23:30:00Z')).protectionAssessmentDue.toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });

  it('says what is next and when it is overdue', () => {
    expect(intakeStatus(received, [], new Date('2026-11-22T12:00:00Z'))).toMatchObject({ next: 'protection_assessment', overdue: false });
    expect(intakeStatus(received, [], new Date('2026-11-23T00:00:00Z'))).toMatchObject({ next: 'protection_assessment', overdue: true });
    const assessed = [{ step: 'protection_assessment' as const, outcome: 'no_immediate_protection_needed' as const }];
    expect(intakeStatus(received, assessed, new Date('2026-12-06T12:00:00Z'))).toMatchObject({ next: 'initial_assessment', overdue: false });
    expect(intakeStatus(received, assessed, new Date('2026-12-07T12:00:00Z'))).toMatchObject({ next: 'initial_assessment', overdue: true });
    expect(intakeStatus(received, [...assessed, { step: 'initial_assessment', outcome: 'investigation_opened' }], new Date('2027-01-01T00:00:00Z'))).toMatchObject({ next: 'done', overdue: false });
  });

  it('records the protection assessment first, each step once, with an outcome of that step', () => {
    expect(decideStep([], { step: 'initial_assessment', outcome: 'investigation_opened' })).toEqual({ ok: false, reason: 'protection_assessment_first' });
    expect(decideStep([], { step: 'protection_assessment', outcome: 'investigation_opened' })).toEqual({ ok: false, reason: 'outcome_not_of_step' });
    expect(decideStep([], { step: 'protection_assessment', outcome: 'immediate_protection_needed' })).toEqual({ ok: true });
    const done = [{ step: 'protection_assessment' as const, outcome: 'immediate_protection_needed' as const }];
    expect(decideStep(done, { step: 'protection_assessment', outcome: 'no_immediate_protection_needed' })).toEqual({ ok: false, reason: 'step_already_recorded' });
    expect(decideStep(done, { step: 'initial_assessment', outcome: 'investigation_not_opened' })).toEqual({ ok: true });
  });

  it('tells the reporter only received, then whether an investigation was opened, not opened or is ongoing', () => {
    expect(reporterFeedback([])).toBe('received');
    expect(reporterFeedback([{ step: 'protection_assessment', outcome: 'immediate_protection_needed' }])).toBe('received');
    for (const outcome of ['investigation_opened', 'investigation_not_opened', 'investigation_ongoing'] as const) {
      expect(reporterFeedback([{ step: 'protection_assessment', outcome: 'no_immediate_protection_needed' }, { step: 'initial_assessment', outcome }])).toBe(outcome);
    }
  });

  it('counts as intake staff only a professional at the intake unit by a role someone else granted', () => {
    const intake = 'intake-unit';
    expect(worksAtIntake('u', [{ role: 'professional', unitId: intake, grantedBy: 'admin' }], intake)).toBe(true);
    expect(worksAtIntake('u', [{ role: 'professional', unitId: intake, grantedBy: null }], intake)).toBe(true);
    expect(worksAtIntake('u', [{ role: 'professional', unitId: intake, grantedBy: 'u' }], intake)).toBe(false);
    expect(worksAtIntake('u', [{ role: 'unit_manager', unitId: intake, grantedBy: 'admin' }], intake)).toBe(false);
    expect(worksAtIntake('u', [{ role: 'professional', unitId: 'other', grantedBy: 'admin' }], intake)).toBe(false);
  });

  it('names the audit actions the family never sees from the one vocabulary', () => {
    expect(reportAuditActions.length).toBeGreaterThan(0);
    for (const action of reportAuditActions) expect(isAuditAction(action), action).toBe(true);
  });
});
