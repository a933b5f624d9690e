-- The shared indicator catalogue (Befolkning) and Kolada's statistics. No personal data here:
-- Kolada publishes aggregates per municipality or unit.
CREATE TABLE indicator (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_.-]{1,79}$'),
  name_sv text NOT NULL,
  name_en text NOT NULL,
  description_sv text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  unit text NOT NULL CHECK (unit IN ('percent', 'count', 'rate_per_1000', 'mean')),
  direction text NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  priority_area text NOT NULL CHECK (priority_area IN ('completed_studies', 'mental_health', 'physical_activity', 'other')),
  source_kind text NOT NULL CHECK (source_kind IN ('kolada', 'survey', 'samsyn')),
  source_ref text NOT NULL,
  -- hemkommun or kommunala skolor: different pupils, so two indicators, never one.
  pupil_basis text CHECK (pupil_basis IN ('home_municipality', 'municipal_schools')),
  breakdowns text[] NOT NULL CHECK (cardinality(breakdowns) > 0 AND breakdowns <@ ARRAY['year', 'municipality', 'gender', 'grade', 'school_unit']),
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- A source is in the catalogue once, and used everywhere.
  UNIQUE (source_kind, source_ref)
);

CREATE TABLE kolada_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  imported_by uuid NOT NULL REFERENCES app_user (id),
  imported_at timestamptz NOT NULL,
  source text NOT NULL,
  value_count int NOT NULL,
  added int NOT NULL,
  revised int NOT NULL,
  unchanged int NOT NULL,
  kpi_count int NOT NULL,
  municipality_count int NOT NULL,
  -- [{ file, path, reason }], [{ key, before, beforeStatus, after, afterStatus }], [{ id, before, after }]
  rejected jsonb NOT NULL,
  revisions jsonb NOT NULL,
  renamed_kpis jsonb NOT NULL
);
CREATE INDEX kolada_import_at_idx ON kolada_import (imported_at DESC);

CREATE TABLE kolada_kpi (
  id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL,
  is_divided_by_gender boolean NOT NULL,
  has_ou_data boolean NOT NULL,
  municipality_type text,
  operating_area text,
  publication_date text,
  -- Set when an import brought a new title; cleared when an analyst confirms the indicator still fits.
  title_changed_from text,
  last_import_id uuid NOT NULL REFERENCES kolada_import (id)
);

CREATE TABLE kolada_municipality (
  id text PRIMARY KEY,
  title text NOT NULL,
  type text
);

-- The current value of each KPI × place × year × gender. '' for the place kind not used, so the key
-- is a plain primary key. A value without a number keeps its reason in status.
CREATE TABLE kolada_value (
  kpi text NOT NULL,
  municipality text NOT NULL,
  ou text NOT NULL,
  period int NOT NULL,
  gender text NOT NULL CHECK (gender IN ('T', 'K', 'M')),
  value double precision,
  status text NOT NULL CHECK (status IN ('ok', 'confidential', 'not_applicable', 'missing')),
  count int,
  import_id uuid NOT NULL REFERENCES kolada_import (id),
  PRIMARY KEY (kpi, municipality, ou, period, gender),
  CHECK ((status = 'ok') = (value IS NOT NULL)),
  CHECK ((municipality = '') <> (ou = ''))
);

-- Every earlier version of a value, when an import revised it.
CREATE TABLE kolada_value_revision (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kpi text NOT NULL,
  municipality text NOT NULL,
  ou text NOT NULL,
  period int NOT NULL,
  gender text NOT NULL,
  value double precision,
  status text NOT NULL,
  count int,
  import_id uuid NOT NULL REFERENCES kolada_import (id),
  replaced_by_import_id uuid NOT NULL REFERENCES kolada_import (id),
  replaced_at timestamptz NOT NULL
);
CREATE INDEX kolada_value_revision_key_idx ON kolada_value_revision (kpi, municipality, ou, period, gender, replaced_at DESC);
