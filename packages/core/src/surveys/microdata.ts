/**
 * Survey microdata: a CSV file with one row per respondent. The fixed columns come first (any
 * order, English or Swedish names), then one column per question, named by the question's id:
 *
 *   year;municipality;school_unit;grade;gender;weight;q_health;q_sleep;…
 *   2024;9901;99010001;9;K;1.12;2;1;…
 *
 * `school_unit` and `weight` are optional (a missing weight is 1). Gender is K or M; a blank or X
 * (another answer, or none) counts in the total only. A blank answer is no answer to that question.
 * Parsing is pure and streams: the server hands it the file in slices and writes what it returns.
 */
import type { SurveyQuestion, SurveyRowError } from './schema.ts';

export const fixedColumns = {
  year: ['year', 'år', 'ar'],
  municipality: ['municipality', 'kommun', 'kommunkod'],
  school_unit: ['school_unit', 'skolenhet', 'skolenhetskod'],
  grade: ['grade', 'årskurs', 'arskurs'],
  gender: ['gender', 'kön', 'kon'],
  weight: ['weight', 'vikt'],
} as const;
type FixedColumn = keyof typeof fixedColumns;
const requiredColumns: readonly FixedColumn[] = ['year', 'municipality', 'grade', 'gender'];

/** K, M, or X (another answer or none: in the total only, never shown on its own). */
export type RespondentGender = 'K' | 'M' | 'X';

export interface Respondent {
  year: number;
  municipality: string;
  schoolUnit: string | null;
  grade: string;
  gender: RespondentGender;
  weight: number;
  /** By question, in the survey's order; null where the respondent did not answer. */
  answers: (number | null)[];
}

export interface RespondentLayout {
  separator: ';' | ',';
  fixed: Partial<Record<FixedColumn, number>>;
  /** For each of the survey's questions, its column (or -1 when the file does not have it). */
  questions: number[];
  questionIds: string[];
  allowed: Set<number>[];
  grades: Set<string>;
  municipalities: Set<string> | null;
  width: number;
}

export interface LayoutResult {
  layout: RespondentLayout | null;
  errors: SurveyRowError[];
  ignoredColumns: string[];
}

const normalise = (h: string) => h.trim().replace(/^\uFEFF/, '').toLowerCase();

/** Reads the header: which column is which. Missing fixed columns or no question at all is an error. */
export function respondentLayout(headerLine: string, survey: { grades: readonly string[]; questions: readonly SurveyQuestion[] }, municipalities?: ReadonlySet<string>): LayoutResult {
  const separator = headerLine.split(';').length >= headerLine.split(',').length ? ';' : ',';
  const header = splitFields(headerLine, separator).map(normalise);
  const fixed: Partial<Record<FixedColumn, number>> = {};
  const errors: SurveyRowError[] = [];
  const byName = new Map(header.map((h, i) => [h, i]));
  for (const [column, names] of Object.entries(fixedColumns) as [FixedColumn, readonly string[]][]) {
    const at = names.map((n) => byName.get(n)).find((i) => i !== undefined);
    if (at !== undefined) fixed[column] = at;
    else if (requiredColumns.includes(column)) errors.push({ line: 1, column, code: 'column_missing' });
  }
  const questions = survey.questions.map((q) => byName.get(q.id.toLowerCase()) ?? -1);
  if (questions.every((i) => i === -1)) errors.push({ line: 1, column: null, code: 'no_questions' });
  const used = new Set([...Object.values(fixed), ...questions]);
  const ignoredColumns = header.filter((_, i) => !used.has(i));
  if (errors.length > 0) return { layout: null, errors, ignoredColumns };
  return {
    layout: {
      separator,
      fixed,
      questions,
      questionIds: survey.questions.map((q) => q.id),
      allowed: survey.questions.map((q) => new Set(q.options.map((o) => o.code))),
      grades: new Set(survey.grades),
      municipalities: municipalities ? new Set(municipalities) : null,
      width: header.length,
    },
    errors: [],
    ignoredColumns,
  };
}

