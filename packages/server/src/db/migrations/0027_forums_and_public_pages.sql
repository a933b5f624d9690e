-- Forums and reference groups (issue 16 point 3), their decisions with the child-rights impact
-- assessment (point 4), and public pages (point 6). No child's data: forums speak of groups.

-- A forum at political or officer level (steering group, theme group), or a reference group of
-- user organisations that brings its views to the forum it serves (parent_forum_id).
CREATE TABLE forum (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('steering_group', 'theme_group', 'reference_group', 'working_group')),
  level text NOT NULL CHECK (level IN ('political', 'officer', 'user')),
  purpose text NOT NULL DEFAULT '',
  -- The organisation that runs the forum (its secretariat): who publishes for it and reads its feedback.
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  parent_forum_id uuid REFERENCES forum (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- The Samsyn users who are members: they edit the forum, its meetings, minutes and decisions.
CREATE TABLE forum_member (
  forum_id uuid NOT NULL REFERENCES forum (id),
  user_id uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  role text NOT NULL CHECK (role IN ('chair', 'secretary', 'member')),
  PRIMARY KEY (forum_id, user_id)
);
CREATE INDEX forum_member_user_idx ON forum_member (user_id);

-- The organisations taking part and their contact person (who may have no Samsyn login, as
-- user organisations often do): the contact directory reads this.
CREATE TABLE forum_organisation (
  forum_id uuid NOT NULL REFERENCES forum (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  contact_name text NOT NULL,
  contact_email text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  -- What to contact them for, in words.
  contact_for text NOT NULL DEFAULT '',
  PRIMARY KEY (forum_id, organisation_id)
);

CREATE TABLE forum_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  forum_id uuid NOT NULL REFERENCES forum (id),
  held_on date NOT NULL,
  title text NOT NULL,
  -- [{ title, standing, crcArticle }]: standing items such as this meeting's article of the Convention.
  agenda jsonb NOT NULL DEFAULT '[]'::jsonb,
  minutes text NOT NULL DEFAULT '',
  -- [{ name, organisationId, present }]
  attendance jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX forum_meeting_forum_idx ON forum_meeting (forum_id, held_on DESC);

-- A decision of a meeting, optionally linked to an action-plan row (sub-goal or activity). It is
-- proposed until marked as taken, which needs its child-rights impact assessment done or not needed.
CREATE TABLE forum_decision (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  forum_id uuid NOT NULL REFERENCES forum (id),
  meeting_id uuid NOT NULL REFERENCES forum_meeting (id),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  action_plan_id uuid REFERENCES action_plan (id),
  sub_goal_id uuid REFERENCES action_plan_sub_goal (id),
  activity_id uuid REFERENCES action_plan_activity (id),
  state text NOT NULL CHECK (state IN ('proposed', 'taken')),
  taken_by uuid REFERENCES app_user (id),
  taken_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK ((state = 'taken') = (taken_at IS NOT NULL) AND (taken_at IS NULL) = (taken_by IS NULL)),
  CHECK ((sub_goal_id IS NULL AND activity_id IS NULL) OR action_plan_id IS NOT NULL)
);
CREATE INDEX forum_decision_meeting_idx ON forum_decision (meeting_id);

-- A view a reference group brings to a forum, how children's and young people's own views were
-- gathered, and the forum's response.
CREATE TABLE forum_view (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference_group_id uuid NOT NULL REFERENCES forum (id),
  forum_id uuid NOT NULL REFERENCES forum (id),
  meeting_id uuid REFERENCES forum_meeting (id),
  subject text NOT NULL,
  view text NOT NULL,
  children_views_how text NOT NULL DEFAULT '',
  response text,
  responded_by uuid REFERENCES app_user (id),
  responded_at timestamptz,
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  CHECK ((response IS NULL) = (responded_at IS NULL) AND (responded_at IS NULL) = (responded_by IS NULL))
);

-- Assessments of decisions now point at a real table for their kind (kept a soft reference, as the
-- table holds two kinds; forums/decisions.ts checks the decision exists).

-- A public page: content a coordinator published. Its owner is an organisation, and a forum when
-- the forum publishes (a workspace later): feedback lands there.
CREATE TABLE public_page (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  kind text NOT NULL,
  source_id uuid,
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  owner_forum_id uuid REFERENCES forum (id),
  -- News and other written content keep what was written; a snapshot is made from it.
  title text NOT NULL,
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES app_user (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
);

-- Every version published: the snapshot's data and its rendered HTML in Swedish and English.
-- Appended only (no UPDATE or DELETE grant); the page serves its newest version.
CREATE TABLE public_page_version (
  page_id uuid NOT NULL REFERENCES public_page (id),
  version int NOT NULL CHECK (version >= 1),
  data jsonb NOT NULL,
  html_sv text NOT NULL,
  html_en text NOT NULL,
  published_by uuid NOT NULL REFERENCES app_user (id),
  published_at timestamptz NOT NULL,
  PRIMARY KEY (page_id, version)
);

-- A visitor's question from a public page's form. No cookie, no address, nothing of the sender
-- but what they chose to write.
CREATE TABLE public_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  page_id uuid NOT NULL REFERENCES public_page (id),
  page_version int NOT NULL,
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  owner_forum_id uuid REFERENCES forum (id),
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  reply_to text NOT NULL DEFAULT '',
  received_at timestamptz NOT NULL
);
CREATE INDEX public_feedback_owner_idx ON public_feedback (owner_organisation_id, received_at DESC);

ALTER TABLE action_plan ADD CONSTRAINT action_plan_owner_forum_fk FOREIGN KEY (owner_forum_id) REFERENCES forum (id);
