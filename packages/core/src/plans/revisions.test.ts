import { describe, expect, it } from 'vitest';
import { defaultConsentRules } from '../access/consent.ts';
import { PlanContents, type PlanContents as Contents } from './schema.ts';
import { approvalsWaitingFor, diffPlanContents, revisionState, sipContentsMissing } from './revisions.ts';

const contents: Contents = {
  title: 'SIP för Ebba',
  childViews: 'Jag vill orka gå till skolan.',
  guardianViews: '',
  needs: [{ id: 'n1', description: 'Stöd för att komma till skolan', areas: ['achieving', 'healthy'] }],
  goals: [{ id: 'g1', needId: 'n1', wording: 'Närvaro minst 90 % varje vecka', childWords: 'Jag är i skolan', area: 'achieving', targetDate: '2027-03-01', evaluation: null }],
  actions: [
    { id: 'a1', goalId: 'g1', what: 'Familjebehandling varannan vecka', part: 'municipality', organisationName: 'Socialtjänsten', responsible: 'Sixten', startsOn: '2026-12-01', endsOn: '2027-03-01', onHoldSince: null, closedOn: null },
    { id: 'a2', goalId: 'g1', what: 'Samtal på BUP', part: 'region', organisationName: 'BUP', responsible: 'Petra', startsOn: '2026-12-01', endsOn: '2027-03-01', onHoldSince: null, closedOn: null },
    { id: 'a3', goalId: null, what: 'Anpassad studiegång', part: 'others', organisationName: 'Centrumskolan', responsible: 'Tove', startsOn: '2026-12-01', endsOn: '2027-06-01', onHoldSince: null, closedOn: null },
  ],
  noOthersTakePart: false,
  coordination: { overallResponsibility: 'municipality', planningLeadUserId: null },
  nextFollowUpOn: '2027-01-15',
};

describe('a plan’s contents', () => {
  it('accepts a whole plan and refuses references to goals or needs that are not in it', () => {
    expect(PlanContents.safeParse(contents).success).toBe(true);
    const bad = PlanContents.safeParse({ ...contents, actions: [{ ...contents.actions[0]!, goalId: 'nope' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toContain('unknown_goal');
    expect(PlanContents.safeParse({ ...contents, goals: [...contents.goals, { ...contents.goals[0]! }] }).error?.issues.map((i) => i.message)).toContain('duplicate_item_id');
    expect(PlanContents.safeParse({ ...contents, actions: [{ ...contents.actions[0]!, endsOn: '2026-01-01' }] }).success).toBe(false);
  });

  it('finds a SIP’s missing legal contents in its needs, parts and coordination; a child’s plan has none', () => {
    expect(sipContentsMissing('sip', contents)).toEqual([]);
    const empty = { ...contents, needs: [], actions: [], coordination: { overallResponsibility: null, planningLeadUserId: null } };
    expect(sipContentsMissing('sip', empty)).toEqual(['interventions_needed', 'municipality_interventions', 'region_interventions', 'others_interventions', 'overall_responsibility']);
    expect(sipContentsMissing('sip', { ...contents, actions: contents.actions.filter((a) => a.part !== 'region') })).toEqual(['region_interventions']);
    expect(sipContentsMissing('child_plan', empty)).toEqual([]);
  });
});

describe('revision states', () => {
  it('follows the plan’s pointers: draft, in force, proposed, superseded', () => {
    expect(revisionState({ status: 'draft', headRevision: 2, inForceRevision: null }, 2)).toBe('draft');
    expect(revisionState({ status: 'draft', headRevision: 2, inForceRevision: null }, 1)).toBe('superseded');
    const proposed = { status: 'established' as const, headRevision: 4, inForceRevision: 2 };
    expect([1, 2, 3, 4].map((n) => revisionState(proposed, n))).toEqual(['superseded', 'in_force', 'superseded', 'proposed']);
    expect(revisionState({ status: 'closed', headRevision: 4, inForceRevision: 2 }, 4)).toBe('superseded');
  });
});

describe('the family’s approval', () => {
  const family = { guardianIds: ['g-a', 'g-b'], childAge: 14 };
  it('waits for both guardians under joint custody, one with either_guardian', () => {
    expect(approvalsWaitingFor(family, [], defaultConsentRules)).toEqual(['guardian']);
    const one = [{ by: 'guardian' as const, guardianId: 'g-a', decision: 'approved' as const }];
    expect(approvalsWaitingFor(family, one, defaultConsentRules)).toEqual(['guardian']);
    expect(approvalsWaitingFor(family, one, { ...defaultConsentRules, jointCustody: 'either_guardian' })).toEqual([]);
    expect(approvalsWaitingFor(family, [...one, { by: 'guardian', guardianId: 'g-b', decision: 'approved' }], defaultConsentRules)).toEqual([]);
  });

  it('counts a comment as no approval, and waits for the child from the consent age', () => {
    const commented = [{ by: 'guardian' as const, guardianId: 'g-a', decision: 'commented' as const }];
    expect(approvalsWaitingFor({ guardianIds: ['g-a'], childAge: 14 }, commented, defaultConsentRules)).toEqual(['guardian']);
    expect(approvalsWaitingFor({ guardianIds: ['g-a'], childAge: 15 }, [{ by: 'guardian', guardianId: 'g-a', decision: 'approved' }], defaultConsentRules)).toEqual(['child']);
    expect(approvalsWaitingFor({ guardianIds: ['g-a'], childAge: 18 }, [{ by: 'child', guardianId: null, decision: 'approved' }], defaultConsentRules)).toEqual([]);
  });
});

describe('the diff between two revisions', () => {
  it('follows items by id: a new wording is a change, an added action an addition, order no change', () => {
    const next: Contents = {
      ...contents,
      goals: [{ ...contents.goals[0]!, wording: 'Närvaro minst 95 %' }],
      actions: [...contents.actions].reverse().concat({ ...contents.actions[0]!, id: 'a4', what: 'Läxhjälp' }),
      coordination: { overallResponsibility: 'region', planningLeadUserId: null },
    };
    expect(diffPlanContents(contents, next).map((c) => [c.path, c.kind])).toEqual([
      ['coordination.overallResponsibility', 'changed'],
      ['goals.g1.wording', 'changed'],
      ['actions.a4', 'added'],
    ]);
    expect(diffPlanContents(next, contents).map((c) => c.kind)).toContain('removed');
    expect(diffPlanContents(contents, JSON.parse(JSON.stringify(contents)) as Contents)).toEqual([]);
  });

  it('does not see a change in keys that merely come back in another order', () => {
    const reordered = { ...contents, goals: [{ ...contents.goals[0]!, evaluation: { note: '', guardians: null, child: 'reached' as const, team: 'reached' as const } }] };
    const same = { ...contents, goals: [{ ...contents.goals[0]!, evaluation: { team: 'reached' as const, child: 'reached' as const, guardians: null, note: '' } }] };
    expect(diffPlanContents(reordered, same)).toEqual([]);
  });
});
