import type { Respondent, RespondentGender } from './microdata.ts';

/**
 * The pre-aggregated table built at import: per year × municipality × gender × grade × question ×
 * answer, the respondents, Σw and Σw². A dashboard panel reads a few thousand of these rows instead
 * of scanning every respondent; the weighted share and Kish's effective n follow from the sums.
 */
export interface AggregateRow {
  year: number;
  municipality: string;
  gender: RespondentGender;
  grade: string;
  /** The question's position in the survey (1-based, as in the raw rows' answer array). */
  question: number;
  answer: number;
  respondents: number;
  weight: number;
  squaredWeight: number;
}

/** Accumulates respondents into the table; one typed array per cell keeps a million rows cheap. */
export class SurveyAggregator {
  private readonly cells = new Map<string, { year: number; municipality: string; gender: RespondentGender; grade: string; sums: Float64Array }>();
  private readonly codes: number;

  constructor(private readonly questions: number, maxAnswerCode: number) {
    this.codes = maxAnswerCode + 1;
  }

  add(r: Respondent): void {
    const key = `${r.year}|${r.municipality}|${r.gender}|${r.grade}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { year: r.year, municipality: r.municipality, gender: r.gender, grade: r.grade, sums: new Float64Array(this.questions * this.codes * 3) };
      this.cells.set(key, cell);
    }
    const w = r.weight;
    const ww = w * w;
    const sums = cell.sums;
    for (let q = 0; q < this.questions; q++) {
      const a = r.answers[q];
      if (a === null || a === undefined) continue;
      const at = (q * this.codes + a) * 3;
      sums[at]! += 1;
      sums[at + 1]! += w;
      sums[at + 2]! += ww;
    }
  }

  /** The table's rows, in a stable order (cells by key, then question and answer). */
  *rows(): Generator<AggregateRow> {
    const keys = [...this.cells.keys()].sort();
    for (const key of keys) {
      const c = this.cells.get(key)!;
      for (let q = 0; q < this.questions; q++) {
        for (let a = 0; a < this.codes; a++) {
          const at = (q * this.codes + a) * 3;
          if (c.sums[at] === 0) continue;
          yield { year: c.year, municipality: c.municipality, gender: c.gender, grade: c.grade, question: q + 1, answer: a, respondents: c.sums[at]!, weight: c.sums[at + 1]!, squaredWeight: c.sums[at + 2]! };
        }
      }
    }
  }

  years(): number[] {
    return [...new Set([...this.cells.values()].map((c) => c.year))].sort((a, b) => a - b);
  }
}

/** An aggregate row as COPY text. */
export function aggregateCopyLine(importId: string, r: AggregateRow): string {
  return `${importId}\t${r.year}\t${r.municipality}\t${r.gender}\t${r.grade}\t${r.question}\t${r.answer}\t${r.respondents}\t${r.weight}\t${r.squaredWeight}\n`;
}
