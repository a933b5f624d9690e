import { sql, type Kysely, type Transaction } from 'kysely';
import {
  defaultDomainKind,
  defaultSecrecyDomains,
  type SecrecyDomainCreate,
  type SecrecyDomainKind,
  type SecrecyDomainUpdate,
  type SecrecyDomainView,
  type Sector,
  type UnitDomainPeriodView,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The secrecy domain a unit belongs to now; null for no unit. */
export async function currentDomainOfUnit(db: Db, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const row = await db.selectFrom('unit_secrecy_domain').select('secrecy_domain_id').where('unit_id', '=', unitId).where('valid_to', 'is', null).executeTakeFirst();
  return row?.secrecy_domain_id ?? null;
}

/**
 * Places new units in their organisation's domain for their sector, creating the default domain
 * of that kind when the organisation has none covering it. `since` is when the unit joins the
 * domain: for units that exist before any entry (the demo county) a date far in the past.
 */
export async function placeUnitsInDefaultDomains(
  trx: Transaction<DB>,
  units: readonly { id: string; organisationId: string; sector: Sector }[],
  since: Date,
  changedBy: string | null,
): Promise<void> {
  if (units.length === 0) return;
  const organisationIds = [...new Set(units.map((u) => u.organisationId))];
  const existing = await trx.selectFrom('secrecy_domain').select(['id', 'organisation_id', 'kind', 'sectors']).where('organisation_id', 'in', organisationIds).orderBy('created_at').execute();
  const rows: { unit_id: string; secrecy_domain_id: string; valid_from: Date; changed_by: string | null }[] = [];
  for (const unit of units) {
    let domain = existing.find((d) => d.organisation_id === unit.organisationId && d.sectors.includes(unit.sector));
    if (!domain) {
      const kind = defaultDomainKind(unit.sector);
      domain = existing.find((d) => d.organisation_id === unit.organisationId && d.kind === kind);
      if (!domain) {
        const template = defaultSecrecyDomains[kind];
        const created = await trx
          .insertInto('secrecy_domain')
          .values({ organisation_id: unit.organisationId, kind, name: template.name, legal_reference: template.legalReference, sectors: [...template.sectors], created_at: since, updated_at: since })
          .returning(['id', 'organisation_id', 'kind', 'sectors'])
          .executeTakeFirstOrThrow();
        existing.push(created);
        domain = created;
      }
    }
    rows.push({ unit_id: unit.id, secrecy_domain_id: domain.id, valid_from: since, changed_by: changedBy });
  }
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('unit_secrecy_domain').values(rows.slice(i, i + 500)).execute();
}

/** unit id → current domain id, for the demo seeder and bulk work. */
export async function currentDomainsOfUnits(db: Db, unitIds: readonly string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('unit_secrecy_domain').select(['unit_id', 'secrecy_domain_id']).where('unit_id', 'in', [...unitIds]).where('valid_to', 'is', null).execute();
  return new Map(rows.map((r) => [r.unit_id, r.secrecy_domain_id]));
}

// --- Administration: the domains of an organisation, their units and the units' history ---------

export interface DomainRow {
  id: string;
  organisation_id: string;
  kind: SecrecyDomainKind;
  name: string;
  legal_reference: string;
  sectors: Sector[];
}

/** The domains of the given organisations ('all' for every one), sorted by organisation then name, each with the units in it now. */
export async function listDomains(db: Db, organisationIds: 'all' | readonly string[], id?: string): Promise<SecrecyDomainView[]> {
  if (organisationIds !== 'all' && organisationIds.length === 0) return [];
  let query = db
    .selectFrom('secrecy_domain as s')
    .innerJoin('organisation as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.organisation_id', 'o.name as organisation_name', 's.kind', 's.name', 's.legal_reference', 's.sectors'])
    .orderBy('o.name')
    .orderBy('s.name');
  if (organisationIds !== 'all') query = query.where('s.organisation_id', 'in', [...organisationIds]);
  if (id) query = query.where('s.id', '=', id);
  const domains = await query.execute();
  if (domains.length === 0) return [];
  const units = await db
    .selectFrom('unit_secrecy_domain as d')
    .innerJoin('unit as u', 'u.id', 'd.unit_id')
    .select(['d.secrecy_domain_id', 'u.id', 'u.name', 'u.sector'])
    .where('d.valid_to', 'is', null)
    .where('d.secrecy_domain_id', 'in', domains.map((d) => d.id))
    .orderBy('u.name')
    .execute();
  return domains.map((d) => ({
    id: d.id,
    organisationId: d.organisation_id,
    organisationName: d.organisation_name,
    kind: d.kind,
    name: d.name,
    legalReference: d.legal_reference,
    sectors: d.sectors,
    units: units.filter((u) => u.secrecy_domain_id === d.id).map((u) => ({ id: u.id, name: u.name, sector: u.sector })),
  }));
}

