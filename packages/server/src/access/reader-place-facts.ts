import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { PolicyChild } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { gateFacts, toPolicyChild, type PolicyChildRow } from './facts.ts';
import { canonicalId } from './ids.ts';

type Place = Omit<PolicyChildRow['team'][number], 'domains'>;
type Domain = PolicyChildRow['team'][number]['domains'][number];

/**
 * The gate's facts about the child of a row of the reader's own place on its team
 * (`care_team_member as m` joined to `child as c`, `m.user_id` the reader), as columns a list of
 * the reader's places selects beside its own. "Mina barn" then loads its 200 rows and their facts
 * in one statement: a second statement sent the 200 ids back and parsed 500 rows of JSON, half of
 * what the gate cost the server per look. The facts are those `loadPolicyChildren` gives with the
 * reader's places only (facts.test.ts compares them child by child): the row's own place is read
 * from `m` itself, the reader's other places on the team (rare) come as JSON, and a unit's secrecy
 * domains are said on the first row of that unit only.
 */
export function readerPlaceFactsColumns(eb: ExpressionBuilder<DB & { c: DB['child']; m: DB['care_team_member'] }, 'c' | 'm'>, readerId: string) {
  const facts = gateFacts(eb as unknown as ExpressionBuilder<DB & { c: DB['child'] }, 'c'>, readerId);
  const unitDomains = jsonArrayFrom(eb.selectFrom('unit_secrecy_domain as d').select(['d.secrecy_domain_id', 'd.valid_from', 'd.valid_to']).whereRef('d.unit_id', '=', 'm.unit_id'));
  const otherPlaces = jsonArrayFrom(
    eb
      .selectFrom('care_team_member as p')
      .select((t) => [
        'p.user_id', 'p.organisation_id', 'p.unit_id', 'p.role', 'p.starts_at', 'p.ends_at', 'p.basis', 'p.consent_id',
        jsonArrayFrom(t.selectFrom('unit_secrecy_domain as d').select(['d.secrecy_domain_id', 'd.valid_from', 'd.valid_to']).whereRef('d.unit_id', '=', 'p.unit_id')).as('domains'),
      ])
      .whereRef('p.child_id', '=', 'm.child_id')
      .where('p.user_id', '=', readerId)
      .whereRef('p.id', '<>', 'm.id'),
  );
  return [
    'm.user_id as gate_user_id',
    'm.unit_id as gate_unit_id',
    'm.ends_at as gate_ends_at',
    'm.basis as gate_basis',
    'm.consent_id as gate_consent_id',
    // CASE evaluates its branch only where chosen: each unit's domains are read once per list.
    sql<Domain[] | null>`CASE WHEN m.unit_id IS NOT NULL AND row_number() OVER (PARTITION BY m.unit_id ORDER BY m.id) = 1 THEN ${unitDomains} END`.as('gate_unit_domains'),
    otherPlaces.as('gate_other_places'),
    facts.guardianCount.as('gate_guardian_count'),
    facts.consents.as('gate_consents'),
    facts.emergencies.as('gate_emergencies'),
    facts.pendingHandover.as('gate_pending_handover'),
  ] as const;
}

/** A list row that carries `readerPlaceFactsColumns` and its own place's columns. */
export interface ReaderPlaceFactsRow {
  child_id: string;
  birth_date: string;
  protected_identity: PolicyChildRow['protected_identity'];
  organisation_id: string;
  role: Place['role'];
  starts_at: Date | string;
  gate_user_id: string;
  gate_unit_id: string | null;
  gate_ends_at: Date | string | null;
  gate_basis: Place['basis'];
  gate_consent_id: string | null;
  gate_unit_domains: Domain[] | null;
  gate_other_places: PolicyChildRow['team'];
  gate_guardian_count: PolicyChildRow['guardian_count'];
  gate_consents: PolicyChildRow['consents'];
  gate_emergencies: PolicyChildRow['emergencies'];
  gate_pending_handover: PolicyChildRow['pending_handover'];
}

/** Each child's facts from its list rows (a child the reader holds two current places on has two rows, each naming the other place). */
export function readerPlaceFacts(rows: readonly ReaderPlaceFactsRow[]): Map<string, PolicyChild> {
  const domainsOf = new Map<string, Domain[]>();
  for (const r of rows) if (r.gate_unit_id !== null && r.gate_unit_domains !== null) domainsOf.set(r.gate_unit_id, r.gate_unit_domains);
  const facts = new Map<string, PolicyChild>();
  for (const r of rows) {
    const id = canonicalId(r.child_id);
    if (facts.has(id)) continue;
    // The row's own timestamps are Dates where JSON's are text: toPolicyChild's `new Date` takes either.
    const own = { user_id: r.gate_user_id, organisation_id: r.organisation_id, unit_id: r.gate_unit_id, role: r.role, starts_at: r.starts_at, ends_at: r.gate_ends_at, basis: r.gate_basis, consent_id: r.gate_consent_id } as Place;
    const team = [{ ...own, domains: own.unit_id ? (domainsOf.get(own.unit_id) ?? []) : [] }, ...r.gate_other_places];
    facts.set(id, toPolicyChild({ id, birth_date: r.birth_date, protected_identity: r.protected_identity, guardian_count: r.gate_guardian_count, team, consents: r.gate_consents, emergencies: r.gate_emergencies, pending_handover: r.gate_pending_handover }));
  }
  return facts;
}
