-- Issue 15: the child level's own indicators are in the catalogue of every install, not only the
-- demo's. Samsyn registers them itself at start-up (child-level-indicators/catalogue.ts), owned by
-- the deployment's region, before any person has an account: such a row has no creator. Every
-- other indicator is still created by someone.
ALTER TABLE indicator ALTER COLUMN created_by DROP NOT NULL;
ALTER TABLE indicator ADD CONSTRAINT indicator_created_by_person CHECK (created_by IS NOT NULL OR source_kind = 'samsyn');
