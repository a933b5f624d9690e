/**
 * CSV as Swedish Excel opens it without an import dialogue: UTF-8 with a byte-order mark (so
 * å, ä, ö survive), semicolons between fields (the comma is the Swedish decimal sign), CRLF
 * between rows and RFC 4180 quoting. The one writer for every export, server and browser alike.
 */
export const csvBom = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Quotes a field when it holds a separator, a quote, a line break or edge spaces. Text that
 * starts like a formula (=, +, -, @, tab, CR) gets a leading apostrophe so a spreadsheet shows
 * it instead of running it (OWASP "CSV injection"); numbers are left as they are.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
  return `${csvBom}${lines.join('\r\n')}\r\n`;
}
