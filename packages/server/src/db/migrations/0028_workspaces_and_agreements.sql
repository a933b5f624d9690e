-- Workspaces (arbetsplatsytor) and agreements (issue 16, points 1 and 5). The operations level:
-- nothing here names a child. A joint placement is named by its case reference only.

-- A workspace may belong to a forum, a working group, a learning network or a project; those
-- areas are built apart and attach here by kind + id (no foreign key until their tables exist).
CREATE TABLE workspace (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  open_to_join boolean NOT NULL DEFAULT false,
  belongs_to_kind text CHECK (belongs_to_kind IN ('forum', 'working_group', 'learning_network', 'project')),
  belongs_to_id uuid,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (belongs_to_id IS NULL OR belongs_to_kind IS NOT NULL)
);
CREATE INDEX workspace_belongs_to_idx ON workspace (belongs_to_kind, belongs_to_id) WHERE belongs_to_kind IS NOT NULL;

-- A member comes from any organisation (non-profits included): the one they act for here.
-- notices_read_at: the member's notices up to this time are read (the unread count is derived).
CREATE TABLE workspace_member (
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  role text NOT NULL CHECK (role IN ('owner', 'member')),
  added_by uuid NOT NULL REFERENCES app_user (id),
  added_at timestamptz NOT NULL,
  notices_read_at timestamptz,
  PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_member_user_idx ON workspace_member (user_id);

CREATE TABLE workspace_join_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  message text NOT NULL DEFAULT '',
  state text NOT NULL CHECK (state IN ('pending', 'accepted', 'declined')),
  requested_at timestamptz NOT NULL,
  answered_by uuid REFERENCES app_user (id),
  answered_at timestamptz,
  CHECK ((state = 'pending') = (answered_at IS NULL) AND (answered_at IS NULL) = (answered_by IS NULL))
);
CREATE UNIQUE INDEX workspace_join_request_pending_idx ON workspace_join_request (workspace_id, user_id) WHERE state = 'pending';

-- A workspace's notices are shared by its members (one row per event, not per recipient, unlike
-- the personal notice table); written in the change's transaction, codes and titles only.
CREATE TABLE workspace_notice (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  kind text NOT NULL CHECK (kind IN ('post', 'document_version', 'meeting', 'member_added', 'join_requested', 'join_answered')),
  subject_id uuid,
  title text NOT NULL,
  actor_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX workspace_notice_idx ON workspace_notice (workspace_id, created_at DESC);

CREATE TABLE workspace_post (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  author_id uuid NOT NULL REFERENCES app_user (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL
);
CREATE INDEX workspace_post_idx ON workspace_post (workspace_id, created_at);

CREATE TABLE workspace_document (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX workspace_document_idx ON workspace_document (workspace_id);

-- Every version is kept: appended, never changed (no UPDATE or DELETE grant). The size limit
-- and the allowed types are checked by the server; the CHECK is the last line.
CREATE TABLE workspace_document_version (
  document_id uuid NOT NULL REFERENCES workspace_document (id),
  version int NOT NULL CHECK (version >= 1),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes int NOT NULL CHECK (size_bytes BETWEEN 1 AND 524288),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  note text NOT NULL DEFAULT '',
  uploaded_by uuid NOT NULL REFERENCES app_user (id),
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (document_id, version)
);

CREATE TABLE workspace_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  location text NOT NULL DEFAULT '',
  agenda text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (starts_at < ends_at)
);
CREATE INDEX workspace_meeting_idx ON workspace_meeting (workspace_id, starts_at);

-- Agreements and guidelines (Västbus and others): the current validity and revision date on the
-- agreement, every version's text kept beside it.
CREATE TABLE agreement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('guideline', 'agreement', 'routine')),
  description text NOT NULL DEFAULT '',
  valid_from date NOT NULL,
  valid_until date,
  revision_due_on date NOT NULL,
  remind_days int NOT NULL DEFAULT 60 CHECK (remind_days BETWEEN 1 AND 365),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (valid_until IS NULL OR valid_from <= valid_until)
);

CREATE TABLE agreement_party (
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (agreement_id, organisation_id)
);

CREATE TABLE agreement_owner (
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (agreement_id, user_id)
);
CREATE INDEX agreement_owner_user_idx ON agreement_owner (user_id);

CREATE TABLE agreement_version (
  agreement_id uuid NOT NULL REFERENCES agreement (id),
  version int NOT NULL CHECK (version >= 1),
  summary text NOT NULL,
  content text NOT NULL DEFAULT '',
  decided_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (agreement_id, version)
);

-- A placement of a child outside the home with shared costs: a case reference, never the child.
-- The CHECK refuses anything shaped like an identity number even past the server's own check.
CREATE TABLE joint_placement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_reference text NOT NULL UNIQUE CHECK (case_reference !~ '(^|[^0-9])([0-9]{2})?[0-9]{6} *[-+]? *[0-9]{4}([^0-9]|$)'),
  region_id uuid NOT NULL REFERENCES organisation (id),
  municipality_id uuid NOT NULL REFERENCES organisation (id),
  region_share_percent numeric(5, 2) NOT NULL CHECK (region_share_percent BETWEEN 0 AND 100),
  starts_on date NOT NULL,
  ends_on date,
  agreement_id uuid REFERENCES agreement (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_on IS NULL OR starts_on <= ends_on)
);

CREATE TABLE joint_placement_cost (
  placement_id uuid NOT NULL REFERENCES joint_placement (id),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (placement_id, year)
);

-- Required training (for example the course on children's rights) with a target share.
CREATE TABLE training_course (
  id text PRIMARY KEY,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  target_percent int NOT NULL CHECK (target_percent BETWEEN 1 AND 100)
);
INSERT INTO training_course (id, name_sv, name_en, target_percent) VALUES
  ('child_rights', 'Barnrättsutbildning (barnkonventionen)', 'Children''s rights (the Convention)', 80),
  ('coordinated_plan', 'SIP – samordnad individuell plan', 'SIP – the coordinated plan', 60);

-- One record per unit and course: how many of its staff have completed it, as last counted.
CREATE TABLE training_record (
  unit_id uuid NOT NULL REFERENCES unit (id),
  course_id text NOT NULL REFERENCES training_course (id),
  staff_count int NOT NULL CHECK (staff_count >= 0),
  completed_count int NOT NULL CHECK (completed_count >= 0),
  recorded_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (unit_id, course_id),
  CHECK (completed_count <= staff_count)
);
