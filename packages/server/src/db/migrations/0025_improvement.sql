-- Improvement work (issue 17, points 1–3): learning networks, their teams with one coach each,
-- learning sessions with attendance, and each team's improvement project (aim, driver diagram,
-- measures with weekly or monthly values, PDSA cycles). No child's data: operations level.
-- A network stands alone today; a workspace (issue 16) will point at it by its id later
-- (improvement_network.workspace_id is kept for that, unreferenced until workspaces land).

CREATE TABLE improvement_network (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  priority_area text NOT NULL CHECK (priority_area IN ('completed_studies', 'mental_health', 'physical_activity', 'other')),
  age_group text NOT NULL CHECK (age_group IN ('0-5', '6-12', '13-18', '0-18')),
  description text NOT NULL DEFAULT '',
  workspace_id uuid,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A team belongs to one organisation; its coach is a per-team assignment, not a role.
CREATE TABLE improvement_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES improvement_network (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  coach_user_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  UNIQUE (network_id, name)
);
CREATE INDEX improvement_team_coach_idx ON improvement_team (coach_user_id) WHERE coach_user_id IS NOT NULL;

CREATE TABLE improvement_team_member (
  team_id uuid NOT NULL REFERENCES improvement_team (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (team_id, user_id)
);
CREATE INDEX improvement_team_member_user_idx ON improvement_team_member (user_id);

CREATE TABLE improvement_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES improvement_network (id),
  held_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200)
);
CREATE INDEX improvement_session_network_idx ON improvement_session (network_id, held_on);

-- Attendance is per team: which teams were there.
CREATE TABLE improvement_attendance (
  session_id uuid NOT NULL REFERENCES improvement_session (id),
  team_id uuid NOT NULL REFERENCES improvement_team (id),
  PRIMARY KEY (session_id, team_id)
);

-- One project per team. The aim: what, by how much, by when; optionally aimed at a county indicator.
CREATE TABLE improvement_project (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  team_id uuid NOT NULL UNIQUE REFERENCES improvement_team (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  aim_what text NOT NULL,
  aim_how_much text NOT NULL,
  aim_by date NOT NULL,
  indicator_id text REFERENCES indicator (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX improvement_project_indicator_idx ON improvement_project (indicator_id) WHERE indicator_id IS NOT NULL;

-- The driver diagram: primary drivers (no parent) and secondary drivers (a primary parent).
CREATE TABLE improvement_driver (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES improvement_project (id),
  parent_id uuid REFERENCES improvement_driver (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300)
);
CREATE INDEX improvement_driver_project_idx ON improvement_driver (project_id);

CREATE TABLE improvement_change_idea (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES improvement_project (id),
  driver_id uuid NOT NULL REFERENCES improvement_driver (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300)
);
CREATE INDEX improvement_change_idea_project_idx ON improvement_change_idea (project_id);

-- A measure: its role in the family of measures, its operational definition, and its kind
-- (a count or mean drawn as an I chart, or a proportion drawn as a p-chart). Phase starts are
-- the periods from which the limits are recomputed.
CREATE TABLE improvement_measure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES improvement_project (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('outcome', 'process', 'balancing')),
  definition text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('count', 'mean', 'proportion')),
  frequency text NOT NULL CHECK (frequency IN ('weekly', 'monthly')),
  phase_starts date[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX improvement_measure_project_idx ON improvement_measure (project_id);

-- One value per measure and period (the week's Monday, or the month's first day): entering or
-- importing a period again replaces its value, so an import is idempotent.
CREATE TABLE improvement_value (
  measure_id uuid NOT NULL REFERENCES improvement_measure (id),
  period_start date NOT NULL,
  value double precision,
  numerator int CHECK (numerator >= 0),
  denominator int CHECK (denominator > 0),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (measure_id, period_start),
  CHECK ((value IS NULL) <> (numerator IS NULL AND denominator IS NULL)),
  CHECK ((numerator IS NULL) = (denominator IS NULL)),
  CHECK (numerator IS NULL OR numerator <= denominator)
);

CREATE TABLE improvement_pdsa (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES improvement_project (id),
  change_idea_id uuid NOT NULL REFERENCES improvement_change_idea (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  plan text NOT NULL,
  prediction text NOT NULL,
  do_notes text NOT NULL DEFAULT '',
  study text NOT NULL DEFAULT '',
  act text CHECK (act IN ('adopt', 'adapt', 'abandon')),
  starts_on date NOT NULL,
  ends_on date,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_on IS NULL OR starts_on <= ends_on)
);
CREATE INDEX improvement_pdsa_project_idx ON improvement_pdsa (project_id, starts_on);
