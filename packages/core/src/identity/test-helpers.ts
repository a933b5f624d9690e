/**
 * Test-only helpers, written independently of luhn.ts on purpose (weights counted from the
 * left, digit sums taken from the decimal strings of the products), so a shared mistake
 * cannot make both the implementation and its tests agree.
 */

/** Skatteverket's check digit for the 9 digits YYMMDDNNN. */
export function referenceCheckDigit(nineDigits: string): string {
  const products = [...nineDigits].map((digit, index) => Number(digit) * (index % 2 === 0 ? 2 : 1));
  const digitSum = products
    .join('')
    .split('')
    .reduce((sum, digit) => sum + Number(digit), 0);
  return String((10 - (digitSum % 10)) % 10);
}

/** A 12-digit number from YYYYMMDD and a 3-digit birth number, with its check digit. */
export function withCheckDigit(yyyymmdd: string, birthNumber: string): string {
  return yyyymmdd + birthNumber + referenceCheckDigit(yyyymmdd.slice(2) + birthNumber);
}

/** 2026-11-23, noon in Stockholm. */
export const REFERENCE_DATE = new Date('2026-11-23T12:00:00+01:00');
