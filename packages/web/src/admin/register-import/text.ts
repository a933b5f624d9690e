import type { TFunction } from 'i18next';
import { identityNumberErrorCodes } from '@samsyn/core';

const rowCodes = [
  'required', 'too_long', 'postal_code_format', 'protected_identity_unknown', 'guardian_is_child', 'guardian_twice', 'reserve_number_not_in_register', 'duplicate_in_file', 'unknown_school_unit', 'child_other_organisation',
  'municipality_code_format', 'municipality_unknown', 'other_municipality', 'moved_to_other_municipality',
] as const;
type RowCode = (typeof rowCodes)[number];

/** One problem of a row, in words: the column and what is wrong. */
export function rowErrorText(error: { column: string | null; code: string }, t: TFunction): string {
  const column = error.column ? t(`registerImport.columns.${error.column as 'identityNumber'}`) : null;
  const identity = error.code.startsWith('identity_number_') ? error.code.slice('identity_number_'.length) : null;
  const problem = identity && (identityNumberErrorCodes as readonly string[]).includes(identity)
    ? t(`child.search.invalid.${identity as 'format'}`)
    : (rowCodes as readonly string[]).includes(error.code) ? t(`registerImport.errors.${error.code as RowCode}`) : t('validation.invalid');
  return column ? `${column}: ${problem}` : problem;
}

/** A row's name as the preview shows it: the file's, or why it is withheld. */
export function rowNameText(row: { name: string | null; nameWithheld: 'protected_identity' | 'other_register' | null }, t: TFunction): string {
  if (row.name !== null) return row.name;
  if (row.nameWithheld === 'protected_identity') return t('child.record.protectedName');
  return row.nameWithheld === 'other_register' ? t('registerImport.otherRegister') : '–';
}

/** Badge colours that keep AA contrast on white, striped and hovered rows alike; the word carries the meaning. */
const tones = {
  green: { '--badge-color': 'var(--samsyn-success-text)', '--badge-bg': '#e3f1e6' },
  gray: { '--badge-color': '#343a40', '--badge-bg': '#e9ecef' },
  red: { '--badge-color': '#8f1d1d', '--badge-bg': '#fdecec' },
  blue: { '--badge-color': '#1b4a80', '--badge-bg': '#e6effa' },
  yellow: { '--badge-color': '#5c4300', '--badge-bg': '#fff3d1' },
} as const;
export type Tone = keyof typeof tones;
export const toneStyle = (tone: Tone) => tones[tone] as Record<string, string>;
