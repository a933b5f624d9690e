-- How a child enters Samsyn: created by a professional, or imported from a register by an
-- organisation administrator; and how the identity data is corrected afterwards.

-- Skolverket's skolenhetskod (8 digits): how a pupil register names a preschool or school unit.
ALTER TABLE unit ADD COLUMN school_unit_code text UNIQUE CHECK (school_unit_code ~ '^[0-9]{8}$');

-- Who created the record and how: by hand (a professional) or from a register import.
ALTER TABLE child
  ADD COLUMN created_by uuid REFERENCES app_user (id),
  ADD COLUMN created_via text CHECK (created_via IN ('professional', 'register_import'));

-- The history of a child's identity data (names, identity number, protected identity, address,
-- school, guardians): one row per changed field, with the old and the new value, who, when and
-- why. Corrections by an administrator and changes from a register import (a move, a new
-- guardian) both land here. Appended only: the app may not UPDATE or DELETE it (grants.sql).
CREATE TABLE child_identity_change (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child (id),
  field text NOT NULL CHECK (field IN ('identity_number', 'given_name', 'family_name', 'protected_identity', 'street_address', 'postal_code', 'city', 'school_unit', 'guardian_added')),
  old_value text,
  new_value text,
  source text NOT NULL CHECK (source IN ('correction', 'register_import')),
  reason text NOT NULL CHECK (length(reason) >= 3),
  register_import_id uuid,
  changed_by uuid NOT NULL REFERENCES app_user (id),
  changed_at timestamptz NOT NULL
);
CREATE INDEX child_identity_change_child_idx ON child_identity_change (child_id, changed_at);

-- A register file an administrator uploaded: previewed, then (if accepted) run as a job whose
-- progress the page polls. The history keeps who, when, which file and the counts.
CREATE TABLE register_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  imported_by uuid NOT NULL REFERENCES app_user (id),
  file_name text NOT NULL,
  -- SHA-256 of the file's bytes: the same file again is recognisable in the history.
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  status text NOT NULL CHECK (status IN ('previewed', 'running', 'done', 'discarded')),
  total_rows integer NOT NULL CHECK (total_rows >= 0),
  processed_rows integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  changed_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  error_count integer NOT NULL DEFAULT 0,
  previewed_at timestamptz NOT NULL,
  accepted_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX register_import_organisation_idx ON register_import (organisation_id, previewed_at DESC);

-- The rows of an import awaiting its run: what the file says (parsed), or its errors. Removed
-- when the import is done or discarded, so the register file's personal data does not linger.
CREATE TABLE register_import_row (
  import_id uuid NOT NULL REFERENCES register_import (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  data jsonb,
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (import_id, row_number)
);
