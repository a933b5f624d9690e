-- Least privilege for the application: applied by the owner after every migration run.
-- samsyn_app is a NOLOGIN group role with the rights Samsyn needs and no more: it reads and writes
-- the tables, may only SELECT and INSERT the audit log, and may only move the chain head forward
-- (UPDATE, guarded by the owner's trigger). Samsyn's own login (DATABASE_URL) is a member of it and
-- owns nothing; the owner (DATABASE_OWNER_URL) migrates. Without a separate owner login, the owner
-- connects and SET ROLE samsyn_app, as before: refused in production (see db/privileges.ts).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'samsyn_app') THEN
    CREATE ROLE samsyn_app NOLOGIN;
  END IF;
  IF NOT pg_has_role(current_user, 'samsyn_app', 'MEMBER') THEN
    EXECUTE format('GRANT samsyn_app TO %I', current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO samsyn_app', current_schema());
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO samsyn_app', current_schema());
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO samsyn_app', current_schema());
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM samsyn_app;
  REVOKE INSERT, DELETE, TRUNCATE ON audit_chain_head FROM samsyn_app;
  -- The identity history is appended, never rewritten.
  REVOKE UPDATE, DELETE, TRUNCATE ON child_identity_change FROM samsyn_app;
  -- The wheel's model versions and its assessments are history: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON wellbeing_model_version, wellbeing_assessment FROM samsyn_app;
  -- The needs assessment's configuration versions and every revision of an assessment: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON needs_assessment_config_version, needs_assessment, needs_assessment_version FROM samsyn_app;
  -- A plan's revisions and the family's answers are its history: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON plan_revision, plan_approval FROM samsyn_app;
  -- The anchors of an erased prefix of the log are the owner's to write (retention/audit-erasure.ts);
  -- tombstones are appended by the retention job and never changed.
  REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_erasure FROM samsyn_app;
  REVOKE UPDATE, DELETE, TRUNCATE ON retention_tombstone FROM samsyn_app;
  -- An action plan's reviews are its history: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON action_plan_review FROM samsyn_app;
  -- A workspace document's versions, its thread's posts and an agreement's versions are history: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON workspace_document_version, workspace_post, agreement_version FROM samsyn_app;
  -- Every published version of a public page is kept: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON public_page_version FROM samsyn_app;
  -- The fund's decisions and disbursements are its record: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON fund_decision, fund_disbursement FROM samsyn_app;
  -- Earlier versions of local statistics are their history: appended, never changed.
  REVOKE UPDATE, DELETE, TRUNCATE ON local_value_revision FROM samsyn_app;
  REVOKE ALL ON schema_migration FROM samsyn_app;
  GRANT SELECT ON schema_migration TO samsyn_app;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'samsyn: cannot create or grant the samsyn_app role (%); the server runs with the connecting role''s privileges', SQLERRM;
END;
$$;
-- Nobody but the owner creates objects in the schema (PostgreSQL 15 already keeps PUBLIC out;
-- older servers do not). A schema the owner does not own is left alone.
DO $$
BEGIN
  EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', current_schema());
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END;
$$;
