import type { TFunction } from 'i18next';

/**
 * An import's rejected rows in one line of words, for its history list and its exports: "rad 22
 * (grade): okänd årskurs; rad 23: …". `codes` is where the area's translations of the reason codes are.
 */
export function rowErrorsText(errors: readonly { line: number; column: string | null; code: string }[], t: TFunction, codes: string): string {
  return errors
    .map((e) => {
      const reason = t(`${codes}.${e.code}`, { defaultValue: e.code });
      return e.column ? t('table.rowErrorColumn', { line: e.line, column: e.column, reason }) : t('table.rowError', { line: e.line, reason });
    })
    .join('; ');
}
