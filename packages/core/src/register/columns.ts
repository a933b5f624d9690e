/**
 * The columns of a register file: a municipality's pupil register or a population-register
 * extract, one child a row, with up to two guardians. Headers are matched case-insensitively,
 * with or without å/ä/ö, with spaces, `_` or `-` (see docs/register-import.md). An extract of a
 * region or a county holds children of several municipalities: its `kommunkod` column says
 * whose register each row belongs to.
 */
import { protectedIdentityLevels, type ProtectedIdentityLevel } from '../children/schema.ts';
import { parseIdentityNumber } from '../identity/identity-number.ts';

export const registerColumns = [
  { key: 'identityNumber', header: 'personnummer', required: true },
  { key: 'givenName', header: 'förnamn', required: true },
  { key: 'familyName', header: 'efternamn', required: true },
  { key: 'streetAddress', header: 'adress', required: false },
  { key: 'postalCode', header: 'postnummer', required: false },
  { key: 'city', header: 'ort', required: false },
  { key: 'schoolUnit', header: 'skolenhet', required: false },
  { key: 'protectedIdentity', header: 'skyddad identitet', required: false },
  { key: 'guardian1IdentityNumber', header: 'vårdnadshavare 1 personnummer', required: false },
  { key: 'guardian1GivenName', header: 'vårdnadshavare 1 förnamn', required: false },
  { key: 'guardian1FamilyName', header: 'vårdnadshavare 1 efternamn', required: false },
  { key: 'guardian2IdentityNumber', header: 'vårdnadshavare 2 personnummer', required: false },
  { key: 'guardian2GivenName', header: 'vårdnadshavare 2 förnamn', required: false },
  { key: 'guardian2FamilyName', header: 'vårdnadshavare 2 efternamn', required: false },
  { key: 'municipalityCode', header: 'kommunkod', required: false },
] as const;
export type RegisterColumnKey = (typeof registerColumns)[number]['key'];

/** The column of an extract with children of several municipalities: SCB's four-digit code. */
export const municipalityHeader = 'kommunkod';

/** A municipality's pupil register: the headers in the order the documentation and the generated test files use. */
export const registerHeaders: readonly string[] = registerColumns.filter((c) => c.key !== 'municipalityCode').map((c) => c.header);

/** A population-register extract of a region or a county: the municipality first, then the rest. */
export const populationRegisterHeaders: readonly string[] = [municipalityHeader, ...registerHeaders];

/** Other names a population-register extract gives a column (Skatteverket's Navet names the municipality so). */
const headerAliases: Record<string, RegisterColumnKey> = { 'folkbokföringskommun': 'municipalityCode' };

function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .normalize('NFC')
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o');
}

const byHeader = new Map<string, RegisterColumnKey>([
  ...registerColumns.map((c): [string, RegisterColumnKey] => [normalizeHeader(c.header), c.key]),
  ...Object.entries(headerAliases).map(([h, key]): [string, RegisterColumnKey] => [normalizeHeader(h), key]),
]);

export interface HeaderMatch {
  /** Column index of each known column found. */
  indexOf: Partial<Record<RegisterColumnKey, number>>;
  missing: RegisterColumnKey[];
  /** Headers that name no column: ignored, and said so in the preview. */
  unknown: string[];
  duplicated: string[];
}

export function matchHeader(header: readonly string[]): HeaderMatch {
  const indexOf: Partial<Record<RegisterColumnKey, number>> = {};
  const unknown: string[] = [];
  const duplicated: string[] = [];
  header.forEach((h, i) => {
    const key = byHeader.get(normalizeHeader(h));
    if (!key) {
      if (h.trim() !== '') unknown.push(h);
    } else if (indexOf[key] !== undefined) duplicated.push(h);
    else indexOf[key] = i;
  });
  const missing = registerColumns.filter((c) => c.required && indexOf[c.key] === undefined).map((c) => c.key);
  return { indexOf, missing, unknown, duplicated };
}

/** A guardian as the file states them. */
export interface RegisterGuardian {
  identityNumber: string;
  givenName: string;
  familyName: string;
}

/** One child as the file states them, validated and normalized. Absent optional values are null. */
export interface RegisterRow {
  identityNumber: string;
  birthDate: string;
  sex: 'female' | 'male';
  identityKind: 'personnummer' | 'samordningsnummer';
  givenName: string;
  familyName: string;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  /** The file's school unit: a skolenhetskod or a unit's name; the server resolves it. */
  schoolUnit: string | null;
  protectedIdentity: ProtectedIdentityLevel | null;
  guardians: RegisterGuardian[];
  /** The municipality code (kommunkod) the row states; null when the file has no such column. */
  municipalityCode: string | null;
}

/** A problem with one value of a row: the column and a stable code (translated in the web app). */
export interface RowError {
  column: RegisterColumnKey | null;
  code: string;
}

const protectedWords: Record<string, ProtectedIdentityLevel | null> = {
  '': null,
  nej: null,
  sekretessmarkering: 'sekretessmarkering',
  'skyddad folkbokforing': 'skyddad_folkbokforing',
  skyddad_folkbokforing: 'skyddad_folkbokforing',
  'fingerade personuppgifter': 'fingerade_personuppgifter',
  fingerade_personuppgifter: 'fingerade_personuppgifter',
};
for (const level of protectedIdentityLevels) protectedWords[level] = level;

