/**
 * CSV for Swedish spreadsheet users: UTF-8 with a byte-order mark (so Excel reads å, ä, ö),
 * semicolons (the comma is the Swedish decimal sign), CRLF line ends and RFC 4180 quoting.
 */

const bom = '\uFEFF';

/** Quotes a field when it needs it; a leading = + - @ is defused so no spreadsheet runs it as a formula. */
export function csvField(value: string | number | boolean | null | undefined, separator = ';'): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[], separator = ';'): string {
  const line = (fields: readonly (string | number | boolean | null | undefined)[]) => fields.map((f) => csvField(f, separator)).join(separator);
  return bom + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
