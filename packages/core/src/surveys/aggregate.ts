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

interface Cell {
  key: string;
  year: number;
  municipality: string;
  gender: RespondentGender;
  grade: string;
  sums: Float64Array;
}

/** Accumulates respondents into the table; one typed array per cell keeps a million rows cheap. */
export class SurveyAggregator {
  private readonly cells = new Map<string, Cell>();
  private readonly codes: number;
  private readonly codesOf: Int16Array;

  constructor(private readonly questions: number, maxAnswerCode: number) {
    this.codes = maxAnswerCode + 1;
    this.codesOf = new Int16Array(questions);
  }

  add(r: Respondent): void {
    for (let q = 0; q < this.questions; q++) this.codesOf[q] = r.answers[q] ?? -1;
    this.addCodes(r.year, r.municipality, r.gender, r.grade, r.weight, this.codesOf);
  }

  /** One respondent whose answers are codes by question, −1 for no answer (the import's reader). */
  addCodes(year: number, municipality: string, gender: RespondentGender, grade: string, weight: number, answers: Int16Array): void {
    const key = `${year}|${municipality}|${gender}|${grade}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { key, year, municipality, gender, grade, sums: new Float64Array(this.questions * this.codes * 3) };
      this.cells.set(key, cell);
    }
    const ww = weight * weight;
    const sums = cell.sums;
    for (let q = 0; q < this.questions; q++) {
      const a = answers[q]!;
      if (a < 0) continue;
      const at = (q * this.codes + a) * 3;
      sums[at]! += 1;
      sums[at + 1]! += weight;
      sums[at + 2]! += ww;
    }
  }

  /**
   * The table's rows, question by question (then cells by key, then answer): a panel reads one
   * question, so its rows lie together on disk and the query reads a few dozen pages, not thousands.
   */
  *rows(): Generator<AggregateRow> {
    const cells = [...this.cells.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (let q = 0; q < this.questions; q++) {
      for (const c of cells) {
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
