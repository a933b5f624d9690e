import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { parseCsv } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { measureProject, readableProject } from './access.ts';
import { periodOf } from './charts.ts';
import { entryError, writeValues } from './service.ts';

/**
 * Values from a CSV file: `period;value`, or `period;numerator;denominator` for a proportion
 * (`;` or `,`, a decimal comma allowed). Without `accept` it only previews, row by row with
 * each row's error; with it, nothing is written unless every row is valid. Periods are
 * normalised and replace what is there, so importing the same file twice changes nothing.
 */

const number = (s: string | undefined) => {
  const t = (s ?? '').trim().replace(/\s/g, '').replace(',', '.');
  return t === '' ? null : Number.isFinite(Number(t)) ? Number(t) : Number.NaN;
};

/** A real calendar day written as YYYY-MM-DD (2026-02-30 is not). */
const realDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

export async function importCsv(db: Kysely<DB>, request: FastifyRequest, measureId: string, input: { csv: string; accept: boolean }) {
  const projectId = await measureProject(db, measureId);
  const { canEdit } = await readableProject(db, request, projectId);
  if (!canEdit) throw new AppError('not_team_member');
  const m = await db.selectFrom('improvement_measure').select(['kind', 'frequency']).where('id', '=', measureId).executeTakeFirstOrThrow();
  const existing = new Set((await db.selectFrom('improvement_value').select('period_start').where('measure_id', '=', measureId).execute()).map((r) => r.period_start));
  const parsed = parseCsv(input.csv);
  const isP = m.kind === 'proportion';
  const seen = new Set<string>();
  const rows = parsed.rows.map(({ line, fields }) => {
    const [day = '', a, b] = fields.map((f) => f.trim());
    const entry = isP ? { period: day, value: null, numerator: number(a), denominator: number(b) } : { period: day, value: number(a), numerator: null, denominator: null };
    let error: string | null = null;
    if (!realDay(day)) error = 'invalid_date';
    else if ([entry.value, entry.numerator, entry.denominator].some((v) => Number.isNaN(v))) error = 'invalid_number';
    else if (isP && [entry.numerator, entry.denominator].some((v) => v !== null && !Number.isInteger(v))) error = 'whole_numbers_required';
    else if (isP && entry.denominator !== null && entry.denominator < 1) error = 'denominator_below_one';
    else error = entryError(m.kind, entry);
    const period = error === 'invalid_date' ? day : periodOf(day, m.frequency);
    if (!error && seen.has(period)) error = 'duplicate_period';
    seen.add(period);
    return { line, period, value: entry.value, numerator: entry.numerator, denominator: entry.denominator, error, replaces: existing.has(period) };
  });
  const invalidRows = rows.filter((r) => r.error !== null).length;
  const preview = { rows, valid: rows.length - invalidRows, invalid: invalidRows, written: 0 };
  if (!input.accept || invalidRows > 0 || rows.length === 0) return preview;
  const written = await db.transaction().execute((trx) => writeValues(trx, request, measureId, rows.map((r) => ({ period: r.period, value: r.value, numerator: r.numerator, denominator: r.denominator })), 'improvement.values.import'));
  return { ...preview, written };
}
