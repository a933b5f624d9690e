-- School surveys (Befolkning): definitions, microdata one row per respondent, and the table
-- pre-aggregated at import that dashboards read. A respondent is anonymous: no identity number,
-- no name; published figures are suppressed below a threshold (packages/core/src/surveys/).
CREATE TABLE survey (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{1,59}$'),
  name_sv text NOT NULL,
  name_en text NOT NULL,
  grades text[] NOT NULL CHECK (cardinality(grades) > 0),
  -- [{ id, textSv, textEn, options: [{ code, labelSv, labelEn }] }]: checked by the API's schema.
  questions jsonb NOT NULL,
  owner_organisation_id uuid NOT NULL REFERENCES organisation (id),
  created_by uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Which question and which answers an indicator of the catalogue counts ("mår bra": 1 or 2).
CREATE TABLE survey_indicator (
  indicator_id text PRIMARY KEY REFERENCES indicator (id),
  survey_id text NOT NULL REFERENCES survey (id),
  question_id text NOT NULL,
  counting_answers smallint[] NOT NULL CHECK (cardinality(counting_answers) > 0)
);
CREATE INDEX survey_indicator_survey_idx ON survey_indicator (survey_id);

CREATE TABLE survey_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id text NOT NULL REFERENCES survey (id),
  file_name text NOT NULL,
  file_sha256 text NOT NULL,
  status text NOT NULL CHECK (status IN ('reading', 'saving', 'done', 'failed', 'replaced')),
  imported_by uuid NOT NULL REFERENCES app_user (id),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  -- The question ids in the order of the raw rows' answer arrays, as the survey had them then.
  questions text[] NOT NULL,
  years int[] NOT NULL DEFAULT '{}',
  total_rows int NOT NULL,
  processed_rows int NOT NULL DEFAULT 0,
  imported_rows int NOT NULL DEFAULT 0,
  rejected_rows int NOT NULL DEFAULT 0,
  -- The first rejected rows: [{ line, column, code }].
  errors jsonb NOT NULL DEFAULT '[]',
  failure text
);
CREATE INDEX survey_import_survey_idx ON survey_import (survey_id, started_at DESC);
-- One wave per year and survey: a new file for the same years replaces it (status 'replaced').
CREATE INDEX survey_import_done_idx ON survey_import (survey_id) WHERE status = 'done';

-- The raw rows, kept as imported. Written by COPY; no foreign key or b-tree index, so that a
-- million rows load at COPY's speed (the import's own transaction keeps them whole).
CREATE TABLE survey_respondent (
  import_id uuid NOT NULL,
  year smallint NOT NULL,
  municipality text NOT NULL,
  school_unit text,
  grade text NOT NULL,
  gender char(1) NOT NULL CHECK (gender IN ('K', 'M', 'X')),
  weight double precision NOT NULL CHECK (weight > 0),
  answers smallint[] NOT NULL
);
CREATE INDEX survey_respondent_import_brin ON survey_respondent USING brin (import_id);

-- Σ per year × municipality × gender × grade × question × answer: what a dashboard panel reads.
-- Written by COPY in the import's transaction, like the raw rows: no foreign key (a check per
-- row) and no unique key (the import's own sums are one row per cell), one index for the panel.
CREATE TABLE survey_aggregate (
  import_id uuid NOT NULL,
  year smallint NOT NULL,
  municipality text NOT NULL,
  gender char(1) NOT NULL CHECK (gender IN ('K', 'M', 'X')),
  grade text NOT NULL,
  -- The question's position (1-based) in the import's `questions`.
  question smallint NOT NULL,
  answer smallint NOT NULL,
  respondents int NOT NULL,
  weight_sum double precision NOT NULL,
  weight_squared_sum double precision NOT NULL
);
CREATE INDEX survey_aggregate_panel_idx ON survey_aggregate (import_id, question);
