-- Action plans (handlingsplan), the operations level (issue 16). No child's data: a plan, its
-- sub-goals (delmål), activities with who is responsible, the follow-up linked to the indicator
-- catalogue, the communication plan, dated reviews and follow-up rounds.

CREATE TABLE action_plan (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- The owner is an organisation today. A forum (issue 16, point 3) will own plans through
  -- owner_forum_id, with the forum's organisation kept as owner_organisation_id (who edits).
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  owner_forum_id uuid,
  period_start date NOT NULL,
  period_end date NOT NULL,
  priority_area text NOT NULL CHECK (priority_area IN ('completed_studies', 'mental_health', 'physical_activity', 'other')),
  overall_goal text NOT NULL,
  soon_late_days int NOT NULL DEFAULT 14 CHECK (soon_late_days BETWEEN 1 AND 90),
  template text CHECK (template IN ('general', 'suicide_prevention', 'school_completion')),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (period_start <= period_end)
);

-- The organisations that share a plan besides its owner.
CREATE TABLE action_plan_organisation (
  plan_id uuid NOT NULL REFERENCES action_plan (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (plan_id, organisation_id)
);
CREATE INDEX action_plan_organisation_org_idx ON action_plan_organisation (organisation_id);

CREATE TABLE action_plan_sub_goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES action_plan (id),
  position int NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  UNIQUE (plan_id, position)
);

CREATE TABLE action_plan_activity (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES action_plan (id),
  sub_goal_id uuid NOT NULL REFERENCES action_plan_sub_goal (id),
  position int NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  responsible_organisation_id uuid NOT NULL REFERENCES organisation (id),
  responsible_user_id uuid REFERENCES app_user (id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  check_in_dates date[] NOT NULL DEFAULT '{}',
  follow_up_how text NOT NULL DEFAULT '',
  follow_up_when text NOT NULL DEFAULT '',
  -- [{ audience, channel, when }]
  communication jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Set by a review that closes it, or puts it on hold (cleared when resumed); the dates decide the rest.
  closed_on date,
  on_hold_since date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (sub_goal_id, position),
  CHECK (starts_on <= ends_on)
);
CREATE INDEX action_plan_activity_plan_idx ON action_plan_activity (plan_id);
CREATE INDEX action_plan_activity_user_idx ON action_plan_activity (responsible_user_id) WHERE responsible_user_id IS NOT NULL;

-- The follow-up reads indicators of the shared catalogue (issue 15).
CREATE TABLE action_plan_activity_indicator (
  activity_id uuid NOT NULL REFERENCES action_plan_activity (id),
  indicator_id text NOT NULL REFERENCES indicator (id),
  PRIMARY KEY (activity_id, indicator_id)
);

-- A follow-up round: the owner opens it, each responsible party gets a task, the owner closes
-- it and the report is kept.
CREATE TABLE action_plan_round (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES action_plan (id),
  opened_by uuid NOT NULL REFERENCES app_user (id),
  opened_at timestamptz NOT NULL,
  due_on date NOT NULL,
  closed_by uuid REFERENCES app_user (id),
  closed_at timestamptz,
  -- The report as it stood at closing (RoundReport in core).
  report jsonb,
  CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (report IS NULL))
);
-- One open round per plan.
CREATE UNIQUE INDEX action_plan_round_open_idx ON action_plan_round (plan_id) WHERE closed_at IS NULL;

-- Every follow-up is a dated review: appended, never changed (no UPDATE or DELETE grant).
CREATE TABLE action_plan_review (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES action_plan (id),
  activity_id uuid NOT NULL REFERENCES action_plan_activity (id),
  reviewed_on date NOT NULL,
  at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('not_started', 'ongoing', 'soon_late', 'late', 'on_hold', 'closed')),
  action text CHECK (action IN ('close', 'hold', 'resume')),
  comment text NOT NULL,
  reviewed_by uuid NOT NULL REFERENCES app_user (id),
  round_id uuid REFERENCES action_plan_round (id)
);
CREATE INDEX action_plan_review_activity_idx ON action_plan_review (activity_id, at DESC);

-- A round's task for one activity's responsible party; done by their review in the round.
CREATE TABLE action_plan_round_task (
  round_id uuid NOT NULL REFERENCES action_plan_round (id),
  activity_id uuid NOT NULL REFERENCES action_plan_activity (id),
  assignee_organisation_id uuid NOT NULL REFERENCES organisation (id),
  assignee_user_id uuid REFERENCES app_user (id),
  done_at timestamptz,
  review_id uuid REFERENCES action_plan_review (id),
  PRIMARY KEY (round_id, activity_id)
);
CREATE INDEX action_plan_round_task_user_idx ON action_plan_round_task (assignee_user_id) WHERE done_at IS NULL;

-- A child-rights impact assessment (barnkonsekvensanalys, issue 16 point 4) of a plan, or of a
-- forum's decision once forums exist (subject_kind 'decision'; the forums' migration points it
-- at their table). One per subject; not needed only with a reason.
CREATE TABLE child_rights_assessment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_kind text NOT NULL CHECK (subject_kind IN ('action_plan', 'decision')),
  subject_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'done', 'not_needed')),
  -- The form's answers (ImpactAssessmentAnswers in core).
  answers jsonb NOT NULL,
  not_needed_reason text,
  -- Who marked it done or not needed, and when; null while a draft.
  decided_by uuid REFERENCES app_user (id),
  decided_at timestamptz,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (subject_kind, subject_id),
  CHECK ((state = 'not_needed') = (not_needed_reason IS NOT NULL)),
  CHECK ((state = 'draft') = (decided_at IS NULL) AND (decided_at IS NULL) = (decided_by IS NULL))
);
