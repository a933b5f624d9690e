import { describe, expect, it } from 'vitest';
import type { IProperty } from 'fast-check';
import { infoCategories, type AccessCategory } from '../children/schema.ts';
import { domainAt } from '../secrecy/domains.ts';
import { consentNames } from './consent.ts';
import { activeMembership, childDecider, consentCountsFor, decideAccess, partyOf, type AccessDecision } from './policy.ts';
import { agreesWithModel, caught, deciderAgreesWithModel, emergencyNeverWrites, movingNeverWidens, othersPlacesDecideNothing, ownRoleChangesNeverAdd, withdrawingNeverAdds, type Decider, type Gate } from './policy.properties.ts';

/**
 * The properties can fail: each broken copy of the gate below is caught by them within one run
 * (a new random seed each run, printed when one is not caught). The copies wrap the real gate
 * and change one answer, the way a plausible mistake in policy.ts would.
 */
const isInfo = (category: AccessCategory) => (infoCategories as readonly string[]).includes(category);

/** Allows what the gate refused, keeping what else it said. */
const allowed = (d: AccessDecision, basis: 'own_organisation' | 'consent' | 'emergency', reason: string): AccessDecision => ({ ...d, allow: true, basis, reason }) as AccessDecision;

/** Mistake 1: an entry of the reader's own organisation is readable, whatever domain it was written in. */
const sameOrganisationReadable: Gate = (actor, child, action, category, context) => {
  const d = decideAccess(actor, child, action, category, context);
  const member = activeMembership(actor, child, context);
  if (!d.allow && action === 'read' && isInfo(category) && context.entry && member?.organisationId === context.entry.organisationId) return allowed(d, 'own_organisation', 'own_secrecy_domain_entry');
  return d;
};

/** Mistake 2: a consent that names only the reader's domain lifts the writer's secrecy. */
const readerOnlyConsentLifts: Gate = (actor, child, action, category, context) => {
  const d = decideAccess(actor, child, action, category, context);
  const member = activeMembership(actor, child, context);
  if (d.allow || d.reason !== 'no_consent_for_category' || !member) return d;
  const reader = partyOf(member, context.now);
  const lifts = child.consents.some((c) => (c.categories as readonly string[]).includes(category) && consentNames(c, reader) && consentCountsFor(child, c, member.userId, context));
  return lifts ? allowed(d, 'consent', 'consent_covers_category') : d;
};

/** Mistake 3: a withdrawal is not read. */
const withdrawalIgnored: Gate = (actor, child, action, category, context) =>
  decideAccess(actor, { ...child, consents: child.consents.map((c) => ({ ...c, withdrawnAt: null })) }, action, category, context);

/** Mistake 4: emergency access also writes. */
const emergencyWrites: Gate = (actor, child, action, category, context) => {
  const d = decideAccess(actor, child, action, category, context);
  return !d.allow && d.reason === 'emergency_is_read_only' ? allowed(d, 'emergency', 'emergency_access') : d;
};

/** Mistake 5: an entry is judged by the domain the reader's unit is in now, not when the entry was written. */
const judgedByCurrentDomain: Gate = (actor, child, action, category, context) => {
  const careTeam = child.careTeam.map((m) => {
    const now = domainAt(m.secrecyDomains, context.now);
    return { ...m, secrecyDomains: now ? [{ domainId: now, from: new Date(0), to: null }] : [] };
  });
  return decideAccess(actor, { ...child, careTeam }, action, category, context);
};

/** Mistake 6: a role its holder granted themselves counts. */
const selfGrantedRoleCounts: Gate = (actor, child, action, category, context) =>
  decideAccess({ ...actor, roles: actor.roles.map((r) => ({ ...r, grantedBy: null })) }, child, action, category, context);

/** Mistake 7: the many-questions form keeps its first answer for a category, whatever entry is asked next. */
const stickyDecider: Decider = (actor, child, context) => {
  const decide = childDecider(actor, child, context);
  const first = new Map<string, AccessDecision>();
  return {
    decide(action, category, entry) {
      const key = `${action}:${category}`;
      if (!first.has(key)) first.set(key, decide.decide(action, category, entry));
      return first.get(key)!;
    },
    sharedFromOtherDomains: (category) => decide.sharedFromOtherDomains(category),
  };
};

/** Mistake 8: a list weighs another member's place as the reader's (the first current place on the team, whoever holds it). */
const anyonesPlaceCounts: Gate = (actor, child, action, category, context) => {
  const someone = child.careTeam.find((m) => m.startsAt <= context.now && (m.endsAt === null || context.now < m.endsAt));
  return decideAccess(actor, someone ? { ...child, careTeam: child.careTeam.map((m) => (m === someone ? { ...m, userId: actor.userId } : m)) } : child, action, category, context);
};

function expectCaught(property: IProperty<unknown[]>) {
  const result = caught(property, 20_000);
  expect(result, `not caught with SAMSYN_PROPERTY_SEED=${result.seed}`).toEqual({ failed: true, seed: result.seed });
}

describe('the policy gate’s properties catch a broken gate', () => {
  it('catches an entry of the same organisation but another domain being readable', () => {
    expectCaught(agreesWithModel(sameOrganisationReadable));
  });

  it('catches a consent naming only the reader’s domain lifting the writer’s secrecy', () => {
    expectCaught(agreesWithModel(readerOnlyConsentLifts));
  });

  it('catches a withdrawal being ignored', () => {
    expectCaught(agreesWithModel(withdrawalIgnored));
    expectCaught(withdrawingNeverAdds(withdrawalIgnored));
  });

  it('catches emergency access allowing a write', () => {
    expectCaught(agreesWithModel(emergencyWrites));
    expectCaught(emergencyNeverWrites(emergencyWrites));
  });

  it('catches a move of a unit opening entries written before it', () => {
    expectCaught(agreesWithModel(judgedByCurrentDomain));
    expectCaught(movingNeverWidens(judgedByCurrentDomain));
  });

  it('catches a self-granted role counting', () => {
    expectCaught(agreesWithModel(selfGrantedRoleCounts));
    expectCaught(ownRoleChangesNeverAdd(selfGrantedRoleCounts));
  });

  it('catches the many-questions form carrying one entry’s answer over to the next', () => {
    expectCaught(deciderAgreesWithModel(stickyDecider));
  });

  it('catches another member’s place deciding for the reader', () => {
    expectCaught(othersPlacesDecideNothing(anyonesPlaceCounts));
  });
});