const NAME_MAX = 100;
const ADDRESS_MAX = 200;

export type RowResult = { ok: true; row: RegisterRow } | { ok: false; errors: RowError[] };

/** Validates one data row of the file against the matched header, on the day `referenceDate` gives. */
export function parseRegisterRow(fields: readonly string[], header: HeaderMatch, referenceDate: Date): RowResult {
  const errors: RowError[] = [];
  const value = (key: RegisterColumnKey): string => {
    const index = header.indexOf[key];
    return index === undefined ? '' : (fields[index] ?? '').trim().replace(/\s+/g, ' ');
  };
  const text = (key: RegisterColumnKey, max: number, required: boolean): string | null => {
    const v = value(key);
    if (v === '') {
      if (required) errors.push({ column: key, code: 'required' });
      return null;
    }
    if (v.length > max) errors.push({ column: key, code: 'too_long' });
    return v;
  };

  const number = identityOf(value('identityNumber'), 'identityNumber', referenceDate, errors);
  const givenName = text('givenName', NAME_MAX, true);
  const familyName = text('familyName', NAME_MAX, true);
  const streetAddress = text('streetAddress', ADDRESS_MAX, false);
  const postalCode = postalCodeOf(value('postalCode'), errors);
  const city = text('city', NAME_MAX, false);
  const schoolUnit = text('schoolUnit', ADDRESS_MAX, false);
  const municipalityCode = header.indexOf.municipalityCode === undefined ? null : municipalityCodeOf(value('municipalityCode'), errors);
  const protectedRaw = value('protectedIdentity').toLowerCase().replace(/ö/g, 'o').replace(/\s+/g, ' ');
  const protectedIdentity = protectedWords[protectedRaw];
  if (protectedIdentity === undefined) errors.push({ column: 'protectedIdentity', code: 'protected_identity_unknown' });

  const guardians: RegisterGuardian[] = [];
  for (const n of [1, 2] as const) {
    const keys = { identityNumber: `guardian${n}IdentityNumber`, givenName: `guardian${n}GivenName`, familyName: `guardian${n}FamilyName` } as const;
    const raw = { identityNumber: value(keys.identityNumber), givenName: value(keys.givenName), familyName: value(keys.familyName) };
    if (!raw.identityNumber && !raw.givenName && !raw.familyName) continue;
    const guardianNumber = identityOf(raw.identityNumber, keys.identityNumber, referenceDate, errors);
    const g = text(keys.givenName, NAME_MAX, true);
    const f = text(keys.familyName, NAME_MAX, true);
    if (guardianNumber && number && guardianNumber.normalized === number.normalized) errors.push({ column: keys.identityNumber, code: 'guardian_is_child' });
    if (guardianNumber && guardians.some((x) => x.identityNumber === guardianNumber.normalized)) errors.push({ column: keys.identityNumber, code: 'guardian_twice' });
    if (guardianNumber && g && f) guardians.push({ identityNumber: guardianNumber.normalized, givenName: g, familyName: f });
  }

  if (errors.length > 0 || !number || !givenName || !familyName || protectedIdentity === undefined) return { ok: false, errors };
  return {
    ok: true,
    row: { identityNumber: number.normalized, birthDate: number.birthDate, sex: number.sex, identityKind: number.kind, givenName, familyName, streetAddress, postalCode, city, schoolUnit, protectedIdentity, guardians, municipalityCode },
  };
}

function identityOf(raw: string, column: RegisterColumnKey, referenceDate: Date, errors: RowError[]) {
  if (raw === '') {
    errors.push({ column, code: 'required' });
    return null;
  }
  const parsed = parseIdentityNumber(raw, { referenceDate });
  if (!parsed.ok) {
    errors.push({ column, code: `identity_number_${parsed.code}` });
    return null;
  }
  // A register states numbers Skatteverket issued; a reserve number is Samsyn's own and never in one.
  if (parsed.kind === 'reservnummer') {
    errors.push({ column, code: 'reserve_number_not_in_register' });
    return null;
  }
  return parsed;
}

/**
 * SCB's municipality code, four digits (`0180`, or `01 80`). Required in every row of a file that
 * has the column: an extract of several municipalities that leaves a row's municipality out says
 * nothing about whose register it is, and a guess would put a child in the wrong one.
 */
function municipalityCodeOf(raw: string, errors: RowError[]): string | null {
  if (raw === '') {
    errors.push({ column: 'municipalityCode', code: 'required' });
    return null;
  }
  const digits = raw.replace(/\s/g, '');
  if (!/^\d{4}$/.test(digits)) {
    errors.push({ column: 'municipalityCode', code: 'municipality_code_format' });
    return null;
  }
  return digits;
}

/** `12345` or `123 45`, stored as `123 45` (as Postnord writes it). */
function postalCodeOf(raw: string, errors: RowError[]): string | null {
  if (raw === '') return null;
  const digits = raw.replace(/\s/g, '');
  if (!/^\d{5}$/.test(digits)) {
    errors.push({ column: 'postalCode', code: 'postal_code_format' });
    return null;
  }
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}
