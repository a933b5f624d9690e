import fc from 'fast-check';
import { expect } from 'vitest';
import { infoCategories } from '../children/schema.ts';
import type { childDecider, decideAccess, AccessContext, AccessDecision, PolicyActor, PolicyChild, PolicyRole } from './policy.ts';
import { referenceDecision, stockholmDay, type Expected } from './policy.reference.ts';
import { cases, domainsOf, hour, moveUnit, organisations, unitDomainAt, unitHome, withUnits, type Case } from './policy.world.ts';

/**
 * The properties of the policy gate (test helper, not exported from index.ts), each built for a
 * gate given as a parameter: the property test runs them on the real gate, the mutation test on
 * broken copies of it, to prove they can fail.
 */
export type Gate = typeof decideAccess;
/** The many-questions form of the gate (`childDecider`), for the property on a read that asks it many times. */
export type Decider = typeof childDecider;

/**
 * One random seed per run, so that every run explores new cases; a failure names it, and
 * `SAMSYN_PROPERTY_SEED=<seed>` runs the same cases again.
 */
export const seed = process.env.SAMSYN_PROPERTY_SEED ? Number(process.env.SAMSYN_PROPERTY_SEED) : (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;

export function assertProperty<T extends [Case, ...unknown[]]>(property: fc.IProperty<T>, numRuns: number, examples: T[] = []): void {
  const details = fc.check(property, { seed, numRuns, examples });
  if (!details.failed) return;
  // The assertion's two sides in full: the report abbreviates them.
  const error = details.errorInstance as { actual?: unknown; expected?: unknown } | null;
  const sides = error && 'expected' in error ? `\ngate:  ${JSON.stringify(error.actual)}\nmodel: ${JSON.stringify(error.expected)}` : `\n${String(details.errorInstance)}`;
  throw new Error(`Property failed; reproduce with SAMSYN_PROPERTY_SEED=${seed}\n${fc.defaultReportMessage(details)}${sides}`);
}

/** Whether a (mutated) gate is caught: some case within `numRuns` breaks the property. */
export function caught<T extends unknown[]>(property: fc.IProperty<T>, numRuns: number): { failed: boolean; seed: number } {
  return { failed: fc.check(property, { seed, numRuns, endOnFailure: true }).failed, seed };
}

function normalised(d: AccessDecision): Expected {
  return { allow: d.allow, basis: d.basis, reason: d.reason, fields: { ...d.fields }, actions: [...d.actions].sort(), flagged: d.flagged };
}

function ask(gate: Gate, c: Case, change: { child?: PolicyChild; actor?: PolicyActor; action?: Case['action'] } = {}): Expected {
  return normalised(gate(change.actor ?? c.actor, change.child ?? c.child, change.action ?? c.action, c.category, c.context));
}

/**
 * Whether `after` gives access that `before` did not: allowed where it was refused, or more fields.
 * `emergencyMay`: the gate decides by a place on the team before an emergency access, so a member
 * who opened one before joining reads only by the place; a change that takes the place away (a
 * consent withdrawn, a role given up, a unit moved out of the domain the consent named) lets the
 * still open emergency access read again. That read rests on the emergency access, flagged and
 * reviewed, not on the change, so it is not counted here (an open question of the rules, issue 11).
 */
function adds(before: Expected, after: Expected, emergencyMay: boolean): boolean {
  if (!after.allow) return false;
  if (!before.allow) return !(emergencyMay && after.basis === 'emergency');
  return (after.fields.protectedIdentity && !before.fields.protectedIdentity) || (after.fields.protectedGuardians && !before.fields.protectedGuardians);
}

/** The gate and the reference model agree on everything they answer; no write ever rests on emergency access. */
export const agreesWithModel = (gate: Gate) =>
  fc.property(cases, (c) => {
    const actual = ask(gate, c);
    expect(actual).toEqual(referenceDecision(c.actor, c.child, c.action, c.category, c.context));
    expect(actual.allow && c.action !== 'read' && actual.basis === 'emergency').toBe(false);
  });

const dayBefore = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) - days * 24 * hour).toISOString().slice(0, 10);

/**
 * Withdrawing or expiring a consent never adds access, and a withdrawn or expired consent counts
 * for exactly as much as no consent at all.
 */
export const withdrawingNeverAdds = (gate: Gate) =>
  fc.property(cases, fc.nat(), fc.boolean(), fc.integer({ min: 0, max: 3 * 24 * hour }), (c, pick, withdraw, back) => {
    fc.pre(c.child.consents.length > 0);
    const i = pick % c.child.consents.length;
    const consent = c.child.consents[i]!;
    const ended = withdraw ? { ...consent, withdrawnAt: new Date(c.context.now.getTime() - back) } : { ...consent, validTo: dayBefore(stockholmDay(c.context.now), 1 + (back % 3)) };
    const after = ask(gate, c, { child: { ...c.child, consents: c.child.consents.map((k, j) => (j === i ? ended : k)) } });
    const none = ask(gate, c, { child: { ...c.child, consents: c.child.consents.filter((_, j) => j !== i) } });
    expect(after).toEqual(none);
    expect(adds(ask(gate, c), after, true)).toBe(false);
  });

