/**
 * Check digits. `luhn*` is Skatteverket's modulus-10 method with weights 2 and 1 over the
 * 10-digit form; `luhnModN*` is the same scheme over an alphabet of N characters, used by
 * reserve numbers so that letters are protected too.
 */

const digitAt = (digits: string, index: number): number => digits.charCodeAt(index) - 48;

/** Sum with every second digit from the right doubled (digit sum of the product). */
function luhnSum(digits: string, doubleRightmost: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, double = doubleRightmost; i >= 0; i--, double = !double) {
    const value = digitAt(digits, i) * (double ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  }
  return sum;
}

/** True when the last digit of `digits` is the Luhn check digit of the others. */
export function isLuhnValid(digits: string): boolean {
  return luhnSum(digits, false) % 10 === 0;
}

/** The digit that makes `payload + digit` Luhn-valid. */
export function luhnCheckDigit(payload: string): number {
  return (10 - (luhnSum(payload, true) % 10)) % 10;
}

// Luhn mod N only detects every single-character error when N is even: for odd N the
// "doubled" values of two different characters can coincide.
function luhnModNSum(value: string, alphabet: string, doubleRightmost: boolean): number {
  const n = alphabet.length;
  let sum = 0;
  for (let i = value.length - 1, double = doubleRightmost; i >= 0; i--, double = !double) {
    const addend = alphabet.indexOf(value.charAt(i)) * (double ? 2 : 1);
    sum += Math.floor(addend / n) + (addend % n);
  }
  return sum % n;
}

/** The character that makes `payload + char` valid; every payload character must be in `alphabet`. */
export function luhnModNCheckChar(payload: string, alphabet: string): string {
  const n = alphabet.length;
  return alphabet.charAt((n - luhnModNSum(payload, alphabet, true)) % n);
}

export function isLuhnModNValid(value: string, alphabet: string): boolean {
  return luhnModNSum(value, alphabet, false) === 0;
}
