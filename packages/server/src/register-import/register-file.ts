import { registerHeaders, toCsv } from '@samsyn/core';

/** One child of a generated register file: the values by header (see core's registerColumns). */
export type RegisterFileRow = Partial<Record<(typeof registerHeaders)[number], string>>;

/**
 * A register file as a municipality's pupil register exports it: UTF-8 with BOM, semicolons.
 * For tests and the demo only: the machine has no internet, and no real register is ever used.
 */
export function registerFile(rows: readonly RegisterFileRow[], headers: readonly string[] = registerHeaders): string {
  return toCsv(headers, rows.map((r) => headers.map((h) => r[h] ?? '')));
}
