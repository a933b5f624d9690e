-- The child level's own anonymised indicators (issue 15, item 7). Samsyn computes them from the
-- child tables, per municipality (and the county) and quarter, through one count-only query per
-- indicator (child-level-indicators/queries.ts). Nothing here identifies a child: the keys are a
-- municipality code, a quarter and a breakdown; a suppressed cell keeps only its reason, never its
-- count or value, so no export or API can show it.
CREATE TABLE child_level_indicator_value (
  indicator_id text NOT NULL CHECK (indicator_id IN ('samsyn.active_plans', 'samsyn.wellbeing_ratings', 'samsyn.concern_to_plan_days', 'samsyn.reports_of_concern')),
  -- A municipality's code (four digits) or the county's (two).
  area_code text NOT NULL CHECK (area_code ~ '^([0-9]{2}|[0-9]{4})$'),
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}Q[1-4]$'),
  -- '' for none; for the wellbeing wheel 'respondent:area:rating' (respondent kept apart).
  breakdown text NOT NULL DEFAULT '' CHECK (breakdown ~ '^[a-z0-9:_]*$'),
  count integer CHECK (count >= 0),
  denominator integer CHECK (denominator >= 0),
  value numeric,
  suppressed_reason text CHECK (suppressed_reason IN ('too_few', 'complementary')),
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (indicator_id, area_code, quarter, breakdown),
  -- A hidden cell keeps nothing that could give it away.
  CHECK (suppressed_reason IS NULL OR (count IS NULL AND denominator IS NULL AND value IS NULL))
);
