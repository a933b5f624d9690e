import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIdentityNumber, maskIdentityNumber, parseIdentityNumber } from './identity-number.ts';
import { createReserveNumber, MAX_RESERVE_SEQUENCE } from './reserve-number.ts';
import { identityNumberErrorCodes } from './types.ts';
import { REFERENCE_DATE, referenceCheckDigit, withCheckDigit } from './test-helpers.ts';

const parse = (input: string) => parseIdentityNumber(input, { referenceDate: REFERENCE_DATE });
const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1900, 0, 1);
const LAST = Date.UTC(2026, 10, 23); // the reference date

/** A birth date from 1900-01-01 to the reference date, as YYYYMMDD and YYYY-MM-DD. */
const birthDate = fc.integer({ min: 0, max: (LAST - FIRST) / DAY_MS }).map((offset) => {
  const iso = new Date(FIRST + offset * DAY_MS).toISOString().slice(0, 10);
  return { iso, compact: iso.replaceAll('-', '') };
});
const birthNumber = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));

/** A valid 12-digit number, as a personnummer or a samordningsnummer. */
const nationalNumber = fc.record({ date: birthDate, birthNumber, samordning: fc.boolean() }).map(({ date, birthNumber, samordning }) => {
  const day = Number(date.compact.slice(6)) + (samordning ? 60 : 0);
  return { ...date, birthNumber, samordning, normalized: withCheckDigit(date.compact.slice(0, 6) + String(day).padStart(2, '0'), birthNumber) };
});

describe('identity numbers (property-based)', () => {
  it('parses every valid date + birth number + check digit, in 12- and 10-digit form', () => {
    fc.assert(
      fc.property(nationalNumber, ({ iso, birthNumber, samordning, normalized }) => {
        const expected = {
          ok: true,
          kind: samordning ? 'samordningsnummer' : 'personnummer',
          normalized,
          birthDate: iso,
          sex: Number(birthNumber) % 2 === 0 ? 'female' : 'male',
        };
        expect(parse(normalized)).toEqual(expected);
        expect(parse(formatIdentityNumber(normalized))).toEqual(expected);
        const separator = REFERENCE_DATE.getFullYear() - Number(normalized.slice(0, 4)) >= 100 ? '+' : '-';
        expect(parse(`${normalized.slice(2, 8)}${separator}${normalized.slice(8)}`)).toEqual(expected);
        expect(maskIdentityNumber(normalized)).toBe(`${normalized.slice(0, 8)}-****`);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every single-digit change in the ten digits the check digit covers', () => {
    fc.assert(
      fc.property(nationalNumber, fc.integer({ min: 2, max: 11 }), fc.integer({ min: 1, max: 9 }), ({ normalized }, position, shift) => {
        const digit = (Number(normalized.charAt(position)) + shift) % 10;
        const changed = normalized.slice(0, position) + String(digit) + normalized.slice(position + 1);
        expect(parse(changed).ok).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the independent helper on which check digit is right', () => {
    fc.assert(
      fc.property(nationalNumber, ({ normalized }) => {
        expect(referenceCheckDigit(normalized.slice(2, 11))).toBe(normalized.charAt(11));
      }),
    );
  });

  it('creates reserve numbers that parse back, and refuses any changed character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPRSTUXY';
    fc.assert(
      fc.property(
        birthDate,
        fc.integer({ min: 0, max: MAX_RESERVE_SEQUENCE }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: alphabet.length - 1 }),
        (date, sequence, position, shift) => {
          const number = createReserveNumber({ birthDate: date.iso, sequence });
          expect(parse(number)).toEqual({ ok: true, kind: 'reservnummer', normalized: number, birthDate: date.iso, sex: null });
          expect(parse(formatIdentityNumber(number))).toMatchObject({ normalized: number });
          const replacement = alphabet.charAt((alphabet.indexOf(number.charAt(position)) + shift) % alphabet.length);
          const changed = number.slice(0, position) + replacement + number.slice(position + 1);
          expect(parse(changed).ok).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws and always answers with a documented code', () => {
    const characters = fc.constantFrom(...'0123456789-+ RAK'.split(''));
    const input = fc.oneof(fc.string(), fc.string({ unit: characters, maxLength: 16 }));
    fc.assert(
      fc.property(input, (value) => {
        const result = parse(value);
        if (!result.ok) expect(identityNumberErrorCodes).toContain(result.code);
      }),
      { numRuns: 3000 },
    );
  });
});
