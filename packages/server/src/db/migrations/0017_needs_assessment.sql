-- The needs assessment (issue 13, point 3): the three sides of the child's world (BBIC's
-- triangle, GIRFEC's My World Triangle), the resilience matrix, the five questions, a summary
-- and a proposal.
--
-- A configuration version is the sub-areas of the three sides, as one JSON document validated
-- by core's NeedsConfigContent. An edit is a new version; a version is never changed, so an
-- assessment reads as it was made.
CREATE TABLE needs_assessment_config_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version integer NOT NULL UNIQUE CHECK (version > 0),
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  note text NOT NULL DEFAULT '',
  -- The administrator who made it; null for the built-in version 1.
  created_by uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);

-- An assessment: the child's, written in one secrecy domain (its first writer's) for its whole
-- life. What it says lives in its revisions.
CREATE TABLE needs_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  UNIQUE (id, child_id, secrecy_domain_id)
);
CREATE INDEX needs_assessment_child_idx ON needs_assessment (child_id, created_at);

-- Every save is a revision: a draft, or final. A change to a final assessment is the next
-- revision; none is ever updated. Each revision is an entry of the unit and secrecy domain it
-- was written in, like record_entry, and the composite key keeps every revision in the
-- assessment's own child and domain.
CREATE TABLE needs_assessment_version (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assessment_id uuid NOT NULL,
  child_id uuid NOT NULL,
  revision integer NOT NULL CHECK (revision > 0),
  status text NOT NULL CHECK (status IN ('draft', 'final')),
  config_version_id uuid NOT NULL REFERENCES needs_assessment_config_version (id),
  occurred_on date NOT NULL,
  -- The sub-areas' strengths and challenges, the matrix and the five questions' answers.
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  summary text NOT NULL DEFAULT '',
  proposal text CHECK (proposal IN ('act_now', 'call_meeting', 'start_plan')),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  author_id uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  UNIQUE (assessment_id, revision),
  FOREIGN KEY (assessment_id, child_id, secrecy_domain_id) REFERENCES needs_assessment (id, child_id, secrecy_domain_id),
  CHECK (status = 'draft' OR (proposal IS NOT NULL AND btrim(summary) <> ''))
);
CREATE INDEX needs_assessment_version_child_idx ON needs_assessment_version (child_id, created_at);
