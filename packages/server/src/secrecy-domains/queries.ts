import type { Kysely, Transaction } from 'kysely';
import { defaultDomainKind, defaultSecrecyDomains, type Sector } from '@samsyn/core';
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
