/** Synthetic identity numbers for the bench's generated children: Skatteverket's test series, valid check digits. */

/**
 * The Luhn sum of some of a personnummer's digits YYMMDDNNN (weights 2, 1, 2, … from the first),
 * for this session: the date's six and the birth number's three each start on a weight of 2, so
 * their sums add up, and the check digit of every pair costs one addition.
 */
export const luhnSumSql = `
  CREATE FUNCTION pg_temp.bench_luhn_sum(digits text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
    SELECT sum((p / 10) + (p % 10))::int
    FROM (SELECT substr(digits, i, 1)::int * (2 - (i - 1) % 2) AS p FROM generate_series(1, length(digits)) AS i) AS x
  $$`;

/** Every personnummer of the test series (980–999) born 30 days to about 19 years ago, with its check digit. */
export const testSeriesSql = `
  WITH d AS MATERIALIZED (
    SELECT current_date - 30 - k AS birth_date, to_char(current_date - 30 - k, 'YYYYMMDD') AS ymd, pg_temp.bench_luhn_sum(to_char(current_date - 30 - k, 'YYMMDD')) AS s
    FROM generate_series(0, 6870) AS k),
  n AS MATERIALIZED (SELECT b, pg_temp.bench_luhn_sum(b::text) AS s FROM generate_series(980, 999) AS b)
  SELECT d.birth_date, n.b, d.ymd || n.b::text || ((10 - (d.s + n.s) % 10) % 10)::text AS identity_number FROM d, n`;
