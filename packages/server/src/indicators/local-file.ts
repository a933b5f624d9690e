import ExcelJS from 'exceljs';
import { parseCsv, type LocalRowError } from '@samsyn/core';
import { AppError } from '../http/errors.ts';

/**
 * A local statistics file as a table of text: CSV (`;` or `,`, as Swedish Excel writes it) or the
 * first sheet of an Excel workbook (sent as base64). The header is line 1, as in the row errors.
 */

export interface LocalTable {
  header: string[];
  rows: { line: number; fields: string[] }[];
}

const unreadable = (code: string): AppError => new AppError('local_file_invalid', { details: [{ line: 1, column: null, code } satisfies LocalRowError] });

/** A cell as the text a person sees in it: numbers as numbers, a formula by its result, dates as YYYY. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return String(value.getUTCFullYear());
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

async function readXlsx(base64: string): Promise<LocalTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw unreadable('file_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('no_sheet');
  const table: LocalTable = { header: [], rows: [] };
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const width = Math.max(row.cellCount, table.header.length);
    const fields = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value).trim());
    if (line === 1) table.header = fields;
    else table.rows.push({ line, fields });
  });
  return table;
}

export async function readLocalFile(format: 'csv' | 'xlsx', content: string): Promise<LocalTable> {
  if (format === 'xlsx') return readXlsx(content);
  const parsed = parseCsv(content);
  if (parsed.unterminatedQuote) throw unreadable('unterminated_quote');
  return { header: parsed.header, rows: parsed.rows };
}