/** Emergency access never allows a write: opening one for the actor, anywhere, allows no write it did not. */
export const emergencyNeverWrites = (gate: Gate) =>
  fc.property(cases, fc.constantFrom(...organisations), (c, organisationId) => {
    const now = c.context.now.getTime();
    const open = { userId: c.actor.userId, organisationId, startsAt: new Date(now - hour), expiresAt: new Date(now + hour), legalGroundCode: 'osl_emergency_health' };
    const withEmergency = ask(gate, c, { action: 'write', child: { ...c.child, emergencyAccesses: [...c.child.emergencyAccesses, open] } });
    const without = ask(gate, c, { action: 'write' });
    expect(withEmergency.allow && withEmergency.basis === 'emergency').toBe(false);
    expect(adds(without, withEmergency, false)).toBe(false);
  });

/**
 * No change of one's own roles adds access to a child: granting oneself roles, re-granting one's
 * roles as one's own, or dropping roles.
 */
export const ownRoleChangesNeverAdd = (gate: Gate) =>
  fc.property(
    cases,
    fc.array(fc.constantFrom('keep', 'drop', 'regrant'), { minLength: 3, maxLength: 3 }),
    fc.array(fc.record({ organisationId: fc.constantFrom(...organisations), role: fc.constantFrom('professional' as const, 'unit_manager' as const, 'collaboration_coordinator' as const, 'analyst' as const) }), { maxLength: 2 }),
    (c, changes, added) => {
      const self = c.actor.userId;
      const kept = c.actor.roles.flatMap((r, i): PolicyRole[] => (changes[i] === 'drop' ? [] : changes[i] === 'regrant' ? [{ ...r, grantedBy: self }] : [r]));
      const roles = [...kept, ...added.map((r) => ({ ...r, grantedBy: self }))];
      // Only giving up a role someone else granted can uncover an open emergency access.
      const gaveUp = c.actor.roles.some((r, i) => changes[i] !== 'keep' && r.grantedBy !== self);
      expect(adds(ask(gate, c), ask(gate, c, { actor: { ...c.actor, roles } }), gaveUp)).toBe(false);
    },
  );

/**
 * Moving a unit to another domain never widens its members' access to entries written before the
 * move, unless a consent names the domain it moved into (consents that do are left out here).
 */
export const movingNeverWidens = (gate: Gate) =>
  fc.property(cases, fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), (generated, where, pick) => {
    // Reads of information categories only: entries are what a move could open.
    const c: Case = { ...generated, action: 'read', category: infoCategories[pick % infoCategories.length]! };
    const entry = c.context.entry;
    fc.pre(entry !== undefined && entry.writtenAt.getTime() < c.context.now.getTime());
    const place = c.child.careTeam.find((m) => m.userId === c.actor.userId && m.unitId !== null);
    const units = Object.keys(unitHome);
    const unit = place?.unitId ?? units[pick % units.length]!;
    const at = new Date(entry!.writtenAt.getTime() + 1 + Math.floor(where * (c.context.now.getTime() - entry!.writtenAt.getTime() - 1)));
    const current = unitDomainAt(c.units[unit]!, at);
    const targets = domainsOf[unitHome[unit]!.organisationId]!.filter((d) => d !== current);
    const target = targets[pick % targets.length]!;
    const child = { ...c.child, consents: c.child.consents.filter((k) => !k.domainIds.includes(target)) };
    const moved = withUnits(child, { ...c.units, [unit]: moveUnit(c.units[unit]!, target, at) });
    expect(adds(ask(gate, c, { child }), ask(gate, c, { child: moved }), true)).toBe(false);
  });

/**
 * The gate asked many times about one child (`childDecider`: a record's entries, an overview's
 * events) agrees with the reference model on every question, in any order and asked again: what it
 * finds once and the answers it shares never carry one question's answer over to another.
 */
export const deciderAgreesWithModel = (decider: Decider) =>
  fc.property(cases, fc.array(cases, { minLength: 1, maxLength: 8 }), (c, others) => {
    const decide = decider(c.actor, c.child, c.context);
    const { entry: _entry, ...asked } = c.context;
    for (const q of [...others, c, ...others]) {
      const context: AccessContext = q.context.entry ? { ...asked, entry: q.context.entry } : asked;
      expect(normalised(decide.decide(q.action, q.category, q.context.entry))).toEqual(referenceDecision(c.actor, c.child, q.action, q.category, context));
    }
  });

/**
 * Other people's places on the team decide nothing for the reader but log review (whose reviewer
 * weighs every organisation on the team): the reader's own places decide every other answer. A list
 * ("Mina barn") loads only the reader's places of each child, and gets the same answers.
 */
export const othersPlacesDecideNothing = (gate: Gate) =>
  fc.property(cases, (c) => {
    fc.pre(c.action !== 'review_log');
    const own = { ...c.child, careTeam: c.child.careTeam.filter((m) => m.userId === c.actor.userId) };
    expect(ask(gate, c, { child: own })).toEqual(ask(gate, c));
  });
