/**
 * Reserve numbers (reservnummer) for children who have no personnummer or samordningsnummer
 * yet — newborns not yet registered, children seeking asylum, children placed in a hurry.
 *
 * Format: `R` + birth date `YYYYMMDD` + a serial of one letter and two digits + one check
 * character, e.g. normalized `R20240115K07H`, shown `R20240115-K07H`.
 *
 * Why this format and not an existing one:
 * - There is no single public convention. Regions use their own local formats (Region
 *   Stockholm: 99-prefixed digits with a check digit; Region Skåne: a date and four
 *   characters of which at least one is a letter). A 99-prefixed all-digit number can be
 *   mistaken for a 10-/12-digit personnummer by systems that only look at digits.
 * - Inera's national reserve identity (NRID, `XXYYMMDDNNGC`) is shaped so that it never
 *   collides with personnummer, but it is a national domain: minting NRIDs locally could
 *   collide with ones issued elsewhere for a different person. Samsyn's number is local to
 *   the installation and says so by its shape.
 * - It can never collide with a personnummer or samordningsnummer: it starts with a letter
 *   and its serial contains a letter, so even with the `R` dropped the rest is not a
 *   valid national number. It never collides with an NRID either (those start with digits).
 * - The birth date is readable, like in a personnummer, so staff can tell two children
 *   apart at a glance. Sex is deliberately not encoded (it is often unknown or irrelevant).
 * - The letters exclude I, O, Q, V, W (as NRID does: confusable with 1, 0, O, U/W, VV) and Z
 *   (confusable with 2), which leaves 30 characters. An even alphabet size lets the Luhn mod
 *   N check character detect every single-character error and nearly all transpositions of
 *   neighbours, including in the serial letter.
 * - Capacity: 20 letters × 100 = 2,000 reserve numbers per birth date per installation.
 */
import { isCalendarDate, type CalendarDay } from './calendar.ts';
import { isLuhnModNValid, luhnModNCheckChar } from './luhn.ts';
import { identityNumberError, type IdentityNumberResult } from './types.ts';

export const RESERVE_NUMBER_PREFIX = 'R';
const ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUXY';
const SERIAL_LETTERS = ALPHABET.slice(10);
/** The largest `sequence` createReserveNumber accepts (0-based). */
export const MAX_RESERVE_SEQUENCE = SERIAL_LETTERS.length * 100 - 1;

const SHAPE = /^R(\d{4})(\d{2})(\d{2})-?([A-Z]\d{2})([0-9A-Z])$/;
const BIRTH_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface ReserveNumberInput {
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** The running number (0 … MAX_RESERVE_SEQUENCE) among this installation's reserve numbers for that birth date. */
  sequence: number;
}

/**
 * The normalized reserve number for a birth date and a sequence number. Deterministic: the
 * caller (the server) owns uniqueness by choosing the next free sequence for the date.
 * Throws RangeError for an invalid date or sequence, which is a programming error.
 */
export function createReserveNumber({ birthDate, sequence }: ReserveNumberInput): string {
  const [, year = '', month = '', day = ''] = BIRTH_DATE.exec(birthDate) ?? [];
  if (!isCalendarDate(Number(year), Number(month), Number(day)) || Number(year) < 1800) {
    throw new RangeError(`Not a birth date: ${birthDate}`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > MAX_RESERVE_SEQUENCE) {
    throw new RangeError(`Reserve sequence out of range 0–${MAX_RESERVE_SEQUENCE}: ${sequence}`);
  }
  const serial = SERIAL_LETTERS.charAt(Math.floor(sequence / 100)) + String(sequence % 100).padStart(2, '0');
  const payload = `${year}${month}${day}${serial}`;
  return RESERVE_NUMBER_PREFIX + payload + luhnModNCheckChar(payload, ALPHABET);
}

/** Parses an upper-cased, space-free candidate that starts with the prefix. */
export function parseReserveNumber(
  compact: string,
  today: CalendarDay,
): IdentityNumberResult {
  const match = SHAPE.exec(compact);
  if (!match) return identityNumberError('format');
  const [, year = '', month = '', day = '', serial = '', check = ''] = match;
  if (!SERIAL_LETTERS.includes(serial.charAt(0)) || !ALPHABET.includes(check)) {
    return identityNumberError('format');
  }
  if (Number(year) < 1800 || !isCalendarDate(Number(year), Number(month), Number(day))) {
    return identityNumberError('date');
  }
  const payload = `${year}${month}${day}${serial}`;
  if (!isLuhnModNValid(payload + check, ALPHABET)) return identityNumberError('checksum');
  const birthDate = `${year}-${month}-${day}`;
  if (birthDate > today.iso) return identityNumberError('future');
  return { ok: true, kind: 'reservnummer', normalized: RESERVE_NUMBER_PREFIX + payload + check, birthDate, sex: null };
}
