import { describe, expect, it } from 'vitest';
import { inReviewScope, isReviewer, reviewScope } from './scope.ts';

describe('who reviews whose log', () => {
  it('gives a unit manager the units they manage', () => {
    const scope = reviewScope([{ organisationId: 'o1', unitId: 'u1', role: 'unit_manager' }, { organisationId: 'o1', unitId: 'u2', role: 'professional' }]);
    expect(scope).toEqual({ unitIds: ['u1'], organisationIds: [] });
    expect(inReviewScope(scope, { organisationId: 'o1', unitId: 'u1' })).toBe(true);
    expect(inReviewScope(scope, { organisationId: 'o1', unitId: 'u2' })).toBe(false);
  });

  it('gives a collaboration coordinator the whole organisation', () => {
    const scope = reviewScope([{ organisationId: 'o1', unitId: null, role: 'collaboration_coordinator' }]);
    expect(inReviewScope(scope, { organisationId: 'o1', unitId: 'any' })).toBe(true);
    expect(inReviewScope(scope, { organisationId: 'o2', unitId: null })).toBe(false);
  });

  it('makes nobody else a reviewer', () => {
    for (const role of ['professional', 'analyst', 'org_admin', 'system_admin']) {
      expect(isReviewer(reviewScope([{ organisationId: 'o1', unitId: 'u1', role }]))).toBe(false);
    }
  });
});
