-- The inbox (issue 14, point 5): what waits for a user is derived from the areas that make it
-- (plans' follow-ups and actions, proposed changes, early signals, summonses); this table keeps
-- only the user's own marks on an item, by its stable key (kind:object:revision), and when its
-- notice was e-mailed. Like notice.read_at it is the reader's own state, not an entry of a
-- child's record, so it is updated in place. No child data: the key holds ids only.
CREATE TABLE inbox_item (
  user_id uuid NOT NULL REFERENCES app_user (id),
  key text NOT NULL CHECK (key ~ '^[a-z_]{1,30}:[A-Za-z0-9_.-]{1,100}:[A-Za-z0-9_.-]{1,40}$'),
  first_seen_at timestamptz NOT NULL,
  read_at timestamptz,
  done_at timestamptz,
  -- The notice e-mail went out (once per item and user), or null.
  notified_at timestamptz,
  PRIMARY KEY (user_id, key)
);
