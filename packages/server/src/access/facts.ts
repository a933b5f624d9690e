import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { PolicyActor, PolicyChild } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../http/types.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import type { KeptFacts } from './facts-cache.ts';

export type Db = Kysely<DB> | Transaction<DB>;

/**
 * Everything the policy gate needs about one child, in one round trip: the child, its care team
 * with history, its consents and the actor's emergency accesses, as JSON arrays of one row.
 */
export async function loadPolicyChild(db: Db, childId: string, actorUserId: string): Promise<PolicyChild | undefined> {
  const [row] = await policyChildById(db, { childId, actorUserId });
  return row ? toPolicyChild(row) : undefined;
}

const policyChildById = reusableQuery(['childId', 'actorUserId'], (db, p) => policyChildQuery(db, p.childId, p.actorUserId));

/**
 * Loads the gate's facts and the child's data a route asked for, as it stands at `now` (the
 * services' clock). A read takes the facts kept for the child's facts version, which it reads
 * beside its data (`childFactsAt`, access/facts-cache.ts); the plain gate and writes load them.
 */
export type FactsWith<T> = (db: Db, childId: string, actorUserId: string, now: Date, kept: KeptFacts) => Promise<{ child: PolicyChild | undefined; loaded: T | null }>;

/**
 * Which places on each child's team a list loads: every member's, or only the reader's own. The
 * reader's own decide every answer but log review (core's property "decides everything but log
 * review on the reader's own places"), and a list of 200 children then reads a fifth of the rows.
 */
export type TeamPlaces = 'all' | 'reader';

/**
 * The gate's facts about many children in one statement, for a list that asks the gate per row
 * (handovers, the emergency review queue, log review). Children that do not exist are absent.
 */
export async function loadPolicyChildren(db: Db, childIds: readonly string[], actorUserId: string, places: TeamPlaces = 'all'): Promise<Map<string, PolicyChild>> {
  const found = new Map<string, PolicyChild>();
  for (const [id, { facts }] of await loadPolicyChildrenAt(db, childIds, actorUserId, places)) found.set(id, facts);
  return found;
}

/**
 * The same facts, each with the version of the child's facts they were read at (migration 0049;
 * the same statement, so the same snapshot): what access/facts-cache.ts keeps them under.
 */
export async function loadPolicyChildrenAt(db: Db, childIds: readonly string[], actorUserId: string, places: TeamPlaces = 'all'): Promise<Map<string, { facts: PolicyChild; version: string }>> {
  const found = new Map<string, { facts: PolicyChild; version: string }>();
  const unique = [...new Set(childIds.map((id) => id.toLowerCase()))];
  // Chunks keep one statement's parameter list small, even for a large export.
  for (let i = 0; i < unique.length; i += chunk) {
    const rows = await policyChildrenFacts(db, unique.slice(i, i + chunk), actorUserId, places);
    for (const row of assemble(rows, actorUserId)) found.set(row.id, { facts: toPolicyChild(row), version: row.version });
  }
  return found;
}

/**
 * The same facts as `policyChildSelect`, set-based: one scan per fact table over all the listed
 * children (a hash join each), not a correlated subquery per child and table. For a list of 200
 * children this is several times cheaper. Every row is JSON, as in the record's statement, so the
 * one `toPolicyChild` reads both (facts.test.ts compares them child by child).
 */
async function policyChildrenFacts(db: Db, ids: readonly string[], actorUserId: string, places: TeamPlaces) {
  const list = sql`${sql.val(ids)}::uuid[]`;
  const team = places === 'reader' ? sql`AND m.user_id = ${actorUserId}` : sql``;
  // `about` is the child's id, but for 'd' the unit's: its domains are said once, not once per child.
  const result = await sql<{ k: 'c' | 'm' | 'd' | 'k' | 'e' | 'h'; about: string; v: Record<string, unknown> }>`
    SELECT 'c' AS k, c.id AS about, json_build_object('birth_date', c.birth_date, 'protected_identity', c.protected_identity,
        'guardian_count', (SELECT count(*) FROM child_guardian g WHERE g.child_id = c.id),
        'version', c.gate_version::text) AS v
      FROM child c WHERE c.id = ANY(${list})
    UNION ALL
    SELECT 'm', m.child_id, json_build_object('user_id', m.user_id, 'organisation_id', m.organisation_id, 'unit_id', m.unit_id, 'role', m.role,
        'starts_at', m.starts_at, 'ends_at', m.ends_at, 'basis', m.basis, 'consent_id', m.consent_id)
      FROM care_team_member m WHERE m.child_id = ANY(${list}) ${team}
    UNION ALL
    -- As in the single child's facts: only the asking member's units' domains are weighed.
    SELECT 'd', d.unit_id, json_build_object('secrecy_domain_id', d.secrecy_domain_id, 'valid_from', d.valid_from, 'valid_to', d.valid_to)
      FROM unit_secrecy_domain d WHERE d.unit_id IN (SELECT m.unit_id FROM care_team_member m WHERE m.user_id = ${actorUserId} AND m.child_id = ANY(${list}))
    UNION ALL
    SELECT 'k', k.child_id, json_build_object('id', k.id, 'given_by', k.given_by, 'organisation_ids', k.organisation_ids, 'domain_ids', k.domain_ids, 'exclusions', k.exclusions,
        'categories', k.categories, 'valid_from', k.valid_from, 'valid_to', k.valid_to, 'withdrawn_at', k.withdrawn_at, 'recorded_by_professional', k.recorded_by_professional)
      FROM consent k WHERE k.child_id = ANY(${list})
    UNION ALL
    SELECT 'e', e.child_id, json_build_object('user_id', e.user_id, 'organisation_id', e.organisation_id, 'starts_at', e.starts_at, 'expires_at', e.expires_at, 'legal_ground_code', e.legal_ground_code)
      FROM emergency_access e WHERE e.child_id = ANY(${list})
        AND (e.user_id = ${actorUserId} OR e.organisation_id IN (SELECT r.organisation_id FROM user_role r WHERE r.user_id = ${actorUserId} AND r.role IN ('unit_manager', 'collaboration_coordinator')))
    UNION ALL
    SELECT DISTINCT ON (h.child_id) 'h', h.child_id, json_build_object('id', h.id, 'to_user_id', h.to_user_id, 'proposed_by', h.proposed_by)
      FROM named_person_handover h WHERE h.child_id = ANY(${list}) AND h.accepted_at IS NULL AND h.declined_at IS NULL AND h.withdrawn_at IS NULL`.execute(db);
  return result.rows;
}

