-- The wellbeing wheel (issue 13, points 1 and 2).
--
-- A model version is configuration: the labels, definitions, guiding questions, child-friendly
-- wording and scale of the eight areas, as one JSON document validated by core's WheelModelContent.
-- An edit is a new version; a version is never changed, so an assessment reads as it was made.
CREATE TABLE wellbeing_model_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version integer NOT NULL UNIQUE CHECK (version > 0),
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  note text NOT NULL DEFAULT '',
  -- The administrator who made it; null for the built-in version 1.
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);

-- An assessment: per area strengths, worries and an optional rating (answers), from one respondent,
-- on one day, with the model version it was made with. It is an entry of the secrecy domain and
-- unit it was written in, like record_entry: a professional's own domain; a view given through a
-- one-time code, the issuing professional's; one given from the family's own pages, the named
-- person's. recorded_by is the account whose right wrote it (for a code: the issuer's).
CREATE TABLE wellbeing_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  model_version_id uuid NOT NULL REFERENCES wellbeing_model_version (id),
  respondent text NOT NULL CHECK (respondent IN ('professional', 'child', 'guardian')),
  via text NOT NULL CHECK (via IN ('professional', 'meeting', 'code', 'own_pages')),
  occurred_on date NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'array'),
  important text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  CHECK ((respondent = 'professional') = (via = 'professional'))
);
CREATE INDEX wellbeing_assessment_child_idx ON wellbeing_assessment (child_id, occurred_on);

-- A one-time code for the child's or a guardian's own view: only its hash is kept. Opening it
-- (opened_at) spends it and starts a form with a token of its own (form_token_hash), which takes
-- one answer (submitted_at, assessment_id) before form_expires_at.
CREATE TABLE wellbeing_self_rating_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  respondent text NOT NULL CHECK (respondent IN ('child', 'guardian')),
  code_hash text NOT NULL UNIQUE,
  issued_by uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  opened_at timestamptz,
  form_token_hash text UNIQUE,
  form_expires_at timestamptz,
  submitted_at timestamptz,
  assessment_id uuid REFERENCES wellbeing_assessment (id),
  CHECK (expires_at > issued_at),
  CHECK ((opened_at IS NULL) = (form_token_hash IS NULL)),
  CHECK (submitted_at IS NULL OR opened_at IS NOT NULL)
);
CREATE INDEX wellbeing_self_rating_code_child_idx ON wellbeing_self_rating_code (child_id);
