-- Concerns (oro), the early-signal rule, and reports of concern to social services (orosanmälan)
-- with the intake (mottagning) that receives them. History is appended: a concern is never
-- edited, intake's steps are rows of their own, each recorded once.

-- A concern is an entry of its writer's secrecy domain and unit, like record_entry: the gate
-- reads it with the category 'concern'.
CREATE TABLE concern (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  author_id uuid NOT NULL REFERENCES app_user (id),
  areas text[] NOT NULL CHECK (cardinality(areas) > 0 AND areas <@ ARRAY['safe', 'healthy', 'achieving', 'nurtured', 'active', 'respected', 'responsible', 'included']),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 4000),
  level text NOT NULL CHECK (level IN ('observation', 'concern', 'serious_concern')),
  source text NOT NULL CHECK (source IN ('own_observation', 'child', 'guardian', 'other_person')),
  occurred_on date NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX concern_child_idx ON concern (child_id, created_at);

-- The early-signal rule as data: the county's default (organisation_id null) and, where a home
-- municipality has tuned it, its own.
CREATE TABLE early_signal_rule (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid UNIQUE REFERENCES organisation (id),
  min_concerns integer NOT NULL CHECK (min_concerns BETWEEN 1 AND 100),
  min_domains integer NOT NULL CHECK (min_domains BETWEEN 1 AND 20),
  window_days integer NOT NULL CHECK (window_days BETWEEN 1 AND 3650),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX early_signal_rule_default_idx ON early_signal_rule ((organisation_id IS NULL)) WHERE organisation_id IS NULL;
INSERT INTO early_signal_rule (organisation_id, min_concerns, min_domains, window_days) VALUES (NULL, 2, 2, 60);

-- The intake (mottagning) of a municipality's social services: one unit receives its reports.
CREATE TABLE intake_unit (
  organisation_id uuid PRIMARY KEY REFERENCES organisation (id),
  unit_id uuid NOT NULL UNIQUE REFERENCES unit (id)
);

-- A report of concern. It is received the instant it is sent (the same transaction), at the
-- intake of the child's home municipality at that instant. Who reported is the reporter's and
-- intake's to know: no list for the team or the family shows it.
CREATE TABLE report_of_concern (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  intake_organisation_id uuid NOT NULL REFERENCES organisation (id),
  intake_unit_id uuid NOT NULL REFERENCES unit (id),
  reporter_id uuid NOT NULL REFERENCES app_user (id),
  reporter_organisation_id uuid NOT NULL REFERENCES organisation (id),
  reporter_unit_id uuid REFERENCES unit (id),
  legal_ground_code text NOT NULL REFERENCES legal_ground (code),
  areas text[] NOT NULL DEFAULT '{}' CHECK (areas <@ ARRAY['safe', 'healthy', 'achieving', 'nurtured', 'active', 'respected', 'responsible', 'included']),
  description text NOT NULL CHECK (length(description) BETWEEN 10 AND 8000),
  immediate_danger boolean NOT NULL DEFAULT false,
  sent_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX report_of_concern_intake_idx ON report_of_concern (intake_unit_id, received_at DESC);
CREATE INDEX report_of_concern_reporter_idx ON report_of_concern (reporter_id, sent_at DESC);
CREATE INDEX report_of_concern_child_idx ON report_of_concern (child_id);

-- Intake's steps: the protection assessment (same day), then the initial assessment (14 days).
CREATE TABLE report_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES report_of_concern (id),
  step text NOT NULL CHECK (step IN ('protection_assessment', 'initial_assessment')),
  outcome text NOT NULL CHECK (
    (step = 'protection_assessment' AND outcome IN ('immediate_protection_needed', 'no_immediate_protection_needed'))
    OR (step = 'initial_assessment' AND outcome IN ('investigation_opened', 'investigation_not_opened', 'investigation_ongoing'))
  ),
  note text,
  decided_by uuid NOT NULL REFERENCES app_user (id),
  decided_at timestamptz NOT NULL,
  UNIQUE (report_id, step)
);
