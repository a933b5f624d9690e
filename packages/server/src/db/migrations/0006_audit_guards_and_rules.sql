-- Issue 11: a log that an insider cannot quietly rewrite, and three rules of the record as
-- constraints, so the database refuses what the application already refuses.

-- The chain head only moves forward. The application's login may UPDATE it (it appends), but a
-- lower seq, the same seq with another hash, a DELETE or a TRUNCATE is refused. The trigger is the
-- owner's: only the owner may disable it, and Samsyn does not run as the owner.
CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'audit_chain_head: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id <> OLD.id OR NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.hash <> OLD.hash) THEN
    RAISE EXCEPTION 'audit_chain_head cannot move backwards (from % to %)', OLD.seq, NEW.seq
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_forward_only();

-- Verification runs as a job (see audit/verification-job.ts): started by one request, polled by
-- others, on any node. A row per run; progress is written after every batch.
CREATE TABLE audit_verification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  started_by uuid REFERENCES app_user (id),
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  verified bigint NOT NULL DEFAULT 0,
  total bigint NOT NULL DEFAULT 0,
  report jsonb,
  error text
);
CREATE INDEX audit_verification_started_idx ON audit_verification (started_at);

-- One named person per child at a time: the current one has no end yet.
CREATE UNIQUE INDEX care_team_one_named_person ON care_team_member (child_id)
  WHERE role = 'named_person' AND ends_at IS NULL;

-- A handover is accepted or declined, never both.
ALTER TABLE named_person_handover
  ADD CONSTRAINT handover_accepted_or_declined CHECK (accepted_at IS NULL OR declined_at IS NULL);

-- A consent names only the six information categories (core's infoCategories, children/schema.ts).
ALTER TABLE consent
  ADD CONSTRAINT consent_known_categories
  CHECK (categories <@ ARRAY['wellbeing', 'plan', 'concern', 'school', 'health', 'social_services']::text[]);
