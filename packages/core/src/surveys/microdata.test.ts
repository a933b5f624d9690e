import { describe, expect, it } from 'vitest';
import { SurveyAggregator } from './aggregate.ts';
import { copyLine, countDataLines, fileLines, headerLine, parseRespondent, respondentLayout } from './microdata.ts';
import type { SurveyQuestion } from './schema.ts';

const options = [1, 2, 3, 4].map((code) => ({ code, labelSv: `svar ${code}`, labelEn: `answer ${code}` }));
const questions: SurveyQuestion[] = [
  { id: 'q_health', textSv: 'Hur mår du?', textEn: 'How are you?', options },
  { id: 'q_sleep', textSv: 'Sover du bra?', textEn: 'Do you sleep well?', options },
];
const survey = { grades: ['7', '9', 'gy2'], questions };

describe('survey microdata', () => {
  it('reads the header in English or Swedish, in any order, with optional columns', () => {
    const { layout, errors, ignoredColumns } = respondentLayout('kommun;år;kön;årskurs;q_sleep;q_health;extra', survey);
    expect(errors).toEqual([]);
    expect(layout).toMatchObject({ separator: ';', fixed: { municipality: 0, year: 1, gender: 2, grade: 3 }, questions: [5, 4] });
    expect(ignoredColumns).toEqual(['extra']);
  });

  it('refuses a header without the fixed columns or any question', () => {
    const { layout, errors } = respondentLayout('year,grade,other', survey);
    expect(layout).toBeNull();
    expect(errors.map((e) => e.code)).toEqual(['column_missing', 'column_missing', 'no_questions']);
  });

  it('parses a row, with a missing weight as 1 and a blank answer as none', () => {
    const { layout } = respondentLayout('year,municipality,school_unit,grade,gender,weight,q_health,q_sleep', survey);
    expect(parseRespondent('2024,9901,99010001,9,K,,2,', 2, layout!)).toEqual({ row: { year: 2024, municipality: '9901', schoolUnit: '99010001', grade: '9', gender: 'K', weight: 1, answers: [2, null] } });
    expect(parseRespondent('2024,9901,,GY2,,1.5,1,4', 3, layout!)).toMatchObject({ row: { schoolUnit: null, grade: 'gy2', gender: 'X', weight: 1.5 } });
  });

  it('says every reason a row is refused, with its line and column', () => {
    const { layout } = respondentLayout('year;municipality;grade;gender;weight;q_health;q_sleep', survey, new Set(['9901']));
    expect(parseRespondent('24;9999;8;Q;-1;7;2', 5, layout!)).toEqual({
      errors: [
        { line: 5, column: 'year', code: 'year_invalid' },
        { line: 5, column: 'municipality', code: 'municipality_unknown' },
        { line: 5, column: 'grade', code: 'grade_unknown' },
        { line: 5, column: 'gender', code: 'gender_invalid' },
        { line: 5, column: 'weight', code: 'weight_invalid' },
        { line: 5, column: 'q_health', code: 'answer_invalid' },
      ],
    });
    expect(parseRespondent('2024;9901;9', 6, layout!)).toEqual({ errors: [{ line: 6, column: null, code: 'column_count' }] });
  });

  it('reads quoted fields and CRLF line ends, and counts lines without splitting the file', () => {
    const content = 'year,municipality,grade,gender,q_health\r\n"2024","9901",9,M,1\r\n\r\n2024,9901,7,K,2';
    expect(headerLine(content)).toBe('year,municipality,grade,gender,q_health');
    const { layout } = respondentLayout(headerLine(content), survey);
    const lines = [...fileLines(content)];
    expect(lines.map((l) => l.number)).toEqual([2, 4]);
    expect(parseRespondent(lines[0]!.line, 2, layout!)).toMatchObject({ row: { year: 2024, municipality: '9901', answers: [1, null] } });
    expect(countDataLines(content)).toBe(3);
  });

  it('writes a row as COPY text and sums the answers per cell', () => {
    const row = { year: 2024, municipality: '9901', schoolUnit: null, grade: '9', gender: 'K' as const, weight: 2, answers: [1, null] };
    expect(copyLine(row)).toBe('2024\t9901\t\\N\t9\tK\t2\t{1,NULL}\n');
    const agg = new SurveyAggregator(2, 4);
    agg.add(row);
    agg.add({ ...row, weight: 1, answers: [1, 3] });
    expect([...agg.rows()]).toEqual([
      { year: 2024, municipality: '9901', gender: 'K', grade: '9', question: 1, answer: 1, respondents: 2, weight: 3, squaredWeight: 5 },
      { year: 2024, municipality: '9901', gender: 'K', grade: '9', question: 2, answer: 3, respondents: 1, weight: 1, squaredWeight: 1 },
    ]);
    expect(agg.years()).toEqual([2024]);
  });
});
