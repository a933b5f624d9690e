-- Issue 15's benchmark: an indicator's base cells (year × municipality × gender × grade), the
-- counting answers applied, kept per indicator and import as one row: the cells' places as a JSON
-- document of parallel arrays, and their four sums (respondents, Σw, Σw², Σw counting) as float8s
-- side by side in one bytea, which the panel reads without parsing a number. A dashboard panel reads
-- one row per import in force instead of summing 6,000 rows of survey_aggregate (a sixth of its time
-- was the GROUP BY, most of the rest parsing 1,500 rows; as JSON the sums' digits were a quarter).
-- Derived from survey_aggregate and survey_indicator by one statement (surveys/indicator-cells.ts),
-- run when an import saves its sums, when an indicator's link changes, and here for the sums
-- already stored. `json`, not `jsonb`: it is read whole and its text is sent as it was stored.
CREATE TABLE survey_indicator_cells (
  indicator_id text NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  import_id uuid NOT NULL REFERENCES survey_import (id) ON DELETE CASCADE,
  cells json NOT NULL,
  sums bytea NOT NULL,
  PRIMARY KEY (indicator_id, import_id)
);

INSERT INTO survey_indicator_cells (indicator_id, import_id, cells, sums)
SELECT s.indicator_id, s.import_id,
  json_build_object('year', array_agg(s.year), 'area', array_agg(s.municipality), 'gender', array_agg(s.gender), 'grade', array_agg(s.grade)),
  string_agg(float8send(s.respondents) || float8send(s.weight) || float8send(s.squared_weight) || float8send(s.counting_weight), ''::bytea)
FROM (
  SELECT l.indicator_id, a.import_id, a.year, a.municipality, a.gender, a.grade, sum(a.respondents)::int AS respondents, sum(a.weight_sum) AS weight,
    sum(a.weight_squared_sum) AS squared_weight, coalesce(sum(a.weight_sum) FILTER (WHERE a.answer = ANY (l.counting_answers)), 0) AS counting_weight
  FROM survey_indicator l
  JOIN survey_import i ON i.survey_id = l.survey_id
  JOIN survey_aggregate a ON a.import_id = i.id AND a.question = array_position(i.questions, l.question_id)
  GROUP BY l.indicator_id, a.import_id, a.year, a.municipality, a.gender, a.grade
) s
GROUP BY s.indicator_id, s.import_id;
