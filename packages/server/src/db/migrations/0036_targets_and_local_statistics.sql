-- Issue 15, items 3 and 4: stored targets per indicator and organisation, and local statistics
-- (a municipality's or the county's own figures from CSV or Excel). No personal data here.

-- A new source kind: local figures, imported by the indicator's keepers.
ALTER TABLE indicator DROP CONSTRAINT indicator_source_kind_check;
ALTER TABLE indicator ADD CONSTRAINT indicator_source_kind_check CHECK (source_kind IN ('kolada', 'survey', 'samsyn', 'local'));

-- One target per indicator and organisation (a municipality, or the region for the county as a
-- whole): a baseline and either a yearly change or a fixed value by a year. Changing it keeps who
-- and when; the earlier rules are in the audit log's before/after.
CREATE TABLE indicator_target (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id text NOT NULL REFERENCES indicator (id),
  organisation_id uuid NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('yearly_change', 'fixed_value')),
  baseline_year int NOT NULL CHECK (baseline_year BETWEEN 1990 AND 2100),
  baseline_value double precision NOT NULL,
  change_per_year double precision,
  target_year int CHECK (target_year BETWEEN 1990 AND 2100),
  target_value double precision,
  set_by uuid NOT NULL REFERENCES app_user (id),
  set_at timestamptz NOT NULL,
  UNIQUE (indicator_id, organisation_id),
  CHECK ((kind = 'yearly_change') = (change_per_year IS NOT NULL)),
  CHECK ((kind = 'fixed_value') = (target_year IS NOT NULL AND target_value IS NOT NULL)),
  CHECK (target_year IS NULL OR target_year > baseline_year)
);

-- An import of a local file: who, when, which file, the mapping, its progress and what it did.
CREATE TABLE local_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id text NOT NULL REFERENCES indicator (id),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  mapping jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('reading', 'saving', 'done', 'failed')),
  imported_by uuid NOT NULL REFERENCES app_user (id),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  total_rows int NOT NULL DEFAULT 0,
  processed_rows int NOT NULL DEFAULT 0,
  added int NOT NULL DEFAULT 0,
  revised int NOT NULL DEFAULT 0,
  unchanged int NOT NULL DEFAULT 0,
  rejected_rows int NOT NULL DEFAULT 0,
  -- [{ line, column, code }]: the first rejected rows.
  errors jsonb NOT NULL DEFAULT '[]'::jsonb,
  failure text
);
CREATE INDEX local_import_indicator_idx ON local_import (indicator_id, started_at DESC);

-- The current local value of each indicator × place × school unit ('' for the whole place) ×
-- year × gender. A value without a number keeps its reason in status, as Kolada's do.
CREATE TABLE local_value (
  indicator_id text NOT NULL REFERENCES indicator (id),
  municipality text NOT NULL CHECK (municipality ~ '^[0-9]{4}$'),
  school_unit text NOT NULL,
  year int NOT NULL,
  gender text NOT NULL CHECK (gender IN ('T', 'K', 'M')),
  value double precision,
  status text NOT NULL CHECK (status IN ('ok', 'confidential', 'not_applicable', 'missing')),
  count int,
  import_id uuid NOT NULL REFERENCES local_import (id),
  PRIMARY KEY (indicator_id, municipality, school_unit, year, gender),
  CHECK ((status = 'ok') = (value IS NOT NULL))
);

-- Every earlier version of a local value, when a later import revised it.
CREATE TABLE local_value_revision (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  indicator_id text NOT NULL,
  municipality text NOT NULL,
  school_unit text NOT NULL,
  year int NOT NULL,
  gender text NOT NULL,
  value double precision,
  status text NOT NULL,
  count int,
  import_id uuid NOT NULL REFERENCES local_import (id),
  replaced_by_import_id uuid NOT NULL REFERENCES local_import (id),
  replaced_at timestamptz NOT NULL
);
CREATE INDEX local_value_revision_key_idx ON local_value_revision (indicator_id, municipality, school_unit, year, gender, replaced_at DESC);
