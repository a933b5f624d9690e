import { toCsv } from '@samsyn/core';
import { downloadCsv } from '../common/csv.ts';

/** A table as exported: a header and rows of text, already formatted the Swedish way (`12,3 %`). */
export interface ExportTable {
  header: string[];
  rows: string[][];
}

export function downloadDataUrl(fileName: string, dataUrl: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function exportCsv(fileName: string, table: ExportTable): void {
  downloadCsv(fileName, toCsv(table.header, table.rows));
}

/**
 * The table as an Excel workbook (exceljs, loaded only when someone exports: it is large): one
 * sheet, the header in bold, every cell the table's text, so a figure reads `62,3 %` as on the
 * page and a hidden cell holds its reason ("för få svar"), never a number.
 */
export async function excelWorkbook(sheetName: string, table: ExportTable): Promise<ArrayBuffer> {
  const loaded = await import('exceljs');
  // The browser build is a UMD bundle: its exports arrive as the default export.
  const excel = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  const workbook = new excel.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 22));
  return workbook.xlsx.writeBuffer();
}

export async function exportExcel(fileName: string, sheetName: string, table: ExportTable): Promise<void> {
  const buffer = await excelWorkbook(sheetName, table);
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  downloadDataUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
