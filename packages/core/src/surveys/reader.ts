/**
 * The import's reader: each line of a microdata file is checked, summed into the pre-aggregate
 * and written as a row of PostgreSQL's binary COPY format, straight into byte buffers (the
 * server's text input of 40 `smallint[]` elements a row cost more than everything else). A million
 * rows of 40 answers are 46 million fields, so the common line (no quotes, no spaces, one-digit
 * answers) is read by character codes without splitting it or building a row object; any other
 * line goes to `parseRespondent`, which decides it and names its errors. The fast path accepts a
 * line only when `parseRespondent` would accept it with the same values.
 */
import type { SurveyAggregator } from './aggregate.ts';
import { parseRespondent, type Respondent, type RespondentGender, type RespondentLayout } from './microdata.ts';
import type { SurveyRowError } from './schema.ts';

const CHUNK = 1 << 20;
const utf8 = new TextEncoder();
const COMMA = 44;
const ZERO = 48;
/** survey_respondent's columns, in the order the rows are written. */
export const respondentCopyColumns = ['import_id', 'year', 'municipality', 'school_unit', 'grade', 'gender', 'weight', 'answers'] as const;
/** The binary COPY header: signature, flags, no extension. */
const HEADER = [...'PGCOPY\n\xff\r\n\0'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0, 0, 0, 0, 0]);
/** smallint's type oid, as an array's elements are tagged. */
const INT2_OID = 21;

const isDigit = (c: number) => c >= 48 && c <= 57;
/** The school unit's characters: letters, digits, `-` and `_` (as microdata.ts's pattern). */
const isSchoolChar = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;

export class RespondentReader {
  /** Rows accepted so far. */
  rows = 0;
  private readonly chunks: Uint8Array[] = [];
  private buffer = new Uint8Array(CHUNK);
  private view = new DataView(this.buffer.buffer);
  private at = 0;
  private readonly importId: Uint8Array;
  private readonly separator: number;
  private readonly starts: Int32Array;
  private readonly answers: Int16Array;
  /** Whether question q takes the one-digit code d, at q × 10 + d (a Set lookup per answer costs). */
  private readonly allowedDigit: Uint8Array;
  private readonly column: Record<'year' | 'municipality' | 'school_unit' | 'grade' | 'gender' | 'weight', number>;
  /** The longest line a row can become, so a chunk is never overrun. */
  private readonly rowBound: number;

  /** `importId`: the uuid every row begins with. */
  constructor(private readonly layout: RespondentLayout, private readonly aggregator: SurveyAggregator, importId: string) {
    const hex = importId.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new RangeError(`not a uuid: ${importId}`);
    this.importId = Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
    this.separator = layout.separator.charCodeAt(0);
    this.starts = new Int32Array(layout.width + 1);
    this.answers = new Int16Array(layout.questions.length);
    this.allowedDigit = new Uint8Array(layout.questions.length * 10);
    layout.allowed.forEach((codes, q) => codes.forEach((code) => code < 10 && (this.allowedDigit[q * 10 + code] = 1)));
    const f = layout.fixed;
    this.column = { year: f.year!, municipality: f.municipality!, school_unit: f.school_unit ?? -1, grade: f.grade!, gender: f.gender!, weight: f.weight ?? -1 };
    this.rowBound = 160 + layout.questions.length * 6;
    this.putBytes(HEADER);
  }

  /** Reads one data line: null when it is accepted, else its errors (and nothing is written). */
  read(line: string, lineNumber: number): SurveyRowError[] | null {
    if (this.readFast(line)) return null;
    const parsed = parseRespondent(line, lineNumber, this.layout);
    if ('errors' in parsed) return parsed.errors;
    this.writeRow(parsed.row);
    return null;
  }

  /** The binary COPY data of every accepted row (header and trailer included), in chunks of about 1 MB. */
  copyChunks(): Uint8Array[] {
    const trailer = new Uint8Array([0xff, 0xff]);
    return [...this.chunks, this.buffer.subarray(0, this.at), trailer];
  }

  /** The common line, or false to leave it to parseRespondent (it writes nothing then). */
  private readFast(line: string): boolean {
    if (line.includes('"')) return false;
    const starts = this.starts;
    const width = this.layout.width;
    let from = 0;
    for (let i = 0; i < width; i++) {
      starts[i] = from;
      const next = line.indexOf(this.layout.separator, from);
      if (next === -1) {
        if (i !== width - 1) return false;
        from = line.length + 1;
      } else {
        if (i === width - 1) return false;
        from = next + 1;
      }
    }
    starts[width] = from;
    const c = this.column;

    if (this.size(c.year) !== 4) return false;
    const year = this.digits(line, this.from(c.year), 4);
    if (year < 1990 || year > 2100) return false;
    if (this.size(c.municipality) !== 4 || this.digits(line, this.from(c.municipality), 4) < 0) return false;
    const municipality = line.slice(this.from(c.municipality), this.from(c.municipality) + 4);
    if (this.layout.municipalities && !this.layout.municipalities.has(municipality)) return false;
    const schoolLength = c.school_unit === -1 ? 0 : this.size(c.school_unit);
    if (schoolLength > 20) return false;
    for (let i = 0; i < schoolLength; i++) if (!isSchoolChar(line.charCodeAt(this.from(c.school_unit) + i))) return false;
    const grade = line.slice(this.from(c.grade), this.from(c.grade) + this.size(c.grade));
    if (!this.layout.grades.has(grade)) return false;
    const gender = this.gender(line, this.from(c.gender), this.size(c.gender));
    if (gender === null) return false;
    const weight = c.weight === -1 ? 1 : this.weight(line, this.from(c.weight), this.size(c.weight));
    if (weight === null) return false;
    const answers = this.answers;
    for (let q = 0; q < answers.length; q++) {
      const column = this.layout.questions[q]!;
      const size = column === -1 ? 0 : this.size(column);
      if (size === 0) {
        answers[q] = -1;
        continue;
      }
      const digit = line.charCodeAt(this.from(column)) - ZERO;
      if (size !== 1 || digit < 0 || digit > 9 || this.allowedDigit[q * 10 + digit] === 0) return false;
      answers[q] = digit;
    }
    this.aggregator.addCodes(year, municipality, gender, grade, weight, answers);
    this.begin(year);
    this.putInt32(4);
    this.copyChars(line, this.from(c.municipality), 4);
    if (schoolLength === 0) this.putInt32(-1);
    else {
      this.putInt32(schoolLength);
      this.copyChars(line, this.from(c.school_unit), schoolLength);
    }
    this.end(grade, gender, weight, answers);
    return true;
  }