type FactRow = Awaited<ReturnType<typeof policyChildrenFacts>>[number];
type Domain = PolicyChildRow['team'][number]['domains'][number];

/** The set-based rows, regrouped into one row per child as the single child's statement gives it. */
function assemble(rows: readonly FactRow[], actorUserId: string): (PolicyChildRow & { version: string })[] {
  const byChild = new Map<string, PolicyChildRow & { version: string }>();
  const domainsOf = new Map<string, Domain[]>();
  for (const r of rows) {
    if (r.k === 'c') {
      const v = r.v as Pick<PolicyChildRow, 'birth_date' | 'protected_identity' | 'guardian_count'> & { version: string };
      byChild.set(r.about, { id: r.about, birth_date: v.birth_date, protected_identity: v.protected_identity, guardian_count: v.guardian_count, team: [], consents: [], emergencies: [], pending_handover: null, version: v.version });
    } else if (r.k === 'd') {
      const known = domainsOf.get(r.about);
      if (known) known.push(r.v as Domain);
      else domainsOf.set(r.about, [r.v as Domain]);
    }
  }
  for (const r of rows) {
    const child = byChild.get(r.about);
    if (!child) continue;
    if (r.k === 'm') {
      const m = r.v as Omit<PolicyChildRow['team'][number], 'domains'>;
      // The asking member's unit's domains; the gate weighs no other member's domain.
      child.team.push({ ...m, domains: m.user_id === actorUserId && m.unit_id ? (domainsOf.get(m.unit_id) ?? []) : [] });
    } else if (r.k === 'k') child.consents.push(r.v as PolicyChildRow['consents'][number]);
    else if (r.k === 'e') child.emergencies.push(r.v as PolicyChildRow['emergencies'][number]);
    else if (r.k === 'h') child.pending_handover = r.v as NonNullable<PolicyChildRow['pending_handover']>;
  }
  return [...byChild.values()];
}

const chunk = 500;

function policyChildQuery(db: Kysely<DB>, childId: string, actorUserId: string) {
  return policyChildSelect(db, actorUserId).where('c.id', '=', childId);
}

function policyChildSelect(db: Kysely<DB>, actorUserId: string) {
  return db
    .selectFrom('child as c')
    .select((eb) => {
      const facts = gateFacts(eb, actorUserId);
      return ['c.id', 'c.birth_date', 'c.protected_identity', facts.guardianCount.as('guardian_count'), facts.team.as('team'), facts.consents.as('consents'), facts.emergencies.as('emergencies'), facts.pendingHandover.as('pending_handover')];
    });
}

