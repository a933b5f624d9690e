import { sql, type Kysely, type Transaction } from 'kysely';
import type { CellSums } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { reusableQuery } from '../db/reusable-query.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Which cells to build: those of one import (its sums were just saved) or of one indicator (its link changed). */
export type CellsScope = { importId: string } | { indicatorId: string };

/**
 * The places of an indicator's cells in one import as stored: parallel arrays, one place per base
 * cell (year × municipality × gender × grade); the cell's sums are the same place's four float8s
 * in `sums` (migration 0048). A panel reads one row per import rather than 1,500.
 */
interface StoredPlaces {
  year: number[];
  area: string[];
  gender: CellSums['gender'][];
  grade: string[];
}

/** The four sums of each cell, in this order, as big-endian float8s (PostgreSQL's `float8send`). */
const SUMS_PER_CELL = 4;

/**
 * Builds the stored cells of the scope from survey_aggregate, in the caller's transaction: the
 * scope's old documents go, and each indicator × import whose sums exist gets one anew (every
 * import with sums, whatever its status: the panel reads only those in force). The same sums as
 * the GROUP BY the panel ran before (indicator-cells.test.ts compares them); migration 0048 ran this
 * statement once over the sums already stored.
 */
export async function buildIndicatorCells(db: Db, scope: CellsScope): Promise<void> {
  for (const query of buildStatements(scope)) await query.execute(db);
}

/** The same statements as SQL text and values, for the import's bulk session (one transaction with its COPY). */
export function buildIndicatorCellsSql(db: Db, scope: CellsScope): { sql: string; parameters: unknown[] }[] {
  return buildStatements(scope).map((q) => {
    const compiled = q.compile(db);
    return { sql: compiled.sql, parameters: [...compiled.parameters] };
  });
}

function buildStatements(scope: CellsScope) {
  const importId = 'importId' in scope ? scope.importId : null;
  const indicatorId = 'indicatorId' in scope ? scope.indicatorId : null;
  const inScope = (importColumn: string, indicatorColumn: string) =>
    importId !== null ? sql`${sql.ref(importColumn)} = ${importId}::uuid` : sql`${sql.ref(indicatorColumn)} = ${indicatorId}`;
  return [
    sql`DELETE FROM survey_indicator_cells c WHERE ${inScope('c.import_id', 'c.indicator_id')}`,
    sql`
      INSERT INTO survey_indicator_cells (indicator_id, import_id, cells, sums)
      SELECT s.indicator_id, s.import_id,
        json_build_object('year', array_agg(s.year), 'area', array_agg(s.municipality), 'gender', array_agg(s.gender), 'grade', array_agg(s.grade)),
        -- One aggregate step feeds every aggregate the same row: the places and the sums stay aligned.
        string_agg(float8send(s.respondents) || float8send(s.weight) || float8send(s.squared_weight) || float8send(s.counting_weight), ''::bytea)
      FROM (
        SELECT l.indicator_id, a.import_id, a.year, a.municipality, a.gender, a.grade, sum(a.respondents)::int AS respondents, sum(a.weight_sum) AS weight,
          sum(a.weight_squared_sum) AS squared_weight, coalesce(sum(a.weight_sum) FILTER (WHERE a.answer = ANY (l.counting_answers)), 0) AS counting_weight
        FROM survey_indicator l
        JOIN survey_import i ON i.survey_id = l.survey_id
        JOIN survey_aggregate a ON a.import_id = i.id AND a.question = array_position(i.questions, l.question_id)
        WHERE ${inScope('i.id', 'l.indicator_id')}
        GROUP BY l.indicator_id, a.import_id, a.year, a.municipality, a.gender, a.grade
      ) s
      GROUP BY s.indicator_id, s.import_id`,
  ];
}

/**
 * The base cells of an indicator over the imports in force, what a panel estimates from: one
 * document per wave, read whole. Imports in force never share a year (a new wave for a year
 * already imported is refused or replaces it), so their cells are simply put together.
 */
export async function indicatorSums(db: Db, indicatorId: string): Promise<CellSums[]> {
  const rows = await cellsOfIndicator(db, { indicatorId });
  const out: CellSums[] = [];
  for (const row of rows) {
    const places = row.cells as unknown as StoredPlaces;
    const sums = new DataView(row.sums.buffer, row.sums.byteOffset, row.sums.byteLength);
    if (sums.byteLength !== places.year.length * SUMS_PER_CELL * 8) throw new Error('survey_indicator_cells: the sums do not match the places');
    for (let i = 0; i < places.year.length; i++) {
      const at = i * SUMS_PER_CELL * 8;
      out.push({ year: places.year[i]!, area: places.area[i]!, gender: places.gender[i]!, grade: places.grade[i]!, respondents: sums.getFloat64(at), weight: sums.getFloat64(at + 8), squaredWeight: sums.getFloat64(at + 16), countingWeight: sums.getFloat64(at + 24) });
    }
  }
  return out;
}

const cellsOfIndicator = reusableQuery(['indicatorId'], (db, p) =>
  db
    .selectFrom('survey_indicator_cells as c')
    .innerJoin('survey_import as i', (j) => j.onRef('i.id', '=', 'c.import_id').on('i.status', '=', 'done'))
    .select(['c.cells', 'c.sums'])
    .where('c.indicator_id', '=', p.indicatorId),
);