/** Splits one line into fields; quotes (RFC 4180) only cost when the line has them. */
export function splitFields(line: string, separator: string): string[] {
  if (!line.includes('"')) return line.split(separator);
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

const yearPattern = /^\d{4}$/;
const municipalityPattern = /^\d{4}$/;
const schoolUnitPattern = /^[A-Za-z0-9_-]{1,20}$/;

/** One row, or every reason it is refused (each with its column). */
export function parseRespondent(line: string, lineNumber: number, layout: RespondentLayout): { row: Respondent } | { errors: SurveyRowError[] } {
  const f = splitFields(line, layout.separator);
  const errors: SurveyRowError[] = [];
  const fail = (column: string | null, code: string) => void errors.push({ line: lineNumber, column, code });
  if (f.length !== layout.width) return { errors: [{ line: lineNumber, column: null, code: 'column_count' }] };
  const at = (c: FixedColumn) => (layout.fixed[c] === undefined ? '' : f[layout.fixed[c]]!.trim());
  const yearText = at('year');
  const year = Number(yearText);
  if (!yearPattern.test(yearText) || year < 1990 || year > 2100) fail('year', 'year_invalid');
  const municipality = at('municipality');
  if (!municipalityPattern.test(municipality)) fail('municipality', 'municipality_invalid');
  else if (layout.municipalities && !layout.municipalities.has(municipality)) fail('municipality', 'municipality_unknown');
  const school = at('school_unit');
  if (school !== '' && !schoolUnitPattern.test(school)) fail('school_unit', 'school_unit_invalid');
  const grade = at('grade').toLowerCase();
  if (!layout.grades.has(grade)) fail('grade', 'grade_unknown');
  const genderText = at('gender').toUpperCase();
  const gender: RespondentGender | null = genderText === 'K' || genderText === 'M' ? genderText : genderText === '' || genderText === 'X' ? 'X' : null;
  if (gender === null) fail('gender', 'gender_invalid');
  const weightText = at('weight').replace(',', '.');
  const weight = weightText === '' ? 1 : Number(weightText);
  if (!(Number.isFinite(weight) && weight > 0 && weight < 10_000)) fail('weight', 'weight_invalid');
  const answers: (number | null)[] = new Array<number | null>(layout.questions.length);
  for (let q = 0; q < layout.questions.length; q++) {
    const column = layout.questions[q]!;
    const raw = column === -1 ? '' : f[column]!;
    // The common case, one digit, without allocating a trimmed copy.
    const digit = raw.length === 1 ? raw.charCodeAt(0) - 48 : -1;
    if (digit >= 0 && digit <= 9 && layout.allowed[q]!.has(digit)) {
      answers[q] = digit;
      continue;
    }
    const value = raw.trim();
    if (value === '') {
      answers[q] = null;
      continue;
    }
    const code = Number(value);
    if (!Number.isInteger(code) || !layout.allowed[q]!.has(code)) fail(layout.questionIds[q]!, 'answer_invalid');
    answers[q] = code;
  }
  if (errors.length > 0) return { errors };
  return { row: { year, municipality, schoolUnit: school === '' ? null : school, grade, gender: gender!, weight, answers } };
}

/** The line as PostgreSQL's COPY text format reads it (the fields above were checked to need no escapes). */
export function copyLine(r: Respondent): string {
  return `${r.year}\t${r.municipality}\t${r.schoolUnit ?? '\\N'}\t${r.grade}\t${r.gender}\t${r.weight}\t{${r.answers.map((a) => (a === null ? 'NULL' : a)).join(',')}}\n`;
}

/** Yields the file's lines after the header with their line numbers (1 is the header); blank lines are skipped. */
export function* fileLines(content: string): Generator<{ line: string; number: number }> {
  let start = 0;
  let number = 0;
  while (start < content.length) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    number += 1;
    const line = content.charCodeAt(end - 1) === 13 ? content.slice(start, end - 1) : content.slice(start, end);
    start = end + 1;
    if (number === 1 || line.trim() === '') continue;
    yield { line, number };
  }
}

/** The header line of a file. */
export function headerLine(content: string): string {
  const end = content.indexOf('\n');
  return (end === -1 ? content : content.slice(0, end)).replace(/\r$/, '');
}

/** How many data lines a file has (for the progress), counted without splitting it. */
export function countDataLines(content: string): number {
  let lines = 0;
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) lines += 1;
  if (content.length > 0 && !content.endsWith('\n')) lines += 1;
  return Math.max(0, lines - 1);
}