export async function findDomain(db: Db, id: string): Promise<DomainRow | undefined> {
  return db.selectFrom('secrecy_domain').select(['id', 'organisation_id', 'kind', 'name', 'legal_reference', 'sectors']).where('id', '=', id).executeTakeFirst();
}

export async function domainNameTaken(trx: Transaction<DB>, organisationId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = trx.selectFrom('secrecy_domain').select('id').where('organisation_id', '=', organisationId).where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Locks the organisation's domains, so that two changes of its names or sectors queue and the
 * second checks against the first (a sector overlap has no constraint in the schema).
 */
export async function lockDomainsOf(trx: Transaction<DB>, organisationId: string): Promise<void> {
  await trx.selectFrom('secrecy_domain').select('id').where('organisation_id', '=', organisationId).forUpdate().execute();
}

/** The organisation's other domains that already cover one of these sectors: a sector names the one default domain of its new units. */
export async function domainsCoveringSectors(trx: Transaction<DB>, organisationId: string, sectors: readonly Sector[], exceptId?: string): Promise<{ id: string; name: string; sectors: Sector[] }[]> {
  if (sectors.length === 0) return [];
  let query = trx
    .selectFrom('secrecy_domain')
    .select(['id', 'name', 'sectors'])
    .where('organisation_id', '=', organisationId)
    .where(sql<boolean>`sectors && ${sql.val([...sectors])}::text[]`);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.orderBy('name').execute();
}

export async function insertDomain(trx: Transaction<DB>, input: SecrecyDomainCreate, at: Date): Promise<string> {
  const row = await trx
    .insertInto('secrecy_domain')
    .values({ organisation_id: input.organisationId, kind: input.kind, name: input.name, legal_reference: input.legalReference, sectors: [...input.sectors], created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A domain's name, reference and sectors are its current description; entries point at its id, so renaming keeps them in it. */
export async function updateDomain(trx: Transaction<DB>, id: string, patch: SecrecyDomainUpdate, at: Date): Promise<void> {
  await trx
    .updateTable('secrecy_domain')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.legalReference === undefined ? {} : { legal_reference: patch.legalReference }),
      ...(patch.sectors === undefined ? {} : { sectors: [...patch.sectors] }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** The unit's current period, with the unit locked: two moves of one unit queue here, and the second sees the first's period. */
export async function lockCurrentPeriod(trx: Transaction<DB>, unitId: string): Promise<{ secrecy_domain_id: string; valid_from: Date } | undefined> {
  await trx.selectFrom('unit').select('id').where('id', '=', unitId).forUpdate().execute();
  const row = await trx.selectFrom('unit_secrecy_domain').select(['secrecy_domain_id', 'valid_from']).where('unit_id', '=', unitId).where('valid_to', 'is', null).executeTakeFirst();
  return row && { secrecy_domain_id: row.secrecy_domain_id, valid_from: new Date(row.valid_from) };
}

/**
 * Moves a unit from `at` on: ends its current period and starts the next. The periods are
 * history (an entry is judged by the domain its writer's unit was in when written), so no period
 * is ever rewritten.
 */
export async function startPeriod(trx: Transaction<DB>, unitId: string, domainId: string, at: Date, changedBy: string): Promise<void> {
  await trx.updateTable('unit_secrecy_domain').set({ valid_to: at }).where('unit_id', '=', unitId).where('valid_to', 'is', null).execute();
  await trx.insertInto('unit_secrecy_domain').values({ unit_id: unitId, secrecy_domain_id: domainId, valid_from: at, changed_by: changedBy }).execute();
}

/** The unit's periods, newest first, with the domain's current name and who moved the unit there. */
export async function unitDomainHistory(db: Db, unitId: string): Promise<UnitDomainPeriodView[]> {
  const rows = await db
    .selectFrom('unit_secrecy_domain as d')
    .innerJoin('secrecy_domain as s', 's.id', 'd.secrecy_domain_id')
    .leftJoin('app_user as u', 'u.id', 'd.changed_by')
    .select(['d.secrecy_domain_id', 's.name', 'd.valid_from', 'd.valid_to', 'u.display_name'])
    .where('d.unit_id', '=', unitId)
    .orderBy('d.valid_from', 'desc')
    .execute();
  return rows.map((r) => ({
    secrecyDomainId: r.secrecy_domain_id,
    secrecyDomainName: r.name,
    validFrom: new Date(r.valid_from).toISOString(),
    validTo: r.valid_to === null ? null : new Date(r.valid_to).toISOString(),
    changedByName: r.display_name,
  }));
}
