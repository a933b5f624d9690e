-- The newsletter's mail, one row per subscriber an issue is sent to (issue 17 point 6). Sending
-- writes the rows in the send's transaction and mails after the commit; a row is claimed (sent_at
-- set) before its mail goes and released when the mail server refuses it, so a send that stopped
-- half-way (a crash, a mail server down) is resumed for the rows still unsent, and no address is
-- mailed twice. An unsubscribed address takes its rows with it.
CREATE TABLE newsletter_delivery (
  issue_id uuid NOT NULL REFERENCES newsletter_issue (id) ON DELETE CASCADE,
  subscriber_id uuid NOT NULL REFERENCES newsletter_subscriber (id) ON DELETE CASCADE,
  sent_at timestamptz,
  PRIMARY KEY (issue_id, subscriber_id)
);
CREATE INDEX newsletter_delivery_unsent_idx ON newsletter_delivery (issue_id) WHERE sent_at IS NULL;

-- sent_count now counts the mails delivered (it counted the addresses at the first send).
COMMENT ON COLUMN newsletter_issue.sent_count IS 'mails delivered so far; the unsent are newsletter_delivery rows without sent_at';
