import { parseIdentityNumber } from '@samsyn/core';
import type { Random } from './random.ts';

// The demo's identity numbers: every one from Skatteverket's test series, checked as it is made.

/** Skatteverket's check digit over YYMMDDNNN: weights 2,1,2,… from the left, digit sums. */
function checkDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i += 1) {
    const product = Number(nineDigits.charAt(i)) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Synthetic personnummer from Skatteverket's test series: birth numbers 980–999, which are
 * never given to real people. The third digit of the birth number is even for girls and women.
 */
export class IdentityNumbers {
  private readonly taken = new Set<string>();

  /** `now`: the seed's time; every number is parsed as of it. */
  constructor(
    private readonly random: Random,
    private readonly now: Date,
  ) {}

  /** A free number for this birth date and sex; `birthNumber` pins it (for the demo family). */
  next(birthDate: string, sex: 'female' | 'male', birthNumber?: number): string {
    const parity = sex === 'female' ? 0 : 1;
    const start = birthNumber ?? 980 + 2 * this.random.int(0, 9) + parity;
    // Ten numbers of each sex per day; try them all before giving up.
    for (let k = 0; k < 10; k += 1) {
      const serial = 980 + ((start - 980 + 2 * k) % 20);
      const number = withCheckDigit(birthDate, serial);
      if (this.taken.has(number)) continue;
      assertTestSeries(number, birthDate, sex, this.now);
      this.taken.add(number);
      return number;
    }
    throw new Error(`no free test-series number for ${birthDate}`);
  }
}

export function withCheckDigit(birthDate: string, birthNumber: number): string {
  const ymd = birthDate.replaceAll('-', '');
  const nine = ymd.slice(2) + String(birthNumber);
  return `${ymd}${birthNumber}${checkDigit(nine)}`;
}

function assertTestSeries(number: string, birthDate: string, sex: 'female' | 'male', referenceDate: Date): void {
  const parsed = parseIdentityNumber(number, { referenceDate });
  const birthNumber = Number(number.slice(8, 11));
  if (!parsed.ok || parsed.kind !== 'personnummer' || parsed.normalized !== number || parsed.birthDate !== birthDate || parsed.sex !== sex || birthNumber < 980) {
    throw new Error(`demo identity number ${number} is not a valid test-series personnummer`);
  }
}
