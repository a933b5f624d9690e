-- What a professional has last seen of a child, for "Mina barn" (issue 13, point 7): when they last
-- opened the child's wheel (a self-rating newer than that is new to them), and when they last
-- looked at the receipts of their own reports of concern about the child (intake's answer newer
-- than that is new to them). One row per user, child and subject, moved forward at each look:
-- a marker of the reader's own attention, like notice.read_at, not an entry of the child's record
-- (the looks themselves are in the audit log), so it is updated in place.
CREATE TABLE attention_seen (
  user_id uuid NOT NULL REFERENCES app_user (id),
  child_id uuid NOT NULL REFERENCES child (id),
  subject text NOT NULL CHECK (subject IN ('wellbeing', 'reports')),
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, child_id, subject)
);
