-- The team's preparation notes for a plan's meeting (issue 14 point 2): who brings what. One row
-- per plan and team member, overwritten as they change it; written in the writer's place (its
-- organisation and secrecy domain, as the plan's revisions are). The family never reads them.
CREATE TABLE plan_preparation_note (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id),
  child_id uuid NOT NULL REFERENCES child (id),
  author_id uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  brings text NOT NULL CHECK (length(brings) BETWEEN 1 AND 2000),
  updated_at timestamptz NOT NULL,
  UNIQUE (plan_id, author_id)
);
CREATE INDEX plan_preparation_note_child ON plan_preparation_note (child_id);
