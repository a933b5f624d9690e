-- Notices (notiser): something happened that one user should know about, e.g. a consent withdrawn,
-- a team change, a handover proposed, accepted or declined, an emergency access to review.
-- A notice names its child but holds no child data: the list that shows it asks the gate (purpose
-- list) before it shows the child's name, so a notice never outlives the reader's basis.
CREATE TABLE notice (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient_id uuid NOT NULL REFERENCES app_user (id),
  kind text NOT NULL CHECK (kind IN (
    'consent_withdrawn', 'consent_lapsed', 'team_member_added', 'team_member_ended',
    'handover_proposed', 'handover_withdrawn', 'handover_accepted', 'handover_declined',
    'named_person_stays_member', 'emergency_access_to_review', 'emergency_access_reviewed'
  )),
  child_id uuid REFERENCES child (id),
  -- The thing the notice is about (a handover, a consent, an emergency access), by kind.
  subject_id uuid,
  actor_id uuid REFERENCES app_user (id),
  -- Codes and ids only (no free text from the record): what the list needs to word the notice.
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notice_recipient_idx ON notice (recipient_id, created_at DESC);
CREATE INDEX notice_unread_idx ON notice (recipient_id) WHERE read_at IS NULL;
