import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * The only doors from the child level to the population level (issue 15, item 7; DESIGN.md:
 * no identifying data crosses into the population level). One documented query per indicator,
 * each returning counts and keys only: a municipality code, an area, a respondent kind, a rating,
 * a number of days, a count. No id, name or identity number leaves here; queries.test.ts asserts
 * each query's result columns. Children are placed by their home municipality.
 */

/** A quarter as a half-open interval of days: [from, to). */
export interface QuarterBounds {
  from: string;
  to: string;
}

export interface MunicipalityCount {
  municipality_code: string;
  count: number;
}

/** Denominator: children aged 0–17 on the quarter's last day, per home municipality. */
export async function childrenPerMunicipality(db: Kysely<DB> | Transaction<DB>, q: QuarterBounds): Promise<MunicipalityCount[]> {
  const { rows } = await sql<MunicipalityCount>`
    SELECT o.municipality_code, count(*)::int AS count
    FROM child c JOIN organisation o ON o.id = c.home_organisation_id
    WHERE o.municipality_code IS NOT NULL
      AND c.birth_date < ${q.to}::date
      AND c.birth_date > (${q.to}::date - interval '18 years')
    GROUP BY o.municipality_code`.execute(db);
  return rows;
}

/** Children with a coordinated plan (SIP or child's plan) in force at some time in the quarter. */
export async function childrenWithActivePlan(db: Kysely<DB> | Transaction<DB>, q: QuarterBounds): Promise<MunicipalityCount[]> {
  const { rows } = await sql<MunicipalityCount>`
    SELECT o.municipality_code, count(DISTINCT p.child_id)::int AS count
    FROM plan p JOIN child c ON c.id = p.child_id JOIN organisation o ON o.id = c.home_organisation_id
    WHERE o.municipality_code IS NOT NULL
      AND p.established_at IS NOT NULL AND p.established_at < ${q.to}::date
      AND (p.closed_at IS NULL OR p.closed_at >= ${q.from}::date)
    GROUP BY o.municipality_code`.execute(db);
  return rows;
}

export interface RatingCount {
  municipality_code: string;
  respondent: 'child' | 'guardian' | 'professional';
  area: string;
  rating: number;
  count: number;
}

/** Wellbeing-wheel ratings given in the quarter, per area and rating, the respondent kept apart. */
export async function wellbeingRatings(db: Kysely<DB> | Transaction<DB>, q: QuarterBounds): Promise<RatingCount[]> {
  const { rows } = await sql<RatingCount>`
    SELECT o.municipality_code, w.respondent, a->>'area' AS area, (a->>'rating')::int AS rating, count(*)::int AS count
    FROM wellbeing_assessment w
      JOIN child c ON c.id = w.child_id JOIN organisation o ON o.id = c.home_organisation_id
      CROSS JOIN LATERAL jsonb_array_elements(w.answers) a
    WHERE o.municipality_code IS NOT NULL
      AND w.occurred_on >= ${q.from}::date AND w.occurred_on < ${q.to}::date
      AND jsonb_typeof(a->'rating') = 'number'
    GROUP BY 1, 2, 3, 4`.execute(db);
  return rows;
}

export interface DaysCount {
  municipality_code: string;
  days: number;
  count: number;
}

/**
 * Days from a child's first concern to its first plan, for first plans started in the quarter, as
 * a histogram (days → number of children) from which the median is taken.
 */
export async function daysFromConcernToPlan(db: Kysely<DB> | Transaction<DB>, q: QuarterBounds): Promise<DaysCount[]> {
  const { rows } = await sql<DaysCount>`
    WITH first_plan AS (SELECT child_id, min(created_at) AS at FROM plan GROUP BY child_id),
         first_concern AS (SELECT child_id, min(occurred_on) AS on_day FROM concern GROUP BY child_id)
    SELECT o.municipality_code, greatest(0, (fp.at::date - fc.on_day))::int AS days, count(*)::int AS count
    FROM first_plan fp JOIN first_concern fc ON fc.child_id = fp.child_id
      JOIN child c ON c.id = fp.child_id JOIN organisation o ON o.id = c.home_organisation_id
    WHERE o.municipality_code IS NOT NULL AND fp.at >= ${q.from}::date AND fp.at < ${q.to}::date
    GROUP BY 1, 2`.execute(db);
  return rows;
}

/** Reports of concern received in the quarter, per the child's home municipality. */
export async function reportsOfConcern(db: Kysely<DB> | Transaction<DB>, q: QuarterBounds): Promise<MunicipalityCount[]> {
  const { rows } = await sql<MunicipalityCount>`
    SELECT o.municipality_code, count(*)::int AS count
    FROM report_of_concern r JOIN child c ON c.id = r.child_id JOIN organisation o ON o.id = c.home_organisation_id
    WHERE o.municipality_code IS NOT NULL AND r.received_at >= ${q.from}::date AND r.received_at < ${q.to}::date
    GROUP BY o.municipality_code`.execute(db);
  return rows;
}
