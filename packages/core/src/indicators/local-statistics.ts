import { z } from 'zod';
import { koladaStatusOf, type KoladaGender, type KoladaValueStatus } from './kolada.ts';

/**
 * Local statistics (source kind `local`): a municipality's or the county's own yearly figures for
 * an indicator, from a CSV or Excel file whose columns the analyst maps. Each row is checked here,
 * without I/O, so the preview and the import report the same errors per row. A missing value keeps
 * its reason as Kolada's do ("..", ".", "-"); it is never a bare null.
 */

const column = z.string().trim().min(1).max(100);

export const LocalColumnMapping = z.object({
  year: column,
  /** A kommunkod (4 digits) or the county as Kolada writes it, `00` and the county code (0099). */
  municipality: column,
  schoolUnit: column.nullable().default(null),
  /** T (all), K (girls and women), M (boys and men). */
  gender: column,
  value: column,
  count: column.nullable().default(null),
  /** The reason for a missing value: `..`, `.`, `-` or the words. */
  status: column.nullable().default(null),
});
export type LocalColumnMapping = z.infer<typeof LocalColumnMapping>;

export const localFileFormats = ['csv', 'xlsx'] as const;

export const LocalImportUpload = z.object({
  fileName: z.string().trim().min(1).max(255),
  format: z.enum(localFileFormats),
  /** CSV as text; an Excel workbook as base64 (its first sheet is read). */
  content: z.string().min(1, { message: 'required' }),
  mapping: LocalColumnMapping,
  /** Without it, a file with a bad row writes nothing; with it, only the good rows are written. */
  skipInvalidRows: z.boolean().default(false),
});
export type LocalImportUpload = z.infer<typeof LocalImportUpload>;

export const LocalRowError = z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string() });
export type LocalRowError = z.infer<typeof LocalRowError>;

export interface LocalRow {
  year: number;
  municipality: string;
  /** '' when the row is for the whole municipality. */
  schoolUnit: string;
  gender: KoladaGender;
  value: number | null;
  status: KoladaValueStatus;
  count: number | null;
}

type Field = keyof LocalColumnMapping;
export type LocalLayout = Record<Field, number | null>;

