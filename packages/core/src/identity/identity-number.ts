/**
 * Swedish identity numbers: personnummer and samordningsnummer (Skatteverket), and Samsyn's
 * own reserve numbers. Pure functions; "today" comes from the caller or the clock.
 */
import { calendarDayInStockholm, isCalendarDate, isoDate, type CalendarDay } from './calendar.ts';
import { isLuhnValid } from './luhn.ts';
import { parseReserveNumber, RESERVE_NUMBER_PREFIX } from './reserve-number.ts';
import {
  identityNumberError,
  type IdentityNumberResult,
  type ParseIdentityNumberOptions,
} from './types.ts';

// Optional century, YYMMDD, optional separator, birth number (3) + check digit (1).
const NATIONAL = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/;
const SAMORDNING_DAY_OFFSET = 60;
// Skatteverket stores centuries 18, 19 and 20; earlier years are typing errors.
const EARLIEST_YEAR = 1800;
const NEVER_ISSUED_BIRTH_NUMBER = '000';

/**
 * Parses a personnummer, samordningsnummer or Samsyn reserve number as a person types it:
 * 10 or 12 digits, with or without `-`, `+` (10-digit form only) for people who turn 100 or
 * more in the reference year, spaces anywhere. Never throws for bad input; returns a code.
 */
export function parseIdentityNumber(
  input: string,
  options: ParseIdentityNumberOptions,
): IdentityNumberResult {
  // Pasted numbers often carry typographic dashes (en dash, minus sign) instead of `-`.
  const compact = input.replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212]/g, '-').toUpperCase();
  const today = calendarDayInStockholm(options.referenceDate);
  return compact.startsWith(RESERVE_NUMBER_PREFIX)
    ? parseReserveNumber(compact, today)
    : parseNationalNumber(compact, today);
}

function parseNationalNumber(compact: string, today: CalendarDay): IdentityNumberResult {
  const match = NATIONAL.exec(compact);
  if (!match) return identityNumberError('format');
  const [, century, yy = '', mm = '', dd = '', separator = '', serial = ''] = match;
  // The 12-digit form states its century; a `+` there is not Skatteverket's notation.
  if (century !== undefined && separator === '+') return identityNumberError('format');

  const year = century !== undefined ? Number(century + yy) : inferYear(Number(yy), separator === '+', today.year);
  const isSamordning = Number(dd) > SAMORDNING_DAY_OFFSET;
  const day = isSamordning ? Number(dd) - SAMORDNING_DAY_OFFSET : Number(dd);
  if (year < EARLIEST_YEAR || !isCalendarDate(year, Number(mm), day)) return identityNumberError('date');
  // Birth numbers run 001–999: 000 is never issued, whatever the check digit says.
  if (serial.startsWith(NEVER_ISSUED_BIRTH_NUMBER)) return identityNumberError('serial');
  // The check digit covers the 10-digit form only; the century is not part of it.
  if (!isLuhnValid(yy + mm + dd + serial)) return identityNumberError('checksum');

  const birthDate = isoDate(year, Number(mm), day);
  if (birthDate > today.iso) return identityNumberError('future');
  return {
    ok: true,
    kind: isSamordning ? 'samordningsnummer' : 'personnummer',
    normalized: `${year}${mm}${dd}${serial}`,
    birthDate,
    // The third digit of the birth number: even for women, odd for men.
    sex: Number(serial.charAt(2)) % 2 === 0 ? 'female' : 'male',
  };
}

/**
 * Skatteverket's rule: `-` until the year the person turns 100, `+` from that year on. So with
 * `-` the birth year is the latest year ≤ the reference year ending in `yy`, and with `+` it
 * is one century earlier.
 */
export function inferYear(yy: number, plus: boolean, referenceYear: number): number {
  const latest = referenceYear - ((((referenceYear - yy) % 100) + 100) % 100);
  return plus ? latest - 100 : latest;
}

/** A normalized personnummer/samordningsnummer (12 digits) or reserve number. */
export const NORMALIZED_IDENTITY_NUMBER = /^(?:\d{12}|R\d{8}[A-Z]\d{2}[0-9A-Z])$/;

// Display helpers take only normalized values: anything else is a bug upstream, and guessing
// could show the wrong person's number or leak digits a mask should hide.
function splitNormalized(normalized: string): [head: string, tail: string] {
  if (!NORMALIZED_IDENTITY_NUMBER.test(normalized)) throw new RangeError('Not a normalized identity number');
  return [normalized.slice(0, -4), normalized.slice(-4)];
}

/** `YYYYMMDDNNNN` → `YYYYMMDD-NNNN`; a reserve number `R…` → `RYYYYMMDD-LNNC`. */
export function formatIdentityNumber(normalized: string): string {
  const [head, tail] = splitNormalized(normalized);
  return `${head}-${tail}`;
}

/** `YYYYMMDDNNNN` → `YYYYMMDD-****`, for lists where the full number is not needed. */
export function maskIdentityNumber(normalized: string): string {
  const [head] = splitNormalized(normalized);
  return `${head}-****`;
}
