/**
 * CSV as Swedish Excel opens it without an import dialogue: UTF-8 with a byte-order mark,
 * semicolons between fields (the comma is the decimal separator), CRLF between rows.
 */
export const csvBom = '\uFEFF';

/**
 * Quotes a field when it holds a separator, a quote, a line break or edge spaces. A field that
 * starts like a formula (=, +, -, @, tab, CR) gets a leading apostrophe so a spreadsheet
 * shows it as text instead of running it (OWASP "CSV injection").
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
  return `${csvBom}${lines.join('\r\n')}\r\n`;
}

/** Lets the browser save the text as a file. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
