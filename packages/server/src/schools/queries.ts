import type { Kysely } from 'kysely';
import type { KoladaValueStatus } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

/** The school units and their Kolada results (issue 15, item 8). A directory and aggregates: no child's data. */

export interface SchoolUnit {
  unitId: string;
  name: string;
  organisationId: string;
  organisation: string;
  municipalityCode: string | null;
  schoolUnitCode: string | null;
  koladaOu: string | null;
}

function schools(db: Kysely<DB>) {
  return db
    .selectFrom('unit as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .leftJoin('school_unit_kolada_ou as k', 'k.unit_id', 'u.id')
    .select(['u.id as unitId', 'u.name', 'u.organisation_id as organisationId', 'o.name as organisation', 'o.municipality_code as municipalityCode', 'u.school_unit_code as schoolUnitCode', 'k.kolada_ou as koladaOu'])
    .where('u.sector', '=', 'school');
}

/** A unit of the school sector, or undefined (no unit, or not a school). */
export async function findSchoolUnit(db: Kysely<DB>, unitId: string): Promise<SchoolUnit | undefined> {
  return schools(db).where('u.id', '=', unitId).executeTakeFirst();
}

export async function listSchoolUnits(db: Kysely<DB>): Promise<SchoolUnit[]> {
  return schools(db).where('u.active', '=', true).orderBy('o.name').orderBy('u.name').execute();
}

/** The sectors of the units the actor's roles are at: the student-health team is known by its unit. */
export async function sectorsOfUnits(db: Kysely<DB>, unitIds: readonly string[]): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db.selectFrom('unit').select(['id', 'sector']).where('id', 'in', [...unitIds]).execute();
  return new Map(rows.map((r) => [r.id, r.sector]));
}

export interface KoladaSchoolValue {
  kpi: string;
  title: string;
  period: number;
  value: number | null;
  status: KoladaValueStatus;
}

/** A Kolada unit's values (all genders together), with the KPI's title. */
export async function koladaOfOu(db: Kysely<DB>, ou: string): Promise<KoladaSchoolValue[]> {
  return db
    .selectFrom('kolada_value as v')
    .innerJoin('kolada_kpi as k', 'k.id', 'v.kpi')
    .select(['v.kpi', 'k.title', 'v.period', 'v.value', 'v.status'])
    .where('v.ou', '=', ou)
    .where('v.gender', '=', 'T')
    .orderBy('v.kpi')
    .orderBy('v.period')
    .execute();
}

/** The municipality's own values of the same KPIs, to stand beside the school's. */
export async function koladaOfMunicipality(db: Kysely<DB>, municipality: string, kpis: readonly string[]): Promise<Map<string, { value: number | null; status: KoladaValueStatus }>> {
  if (kpis.length === 0) return new Map();
  const rows = await db.selectFrom('kolada_value').select(['kpi', 'period', 'value', 'status']).where('municipality', '=', municipality).where('gender', '=', 'T').where('kpi', 'in', [...kpis]).execute();
  return new Map(rows.map((r) => [`${r.kpi}|${r.period}`, { value: r.value, status: r.status }]));
}