/** The gate's facts as correlated subqueries beside a row of `child as c` (the single child's statement). */
function gateFacts(eb: ExpressionBuilder<DB & { c: DB['child'] }, 'c'>, actorUserId: string) {
  return {
    guardianCount: eb.selectFrom('child_guardian as g').select(eb.fn.countAll<number>().as('n')).whereRef('g.child_id', '=', 'c.id'),
    team: jsonArrayFrom(
      eb
        .selectFrom('care_team_member as m')
        .select((t) => [
          'm.user_id',
          'm.organisation_id',
          'm.unit_id',
          'm.role',
          'm.starts_at',
          'm.ends_at',
          'm.basis',
          'm.consent_id',
          // The asking member's unit's domains over time: entries are judged by the domain at their
          // writing. The gate weighs no other member's domain, so theirs are not loaded.
          jsonArrayFrom(
            t.selectFrom('unit_secrecy_domain as d').select(['d.secrecy_domain_id', 'd.valid_from', 'd.valid_to']).whereRef('d.unit_id', '=', 'm.unit_id').where(sql<boolean>`m.user_id = ${actorUserId}`),
          ).as('domains'),
        ])
        .whereRef('m.child_id', '=', 'c.id'),
    ),
    consents: jsonArrayFrom(
      eb
        .selectFrom('consent as k')
        .select(['k.id', 'k.given_by', 'k.organisation_ids', 'k.domain_ids', 'k.exclusions', 'k.categories', 'k.valid_from', 'k.valid_to', 'k.withdrawn_at', 'k.recorded_by_professional'])
        .whereRef('k.child_id', '=', 'c.id'),
    ),
    // The actor's own emergency accesses, and those opened in an organisation whose log they
    // review: the manager of the unit an access was opened at reviews it (see decideLogReview).
    emergencies: jsonArrayFrom(
      eb
        .selectFrom('emergency_access as e')
        .select(['e.user_id', 'e.organisation_id', 'e.starts_at', 'e.expires_at', 'e.legal_ground_code'])
        .whereRef('e.child_id', '=', 'c.id')
        .where((w) =>
          w.or([
            w('e.user_id', '=', actorUserId),
            w('e.organisation_id', 'in', w.selectFrom('user_role as r').select('r.organisation_id').where('r.user_id', '=', actorUserId).where('r.role', 'in', ['unit_manager', 'collaboration_coordinator'])),
          ]),
        ),
    ),
    // The pending handover (one at a time): its receiver previews it, its proposer withdraws it.
    pendingHandover: jsonObjectFrom(
      eb
        .selectFrom('named_person_handover as h')
        .select(['h.id', 'h.to_user_id', 'h.proposed_by'])
        .whereRef('h.child_id', '=', 'c.id')
        .where('h.accepted_at', 'is', null)
        .where('h.declined_at', 'is', null)
        .where('h.withdrawn_at', 'is', null)
        .limit(1),
    ),
  };
}

type PolicyChildRow = NonNullable<Awaited<ReturnType<ReturnType<typeof policyChildSelect>['executeTakeFirst']>>>;

// Timestamps arrive as Date from a plain row and as text from JSON; `new Date` takes either.
function toPolicyChild(row: PolicyChildRow): PolicyChild {
  return {
    id: row.id,
    birthDate: row.birth_date,
    guardianCount: Number(row.guardian_count ?? 0),
    protectedIdentity: row.protected_identity,
    careTeam: row.team.map((m) => ({
      userId: m.user_id,
      organisationId: m.organisation_id,
      unitId: m.unit_id,
      role: m.role,
      startsAt: new Date(m.starts_at),
      endsAt: m.ends_at ? new Date(m.ends_at) : null,
      basis: m.basis,
      consentId: m.consent_id,
      secrecyDomains: m.domains.map((d) => ({ domainId: d.secrecy_domain_id, from: new Date(d.valid_from), to: d.valid_to ? new Date(d.valid_to) : null })),
    })),
    consents: row.consents.map((k) => ({
      id: k.id,
      givenBy: k.given_by,
      organisationIds: k.organisation_ids,
      domainIds: k.domain_ids,
      exclusions: k.exclusions,
      categories: k.categories,
      validFrom: k.valid_from,
      validTo: k.valid_to,
      withdrawnAt: k.withdrawn_at ? new Date(k.withdrawn_at) : null,
      recordedByProfessional: k.recorded_by_professional,
    })),
    emergencyAccesses: row.emergencies.map((e) => ({ userId: e.user_id, organisationId: e.organisation_id, startsAt: new Date(e.starts_at), expiresAt: new Date(e.expires_at), legalGroundCode: e.legal_ground_code })),
    pendingHandover: row.pending_handover ? { id: row.pending_handover.id, toUserId: row.pending_handover.to_user_id, proposedBy: row.pending_handover.proposed_by } : null,
  };
}

/** The actor as the gate sees them; a citizen account also brings whose guardian or who they are. */
export async function loadPolicyActor(db: Db, actor: Actor): Promise<PolicyActor> {
  const base = { userId: actor.userId, roles: actor.roles.map((r) => ({ organisationId: r.organisationId, role: r.role, grantedBy: r.grantedBy })) };
  if (actor.kind !== 'citizen') return base;
  const [guardianOf, self] = await Promise.all([
    db.selectFrom('child_guardian').innerJoin('guardian', 'guardian.id', 'child_guardian.guardian_id').select('child_guardian.child_id').where('guardian.user_id', '=', actor.userId).execute(),
    db.selectFrom('child').select('id').where('user_id', '=', actor.userId).executeTakeFirst(),
  ]);
  return { ...base, citizen: { guardianOf: guardianOf.map((g) => g.child_id), selfChildId: self?.id ?? null } };
}
