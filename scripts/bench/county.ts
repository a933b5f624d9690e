/**
 * Grows the bench's temporary database into a county of a given number of children, in a few
 * bulk statements (generate_series), on top of the demo data the server seeded: every new child
 * has a named person from their home municipality and one more row in turn, a consent, an
 * assessment on the wheel, a concern or a record entry, so each source table grows with the county.
 * Identity numbers come from Skatteverket's test series (birth numbers 980–999), with a valid
 * check digit, never one the demo already uses. Runs as the database's owner, outside the server.
 */
import pg from 'pg';
import { addBusyChild } from './busy-child.ts';
import { luhnSumSql, testSeriesSql } from './test-series.ts';

const areas = ['safe', 'healthy', 'achieving', 'nurtured', 'active', 'respected', 'responsible', 'included'];

/** The municipalities' professionals with their unit's current secrecy domain, numbered per organisation. */
const staffSql = `
  CREATE TEMPORARY TABLE bench_staff ON COMMIT DROP AS
  SELECT r.user_id, r.organisation_id, r.unit_id, d.secrecy_domain_id,
         row_number() OVER (PARTITION BY r.organisation_id ORDER BY r.user_id) - 1 AS n,
         count(*) OVER (PARTITION BY r.organisation_id) AS of
  FROM user_role r
  JOIN organisation o ON o.id = r.organisation_id AND o.kind = 'municipality'
  JOIN unit_secrecy_domain d ON d.unit_id = r.unit_id AND d.valid_to IS NULL
  JOIN app_user u ON u.id = r.user_id AND u.kind = 'professional' AND u.active
  WHERE r.role = 'professional'`;

/** New children up to `$1` in all, spread over the municipalities, each numbered `g` for the rows below. */
const childrenSql = `
  CREATE TEMPORARY TABLE bench_new_child ON COMMIT DROP AS
  WITH municipality AS (
    SELECT o.id, row_number() OVER (ORDER BY o.municipality_code) - 1 AS n, count(*) OVER () AS of
    FROM organisation o WHERE o.kind = 'municipality' AND EXISTS (SELECT 1 FROM bench_staff s WHERE s.organisation_id = o.id)),
  numbered AS MATERIALIZED (${testSeriesSql}),
  free AS (
    SELECT *, row_number() OVER (ORDER BY md5(identity_number)) - 1 AS g FROM numbered n
    WHERE NOT EXISTS (SELECT 1 FROM child c WHERE c.identity_number = n.identity_number))
  SELECT gen_random_uuid() AS id, f.identity_number, f.birth_date, f.b, f.g, m.id AS home
  FROM free f JOIN municipality m ON m.n = f.g % m.of
  WHERE f.g < greatest(0, $1::int - (SELECT count(*) FROM child))`;

