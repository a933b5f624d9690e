import { describe, expect, it } from 'vitest';
import { formatIdentityNumber, parseIdentityNumber } from './identity-number.ts';
import { createReserveNumber, MAX_RESERVE_SEQUENCE } from './reserve-number.ts';
import { REFERENCE_DATE } from './test-helpers.ts';

const parse = (input: string) => parseIdentityNumber(input, { referenceDate: REFERENCE_DATE });
const codeOf = (input: string) => {
  const result = parse(input);
  return result.ok ? 'ok' : result.code;
};

describe('createReserveNumber', () => {
  it('is R + birth date + letter and two digits + check character, deterministically', () => {
    expect(createReserveNumber({ birthDate: '2024-01-15', sequence: 0 })).toBe('R20240115A00L');
    expect(createReserveNumber({ birthDate: '2024-01-15', sequence: 907 })).toBe('R20240115K07H');
    expect(createReserveNumber({ birthDate: '2024-01-15', sequence: MAX_RESERVE_SEQUENCE })).toBe('R20240115Y99E');
    expect(createReserveNumber({ birthDate: '2024-01-15', sequence: 907 })).toBe('R20240115K07H');
  });

  it('gives every sequence of a day its own number', () => {
    const numbers = new Set<string>();
    for (let sequence = 0; sequence <= MAX_RESERVE_SEQUENCE; sequence++) {
      numbers.add(createReserveNumber({ birthDate: '2020-02-29', sequence }));
    }
    expect(numbers.size).toBe(MAX_RESERVE_SEQUENCE + 1);
    expect(MAX_RESERVE_SEQUENCE).toBe(1999);
  });

  it('throws for an invalid birth date or sequence (a programming error)', () => {
    for (const birthDate of ['2023-02-29', '20240115', '2024-13-01', '1799-12-31', '']) {
      expect(() => createReserveNumber({ birthDate, sequence: 0 }), birthDate).toThrow(RangeError);
    }
    for (const sequence of [-1, 2000, 1.5, Number.NaN]) {
      expect(() => createReserveNumber({ birthDate: '2024-01-15', sequence }), String(sequence)).toThrow(RangeError);
    }
  });
});

describe('parseIdentityNumber: reservnummer', () => {
  it('recognises a reserve number with or without dash, spaces and case', () => {
    const expected = { ok: true, kind: 'reservnummer', normalized: 'R20240115K07H', birthDate: '2024-01-15', sex: null };
    expect(parse('R20240115K07H')).toEqual(expected);
    expect(parse('R20240115-K07H')).toEqual(expected);
    expect(parse(' r20240115 - k07h ')).toEqual(expected);
    expect(formatIdentityNumber('R20240115K07H')).toBe('R20240115-K07H');
  });

  it('refuses wrong shapes, excluded letters and unknown check characters with format', () => {
    for (const input of ['R', 'R2024011K07H', 'R20240115K7H', 'R20240115KK7H', 'R202401150007', 'R20240115I07H', 'R20240115K07Z', 'R240115K07H', 'X20240115K07H']) {
      expect(codeOf(input), input).toBe('format');
    }
  });

  it('refuses a wrong check character with checksum', () => {
    expect(codeOf('R20240115K07J')).toBe('checksum');
    expect(codeOf('R20240115K08H')).toBe('checksum');
    expect(codeOf('R20240116K07H')).toBe('checksum');
  });

  it('checks the birth date and refuses future ones', () => {
    expect(codeOf('R20230229A00L')).toBe('date');
    expect(codeOf(createReserveNumber({ birthDate: '2026-11-24', sequence: 3 }))).toBe('future');
    expect(codeOf(createReserveNumber({ birthDate: '2026-11-23', sequence: 3 }))).toBe('ok');
  });

  it('can never be read as a personnummer, even without its R', () => {
    const number = createReserveNumber({ birthDate: '2012-12-12', sequence: 12 });
    expect(codeOf(number.slice(1))).toBe('format');
  });
});
