import fc from 'fast-check';
import { accessCategories, careTeamRoles, consentGivers, infoCategories, protectedIdentityLevels } from '../children/schema.ts';
import { roles } from '../users/schema.ts';
import type { DomainPeriod } from '../secrecy/domains.ts';
import type { ConsentExclusionFacts, ConsentFacts, ConsentRules } from './consent.ts';
import type { AccessAction, AccessContext, CareTeamFacts, EmergencyAccessFacts, EntryFacts, PolicyActor, PolicyChild, PolicyRole } from './policy.ts';

/**
 * Generators of a small county for the gate's property tests (test helper, not exported from
 * index.ts): a municipality with three secrecy domains and a region with two, units that belong
 * to them and sometimes move at a random instant, one child with a team, consents naming parties,
 * emergency accesses, and an actor asking about an entry. Small on purpose, so that actors,
 * members, units and consents meet often.
 */
export const municipality = 'org-municipality';
export const region = 'org-region';
export const organisations = [municipality, region] as const;
export const domainsOf: Record<string, readonly string[]> = {
  [municipality]: ['dom-school', 'dom-student-health', 'dom-social'],
  [region]: ['dom-care', 'dom-bup'],
};
export const allDomains = Object.values(domainsOf).flat();
/** Each unit, its organisation and the domain it starts in. */
export const unitHome: Record<string, { organisationId: string; domainId: string }> = {
  'unit-school-1': { organisationId: municipality, domainId: 'dom-school' },
  'unit-school-2': { organisationId: municipality, domainId: 'dom-school' },
  'unit-nurse': { organisationId: municipality, domainId: 'dom-student-health' },
  'unit-social': { organisationId: municipality, domainId: 'dom-social' },
  'unit-care': { organisationId: region, domainId: 'dom-care' },
  'unit-bup': { organisationId: region, domainId: 'dom-bup' },
};
export const allUnits = Object.keys(unitHome);
const unitsOf = (organisationId: string) => allUnits.filter((u) => unitHome[u]!.organisationId === organisationId);
const teamUsers = ['pro-1', 'pro-2', 'pro-3', 'admin-1'];
const staffUsers = [...teamUsers, 'outsider'];
const consentIds = ['k1', 'k2', 'k3'];

export const hour = 3_600_000;
const day = 24 * hour;
/** Noon UTC of a winter day, a summer day and the two days the Stockholm clocks change. */
const bases = [Date.UTC(2026, 10, 23, 12), Date.UTC(2026, 6, 1, 12), Date.UTC(2026, 2, 29, 12), Date.UTC(2026, 9, 25, 12)];

/** `value` in `weight` of `weight + 3` cases, else `otherwise`. */
function sometimes<T, U>(value: fc.Arbitrary<T>, weight: number, otherwise: U): fc.Arbitrary<T | U> {
  return fc.oneof({ weight, arbitrary: value }, { weight: 3, arbitrary: fc.constant(otherwise) });
}

export type Units = Record<string, readonly DomainPeriod[]>;
export interface Case {
  units: Units;
  actor: PolicyActor;
  child: PolicyChild;
  action: AccessAction;
  category: (typeof accessCategories)[number];
  context: AccessContext;
}

/** The domain of a unit at an instant (the world's own lookup, for building consistent entries). */
export function unitDomainAt(history: readonly DomainPeriod[], at: Date): string | null {
  for (const p of history) if (p.from.getTime() <= at.getTime() && (p.to === null || at.getTime() < p.to.getTime())) return p.domainId;
  return null;
}

/** A unit's history with a move into `domainId` at `at`: what came before stays, what would have come after is gone. */
export function moveUnit(history: readonly DomainPeriod[], domainId: string, at: Date): DomainPeriod[] {
  const before = history.filter((p) => p.from.getTime() < at.getTime()).map((p) => (p.to === null || p.to.getTime() > at.getTime() ? { ...p, to: at } : p));
  return [...before, { domainId, from: at, to: null }];
}

/** A child's team members follow their unit's history. */
export function withUnits(child: PolicyChild, units: Units): PolicyChild {
  return { ...child, careTeam: child.careTeam.map((m) => ({ ...m, secrecyDomains: m.unitId ? units[m.unitId]! : [] })) };
}

function around(base: number) {
  // Instants within three days either way, often near a Stockholm midnight (22:00 or 23:00 UTC).
  const instant = fc.oneof(
    fc.integer({ min: -3 * day, max: 3 * day }).map((o) => new Date(base + o)),
    fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -2 * hour, max: 2 * hour })).map(([d, ms]) => new Date(base + d * day + 11 * hour + ms)),
  );
  const isoDate = fc.integer({ min: -3, max: 3 }).map((o) => new Date(base + o * day).toISOString().slice(0, 10));
  const longAgo = new Date(base - 40 * day);
  return { base, instant, isoDate, longAgo };
}

type Around = ReturnType<typeof around>;

