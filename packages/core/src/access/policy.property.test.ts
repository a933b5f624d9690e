import { describe, it } from 'vitest';
import { defaultConsentRules } from './consent.ts';
import { childDecider, decideAccess } from './policy.ts';
import type { Case } from './policy.world.ts';
import { agreesWithModel, assertProperty, deciderAgreesWithModel, emergencyNeverWrites, movingNeverWidens, othersPlacesDecideNothing, ownRoleChangesNeverAdd, withdrawingNeverAdds } from './policy.properties.ts';

// The gate against an independently written reference model (policy.reference.ts), over
// generated counties (policy.world.ts), with a new random seed each run: a failure prints the
// seed, and SAMSYN_PROPERTY_SEED=<seed> repeats it. policy.mutations.test.ts proves these fail.
const now = new Date('2026-11-23T10:00:00Z');
const hourAround = { startsAt: new Date(now.getTime() - 3_600_000), expiresAt: new Date(now.getTime() + 3_600_000) };

/**
 * Cases always run before the random ones: counterexamples found so far.
 * - Two emergency accesses open, the first for an organisation where the professional no longer
 *   holds the role: the second still holds, so the read is allowed (the gate looks at the first only).
 */
const found: Array<[Case]> = [
  [
    {
      units: {},
      actor: { userId: 'pro', roles: [{ organisationId: 'org-region', role: 'professional', grantedBy: 'admin' }] },
      child: {
        id: 'child',
        birthDate: '2014-01-01',
        guardianCount: 2,
        protectedIdentity: null,
        careTeam: [],
        consents: [],
        emergencyAccesses: [
          { userId: 'pro', organisationId: 'org-municipality', legalGroundCode: 'osl_emergency_health', ...hourAround },
          { userId: 'pro', organisationId: 'org-region', legalGroundCode: 'osl_emergency_health', ...hourAround },
        ],
      },
      action: 'read',
      category: 'record',
      context: { now, rules: defaultConsentRules },
    },
  ],
];

describe('the policy gate (property-based)', () => {
  it('agrees with the reference model on the counterexamples found so far', () => {
    assertProperty(agreesWithModel(decideAccess), found.length, found);
  });

  it('agrees with the reference model on allow, basis, reason, fields, actions and flagging, over 10,000 cases', () => {
    assertProperty(agreesWithModel(decideAccess), 10_000);
  }, 60_000);

  it('agrees with the reference model when asked many questions about one child (the many-entries form), over 500 children', () => {
    assertProperty(deciderAgreesWithModel(childDecider), 500);
  }, 60_000);

  it('decides everything but log review on the reader’s own places on the team (what a list loads)', () => {
    assertProperty(othersPlacesDecideNothing(decideAccess), 3_000);
  }, 30_000);

  it('never adds access when a consent is withdrawn or expires, and counts it for nothing', () => {
    assertProperty(withdrawingNeverAdds(decideAccess), 3_000);
  }, 30_000);

  it('never allows a write by emergency access', () => {
    assertProperty(emergencyNeverWrites(decideAccess), 3_000);
  }, 30_000);

  it('never adds access to a child by a change of one’s own roles', () => {
    assertProperty(ownRoleChangesNeverAdd(decideAccess), 3_000);
  }, 30_000);

  it('never widens access to entries written before a unit moved to another domain', () => {
    assertProperty(movingNeverWidens(decideAccess), 3_000);
  }, 30_000);
});
