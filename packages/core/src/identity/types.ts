/**
 * Result types of `parseIdentityNumber`. Success is a discriminated union on `kind` so that
 * `sex` is precise: national numbers always carry it, reserve numbers never do.
 */

/**
 * Stable reasons for refusing an identity number. Clients and translations match on these.
 * - `format`: not shaped like any accepted form (length, letters, misplaced `+`, unknown characters).
 * - `date`: the birth date is not a real calendar date (month 13, day 00, 29 Feb in a common
 *   year, samordningsnummer day outside 61–91, year before 1800).
 * - `serial`: the birth number (födelsenummer, the three digits after the date) is one Skatteverket
 *   never issues: `000`. A typing error (or an invented number) that the check digit can let through.
 * - `checksum`: the check digit (Luhn) or the reserve number's check character is wrong.
 * - `future`: the birth date lies after the reference date.
 */
export type IdentityNumberErrorCode = 'format' | 'date' | 'serial' | 'checksum' | 'future';

/** Every refusal code, in the order the parser checks them. */
export const identityNumberErrorCodes: readonly IdentityNumberErrorCode[] = ['format', 'date', 'serial', 'checksum', 'future'];

export type Sex = 'female' | 'male';

/** A personnummer or samordningsnummer issued by Skatteverket. */
export interface NationalIdentityNumber {
  ok: true;
  kind: 'personnummer' | 'samordningsnummer';
  /** `YYYYMMDDNNNN`; a samordningsnummer keeps its day + 60. */
  normalized: string;
  /** `YYYY-MM-DD`, the real birth date (day − 60 for a samordningsnummer). */
  birthDate: string;
  sex: Sex;
}

/** A Samsyn-local reserve number (see reserve-number.ts); it carries no sex. */
export interface ReserveIdentityNumber {
  ok: true;
  kind: 'reservnummer';
  /** `RYYYYMMDDLNNC`. */
  normalized: string;
  birthDate: string;
  sex: null;
}

export type ParsedIdentityNumber = NationalIdentityNumber | ReserveIdentityNumber;

export type IdentityNumberKind = ParsedIdentityNumber['kind'];

export interface IdentityNumberError {
  ok: false;
  code: IdentityNumberErrorCode;
}

export type IdentityNumberResult = ParsedIdentityNumber | IdentityNumberError;

export interface ParseIdentityNumberOptions {
  /** "Today" for century inference and the future check (its day in Europe/Stockholm): the server's clock, or the browser's. */
  referenceDate: Date;
}

export const identityNumberError = (code: IdentityNumberErrorCode): IdentityNumberError => ({
  ok: false,
  code,
});
