import type { Kysely, Transaction } from 'kysely';
import { formatIdentityNumber, type RegisteredChild, type RegisterImportSummary } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The register's view of existing children: identity data and guardians, by identity number. */
export interface StoredChild extends RegisteredChild {
  id: string;
  identityNumber: string;
  homeOrganisationId: string;
}

const CHUNK = 500;

export async function storedChildren(db: Db, identityNumbers: readonly string[], options: { lock?: boolean } = {}): Promise<Map<string, StoredChild>> {
  const found = new Map<string, StoredChild>();
  for (let i = 0; i < identityNumbers.length; i += CHUNK) {
    const chunk = identityNumbers.slice(i, i + CHUNK);
    if (chunk.length === 0) continue;
    let query = db
      .selectFrom('child as c')
      .select(['c.id', 'c.identity_number', 'c.home_organisation_id', 'c.given_name', 'c.family_name', 'c.street_address', 'c.postal_code', 'c.city', 'c.school_unit_id', 'c.protected_identity'])
      .where('c.identity_number', 'in', chunk);
    // The run takes each child's lock, as every write to a child's data does (see gate.ts lockChild).
    if (options.lock) query = query.forUpdate();
    const rows = await query.execute();
    const guardians = rows.length === 0 ? [] : await db
      .selectFrom('child_guardian as cg')
      .innerJoin('guardian as g', 'g.id', 'cg.guardian_id')
      .select(['cg.child_id', 'g.identity_number'])
      .where('cg.child_id', 'in', rows.map((r) => r.id))
      .execute();
    for (const r of rows) {
      found.set(r.identity_number, {
        id: r.id,
        identityNumber: r.identity_number,
        homeOrganisationId: r.home_organisation_id,
        givenName: r.given_name,
        familyName: r.family_name,
        streetAddress: r.street_address,
        postalCode: r.postal_code,
        city: r.city,
        schoolUnitId: r.school_unit_id,
        protectedIdentity: r.protected_identity,
        guardianIdentityNumbers: guardians.filter((g) => g.child_id === r.id).map((g) => g.identity_number),
      });
    }
  }
  return found;
}

/** Of the organisations whose register an administrator keeps, the municipalities, by name. */
export async function keptMunicipalities(db: Db, organisationIds: readonly string[]): Promise<{ id: string; name: string; code: string | null }[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db.selectFrom('organisation').select(['id', 'name', 'municipality_code']).where('id', 'in', organisationIds).where('kind', '=', 'municipality').orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, code: r.municipality_code }));
}

/** Every municipality Samsyn has, by its code (kommunkod): whose register a row of an extract is. */
export async function municipalitiesByCode(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('organisation').select(['id', 'municipality_code']).where('kind', '=', 'municipality').where('municipality_code', 'is not', null).execute();
  return new Map(rows.map((r) => [r.municipality_code!, r.id]));
}

/** The organisation's preschools and schools, by skolenhetskod and by name (lower case). */
export async function schoolUnitsOf(db: Db, organisationId: string): Promise<Map<string, string>> {
  const units = await db.selectFrom('unit').select(['id', 'name', 'school_unit_code']).where('organisation_id', '=', organisationId).where('active', '=', true).where('sector', 'in', ['preschool', 'school']).execute();
  const byKey = new Map<string, string>();
  for (const u of units) {
    byKey.set(u.name.toLowerCase(), u.id);
    if (u.school_unit_code) byKey.set(u.school_unit_code, u.id);
  }
  return byKey;
}

function summaryQuery(db: Db) {
  return db
    .selectFrom('register_import as i')
    .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
    .innerJoin('app_user as u', 'u.id', 'i.imported_by')
    .select(['i.id', 'i.organisation_id', 'o.name as organisation_name', 'u.display_name', 'i.file_name', 'i.file_sha256', 'i.status', 'i.total_rows', 'i.processed_rows', 'i.created_count', 'i.changed_count', 'i.unchanged_count', 'i.error_count', 'i.previewed_at', 'i.accepted_at', 'i.finished_at']);
}
type SummaryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirst']>>>;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toSummary(r: SummaryRow): RegisterImportSummary {
  return {
    id: r.id,
    organisation: { id: r.organisation_id, name: r.organisation_name },
    importedBy: r.display_name,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    status: r.status,
    totalRows: r.total_rows,
    processedRows: r.processed_rows,
    created: r.created_count,
    changed: r.changed_count,
    unchanged: r.unchanged_count,
    errors: r.error_count,
    previewedAt: iso(r.previewed_at)!,
    acceptedAt: iso(r.accepted_at),
    finishedAt: iso(r.finished_at),
  };
}

export async function importSummary(db: Db, id: string): Promise<RegisterImportSummary | undefined> {
  const row = await summaryQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}

/** The import history of the organisations an administrator keeps the register of, newest first. */
export async function importHistory(db: Db, organisationIds: readonly string[]): Promise<RegisterImportSummary[]> {
  if (organisationIds.length === 0) return [];
  const rows = await summaryQuery(db).where('i.organisation_id', 'in', organisationIds).orderBy('i.previewed_at', 'desc').limit(200).execute();
  return rows.map(toSummary);
}

/** `Anna Exempel, 19850709-9801`: how a new guardian stands in the identity history. */
export function guardianText(g: { identityNumber: string; givenName: string; familyName: string }): string {
  return `${g.givenName} ${g.familyName}, ${formatIdentityNumber(g.identityNumber)}`;
}
