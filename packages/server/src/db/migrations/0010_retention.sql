-- Issue 12: retention and erasure (gallring). Rules are data, per category and secrecy domain,
-- each with its legal reference and a default; a job erases what has passed its time and leaves a
-- tombstone for each thing erased; the audit log's expired prefix is erased by the owner only, and
-- an anchor row keeps the chain verifiable (see docs/security-model.md, "Erasing the audit log").

-- secrecy_domain_kind null: the rule for the category in every domain without a rule of its own.
-- starts_from: 'child_last_activity' counts from the child's last activity in Samsyn (the last
-- entry, team change, consent or disclosure, and none while the child has a team); 'recorded'
-- counts from the row's own time.
CREATE TABLE retention_rule (
  id text PRIMARY KEY,
  category text NOT NULL CHECK (category IN ('record_entry', 'disclosure', 'audit_log')),
  secrecy_domain_kind text CHECK (secrecy_domain_kind IN ('education', 'student_health', 'social_services', 'health_care', 'police', 'civil_society', 'other')),
  starts_from text NOT NULL CHECK (starts_from IN ('child_last_activity', 'recorded')),
  default_years integer NOT NULL CHECK (default_years BETWEEN 1 AND 100),
  -- The organisation's own decision (gallringsbeslut); null: the default holds.
  years integer CHECK (years BETWEEN 1 AND 100),
  legal_reference text NOT NULL,
  updated_at timestamptz,
  updated_by uuid REFERENCES app_user (id),
  UNIQUE NULLS NOT DISTINCT (category, secrecy_domain_kind)
);

INSERT INTO retention_rule (id, category, secrecy_domain_kind, starts_from, default_years, legal_reference) VALUES
  ('record_entry', 'record_entry', NULL, 'child_last_activity', 10, 'Arkivlagen (1990:782) 10 §, huvudmannens gallringsbeslut'),
  ('record_entry.education', 'record_entry', 'education', 'child_last_activity', 5, 'Arkivlagen (1990:782) 10 §, skolans informationshanteringsplan'),
  ('record_entry.student_health', 'record_entry', 'student_health', 'child_last_activity', 10, 'Patientdatalagen (2008:355) 3 kap. 17 §'),
  ('record_entry.social_services', 'record_entry', 'social_services', 'child_last_activity', 5, 'Socialtjänstlagen, gallring av personakt fem år efter sista anteckningen (SoL 2001:453 12 kap. 1 §)'),
  ('record_entry.health_care', 'record_entry', 'health_care', 'child_last_activity', 10, 'Patientdatalagen (2008:355) 3 kap. 17 §'),
  ('disclosure', 'disclosure', NULL, 'recorded', 10, 'OSL (2009:400) 10 kap., arkivlagen (1990:782) 10 §'),
  ('audit_log', 'audit_log', NULL, 'recorded', 10, 'Patientdatalagen (2008:355) 4 kap. 3 §, HSLF-FS 2016:40 4 kap. 9 §');

-- One run of the job (or of the CLI, or an administrator's "erase now"). Nodes take turns: a run
-- starts only when the last finished one is older than the interval.
CREATE TABLE retention_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  started_by uuid REFERENCES app_user (id),
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  -- Per rule: how many erased; and why the audit log was not, when it was not.
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  error text
);
CREATE INDEX retention_run_started_idx ON retention_run (started_at);

-- What was erased, when, under which rule. No content: the row's id, the child's id, the domain
-- and the row's own time are what a later question ("where did that entry go?") needs.
CREATE TABLE retention_tombstone (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES retention_run (id),
  rule_id text NOT NULL REFERENCES retention_rule (id),
  category text NOT NULL,
  -- The erased row's id; for the audit log 'seq 1–N'.
  subject text NOT NULL,
  child_id uuid REFERENCES child (id),
  secrecy_domain_id uuid REFERENCES secrecy_domain (id),
  recorded_at timestamptz,
  erased_at timestamptz NOT NULL
);
CREATE INDEX retention_tombstone_erased_idx ON retention_tombstone (erased_at);
CREATE INDEX retention_tombstone_child_idx ON retention_tombstone (child_id);

-- The anchor of an erased prefix of the audit log: entries 1..through_seq are gone, the last of
-- them had hash through_hash, and a signed checkpoint (seq, hash, at, mac) proved that before
-- they went. Verification starts after the last anchor, from its hash, and checks the anchor
-- against the signed checkpoints. Only the owner writes it (grants.sql).
CREATE TABLE audit_erasure (
  through_seq bigint PRIMARY KEY,
  through_hash text NOT NULL,
  checkpoint_at timestamptz NOT NULL,
  checkpoint_mac text NOT NULL,
  entries bigint NOT NULL,
  rule_id text NOT NULL REFERENCES retention_rule (id),
  run_id uuid REFERENCES retention_run (id),
  erased_at timestamptz NOT NULL
);

-- The log stays append-only for everyone, with one exception: the owner may DELETE entries that
-- an anchor already covers (seq <= the highest through_seq). UPDATE and TRUNCATE stay refused;
-- the application's login has no DELETE grant at all (grants.sql), so it cannot use the exception.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.seq <= (SELECT coalesce(max(through_seq), 0) FROM audit_erasure) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- An anchor is never changed or removed.
CREATE FUNCTION audit_erasure_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_erasure is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_erasure_no_update_delete BEFORE UPDATE OR DELETE ON audit_erasure
  FOR EACH ROW EXECUTE FUNCTION audit_erasure_append_only();
CREATE TRIGGER audit_erasure_no_truncate BEFORE TRUNCATE ON audit_erasure
  FOR EACH STATEMENT EXECUTE FUNCTION audit_erasure_append_only();
