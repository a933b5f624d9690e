import type { Kysely } from 'kysely';
import type { Organisation } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

export async function listOrganisations(db: Kysely<DB>): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisation').selectAll().orderBy('kind').orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    partnerType: r.partner_type,
    organisationNumber: r.organisation_number,
    municipalityCode: r.municipality_code,
    countyCode: r.county_code,
    active: r.active,
  }));
}

export async function organisationExists(db: Kysely<DB>, id: string): Promise<boolean> {
  return (await db.selectFrom('organisation').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
