-- Planning together (issue 14): the child's plan (voluntary) and the SIP (statutory), one model.
-- A plan is made on a consent, whose parties are its participants. Every save is a revision of
-- the whole plan, kept for good and carrying the secrecy domain it was written in; the plan's row
-- points at its head and at the revision in force, pointers that only move forward. The family's
-- answers to a proposed change are rows of their own.

CREATE TABLE plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  kind text NOT NULL CHECK (kind IN ('child_plan', 'sip')),
  consent_id uuid NOT NULL REFERENCES consent (id),
  -- Where the plan was started: the plan's own entry, weighed by the gate with the category 'plan'.
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  head_revision integer NOT NULL DEFAULT 1 CHECK (head_revision >= 1),
  in_force_revision integer CHECK (in_force_revision BETWEEN 1 AND head_revision),
  established_at timestamptz,
  established_by uuid REFERENCES app_user (id),
  closed_at timestamptz,
  closed_by uuid REFERENCES app_user (id),
  close_reason text CHECK (close_reason IN ('goals_reached', 'no_longer_needed', 'family_declined', 'moved', 'other')),
  close_note text NOT NULL DEFAULT '' CHECK (length(close_note) <= 2000),
  -- Established exactly when a revision is in force; closed with a reason.
  CHECK ((established_at IS NULL) = (in_force_revision IS NULL) AND (established_at IS NULL) = (established_by IS NULL)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (close_reason IS NULL))
);
CREATE INDEX plan_child_idx ON plan (child_id, created_at);

CREATE TABLE plan_revision (
  plan_id uuid NOT NULL REFERENCES plan (id),
  number integer NOT NULL CHECK (number >= 1),
  based_on integer CHECK (based_on >= 1 AND based_on < number),
  contents jsonb NOT NULL CHECK (jsonb_typeof(contents) = 'object'),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  -- Each revision is an entry of its writer's secrecy domain and unit.
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  author_id uuid NOT NULL REFERENCES app_user (id),
  saved_at timestamptz NOT NULL,
  PRIMARY KEY (plan_id, number)
);

-- A guardian's or the child's answer to one proposed revision: an approval, or a comment.
CREATE TABLE plan_approval (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  revision integer NOT NULL,
  user_id uuid NOT NULL REFERENCES app_user (id),
  given_as text NOT NULL CHECK (given_as IN ('guardian', 'child')),
  guardian_id uuid REFERENCES guardian (id),
  decision text NOT NULL CHECK (decision IN ('approved', 'commented')),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
  at timestamptz NOT NULL,
  FOREIGN KEY (plan_id, revision) REFERENCES plan_revision (plan_id, number),
  CHECK ((given_as = 'guardian') = (guardian_id IS NOT NULL))
);
CREATE INDEX plan_approval_plan_idx ON plan_approval (plan_id, revision);
-- One approval per person and revision; comments may be many.
CREATE UNIQUE INDEX plan_approval_once_idx ON plan_approval (plan_id, revision, user_id) WHERE decision = 'approved';
