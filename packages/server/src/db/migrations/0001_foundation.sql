-- Foundation: organisations, units, users and roles, sessions, login throttling, and the audit log.

CREATE TABLE organisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('region', 'municipality', 'partner')),
  partner_type text CHECK (partner_type IN ('police', 'non_profit', 'private_provider')),
  organisation_number text UNIQUE CHECK (organisation_number ~ '^[0-9]{6}-[0-9]{4}$'),
  municipality_code text UNIQUE CHECK (municipality_code ~ '^[0-9]{4}$'),
  county_code text CHECK (county_code ~ '^[0-9]{2}$'),
  region_id uuid REFERENCES organisation (id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'partner') = (partner_type IS NOT NULL)),
  CHECK (kind <> 'municipality' OR municipality_code IS NOT NULL)
);

CREATE TABLE unit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  name text NOT NULL,
  sector text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name)
);
CREATE INDEX unit_organisation_idx ON unit (organisation_id);

CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  display_name text NOT NULL,
  email text,
  title text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Local accounts (argon2id). Users from an OpenID Connect provider have no row here.
CREATE TABLE local_credential (
  user_id uuid PRIMARY KEY REFERENCES app_user (id),
  password_hash text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- External identities (SITHS, BankID, Freja through OIDC): provider + subject → user.
CREATE TABLE user_identity (
  provider text NOT NULL,
  subject text NOT NULL,
  user_id uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, subject)
);

CREATE TABLE user_role (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES app_user (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  role text NOT NULL CHECK (role IN ('professional', 'unit_manager', 'collaboration_coordinator', 'analyst', 'org_admin', 'system_admin'))
);
CREATE UNIQUE INDEX user_role_unique_idx ON user_role (user_id, organisation_id, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid), role);
CREATE INDEX user_role_organisation_idx ON user_role (organisation_id);

-- Server-side sessions: only a hash of the cookie's token is stored.
CREATE TABLE session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  auth_method text NOT NULL CHECK (auth_method IN ('local', 'oidc')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  client_ip text,
  user_agent text
);
CREATE INDEX session_user_idx ON session (user_id);

CREATE TABLE login_attempt (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username text NOT NULL,
  client_ip text NOT NULL,
  success boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_username_idx ON login_attempt (username, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (client_ip, at);

-- Secrets the nodes share (CSRF signing key); generated on first start, never in the repo.
CREATE TABLE server_secret (
  name text PRIMARY KEY,
  value text NOT NULL
);

-- The audit log: append-only, hash-chained. seq is assigned under the chain lock
-- (the audit_chain_head row), so the chain has one total order.
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_username text,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  organisation_id uuid,
  request_id text,
  client_ip text,
  details jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE TABLE audit_chain_head (
  id int PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
