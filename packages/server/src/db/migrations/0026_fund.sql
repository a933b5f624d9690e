-- The social-investment fund (issue 17, points 4 and 5), the operations level. No child's data:
-- a fund with its budget per year, calls, applications with their partners, budget and
-- indicators, decisions, disbursements, the granted projects' reports with indicator values, and
-- each project's socio-economic calculation (its stored input; the figures are computed by core).

-- The fund manager (fondförvaltare) decides on the fund's applications.
ALTER TABLE user_role DROP CONSTRAINT user_role_role_check;
ALTER TABLE user_role ADD CONSTRAINT user_role_role_check
  CHECK (role IN ('professional', 'unit_manager', 'collaboration_coordinator', 'analyst', 'org_admin', 'system_admin', 'fund_manager'));

-- A fund's decision is assessed for children's rights like an action plan.
ALTER TABLE child_rights_assessment DROP CONSTRAINT child_rights_assessment_subject_kind_check;
ALTER TABLE child_rights_assessment ADD CONSTRAINT child_rights_assessment_subject_kind_check
  CHECK (subject_kind IN ('action_plan', 'decision', 'fund_application'));

CREATE TABLE fund (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Its fund managers are those with the role in this organisation.
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE fund_budget_year (
  fund_id uuid NOT NULL REFERENCES fund (id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount int NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (fund_id, year)
);

CREATE TABLE fund_call (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fund_id uuid NOT NULL REFERENCES fund (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK (opens_on <= closes_on)
);

CREATE TABLE fund_application (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES fund_call (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  applicant_organisation_id uuid NOT NULL REFERENCES organisation (id),
  target_group text NOT NULL,
  age_from int NOT NULL CHECK (age_from BETWEEN 0 AND 18),
  age_to int NOT NULL CHECK (age_to BETWEEN 0 AND 18),
  intervention text NOT NULL,
  expected_effects text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'granted', 'granted_with_conditions', 'rejected')),
  -- The project's period: follow-up continues after it ends.
  project_start date,
  project_end date,
  submitted_at timestamptz,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (age_from <= age_to),
  CHECK ((status = 'draft') = (submitted_at IS NULL))
);
CREATE INDEX fund_application_call_idx ON fund_application (call_id);

-- The partners besides the applicant: the region, municipalities, non-profits.
CREATE TABLE fund_application_partner (
  application_id uuid NOT NULL REFERENCES fund_application (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (application_id, organisation_id)
);

CREATE TABLE fund_application_budget (
  application_id uuid NOT NULL REFERENCES fund_application (id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount int NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (application_id, year)
);

-- The indicators of the shared catalogue the project follows.
CREATE TABLE fund_application_indicator (
  application_id uuid NOT NULL REFERENCES fund_application (id),
  indicator_id text NOT NULL REFERENCES indicator (id),
  PRIMARY KEY (application_id, indicator_id)
);

-- One decision per application: appended, never changed (no UPDATE or DELETE grant).
CREATE TABLE fund_decision (
  application_id uuid PRIMARY KEY REFERENCES fund_application (id),
  outcome text NOT NULL CHECK (outcome IN ('granted', 'granted_with_conditions', 'rejected')),
  reason text NOT NULL CHECK (length(reason) >= 1),
  conditions text,
  decided_by uuid NOT NULL REFERENCES app_user (id),
  decided_at timestamptz NOT NULL,
  CHECK ((outcome = 'granted_with_conditions') = (conditions IS NOT NULL))
);

-- Money paid to a granted project; appended, never changed.
CREATE TABLE fund_disbursement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES fund_application (id),
  year int NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount int NOT NULL CHECK (amount > 0),
  paid_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX fund_disbursement_application_idx ON fund_disbursement (application_id);

-- A granted project's report, during the project or in the years of follow-up after it.
CREATE TABLE fund_report (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES fund_application (id),
  reported_on date NOT NULL,
  summary text NOT NULL,
  -- [{ indicatorId, period, value }]: the followed indicators' values over time.
  indicator_values jsonb NOT NULL DEFAULT '[]'::jsonb,
  reported_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX fund_report_application_idx ON fund_report (application_id, reported_on);

-- A project's socio-economic calculation: the stored input (SocioEconomicInput in core).
CREATE TABLE fund_calculation (
  application_id uuid PRIMARY KEY REFERENCES fund_application (id),
  input jsonb NOT NULL,
  updated_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL
);
