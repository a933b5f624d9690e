import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SurveyAggregator } from './aggregate.ts';
import { parseRespondent, respondentLayout, type Respondent } from './microdata.ts';
import { RespondentReader } from './reader.ts';
import type { SurveyQuestion } from './schema.ts';

const options = [1, 2, 3, 4, 12].map((code) => ({ code, labelSv: `svar ${code}`, labelEn: `answer ${code}` }));
const questions: SurveyQuestion[] = ['q_a', 'q_b', 'q_c'].map((id) => ({ id, textSv: id, textEn: id, options }));
const survey = { grades: ['7', '9', 'gy2'], questions };
const importId = '0b7e6c1a-2f4d-4c3b-9a8e-1d2c3b4a5f60';

/** Reads PostgreSQL's binary COPY data back into rows: what the server will store. */
function decode(chunks: Uint8Array[]): (Omit<Respondent, 'answers'> & { importId: string; answers: (number | null)[] })[] {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  const view = new DataView(bytes.buffer);
  expect(new TextDecoder('latin1').decode(bytes.subarray(0, 11))).toBe('PGCOPY\n\xff\r\n\0');
  let at = 19;
  const text = (length: number) => new TextDecoder().decode(bytes.subarray(at, (at += length)));
  const rows = [];
  for (;;) {
    const fields = view.getInt16(at);
    at += 2;
    if (fields === -1) break;
    expect(fields).toBe(8);
    const field = () => {
      const length = view.getInt32(at);
      at += 4;
      return length;
    };
    field();
    const id = [...bytes.subarray(at, (at += 16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    field();
    const year = view.getInt16(at);
    at += 2;
    const municipality = text(field());
    const schoolLength = field();
    const schoolUnit = schoolLength === -1 ? null : text(schoolLength);
    const grade = text(field());
    const gender = text(field()) as Respondent['gender'];
    field();
    const weight = view.getFloat64(at);
    at += 8;
    field();
    const [dimensions, , elementType, count, lowerBound] = [0, 1, 2, 3, 4].map((i) => view.getInt32(at + i * 4));
    expect([dimensions, elementType, lowerBound]).toEqual([1, 21, 1]);
    at += 20;
    const answers: (number | null)[] = [];
    for (let i = 0; i < count!; i++) {
      const length = field();
      if (length === -1) answers.push(null);
      else {
        answers.push(view.getInt16(at));
        at += 2;
      }
    }
    rows.push({ importId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`, year, municipality, schoolUnit, grade, gender, weight, answers });
  }
  expect(at).toBe(bytes.length);
  return rows;
}

/** The reader and parseRespondent on the same lines: the same errors, rows and sums. */
function compare(header: string, lines: string[]) {
  const { layout } = respondentLayout(header, survey);
  const readerSums = new SurveyAggregator(3, 12);
  const reader = new RespondentReader(layout!, readerSums, importId);
  const parsedSums = new SurveyAggregator(3, 12);
  const parsed: Respondent[] = [];
  lines.forEach((line, i) => {
    const expected = parseRespondent(line, i + 2, layout!);
    const refused = reader.read(line, i + 2);
    if ('errors' in expected) expect(refused).toEqual(expected.errors);
    else {
      expect(refused).toBeNull();
      parsed.push(expected.row);
      parsedSums.add(expected.row);
    }
  });
  expect(reader.rows).toBe(parsed.length);
  expect(decode(reader.copyChunks())).toEqual(parsed.map((r) => ({ importId, ...r })));
  expect([...readerSums.rows()]).toEqual([...parsedSums.rows()]);
  return parsed.length;
}

const header = 'year;municipality;school_unit;grade;gender;weight;q_a;q_b;q_c';

describe('the import’s reader', () => {
  it('reads common and unusual lines as parseRespondent does, and writes them as binary COPY rows', () => {
    const accepted = compare(header, [
      '2024;9901;99010001;9;K;1.084;2;1;',
      '2024;9901;;gy2;;;4;;3',
      '2024;9901; 99010002 ;GY2;m;1,5;12; 3 ;1',
      '"2024";"9901";"";"7";"X";"2";"1";"2";"3"',
      '2024;9901;;8;K;1;1;1;1',
      '2024;990;;9;K;1;1;1;1',
      '1989;9901;;9;K;1;1;1;1',
      '2024;9901;;9;Q;0;5;1;x',
      '2024;9901;;9;K;1;1;1',
      '2024;9901;;9;K;1;1;1;1;1',
      '2024;9901;skola med mellanslag;9;K;.5;1;1;1',
    ]);
    expect(accepted).toBe(4);
  });

  it('agrees with parseRespondent on generated lines, in any column order', () => {
    const token = (...values: string[]) => fc.constantFrom(...values);
    const line = fc.tuple(
      token('2024', '2023', '1989', '20x4', ' 2024'),
      token('9901', '1001', '99', 'abcd'),
      token('', '99010001', 'A-1_b', 'ö', 'x'.repeat(21)),
      token('7', '9', 'gy2', 'GY2', '8', ''),
      token('K', 'M', 'X', '', 'k', 'Q'),
      token('', '1', '1.25', '0,75', '0', '-1', '1e3', '.5', '10000'),
      fc.array(token('', '1', '2', '4', '12', '5', ' 3', '01', 'a'), { minLength: 3, maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, swapped) => {
        // The fixed columns in another order, and the questions before them.
        const order = swapped ? [6, 7, 8, 4, 3, 2, 1, 0, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8];
        const cells = (r: (typeof rows)[number]) => [r[0], r[1], r[2], r[3], r[4], r[5], ...r[6]];
        compare(order.map((i) => header.split(';')[i]).join(';'), rows.map((r) => order.map((i) => cells(r)[i]).join(';')));
      }),
      { numRuns: 200 },
    );
  });
});
