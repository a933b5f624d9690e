-- SIP preparation (issue 14 point 2): the family's "Vad är viktigt för dig?" form for a plan.
-- One row per plan, writer and voice: a draft kept as the user types (submitted_at NULL) until it
-- is submitted; the team reads submitted rows only. A younger child's answers are written by a
-- guardian with the voice 'child' (the child below the consent age cannot give_consent).
CREATE TABLE plan_preparation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  given_as text NOT NULL CHECK (given_as IN ('guardian', 'child')),
  voice text NOT NULL CHECK (voice IN ('guardian', 'child')),
  answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz,
  UNIQUE (plan_id, user_id, voice)
);
