import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { appendAudit } from '../audit/writer.ts';

/**
 * The child level's own indicators as rows of the shared catalogue (issue 15, items 1 and 7), so
 * action plans, targets and improvement projects refer to them like any other indicator. Source
 * kind `samsyn`, the reference the figure's code. Quarterly figures per municipality: the
 * catalogue's breakdowns are year and municipality (a quarter lies in its year). The median days
 * have the unit `count` (days); the catalogue has no unit for a median.
 */
export const childLevelCatalogue = [
  {
    id: 'samsyn.active_plans',
    nameSv: 'Barn med samordnad plan per 1 000 barn',
    nameEn: 'Children with a coordinated plan per 1,000 children',
    descriptionSv: 'Barn med en samordnad plan (SIP eller barnets plan) som gällt någon gång under kvartalet, per 1 000 barn 0–17 år i hemkommunen. Beräknas av Samsyn ur barnnivån, utan uppgifter som pekar ut någon; för få barn visas inte.',
    descriptionEn: 'Children with a coordinated plan (SIP or child’s plan) in force at some time in the quarter, per 1,000 children aged 0–17 in their home municipality. Computed by Samsyn from the child level, with nothing that identifies anyone; too few children are not shown.',
    unit: 'rate_per_1000',
    direction: 'higher_is_better',
    priorityArea: 'other',
  },
  {
    id: 'samsyn.wellbeing_ratings',
    nameSv: 'Skattningar i välbefinnandehjulet per område',
    nameEn: 'Wellbeing-wheel ratings per area',
    descriptionSv: 'Fördelningen av skattningarna per område i välbefinnandehjulet under kvartalet. Barnets egen bild, vårdnadshavarnas och professionellas är egna serier och läggs aldrig ihop.',
    descriptionEn: 'The distribution of the ratings per area of the wellbeing wheel in the quarter. The child’s own view, guardians’ and professionals’ are series of their own, never added up.',
    unit: 'percent',
    direction: 'higher_is_better',
    priorityArea: 'mental_health',
  },
  {
    id: 'samsyn.concern_to_plan_days',
    nameSv: 'Dagar från första oro till plan (median)',
    nameEn: 'Days from a first concern to a plan (median)',
    descriptionSv: 'Mediantiden i dagar från ett barns första oro till dess första plan, för första planer som påbörjats under kvartalet.',
    descriptionEn: 'The median number of days from a child’s first concern to its first plan, for first plans started in the quarter.',
    unit: 'count',
    direction: 'lower_is_better',
    priorityArea: 'other',
  },
  {
    id: 'samsyn.reports_of_concern',
    nameSv: 'Orosanmälningar per 1 000 barn',
    nameEn: 'Reports of concern per 1,000 children',
    descriptionSv: 'Orosanmälningar som kommit in under kvartalet, per 1 000 barn 0–17 år i hemkommunen.',
    descriptionEn: 'Reports of concern received in the quarter, per 1,000 children aged 0–17 in their home municipality.',
    unit: 'rate_per_1000',
    direction: 'lower_is_better',
    priorityArea: 'other',
  },
] as const;

/**
 * Puts the four in the catalogue once (a row already there, or the same source under another id,
 * is left as it is, so an owner's later change of a direction stands); returns the ids added.
 * `createdBy` null: Samsyn registered them itself, at start-up.
 */
export async function registerChildLevelIndicators(trx: Kysely<DB> | Transaction<DB>, options: { ownerOrganisationId: string; createdBy: string | null; now: Date }): Promise<string[]> {
  const { ownerOrganisationId, createdBy, now } = options;
  const added = await trx
    .insertInto('indicator')
    .values(childLevelCatalogue.map((i) => ({
      id: i.id, name_sv: i.nameSv, name_en: i.nameEn, description_sv: i.descriptionSv, description_en: i.descriptionEn, unit: i.unit, direction: i.direction, priority_area: i.priorityArea,
      source_kind: 'samsyn' as const, source_ref: i.id.replace(/^samsyn\./, ''), pupil_basis: null, breakdowns: ['year', 'municipality'], owner_organisation_id: ownerOrganisationId, created_by: createdBy, created_at: now, updated_at: now,
    })))
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return added.map((r) => r.id);
}

/**
 * The owner of Samsyn's own indicators on an install: its region, which holds the county the
 * figures add up to (the oldest active one, should a deployment hold several).
 */
async function platformOwner(db: Kysely<DB> | Transaction<DB>): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('id').where('kind', '=', 'region').where('active', '=', true).orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  return row?.id;
}

/**
 * The start-up step of every install (and of each scheduled run, for a region added later): the
 * four rows, owned by the region, each addition logged. Without a region there is no owner yet and
 * nothing is added; a second run adds nothing.
 */
export async function ensureChildLevelCatalogue(db: Kysely<DB>, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const owner = await platformOwner(trx);
    if (!owner) return [];
    const added = await registerChildLevelIndicators(trx, { ownerOrganisationId: owner, createdBy: null, now });
    await appendAudit(trx, added.map((id) => ({ action: 'indicator.create' as const, subjectType: 'indicator', subjectId: id, organisationId: owner, outcome: 'success' as const, details: { registeredBy: 'samsyn' } })), now);
    return added;
  });
}
