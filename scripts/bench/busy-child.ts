/**
 * The overview's bench child: one child of Exempelstad with 500 events over two years, written by
 * the demo logins in their own secrecy domains, so the gate has real work on every read. `teacher`
 * (the bench's user) is its named person; `nurse`, `socialworker` and `psychologist` (the region,
 * on a consent to the plan) are on its team, eight others joined and left. The family's consent
 * lets the municipality's domains share wellbeing, concerns and the plan; the rest crosses no
 * domain. So the teacher sees about half of it and is told how many more there are.
 *
 *   team changes 20, consent changes 14, reports of concern 6, assessments 120, concerns 120,
 *   record entries 220: 500 events.
 */
import type pg from 'pg';
import { testSeriesSql } from './test-series.ts';

export const busyChildEvents = 500;

const statements = [
  `CREATE TEMPORARY TABLE bench_login ON COMMIT DROP AS
   SELECT u.username, r.user_id, r.organisation_id, r.unit_id, d.secrecy_domain_id
   FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'professional'
   JOIN unit_secrecy_domain d ON d.unit_id = r.unit_id AND d.valid_to IS NULL
   WHERE u.username IN ('teacher', 'nurse', 'socialworker', 'psychologist')`,
  `CREATE TEMPORARY TABLE bench_busy ON COMMIT DROP AS
   SELECT gen_random_uuid() AS id, t.organisation_id AS home, (SELECT organisation_id FROM bench_login WHERE username = 'psychologist') AS region,
          gen_random_uuid() AS municipal_consent, gen_random_uuid() AS region_consent
   FROM bench_login t WHERE t.username = 'teacher'`,
  // Twelve years old, a number of the test series nobody has.
  `INSERT INTO child (id, identity_number, identity_kind, given_name, family_name, birth_date, sex, home_organisation_id, created_at, updated_at)
   SELECT b.id, n.identity_number, 'personnummer', 'Femhundra', 'Händelsesson', n.birth_date, 'male', b.home, now(), now()
   FROM bench_busy b, (${testSeriesSql}) AS n
   WHERE n.birth_date BETWEEN current_date - 4750 AND current_date - 4400 AND n.b % 2 = 1 AND NOT EXISTS (SELECT 1 FROM child c WHERE c.identity_number = n.identity_number)
   ORDER BY n.identity_number LIMIT 1`,
  `INSERT INTO consent (id, child_id, given_by, method, organisation_ids, categories, valid_from, recorded_by, recorded_by_professional, recorded_at)
   SELECT b.municipal_consent, b.id, 'both_guardians', 'written', ARRAY[b.home], ARRAY['wellbeing','concern','plan'], current_date - 700, s.user_id, s.user_id, now() - interval '700 days'
   FROM bench_busy b, bench_login s WHERE s.username = 'socialworker'
   UNION ALL
   SELECT b.region_consent, b.id, 'both_guardians', 'written', ARRAY[b.home, b.region], ARRAY['plan'], current_date - 610, t.user_id, t.user_id, now() - interval '610 days'
   FROM bench_busy b, bench_login t WHERE t.username = 'teacher'`,
  // Six earlier consents to school information: three ran out, three were withdrawn.
  `INSERT INTO consent (child_id, given_by, method, organisation_ids, categories, valid_from, valid_to, recorded_by, recorded_by_professional, recorded_at, withdrawn_at, withdrawn_by)
   SELECT b.id, 'both_guardians', 'written', ARRAY[b.home], ARRAY['school'], current_date - 720 + k * 100, CASE WHEN k < 3 THEN current_date - 660 + k * 100 END,
          s.user_id, s.user_id, now() - (720 - k * 100) * interval '1 day', CASE WHEN k >= 3 THEN now() - (690 - k * 100) * interval '1 day' END, CASE WHEN k >= 3 THEN s.user_id END
   FROM bench_busy b, bench_login s, generate_series(0, 5) AS k WHERE s.username = 'nurse'`,
  `INSERT INTO care_team_member (child_id, user_id, organisation_id, unit_id, role, basis, consent_id, starts_at, added_by)
   SELECT b.id, s.user_id, s.organisation_id, s.unit_id, m.role, m.basis, CASE WHEN m.basis = 'consent' THEN b.region_consent END, now() - (m.days) * interval '1 day', s.user_id
   FROM bench_busy b JOIN (VALUES ('teacher', 'named_person', 'own_organisation', 730), ('nurse', 'member', 'own_organisation', 700), ('socialworker', 'lead_professional', 'own_organisation', 690), ('psychologist', 'member', 'consent', 600))
        AS m(username, role, basis, days) ON true JOIN bench_login s ON s.username = m.username`,
  `INSERT INTO care_team_member (child_id, user_id, organisation_id, unit_id, role, basis, starts_at, ends_at, added_by, ended_by)
   SELECT b.id, r.user_id, r.organisation_id, r.unit_id, 'member', 'own_organisation', now() - (720 - k * 60) * interval '1 day', now() - (690 - k * 60) * interval '1 day', t.user_id, t.user_id
   FROM bench_busy b, bench_login t, LATERAL (
     SELECT r.user_id, r.organisation_id, r.unit_id, row_number() OVER (ORDER BY r.user_id) - 1 AS k FROM user_role r
     WHERE r.organisation_id = b.home AND r.role = 'professional' AND r.unit_id IS NOT NULL AND r.user_id NOT IN (SELECT user_id FROM bench_login)
     ORDER BY r.user_id LIMIT 8) AS r
   WHERE t.username = 'teacher'`,
  `INSERT INTO report_of_concern (child_id, intake_organisation_id, intake_unit_id, reporter_id, reporter_organisation_id, reporter_unit_id, legal_ground_code, areas, description, sent_at, received_at)
   SELECT b.id, b.home, i.unit_id, s.user_id, s.organisation_id, s.unit_id, (SELECT code FROM legal_ground WHERE kind = 'duty_to_report' ORDER BY code LIMIT 1), ARRAY['safe'],
          'Genererad orosanmälan för belastningstestet.', now() - (650 - k * 100) * interval '1 day', now() - (650 - k * 100) * interval '1 day'
   FROM bench_busy b JOIN intake_unit i ON i.organisation_id = b.home, generate_series(0, 5) AS k JOIN bench_login s ON s.username = (CASE WHEN k % 2 = 0 THEN 'teacher' ELSE 'nurse' END)`,
  `INSERT INTO wellbeing_assessment (child_id, model_version_id, respondent, via, occurred_on, organisation_id, unit_id, secrecy_domain_id, recorded_by, answers, created_at)
   SELECT b.id, (SELECT id FROM wellbeing_model_version ORDER BY version DESC LIMIT 1), (ARRAY['professional','child','guardian'])[1 + k % 3],
          CASE WHEN k % 3 = 0 THEN 'professional' ELSE 'meeting' END, (now() - (5 + k * 6) * interval '1 day')::date, s.organisation_id, s.unit_id, s.secrecy_domain_id, s.user_id,
          (SELECT jsonb_agg(jsonb_build_object('area', a, 'rating', 1 + (k + n) % 5, 'strengths', 'Genererad styrka.', 'worries', '')) FROM unnest($1::text[]) WITH ORDINALITY AS u(a, n)),
          now() - (5 + k * 6) * interval '1 day'
   FROM bench_busy b, generate_series(0, 119) AS k JOIN bench_login s ON s.username = (CASE WHEN k % 6 = 3 THEN 'nurse' ELSE 'teacher' END)`,
  `INSERT INTO concern (child_id, organisation_id, unit_id, secrecy_domain_id, author_id, areas, description, level, source, occurred_on, created_at)
   SELECT b.id, s.organisation_id, s.unit_id, s.secrecy_domain_id, s.user_id, ARRAY[($1::text[])[1 + k % 8]], 'Genererad oro för belastningstestet: barnet verkar trött och ledset.',
          (ARRAY['observation','concern','serious_concern'])[1 + k % 3], 'own_observation', (now() - (3 + k * 6) * interval '1 day')::date, now() - (3 + k * 6) * interval '1 day'
   FROM bench_busy b, generate_series(0, 119) AS k JOIN bench_login s ON s.username = (ARRAY['teacher','nurse','socialworker','psychologist'])[1 + k % 4]`,
  `INSERT INTO record_entry (child_id, category, organisation_id, unit_id, secrecy_domain_id, author_id, occurred_on, title, body, created_at)
   SELECT b.id, w.category, s.organisation_id, s.unit_id, s.secrecy_domain_id, s.user_id, (now() - (1 + k * 3) * interval '1 day')::date, 'Genererad anteckning ' || k, 'För belastningstestet.', now() - (1 + k * 3) * interval '1 day'
   FROM bench_busy b, generate_series(0, 219) AS k
   JOIN (VALUES (0, 'teacher', 'school'), (1, 'nurse', 'health'), (2, 'socialworker', 'social_services'), (3, 'socialworker', 'plan'), (4, 'psychologist', 'health')) AS w(n, username, category) ON w.n = k % 5
   JOIN bench_login s ON s.username = w.username`,
];

const areas = ['safe', 'healthy', 'achieving', 'nurtured', 'active', 'respected', 'responsible', 'included'];

/** Adds the bench child inside the caller's transaction (which has `pg_temp.bench_luhn_sum`); returns its id. */
export async function addBusyChild(client: pg.Client): Promise<string> {
  for (const statement of statements) await client.query(statement, statement.includes('$1') ? [areas] : []);
  const { rows } = await client.query<{ id: string }>('SELECT id FROM bench_busy');
  return rows[0]!.id;
}