/** Where each mapped column is in the header; a mapped column that is not there is an error. */
export function localLayout(header: readonly string[], mapping: LocalColumnMapping): { layout: LocalLayout | null; errors: LocalRowError[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const errors: LocalRowError[] = [];
  const layout = {} as LocalLayout;
  for (const field of Object.keys(mapping) as Field[]) {
    const name = mapping[field];
    if (name === null) {
      layout[field] = null;
      continue;
    }
    const index = names.indexOf(name.trim().toLowerCase());
    if (index < 0) errors.push({ line: 1, column: name, code: 'column_missing' });
    layout[field] = index;
  }
  return errors.length > 0 ? { layout: null, errors } : { layout, errors };
}

const statusWords: Record<string, KoladaValueStatus> = { '..': 'confidential', '.': 'not_applicable', '-': 'missing', ok: 'ok', confidential: 'confidential', not_applicable: 'not_applicable', missing: 'missing', sekretess: 'confidential', 'ej tillämplig': 'not_applicable', saknas: 'missing' };

function number(text: string): number | null | undefined {
  const t = text.replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(t) ? n : undefined;
}

/** One data row read with the layout: the row, or every error it has (each with its column). */
export function parseLocalRow(fields: readonly string[], line: number, layout: LocalLayout, mapping: LocalColumnMapping): { row: LocalRow } | { errors: LocalRowError[] } {
  const errors: LocalRowError[] = [];
  const get = (f: Field) => (layout[f] === null ? '' : (fields[layout[f]] ?? '').trim());
  const fail = (f: Field, code: string) => errors.push({ line, column: mapping[f], code });
  const year = Number(get('year'));
  if (!/^\d{4}$/.test(get('year')) || year < 1990 || year > 2100) fail('year', 'year_invalid');
  const municipality = get('municipality');
  if (!/^\d{4}$/.test(municipality)) fail('municipality', 'municipality_invalid');
  const schoolUnit = get('schoolUnit');
  if (schoolUnit !== '' && !/^[0-9A-Za-z]{1,20}$/.test(schoolUnit)) fail('schoolUnit', 'school_unit_invalid');
  const gender = get('gender').toUpperCase();
  if (gender !== 'T' && gender !== 'K' && gender !== 'M') fail('gender', 'gender_invalid');
  const value = number(get('value'));
  if (value === undefined) fail('value', 'value_invalid');
  const count = number(get('count'));
  if (count === undefined || (count !== null && (!Number.isInteger(count) || count < 0))) fail('count', 'count_invalid');
  const statusText = get('status').toLowerCase();
  const named = statusText === '' ? undefined : statusWords[statusText];
  if (statusText !== '' && named === undefined) fail('status', 'status_invalid');
  const status = named ?? koladaStatusOf(null, value ?? null);
  // A number beside a reason for its absence contradicts itself; a reason "ok" needs a number.
  if (value !== undefined && value !== null && status !== 'ok') fail('status', 'value_with_status');
  if (value === null && status === 'ok') fail('value', 'value_missing');
  if (errors.length > 0) return { errors };
  return { row: { year, municipality, schoolUnit, gender: gender as KoladaGender, value: value ?? null, status, count: count ?? null } };
}

/** The key of a value: one per indicator × place × school unit × year × gender. */
export const localRowKey = (r: Pick<LocalRow, 'municipality' | 'schoolUnit' | 'year' | 'gender'>): string => [r.municipality, r.schoolUnit, r.year, r.gender].join('|');

export interface LocalCheck {
  rows: LocalRow[];
  errors: LocalRowError[];
  /** Rows with at least one error (or a repeat of an earlier row's key). */
  rejected: number;
  total: number;
}

/**
 * Checks rows one at a time (an import reports its progress between slices); a second row for the
 * same key is an error, so a file says one thing about each figure.
 */
export class LocalRowChecker {
  readonly rows: LocalRow[] = [];
  readonly errors: LocalRowError[] = [];
  rejected = 0;
  total = 0;
  private readonly seen = new Set<string>();
  constructor(
    private readonly layout: LocalLayout,
    private readonly mapping: LocalColumnMapping,
    private readonly keep = 200,
  ) {}

  add(line: number, fields: readonly string[]): void {
    if (fields.every((f) => f.trim() === '')) return;
    this.total += 1;
    const result = parseLocalRow(fields, line, this.layout, this.mapping);
    let rowErrors = 'errors' in result ? result.errors : [];
    if ('row' in result) {
      const key = localRowKey(result.row);
      if (this.seen.has(key)) rowErrors = [{ line, column: null, code: 'duplicate_row' }];
      else {
        this.seen.add(key);
        this.rows.push(result.row);
      }
    }
    if (rowErrors.length === 0) return;
    this.rejected += 1;
    if (this.errors.length < this.keep) this.errors.push(...rowErrors.slice(0, this.keep - this.errors.length));
  }
}

/** Every data row checked at once (the preview). */
export function checkLocalRows(rows: Iterable<{ line: number; fields: readonly string[] }>, layout: LocalLayout, mapping: LocalColumnMapping, keep = 200): LocalCheck {
  const checker = new LocalRowChecker(layout, mapping, keep);
  for (const { line, fields } of rows) checker.add(line, fields);
  return { rows: checker.rows, errors: checker.errors, rejected: checker.rejected, total: checker.total };
}

export const LocalPreviewView = z.object({
  header: z.array(z.string()),
  total: z.number().int(),
  valid: z.number().int(),
  rejected: z.number().int(),
  /** The first errors, each with its line (the header is line 1), column and code. */
  errors: z.array(LocalRowError),
  /** The first rows as they would be written. */
  sample: z.array(z.object({ year: z.number().int(), municipality: z.string(), schoolUnit: z.string(), gender: z.enum(['T', 'K', 'M']), value: z.number().nullable(), status: z.enum(['ok', 'confidential', 'not_applicable', 'missing']), count: z.number().int().nullable() })),
});
export type LocalPreviewView = z.infer<typeof LocalPreviewView>;

export const localImportStatuses = ['reading', 'saving', 'done', 'failed'] as const;

export const LocalImportView = z.object({
  id: z.uuid(),
  indicatorId: z.string(),
  fileName: z.string(),
  format: z.enum(localFileFormats),
  status: z.enum(localImportStatuses),
  importedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  counts: z.object({ added: z.number().int(), revised: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  errors: z.array(LocalRowError),
  /** A failed import's reason: `rows_invalid` (bad rows and no leave to skip them), `no_rows`, `internal_error`. */
  failure: z.string().nullable(),
});
export type LocalImportView = z.infer<typeof LocalImportView>;
export const LocalImportList = z.object({ imports: z.array(LocalImportView) });

export const LocalValueView = z.object({
  municipality: z.string(),
  schoolUnit: z.string().nullable(),
  year: z.number().int(),
  gender: z.enum(['T', 'K', 'M']),
  value: z.number().nullable(),
  status: z.enum(['ok', 'confidential', 'not_applicable', 'missing']),
  count: z.number().int().nullable(),
  /** Earlier versions, newest first: a re-import that revises a figure keeps the old one. */
  history: z.array(z.object({ value: z.number().nullable(), status: z.enum(['ok', 'confidential', 'not_applicable', 'missing']), replacedAt: z.iso.datetime() })),
});
export const LocalValueList = z.object({ values: z.array(LocalValueView) });
