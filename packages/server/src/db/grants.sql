-- Least privilege for the application: applied after every migration run.
-- The server connects as the migrating (owning) role and then SET ROLE samsyn_app, which
-- can read and write the tables but may only SELECT and INSERT the audit log.
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
  REVOKE ALL ON schema_migration FROM samsyn_app;
  GRANT SELECT ON schema_migration TO samsyn_app;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'samsyn: cannot create or grant the samsyn_app role (%); the server runs with the connecting role''s privileges', SQLERRM;
END;
$$;