function unitHistories({ instant, longAgo }: Around): fc.Arbitrary<Units> {
  const history = (unit: string): fc.Arbitrary<readonly DomainPeriod[]> => {
    const { organisationId, domainId } = unitHome[unit]!;
    const others = domainsOf[organisationId]!.filter((d) => d !== domainId);
    return fc.oneof(
      { weight: 5, arbitrary: fc.constant<readonly DomainPeriod[]>([{ domainId, from: longAgo, to: null }]) },
      { weight: 3, arbitrary: fc.tuple(instant, fc.constantFrom(...others)).map(([at, to]) => moveUnit([{ domainId, from: longAgo, to: null }], to, at)) },
      // A unit that has left its domain, and one that never had one.
      { weight: 1, arbitrary: instant.map((at) => [{ domainId, from: longAgo, to: at }]) },
      { weight: 1, arbitrary: fc.constant<readonly DomainPeriod[]>([]) },
    );
  };
  return fc.record(Object.fromEntries(allUnits.map((u) => [u, history(u)]))) as fc.Arbitrary<Units>;
}

function consents(t: Around): fc.Arbitrary<ConsentFacts[]> {
  const exclusion: fc.Arbitrary<ConsentExclusionFacts> = fc.oneof(
    fc.record({ scope: fc.constant('organisation' as const), id: fc.constantFrom(...organisations), categories: fc.subarray([...infoCategories], { minLength: 1 }) }),
    fc.record({ scope: fc.constant('secrecy_domain' as const), id: fc.constantFrom(...allDomains), categories: fc.subarray([...infoCategories], { minLength: 1 }) }),
    fc.record({ scope: fc.constant('unit' as const), id: fc.constantFrom(...allUnits), categories: fc.subarray([...infoCategories], { minLength: 1 }) }),
  );
  const consent = (id: string): fc.Arbitrary<ConsentFacts> =>
    fc.record({
      id: fc.constant(id),
      givenBy: fc.oneof({ weight: 2, arbitrary: fc.constant('both_guardians' as const) }, { weight: 1, arbitrary: fc.constantFrom(...consentGivers) }),
      organisationIds: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray([...organisations], { minLength: 1 }) }),
      domainIds: fc.subarray(allDomains),
      categories: fc.subarray([...infoCategories], { minLength: 1 }),
      exclusions: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(exclusion, { minLength: 1, maxLength: 2 }) }),
      validFrom: fc.oneof({ weight: 2, arbitrary: fc.constant(t.longAgo.toISOString().slice(0, 10)) }, { weight: 1, arbitrary: t.isoDate }),
      validTo: sometimes(t.isoDate, 2, null),
      withdrawnAt: sometimes(t.instant, 1, null),
      recordedByProfessional: sometimes(fc.constantFrom(...teamUsers), 1, null),
    });
  // Each of the three is there in three cases of four.
  return fc.tuple(...consentIds.map((id) => fc.oneof({ weight: 3, arbitrary: consent(id) }, { weight: 1, arbitrary: fc.constant(null) }))).map((all) => all.filter((k) => k !== null));
}

function team(t: Around, units: Units): fc.Arbitrary<CareTeamFacts[]> {
  const member = fc.record({ userId: fc.constantFrom(...teamUsers), organisationId: fc.constantFrom(...organisations) }).chain(({ userId, organisationId }) =>
    fc
      .record({
        userId: fc.constant(userId),
        organisationId: fc.constant(organisationId),
        unitId: sometimes(fc.constantFrom(...unitsOf(organisationId)), 8, null),
        role: fc.constantFrom(...careTeamRoles),
        // Mostly members who joined before and are still on the team.
        startsAt: fc.oneof({ weight: 3, arbitrary: fc.constant(new Date(t.longAgo.getTime() + day)) }, { weight: 1, arbitrary: t.instant }),
        endsAt: sometimes(t.instant, 1, null),
        basis: fc.constantFrom('own_organisation', 'consent', 'legal_duty' as const),
        consentId: sometimes(fc.constantFrom(...consentIds), 9, null),
      })
      .map((m): CareTeamFacts => ({ ...m, secrecyDomains: m.unitId ? units[m.unitId]! : [] })),
  );
  // One place per person: which of two current places counts would be the gate's choice, not a rule.
  return fc.uniqueArray(member, { selector: (m) => m.userId, minLength: 1, maxLength: 3 });
}

function entry(t: Around, units: Units): fc.Arbitrary<EntryFacts> {
  const atUnit = fc.tuple(fc.constantFrom(...allUnits), t.instant).map(([unitId, writtenAt]) => {
    const home = unitHome[unitId]!;
    return { organisationId: home.organisationId, secrecyDomainId: unitDomainAt(units[unitId]!, writtenAt) ?? home.domainId, unitId, writtenAt };
  });
  const elsewhere = fc.tuple(fc.constantFrom(...organisations), fc.nat(), t.instant).map(([organisationId, n, writtenAt]) => {
    const domains = domainsOf[organisationId]!;
    return { organisationId, secrecyDomainId: domains[n % domains.length]!, unitId: null, writtenAt };
  });
  return fc.oneof({ weight: 3, arbitrary: atUnit }, { weight: 1, arbitrary: elsewhere });
}

