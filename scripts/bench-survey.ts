/**
 * npm run bench:survey: 1,000,000 generated respondents with 40 questions, imported into
 * PostgreSQL through the same code as the API's import (parse, sums, COPY of the raw rows and the
 * pre-aggregated table), then a dashboard panel timed: one indicator by municipality × gender ×
 * year (all grades), with Wilson intervals, Kish's n, Newcombe's change and suppression — the
 * service behind GET /api/open/survey-estimates. In the same run DuckDB (a dev dependency, only the
 * yardstick) scans the same raw rows for the same aggregation.
 *
 * Needs DATABASE_URL (a login with CREATEDB); the bench makes its own temporary database and drops
 * it. Environment: BENCH_SURVEY_ROWS (1000000), BENCH_SURVEY_RUNS (100; a p95 of 30 runs is their second slowest). Prints a table and one JSON line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { headerLine, respondentLayout, type SurveyQuestion } from '@samsyn/core';
import { sql } from 'kysely';
import { openDatabase } from '../packages/server/src/db/database.ts';
import { runSurveyImport } from '../packages/server/src/surveys/import.ts';
import { estimates } from '../packages/server/src/surveys/service.ts';
import { listSurveys } from '../packages/server/src/surveys/queries.ts';
import { systemClock } from '../packages/server/src/clock.ts';
import { prepareTempPostgres, redactUrl } from './bench/server.ts';
import { Cleanup, envInt, progress } from './bench/util.ts';

const rows = envInt('BENCH_SURVEY_ROWS', 1_000_000);
const runs = envInt('BENCH_SURVEY_RUNS', 100);
// Untimed runs first, for both sides alike: V8 optimises the panel's JavaScript only after some
// calls (the first thirty panels took twice as long as the next thirty), as a running server has long done.
const warmupRuns = 100;
const questionCount = 40;
const municipalities = Array.from({ length: 50 }, (_, i) => String(1001 + i));
const years = [2014, 2017, 2020, 2023, 2026];
const grades = ['7', '9', 'gy2'];
const cleanup = new Cleanup(30_000);

const options = [1, 2, 3, 4].map((code) => ({ code, labelSv: `svar ${code}`, labelEn: `answer ${code}` }));
const questions: SurveyQuestion[] = Array.from({ length: questionCount }, (_, i) => ({ id: `q${i + 1}`, textSv: `Fråga ${i + 1}`, textEn: `Question ${i + 1}`, options }));

/** A deterministic generator (an LCG): the same file every run. */
function generate(): string {
  let state = 20_261_202;
  const next = () => ((state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
  const parts = [`year;municipality;school_unit;grade;gender;weight;${questions.map((q) => q.id).join(';')}`];
  for (let i = 0; i < rows; i++) {
    const m = Math.floor(next() * municipalities.length);
    const answers: string[] = [];
    for (let q = 0; q < questionCount; q++) {
      const r = next();
      answers.push(r < 0.02 ? '' : String(1 + Math.floor(((r - 0.02) / 0.98) * 4)));
    }
    const weight = (0.8 + next() * 0.4).toFixed(3);
    parts.push(`${years[Math.floor(next() * years.length)]};${municipalities[m]};;${grades[Math.floor(next() * 3)]};${next() < 0.5 ? 'K' : 'M'};${weight};${answers.join(';')}`);
  }
  return parts.join('\n') + '\n';
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await f();
  return [performance.now() - start, result];
}

/** Generates the file, writes it for DuckDB and imports it; the text lives only while this runs. Returns the import's milliseconds. */
async function generateAndImport(file: string, run: (content: string) => Promise<void>): Promise<number> {
  progress(`generating ${rows.toLocaleString('sv-SE')} respondents × ${questionCount} questions`);
  const content = generate();
  progress(`file: ${(content.length / 1e6).toFixed(0)} MB`);
  await writeFile(file, content);
  progress('importing (parse, sums, COPY)');
  const [ms] = await time(() => run(content));
  return ms;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('bench:survey needs DATABASE_URL (PostgreSQL)');
  const load = os.loadavg();
  const temp = await prepareTempPostgres(databaseUrl, cleanup);
  progress(`database: ${redactUrl(temp.env.DATABASE_URL!)}`);
  const database = await openDatabase({ databaseUrl: temp.env.DATABASE_URL!, poolSize: 4 });
  cleanup.add('close the database', () => database.close());
  const { db } = database;
  const clock = systemClock(0);
  const now = clock.now();
  const org = await db.insertInto('organisation').values({ name: 'Benchmark region', kind: 'region', created_at: now }).returning('id').executeTakeFirstOrThrow();
  const user = await db.insertInto('app_user').values({ username: 'bench', display_name: 'Bench', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('survey').values({ id: 'bench', name_sv: 'Bench', name_en: 'Bench', grades, questions: JSON.stringify(questions), owner_organisation_id: org.id, created_by: user.id, created_at: now, updated_at: now }).execute();
  await db.insertInto('indicator').values({ id: 'bench.q1', name_sv: 'Bench q1', name_en: 'Bench q1', unit: 'percent', direction: 'higher_is_better', priority_area: 'mental_health', source_kind: 'survey', source_ref: 'bench/q1', breakdowns: ['year', 'municipality', 'gender'], owner_organisation_id: org.id, created_by: user.id, created_at: now, updated_at: now }).execute();
  await db.insertInto('survey_indicator').values({ indicator_id: 'bench.q1', survey_id: 'bench', question_id: 'q1', counting_answers: [1, 2] }).execute();

  // The file is written for DuckDB at once, and the import's text is let go before the panel is
  // timed: a 100 MB string and the import's leftovers kept alive made each young-generation
  // collection cost 6–9 ms, a heap the server does not have once its import is done.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samsyn-bench-survey-'));
  cleanup.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'respondents.csv');
  const survey = (await listSurveys(db, 'bench'))[0]!;
  const imported = await db.insertInto('survey_import').values({ survey_id: 'bench', file_name: 'bench.csv', file_sha256: 'bench', status: 'reading', imported_by: user.id, started_at: now, questions: questions.map((q) => q.id), total_rows: rows }).returning('id').executeTakeFirstOrThrow();
  const importMs = await generateAndImport(file, (content) => {
    const { layout } = respondentLayout(headerLine(content), survey);
    return runSurveyImport({ db, bulk: database.bulk, clock }, { importId: imported.id, survey, layout: layout!, content, replaceWave: false, skipInvalidRows: false, audit: { actorId: user.id, actorUsername: 'bench', requestId: null, clientIp: null } });
  });
  const state = await db.selectFrom('survey_import').select(['status', 'imported_rows', 'failure']).where('id', '=', imported.id).executeTakeFirstOrThrow();
  if (state.status !== 'done') throw new Error(`import ended ${state.status}: ${state.failure}`);
  const aggregateRows = Number((await db.selectFrom('survey_aggregate').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  await database.ownerScript.exec('ANALYZE survey_aggregate; ANALYZE survey_import; ANALYZE survey_indicator');

  progress(`panel × ${runs}`);
  const panelMs: number[] = [];
  let cells = 0;
  for (let i = 0; i < runs + warmupRuns; i++) {
    const [ms, view] = await time(() => estimates(db, { indicator: 'bench.q1', grade: 'all' }, { threshold: 10 }));
    if (i >= warmupRuns) panelMs.push(ms);
    cells = view.cells.length;
  }
  progress('plain PostgreSQL GROUP BY over the raw rows (once, for scale)');
  const [rawPgMs] = await time(() => sql`SELECT year, municipality, gender, count(answers[1]), sum(weight), sum(weight * weight), sum(weight) FILTER (WHERE answers[1] IN (1, 2)) FROM survey_respondent GROUP BY year, municipality, gender`.execute(db));

  progress('DuckDB: loading the same rows');
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  const [duckLoadMs] = await time(() => duck.run(`CREATE TABLE r AS SELECT * FROM read_csv('${file}', delim = ';', header = true)`));
  const duckQuery = `SELECT year, municipality, gender, count(q1), sum(weight), sum(weight * weight), sum(weight) FILTER (WHERE q1 IN (1, 2)) FROM r GROUP BY ALL`;
  const duckMs: number[] = [];
  for (let i = 0; i < runs + warmupRuns; i++) {
    const [ms] = await time(() => duck.runAndReadAll(duckQuery));
    if (i >= warmupRuns) duckMs.push(ms);
  }
  const figures = {
    rows,
    questions: questionCount,
    importSeconds: importMs / 1000,
    importRowsPerSecond: Math.round(rows / (importMs / 1000)),
    aggregateRows,
    panelCells: cells,
    panelP50Ms: percentile(panelMs, 50),
    panelP95Ms: percentile(panelMs, 95),
    duckdbScanP50Ms: percentile(duckMs, 50),
    duckdbScanP95Ms: percentile(duckMs, 95),
    duckdbLoadSeconds: duckLoadMs / 1000,
    ratioPanelToDuckdb: percentile(panelMs, 95) / percentile(duckMs, 95),
    plainPostgresGroupByMs: rawPgMs,
    loadAverageAtStart: load.map((l) => Number(l.toFixed(2))),
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  const f1 = (n: number) => n.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  console.log(`| measure | value |
|---|---|
| import (parse, sums, COPY) | ${f1(figures.importSeconds)} s, ${figures.importRowsPerSecond.toLocaleString('sv-SE')} rows/s |
| pre-aggregated rows | ${aggregateRows.toLocaleString('sv-SE')} |
| panel p50 / p95 (${cells} cells) | ${f1(figures.panelP50Ms)} / ${f1(figures.panelP95Ms)} ms |
| DuckDB scan of the raw rows p50 / p95 | ${f1(figures.duckdbScanP50Ms)} / ${f1(figures.duckdbScanP95Ms)} ms |
| panel p95 ÷ DuckDB p95 | ${figures.ratioPanelToDuckdb.toFixed(2)} |
| plain PostgreSQL GROUP BY over the raw rows | ${f1(rawPgMs)} ms |
| load average at start / end | ${figures.loadAverageAtStart.join(' ')} / ${figures.loadAverageAtEnd.join(' ')} |`);
  console.log(JSON.stringify(figures));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
