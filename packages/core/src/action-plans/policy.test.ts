import { describe, expect, it } from 'vitest';
import { canCreateActionPlan, canEditActionPlan, canReadActionPlans, canReviewActivity, canRunRounds, type PlanActor } from './policy.ts';

const plan = { ownerOrganisationId: 'owner', sharingOrganisationIds: ['sharer'] };
const actor = (roles: PlanActor['roles'], kind: PlanActor['kind'] = 'professional'): PlanActor => ({ userId: 'u1', kind, roles });

describe('who may change an action plan', () => {
  it('lets the coordinators of the owner and of a sharing organisation edit, and only the owner’s run rounds', () => {
    const owner = actor([{ organisationId: 'owner', role: 'collaboration_coordinator' }]);
    const sharer = actor([{ organisationId: 'sharer', role: 'collaboration_coordinator' }]);
    expect(canEditActionPlan(owner, plan)).toBe(true);
    expect(canEditActionPlan(sharer, plan)).toBe(true);
    expect(canRunRounds(owner, plan)).toBe(true);
    expect(canRunRounds(sharer, plan)).toBe(false);
    expect(canCreateActionPlan(owner, 'owner')).toBe(true);
    expect(canCreateActionPlan(owner, 'sharer')).toBe(false);
  });

  it('refuses other roles of a member organisation, coordinators elsewhere, administrators and citizens', () => {
    for (const role of ['professional', 'unit_manager', 'analyst', 'org_admin', 'system_admin'] as const) {
      expect(canEditActionPlan(actor([{ organisationId: 'owner', role }]), plan), role).toBe(false);
    }
    expect(canEditActionPlan(actor([{ organisationId: 'elsewhere', role: 'collaboration_coordinator' }]), plan)).toBe(false);
    expect(canEditActionPlan(actor([{ organisationId: 'owner', role: 'collaboration_coordinator' }], 'citizen'), plan)).toBe(false);
    expect(canReadActionPlans(actor([], 'citizen'))).toBe(false);
    expect(canReadActionPlans(actor([{ organisationId: 'x', role: 'professional' }]))).toBe(true);
  });

  it('lets the responsible person review their activity, or the responsible organisation’s leaders when no person is named', () => {
    const teacher = actor([{ organisationId: 'school', role: 'professional' }]);
    expect(canReviewActivity(teacher, plan, { responsibleOrganisationId: 'school', responsibleUserId: 'u1' })).toBe(true);
    expect(canReviewActivity(teacher, plan, { responsibleOrganisationId: 'school', responsibleUserId: 'u2' })).toBe(false);
    expect(canReviewActivity(teacher, plan, { responsibleOrganisationId: 'school', responsibleUserId: null })).toBe(false);
    const manager = actor([{ organisationId: 'school', role: 'unit_manager' }]);
    expect(canReviewActivity(manager, plan, { responsibleOrganisationId: 'school', responsibleUserId: null })).toBe(true);
    expect(canReviewActivity(manager, plan, { responsibleOrganisationId: 'school', responsibleUserId: 'u2' })).toBe(false);
  });
});
