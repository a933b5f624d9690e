-- SIP requests, meetings, summonses and invitations (issue 14, points 2 and 3).
-- A request for a SIP is made by one principal (the municipality's social services or the
-- region's health care) and answered by the other: accepted (linked to the SIP) or refused with a
-- written reason. Its deadline is fixed when it is made, from the local setting.
-- A plan's meetings hold the date, the place or digital link, notes and decisions; each invitee
-- is a row of its own: a summons (kallelse) to an obliged principal, an invitation (inbjudan) to
-- others, or the family's invitation, each with its delivery receipt, reply and attendance.

CREATE TABLE sip_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  from_principal text NOT NULL CHECK (from_principal IN ('municipality', 'region')),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  requested_by uuid NOT NULL REFERENCES app_user (id),
  requested_at timestamptz NOT NULL,
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  -- The local deadline for starting the SIP (a Stockholm date), fixed when asked.
  deadline_on date NOT NULL,
  answered_by uuid REFERENCES app_user (id),
  answered_at timestamptz,
  answer text CHECK (answer IN ('accepted', 'refused')),
  answer_reason text NOT NULL DEFAULT '' CHECK (length(answer_reason) <= 2000),
  plan_id uuid REFERENCES plan (id),
  CHECK ((answered_at IS NULL) = (answer IS NULL) AND (answered_at IS NULL) = (answered_by IS NULL)),
  -- A refusal needs a written reason.
  CHECK (answer IS DISTINCT FROM 'refused' OR length(btrim(answer_reason)) > 0),
  CHECK (plan_id IS NULL OR answer = 'accepted')
);
CREATE INDEX sip_request_child_idx ON sip_request (child_id, requested_at);
-- One open request per child at a time.
CREATE UNIQUE INDEX sip_request_open_idx ON sip_request (child_id) WHERE answered_at IS NULL;

CREATE TABLE plan_meeting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES plan (id),
  child_id uuid NOT NULL REFERENCES child (id),
  starts_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 300),
  digital_link text NOT NULL DEFAULT '' CHECK (length(digital_link) <= 500),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
  decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 10000),
  held_at timestamptz,
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  secrecy_domain_id uuid NOT NULL REFERENCES secrecy_domain (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_by uuid NOT NULL REFERENCES app_user (id),
  updated_at timestamptz NOT NULL
);
CREATE INDEX plan_meeting_plan_idx ON plan_meeting (plan_id, starts_at);

CREATE TABLE meeting_invitation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES plan_meeting (id),
  plan_id uuid NOT NULL REFERENCES plan (id),
  child_id uuid NOT NULL REFERENCES child (id),
  kind text NOT NULL CHECK (kind IN ('summons', 'invitation', 'family')),
  -- A user of Samsyn, or someone outside it by name and e-mail.
  invitee_user_id uuid REFERENCES app_user (id),
  external_name text NOT NULL DEFAULT '' CHECK (length(external_name) <= 200),
  external_email text NOT NULL DEFAULT '' CHECK (length(external_email) <= 320),
  sent_by uuid NOT NULL REFERENCES app_user (id),
  sent_at timestamptz NOT NULL,
  -- The receipt: delivered to the invitee's tasks when written; read when first opened.
  delivered_at timestamptz NOT NULL,
  read_at timestamptz,
  reply text CHECK (reply IN ('coming', 'not_coming')),
  reply_comment text NOT NULL DEFAULT '' CHECK (length(reply_comment) <= 2000),
  replied_at timestamptz,
  attendance text CHECK (attendance IN ('present', 'absent')),
  CHECK ((reply IS NULL) = (replied_at IS NULL)),
  CHECK (invitee_user_id IS NOT NULL OR length(btrim(external_name)) > 0),
  CHECK (kind <> 'family' OR invitee_user_id IS NOT NULL)
);
CREATE INDEX meeting_invitation_meeting_idx ON meeting_invitation (meeting_id);
CREATE INDEX meeting_invitation_invitee_idx ON meeting_invitation (invitee_user_id) WHERE reply IS NULL;
CREATE UNIQUE INDEX meeting_invitation_once_idx ON meeting_invitation (meeting_id, invitee_user_id) WHERE invitee_user_id IS NOT NULL;