const insertsSql = [
  `INSERT INTO child (id, identity_number, identity_kind, given_name, family_name, birth_date, sex, home_organisation_id, created_at, updated_at)
   SELECT id, identity_number, 'personnummer', (ARRAY['Alva','Elis','Maja','Noah','Wilma','Liam','Saga','Hugo'])[1 + g % 8],
          (ARRAY['Bänk','Prov','Mätsson','Lasttest','Kurvberg'])[1 + g % 5], birth_date, CASE WHEN b % 2 = 0 THEN 'female' ELSE 'male' END, home, now(), now()
   FROM bench_new_child`,
  `CREATE TEMPORARY TABLE bench_place ON COMMIT DROP AS
   SELECT c.id AS child_id, c.g, s.user_id, s.organisation_id, s.unit_id, s.secrecy_domain_id, now() - ((c.g % 700)::int) * interval '1 day' AS since
   FROM bench_new_child c JOIN bench_staff s ON s.organisation_id = c.home AND s.n = c.g % s.of`,
  `INSERT INTO care_team_member (child_id, user_id, organisation_id, unit_id, role, basis, starts_at, added_by)
   SELECT child_id, user_id, organisation_id, unit_id, 'named_person', 'own_organisation', since, user_id FROM bench_place`,
  `INSERT INTO consent (child_id, given_by, method, organisation_ids, categories, valid_from, recorded_by, recorded_by_professional, recorded_at)
   SELECT child_id, 'both_guardians', 'written', ARRAY[organisation_id], ARRAY['wellbeing','concern','plan'], since::date, user_id, user_id, since FROM bench_place WHERE g % 4 = 0`,
  `INSERT INTO wellbeing_assessment (child_id, model_version_id, respondent, via, occurred_on, organisation_id, unit_id, secrecy_domain_id, recorded_by, answers, created_at)
   SELECT p.child_id, (SELECT id FROM wellbeing_model_version ORDER BY version DESC LIMIT 1), CASE WHEN p.g % 2 = 0 THEN 'professional' ELSE 'child' END,
          CASE WHEN p.g % 2 = 0 THEN 'professional' ELSE 'meeting' END, (p.since + interval '3 days')::date,
          p.organisation_id, p.unit_id, p.secrecy_domain_id, p.user_id,
          w.answers, p.since + interval '3 days'
   FROM bench_place p JOIN (SELECT v, (SELECT jsonb_agg(jsonb_build_object('area', a, 'rating', 1 + (v + k) % 5, 'strengths', '', 'worries', '')) FROM unnest($1::text[]) WITH ORDINALITY AS u(a, k)) AS answers
         FROM generate_series(0, 4) AS v) AS w ON w.v = p.g % 5
   WHERE p.g % 4 = 1`,
  `INSERT INTO concern (child_id, organisation_id, unit_id, secrecy_domain_id, author_id, areas, description, level, source, occurred_on, created_at)
   SELECT child_id, organisation_id, unit_id, secrecy_domain_id, user_id, ARRAY['safe'], 'Genererad oro för belastningstestet.', 'observation', 'own_observation', (since + interval '5 days')::date, since + interval '5 days'
   FROM bench_place WHERE g % 4 = 2`,
  `INSERT INTO record_entry (child_id, category, organisation_id, unit_id, secrecy_domain_id, author_id, occurred_on, title, body, created_at)
   SELECT child_id, 'school', organisation_id, unit_id, secrecy_domain_id, user_id, (since + interval '7 days')::date, 'Genererad anteckning', 'För belastningstestet.', since + interval '7 days'
   FROM bench_place WHERE g % 4 = 3`,
];

const insertNames = ['children', 'their places', 'named persons', 'consents', 'assessments', 'concerns', 'record entries'];

/**
 * Adds the bench child (busy-child.ts) and then children until the database holds `total`, in one
 * transaction; returns the bench child's id and how many children were added besides it.
 */
export async function growCounty(connectionString: string, total: number, progress: (step: string) => void = () => undefined): Promise<{ busyChildId: string; added: number }> {
  const client = new pg.Client({ connectionString, statement_timeout: 300_000 });
  await client.connect();
  let started = performance.now();
  const done = (step: string) => {
    progress(`${step} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    started = performance.now();
  };
  try {
    await client.query('BEGIN');
    // The generated rows are the bench's own: nothing is lost if the machine fails before they reach the disk.
    await client.query('SET LOCAL synchronous_commit = off');
    await client.query(luhnSumSql);
    await client.query(staffSql);
    const busyChildId = await addBusyChild(client);
    done('the bench child');
    const added = (await client.query(childrenSql, [total])).rowCount ?? 0;
    for (const [i, statement] of insertsSql.entries()) {
      await client.query(statement, statement.includes('$1') ? [areas] : []);
      done(insertNames[i] ?? 'rows');
    }
    await client.query('COMMIT');
    // Fresh statistics, as autovacuum would give a real county after a while.
    // A small sample is statistics enough for the planner, and a fraction of the time.
    await client.query('SET default_statistics_target = 10');
    await client.query('ANALYZE child, care_team_member, consent, wellbeing_assessment, concern, record_entry, report_of_concern');
    done('statistics');
    return { busyChildId, added };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
