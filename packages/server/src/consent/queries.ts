import type { Kysely, Transaction } from 'kysely';
import type { InfoCategory } from '@samsyn/core';
import type { ConsentExclusionRow, DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Every consent of the child, with who recorded and who withdrew it. The name of a citizen
 * (a guardian or the child, who may have protected identity) is never read, only their kind;
 * `child_user_id` tells the child's own account from a guardian's.
 */
export async function consentsOf(db: Db, childId: string) {
  return db
    .selectFrom('consent as c')
    .innerJoin('child as ch', 'ch.id', 'c.child_id')
    .innerJoin('app_user as r', 'r.id', 'c.recorded_by')
    .leftJoin('app_user as w', 'w.id', 'c.withdrawn_by')
    .select((eb) => {
      // The display name of the account, only when it is a professional's.
      const professionalName = (user: 'r' | 'w') => eb.case().when(`${user}.kind`, '=', 'professional').then(eb.ref(`${user}.display_name`)).end();
      return [
        'c.id', 'c.given_by', 'c.guardian_ids', 'c.method', 'c.note', 'c.organisation_ids', 'c.domain_ids', 'c.exclusions', 'c.categories', 'c.valid_from', 'c.valid_to',
        'c.recorded_by', 'c.recorded_by_professional', 'r.kind as recorded_by_kind', professionalName('r').as('recorded_by_name'), 'c.recorded_at',
        'c.withdrawn_at', 'c.withdrawn_by', 'w.kind as withdrawn_by_kind', professionalName('w').as('withdrawn_by_name'), 'c.withdrawal_note',
        'ch.user_id as child_user_id',
      ];
    })
    .where('c.child_id', '=', childId)
    .orderBy('c.recorded_at', 'desc')
    .execute();
}
export type ConsentRow = Awaited<ReturnType<typeof consentsOf>>[number];

export async function consentOf(db: Db, childId: string, consentId: string): Promise<ConsentRow | undefined> {
  return (await consentsOf(db, childId)).find((c) => c.id === consentId);
}

/** Names of organisations by id; an id that is missing from the answer does not exist. */
export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisation').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names a consent's parties and exclusions are shown by. */
export interface PartyNames {
  organisations: Map<string, string>;
  domains: Map<string, { name: string; organisationName: string }>;
  /** The name of an excluded place; '' when there is no such place. */
  of(scope: 'organisation' | 'secrecy_domain' | 'unit', id: string): string;
}

export async function partyNames(db: Db, consents: readonly Pick<ConsentRow, 'organisation_ids' | 'domain_ids' | 'exclusions'>[]): Promise<PartyNames> {
  const ids = (scope: string) => consents.flatMap((c) => c.exclusions.filter((x) => x.scope === scope).map((x) => x.id));
  const domainIds = [...new Set([...consents.flatMap((c) => c.domain_ids), ...ids('secrecy_domain')])];
  const unitIds = [...new Set(ids('unit'))];
  const [organisations, domains, units] = await Promise.all([
    organisationNames(db, [...consents.flatMap((c) => c.organisation_ids), ...ids('organisation')]),
    domainIds.length === 0
      ? []
      : db.selectFrom('secrecy_domain as d').innerJoin('organisation as o', 'o.id', 'd.organisation_id').select(['d.id', 'd.name', 'o.name as organisation_name']).where('d.id', 'in', domainIds).execute(),
    unitIds.length === 0 ? [] : db.selectFrom('unit').select(['id', 'name']).where('id', 'in', unitIds).execute(),
  ]);
  const domainMap = new Map(domains.map((d) => [d.id, { name: d.name, organisationName: d.organisation_name }]));
  const unitMap = new Map(units.map((u) => [u.id, u.name]));
  return {
    organisations,
    domains: domainMap,
    of: (scope, id) => (scope === 'organisation' ? organisations.get(id) : scope === 'unit' ? unitMap.get(id) : domainMap.get(id)?.name) ?? '',
  };
}

export async function guardianIdsOf(db: Db, childId: string): Promise<string[]> {
  return (await db.selectFrom('child_guardian').select('guardian_id').where('child_id', '=', childId).execute()).map((r) => r.guardian_id);
}

/** The guardian record of a citizen account for this child, if they are one of its guardians. */
export async function guardianIdOfUser(db: Db, childId: string, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('child_guardian as cg')
    .innerJoin('guardian as g', 'g.id', 'cg.guardian_id')
    .select('g.id')
    .where('cg.child_id', '=', childId)
    .where('g.user_id', '=', userId)
    .executeTakeFirst();
  return row?.id;
}

export interface NewConsent {
  childId: string;
  givenBy: 'guardian' | 'both_guardians' | 'child';
  guardianIds: string[];
  method: 'written' | 'digital' | 'verbal';
  note: string | null;
  organisationIds: string[];
  domainIds: string[];
  categories: InfoCategory[];
  exclusions: ConsentExclusionRow[];
  validFrom: string;
  validTo: string | null;
  recordedBy: string;
  recordedByProfessional: string | null;
  recordedAt: Date;
}

export async function insertConsent(trx: Transaction<DB>, c: NewConsent): Promise<string> {
  const row = await trx
    .insertInto('consent')
    .values({
      child_id: c.childId,
      given_by: c.givenBy,
      guardian_ids: c.guardianIds,
      method: c.method,
      note: c.note,
      organisation_ids: c.organisationIds,
      domain_ids: c.domainIds,
      categories: c.categories,
      exclusions: JSON.stringify(c.exclusions),
      valid_from: c.validFrom,
      valid_to: c.validTo,
      recorded_by: c.recordedBy,
      recorded_by_professional: c.recordedByProfessional,
      recorded_at: c.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stamps the withdrawal once; answers false when someone else withdrew it first. */
export async function withdrawConsent(trx: Transaction<DB>, consentId: string, by: string, note: string | null, at: Date): Promise<boolean> {
  const rows = await trx
    .updateTable('consent')
    .set({ withdrawn_at: at, withdrawn_by: by, withdrawal_note: note })
    .where('id', '=', consentId)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** The current members whose place on the team rests on this consent. */
export async function membersRelyingOn(db: Db, childId: string, consentId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('care_team_member')
    .select('user_id')
    .distinct()
    .where('child_id', '=', childId)
    .where('basis', '=', 'consent')
    .where('consent_id', '=', consentId)
    .where('starts_at', '<=', now)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
    .execute();
  return rows.map((r) => r.user_id);
}
