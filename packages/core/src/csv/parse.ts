/**
 * Reads CSV as registers and spreadsheets write it: UTF-8 (a byte-order mark is dropped),
 * fields separated by `;` (Swedish Excel) or `,`, found from the header line, rows by CRLF or LF,
 * RFC 4180 quoting (a quoted field may hold the separator, `""` and line breaks). The reader of
 * every import; the writer is csv.ts. Pure; never throws for bad input.
 */
export type CsvSeparator = ';' | ',';

export interface ParsedCsv {
  separator: CsvSeparator;
  header: string[];
  /** The data rows, each with its line number in the file (the header is line 1). */
  rows: { line: number; fields: string[] }[];
  /** A quote left open at the end of the file. */
  unterminatedQuote: boolean;
}

/** The separator of the header line: the one of `;` and `,` that occurs more often outside quotes (`;` on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}

export function parseCsv(input: string): ParsedCsv {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    // A blank line (one empty field) is no row.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    recordLine = line;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === separator) {
      endField();
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text.charAt(i + 1) === '\n') i += 1;
      line += 1;
      endRecord();
    } else {
      field += char;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  const [head, ...rows] = records;
  return { separator, header: head?.fields.map((h) => h.trim()) ?? [], rows, unterminatedQuote: quoted };
}
