import type { Kysely, Transaction } from 'kysely';
import type { IndicatorInput, IndicatorUpdate, IndicatorView, KoladaValueStatus } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

function catalogueQuery(db: Db) {
  return db
    .selectFrom('indicator as i')
    .innerJoin('organisation as o', 'o.id', 'i.owner_organisation_id')
    .leftJoin('kolada_kpi as k', (join) => join.onRef('k.id', '=', 'i.source_ref').on('i.source_kind', '=', 'kolada'))
    .select([
      'i.id', 'i.name_sv', 'i.name_en', 'i.description_sv', 'i.description_en', 'i.unit', 'i.direction', 'i.priority_area', 'i.source_kind', 'i.source_ref',
      'i.pupil_basis', 'i.breakdowns', 'i.owner_organisation_id', 'o.name as owner_name', 'i.updated_at', 'k.title as kpi_title', 'k.title_changed_from',
    ]);
}
type CatalogueRow = Awaited<ReturnType<ReturnType<typeof catalogueQuery>['executeTakeFirstOrThrow']>>;

function toView(r: CatalogueRow): IndicatorView {
  return {
    id: r.id,
    nameSv: r.name_sv,
    nameEn: r.name_en,
    descriptionSv: r.description_sv,
    descriptionEn: r.description_en,
    unit: r.unit,
    direction: r.direction,
    priorityArea: r.priority_area,
    source: { kind: r.source_kind, ref: r.source_ref },
    pupilBasis: r.pupil_basis,
    breakdowns: r.breakdowns as IndicatorView['breakdowns'],
    owner: { id: r.owner_organisation_id, name: r.owner_name },
    koladaTitleChanged: r.title_changed_from !== null && r.kpi_title !== null ? { before: r.title_changed_from, after: r.kpi_title } : null,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The whole catalogue, by priority area and name. */
export async function listIndicators(db: Db): Promise<IndicatorView[]> {
  return (await catalogueQuery(db).orderBy('i.priority_area').orderBy('i.name_sv').execute()).map(toView);
}

export async function findIndicator(db: Db, id: string): Promise<IndicatorView | undefined> {
  const row = await catalogueQuery(db).where('i.id', '=', id).executeTakeFirst();
  return row ? toView(row) : undefined;
}

export async function indicatorWithSource(db: Db, kind: string, ref: string): Promise<string | undefined> {
  const row = await db.selectFrom('indicator').select('id').where('source_kind', '=', kind as 'kolada').where('source_ref', '=', ref).executeTakeFirst();
  return row?.id;
}

export async function insertIndicator(trx: Transaction<DB>, input: IndicatorInput & { ownerOrganisationId: string }, by: string, at: Date): Promise<void> {
  await trx
    .insertInto('indicator')
    .values({
      id: input.id,
      name_sv: input.nameSv,
      name_en: input.nameEn,
      description_sv: input.descriptionSv,
      description_en: input.descriptionEn,
      unit: input.unit,
      direction: input.direction,
      priority_area: input.priorityArea,
      source_kind: input.source.kind,
      source_ref: input.source.ref,
      pupil_basis: input.pupilBasis,
      breakdowns: input.breakdowns,
      owner_organisation_id: input.ownerOrganisationId,
      created_by: by,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateIndicator(trx: Transaction<DB>, id: string, change: IndicatorUpdate, at: Date): Promise<void> {
  await trx
    .updateTable('indicator')
    .set({
      ...(change.nameSv !== undefined ? { name_sv: change.nameSv } : {}),
      ...(change.nameEn !== undefined ? { name_en: change.nameEn } : {}),
      ...(change.descriptionSv !== undefined ? { description_sv: change.descriptionSv } : {}),
      ...(change.descriptionEn !== undefined ? { description_en: change.descriptionEn } : {}),
      ...(change.unit !== undefined ? { unit: change.unit } : {}),
      ...(change.direction !== undefined ? { direction: change.direction } : {}),
      ...(change.priorityArea !== undefined ? { priority_area: change.priorityArea } : {}),
      ...(change.pupilBasis !== undefined ? { pupil_basis: change.pupilBasis } : {}),
      ...(change.breakdowns !== undefined ? { breakdowns: change.breakdowns } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** An analyst confirms that an indicator still fits its renamed KPI. */
export async function confirmKpiTitle(trx: Transaction<DB>, kpi: string): Promise<void> {
  await trx.updateTable('kolada_kpi').set({ title_changed_from: null }).where('id', '=', kpi).execute();
}

/** A KPI's current values with their earlier versions, newest first. */
export async function koladaValuesOf(db: Db, filter: { kpi: string; municipality?: string | undefined; gender?: 'T' | 'K' | 'M' | undefined }) {
  let q = db
    .selectFrom('kolada_value as v')
    .leftJoin('kolada_municipality as m', 'm.id', 'v.municipality')
    .select(['v.kpi', 'v.municipality', 'm.title as municipality_name', 'v.ou', 'v.period', 'v.gender', 'v.value', 'v.status'])
    .where('v.kpi', '=', filter.kpi);
  if (filter.municipality) q = q.where('v.municipality', '=', filter.municipality);
  if (filter.gender) q = q.where('v.gender', '=', filter.gender);
  const rows = await q.orderBy('v.municipality').orderBy('v.ou').orderBy('v.period').orderBy('v.gender').execute();
  const revisions = await db
    .selectFrom('kolada_value_revision')
    .select(['municipality', 'ou', 'period', 'gender', 'value', 'status', 'replaced_at'])
    .where('kpi', '=', filter.kpi)
    .orderBy('replaced_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const history = new Map<string, { value: number | null; status: KoladaValueStatus; replacedAt: string }[]>();
  for (const r of revisions) {
    const key = [r.municipality, r.ou, r.period, r.gender].join('|');
    history.set(key, [...(history.get(key) ?? []), { value: r.value, status: r.status as KoladaValueStatus, replacedAt: new Date(r.replaced_at).toISOString() }]);
  }
  return rows.map((r) => ({
    kpi: r.kpi,
    municipality: r.municipality || null,
    municipalityName: r.municipality_name,
    ou: r.ou || null,
    period: r.period,
    gender: r.gender,
    value: r.value,
    status: r.status,
    history: history.get([r.municipality, r.ou, r.period, r.gender].join('|')) ?? [],
  }));
}