  /** A row parseRespondent accepted (spaces, quotes, a two-digit code…). */
  private writeRow(r: Respondent): void {
    const answers = this.answers;
    for (let q = 0; q < answers.length; q++) answers[q] = r.answers[q] ?? -1;
    this.aggregator.addCodes(r.year, r.municipality, r.gender, r.grade, r.weight, answers);
    this.begin(r.year);
    this.putField(r.municipality);
    if (r.schoolUnit === null) this.putInt32(-1);
    else this.putField(r.schoolUnit);
    this.end(r.grade, r.gender, r.weight, answers);
  }

  /** A row's field count, the import's id and the year (each field: its length, then its bytes). */
  private begin(year: number): void {
    if (this.at + this.rowBound > this.buffer.length) {
      this.chunks.push(this.buffer.subarray(0, this.at));
      this.buffer = new Uint8Array(CHUNK);
      this.view = new DataView(this.buffer.buffer);
      this.at = 0;
    }
    this.view.setInt16(this.at, respondentCopyColumns.length);
    this.at += 2;
    this.putInt32(16);
    this.buffer.set(this.importId, this.at);
    this.at += 16;
    this.putInt32(2);
    this.view.setInt16(this.at, year);
    this.at += 2;
  }

  /** grade, gender, weight and the answers as a one-dimensional smallint[] (−1 is NULL). */
  private end(grade: string, gender: RespondentGender, weight: number, answers: Int16Array): void {
    this.putField(grade);
    this.putInt32(1);
    this.buffer[this.at++] = gender.charCodeAt(0);
    this.putInt32(8);
    this.view.setFloat64(this.at, weight);
    this.at += 8;
    let size = 20;
    let nulls = 0;
    for (let q = 0; q < answers.length; q++) size += answers[q]! < 0 ? 4 : 6;
    for (let q = 0; q < answers.length; q++) if (answers[q]! < 0) nulls = 1;
    this.putInt32(size);
    this.putInt32(1);
    this.putInt32(nulls);
    this.putInt32(INT2_OID);
    this.putInt32(answers.length);
    this.putInt32(1);
    for (let q = 0; q < answers.length; q++) {
      const a = answers[q]!;
      if (a < 0) this.putInt32(-1);
      else {
        this.putInt32(2);
        this.view.setInt16(this.at, a);
        this.at += 2;
      }
    }
    this.rows += 1;
  }

  private putInt32(n: number): void {
    this.view.setInt32(this.at, n);
    this.at += 4;
  }

  /** A text field: its byte length, then its UTF-8. */
  private putField(text: string): void {
    const lengthAt = this.at;
    this.at += 4;
    this.putText(text);
    this.view.setInt32(lengthAt, this.at - lengthAt - 4);
  }

  /** Where field `column` begins in the line being read. */
  private from(column: number): number {
    return this.starts[column]!;
  }

  /** Field `column`'s length, without its separator. */
  private size(column: number): number {
    return this.starts[column + 1]! - this.starts[column]! - 1;
  }

  /** `count` digits as a number, or −1 when one is not a digit. */
  private digits(line: string, from: number, count: number): number {
    let n = 0;
    for (let i = 0; i < count; i++) {
      const d = line.charCodeAt(from + i);
      if (!isDigit(d)) return -1;
      n = n * 10 + d - ZERO;
    }
    return n;
  }

  private gender(line: string, from: number, size: number): RespondentGender | null {
    if (size === 0) return 'X';
    if (size !== 1) return null;
    const g = line[from];
    return g === 'K' || g === 'M' || g === 'X' ? g : null;
  }

  /** Digits with at most one `.` or `,` between them, as parseRespondent reads them; else null. */
  private weight(line: string, from: number, size: number): number | null {
    if (size === 0) return 1;
    let point = -1;
    for (let i = 0; i < size; i++) {
      const ch = line.charCodeAt(from + i);
      if (isDigit(ch)) continue;
      if ((ch === 46 || ch === COMMA) && point === -1 && i > 0 && i < size - 1) point = i;
      else return null;
    }
    const w = Number(line.slice(from, from + size).replace(',', '.'));
    return Number.isFinite(w) && w > 0 && w < 10_000 ? w : null;
  }

  private putBytes(bytes: readonly number[]): void {
    for (const b of bytes) this.buffer[this.at++] = b;
  }

  /** Characters already checked to be ASCII (digits, the school unit's characters). */
  private copyChars(line: string, from: number, count: number): void {
    for (let i = 0; i < count; i++) this.buffer[this.at++] = line.charCodeAt(from + i);
  }

  /** Short text (a grade, a number); ASCII byte by byte, anything else as UTF-8. */
  private putText(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch >= 128) {
        this.at += utf8.encodeInto(text.slice(i), this.buffer.subarray(this.at)).written;
        return;
      }
      this.buffer[this.at++] = ch;
    }
  }
}
