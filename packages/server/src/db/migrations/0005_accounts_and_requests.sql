-- Issue 11: administrators who cannot become readers, and requests that cannot slip past the checks.

-- A password set by an administrator (a reset) is one-time: reset_by names who set it, and the
-- next login must change it. The owner's own change clears it.
ALTER TABLE local_credential ADD COLUMN reset_by uuid REFERENCES app_user (id);

-- A session that started with a reset password stays marked with the administrator who reset it
-- (log review flags every look in it); until the password is changed it may do nothing else.
ALTER TABLE session
  ADD COLUMN password_reset_by uuid REFERENCES app_user (id),
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Login throttling by a counter row per key (an account, a client address, a password-change
-- check), taken under a row lock before the password is verified, so parallel attempts all count.
-- next_at is when the next attempt may be checked: a delay that doubles with each failure past a
-- free allowance, capped, instead of a fixed lockout.
CREATE TABLE login_throttle (
  scope text NOT NULL CHECK (scope IN ('account', 'address', 'password')),
  key text NOT NULL,
  failures int NOT NULL DEFAULT 0,
  next_at timestamptz NOT NULL,
  last_failure_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

-- Idempotency-Key: the first response to a creating request, replayed for the same user, key and
-- request; a key is kept for a day. response_status is null while the first request runs.
CREATE TABLE idempotency_key (
  user_id uuid NOT NULL REFERENCES app_user (id),
  key text NOT NULL,
  request_hash text NOT NULL,
  response_status int,
  response_body text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);

-- The attempt log that the throttle counted by SELECT count(*) before (a race under parallel
-- requests) is replaced by login_throttle; every attempt is in the audit log as well.
DROP TABLE login_attempt;