function emergencies(t: Around): fc.Arbitrary<EmergencyAccessFacts[]> {
  const { base } = t;
  const access = fc.record({
    userId: fc.constantFrom(...staffUsers),
    organisationId: fc.constantFrom(...organisations),
    startsAt: fc.oneof(fc.constant(new Date(base - 4 * day)), t.instant),
    expiresAt: fc.oneof(fc.constant(new Date(base + 4 * day)), t.instant),
    legalGroundCode: fc.constantFrom('osl_emergency_health', 'lvu_urgent', 'brb_necessity', 'not_a_ground'),
  });
  return fc.array(access, { maxLength: 2 });
}

function staffRole(userId: string, organisationId?: string): fc.Arbitrary<PolicyRole> {
  return fc.record({
    organisationId: organisationId ? fc.constant(organisationId) : fc.constantFrom(...organisations),
    role: organisationId ? fc.constant('professional' as const) : fc.oneof({ weight: 3, arbitrary: fc.constant('professional' as const) }, { weight: 2, arbitrary: fc.constantFrom(...roles) }),
    // Mostly granted by an administrator (or before roles had a granter), sometimes by themselves.
    grantedBy: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant('admin-2') }, { weight: 1, arbitrary: fc.constant(userId) }),
  });
}

/** Staff: professionals, administrators, analysts, managers, as any roles, some granted by themselves; `home`: their first role is professional there. */
function staff(userId: string, home?: string): fc.Arbitrary<PolicyActor> {
  return fc.tuple(staffRole(userId, home), fc.array(staffRole(userId), { maxLength: 2 })).map(([first, more]) => ({ userId, roles: [first, ...more] }));
}

const citizen: fc.Arbitrary<PolicyActor> = fc.record({
  userId: fc.constant('citizen'),
  roles: fc.constant([]),
  citizen: fc.record({ guardianOf: fc.subarray(['child', 'other-child']), selfChildId: fc.constantFrom(null, 'child', 'other-child') }),
});

/** Mostly someone on the child's team, else anyone on the staff, or a citizen. */
function actorFor(child: PolicyChild): fc.Arbitrary<PolicyActor> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...child.careTeam).chain((m) => staff(m.userId, m.organisationId)) },
    { weight: 2, arbitrary: fc.constantFrom(...staffUsers).chain((u) => staff(u)) },
    { weight: 1, arbitrary: citizen },
  );
}

const question = fc
  .oneof({ weight: 4, arbitrary: fc.constant<AccessAction>('read') }, { weight: 2, arbitrary: fc.constant<AccessAction>('write') }, { weight: 1, arbitrary: fc.constant<AccessAction>('review_log') })
  .chain((action) =>
    fc.record({
      action: fc.constant(action),
      category: action === 'review_log'
        ? fc.oneof({ weight: 3, arbitrary: fc.constant('access_log' as const) }, { weight: 1, arbitrary: fc.constantFrom(...accessCategories) })
        : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...infoCategories) }, { weight: 1, arbitrary: fc.constantFrom(...accessCategories) }),
    }),
  );

const rules: fc.Arbitrary<ConsentRules> = fc.record({
  jointCustody: fc.constantFrom('both_guardians', 'either_guardian' as const),
  childConsentFromAge: fc.integer({ min: 12, max: 16 }),
  childAccessFromAge: fc.integer({ min: 12, max: 16 }),
});

/** One question to the gate, in a world around one of the base days. */
export const cases: fc.Arbitrary<Case> = fc.constantFrom(...bases).chain((base) => {
  const t = around(base);
  return unitHistories(t).chain((units) =>
    fc
      .record({
        id: fc.constant('child'),
        // Ages from 9 to 19, so that the access and consent ages and 18 all fall inside.
        birthDate: fc.integer({ min: 9 * 365, max: 19 * 365 }).map((d) => new Date(base - d * day).toISOString().slice(0, 10)),
        guardianCount: fc.integer({ min: 0, max: 2 }),
        protectedIdentity: sometimes(fc.constantFrom(...protectedIdentityLevels), 1, null),
        careTeam: team(t, units),
        consents: consents(t),
        emergencyAccesses: emergencies(t),
        pendingHandover: sometimes(fc.record({ id: fc.constant('handover'), toUserId: fc.constantFrom(...staffUsers), proposedBy: fc.constantFrom(...staffUsers) }), 1, null),
      })
      .chain((child) =>
        fc.record({
          units: fc.constant(units),
          child: fc.constant(child),
          actor: actorFor(child),
          question,
          context: fc
            .record({
              now: t.instant,
              rules,
              entry: sometimes(entry(t, units), 6, undefined),
              purpose: fc.constantFrom('open_record' as const, 'list' as const, 'handover_preview' as const, undefined),
            })
            .map(({ entry, purpose, ...always }): AccessContext => ({ ...always, ...(entry ? { entry } : {}), ...(purpose ? { purpose } : {}) })),
        }),
      )
      .map(({ question, ...rest }): Case => ({ ...rest, ...question })),
  );
});
