import { describe, expect, it } from 'vitest';
import { formatIdentityNumber, maskIdentityNumber, parseIdentityNumber } from './identity-number.ts';
import { identityNumberInput } from './schema.ts';
import { REFERENCE_DATE, referenceCheckDigit, withCheckDigit } from './test-helpers.ts';

// Only synthetic numbers: 19121212-1212 ("Tolvan", the classic fictional number) and birth
// numbers 980–999, the range Skatteverket's published test-personnummer use (e.g. the test
// numbers 198507099805, 198507099813, 196411139808 and the worked example 811218-9876).
const parse = (input: string) => parseIdentityNumber(input, { referenceDate: REFERENCE_DATE });
const codeOf = (input: string) => {
  const result = parse(input);
  return result.ok ? 'ok' : result.code;
};

describe('parseIdentityNumber: personnummer', () => {
  it('parses Skatteverket test numbers in every accepted notation', () => {
    // 1+2+1+2+1+2+1+2+1 doubled on odd places: 2·1=2 and 1·2=2 nine times = 18 → check 2.
    expect(parse('19121212-1212')).toEqual({
      ok: true,
      kind: 'personnummer',
      normalized: '191212121212',
      birthDate: '1912-12-12',
      sex: 'male',
    });
    expect(parse('198507099805')).toMatchObject({ birthDate: '1985-07-09', sex: 'female' });
    expect(parse('850709-9813')).toMatchObject({ normalized: '198507099813', sex: 'male' });
    expect(parse('6411139808')).toMatchObject({ normalized: '196411139808', sex: 'female' });
    expect(parse('811218-9876')).toMatchObject({ normalized: '198112189876', birthDate: '1981-12-18', sex: 'male' });
  });

  it('agrees with the independent check-digit helper on the published numbers', () => {
    expect(referenceCheckDigit('121212121')).toBe('2');
    expect(referenceCheckDigit('850709980')).toBe('5');
    expect(referenceCheckDigit('850709981')).toBe('3');
    expect(referenceCheckDigit('641113980')).toBe('8');
    expect(referenceCheckDigit('811218987')).toBe('6');
  });

  it('tolerates spaces anywhere and typographic dashes', () => {
    const cases: [string, string][] = [
      ['19121212 1212', '1912-12-12'],
      [' 121212-1212 ', '2012-12-12'],
      ['1912 1212 1212', '1912-12-12'],
      ['\t191212121212\n', '1912-12-12'],
      ['121212 - 1212', '2012-12-12'],
      ['121212\u00a0+\u00a01212', '1912-12-12'],
      ['121212\u20131212', '2012-12-12'],
      ['19121212\u22121212', '1912-12-12'],
    ];
    for (const [input, birthDate] of cases) {
      expect(parse(input), input).toMatchObject({ ok: true, birthDate });
    }
  });

  it('refuses wrong shapes with format', () => {
    for (const input of ['', '-', '12121212', '121212-121', '1212121212121', '12121A-1212', '121212-121X', '1212-121212', '121212--1212', '121212/1212', '19121212+1212']) {
      expect(codeOf(input), input).toBe('format');
    }
  });

  it('refuses a wrong check digit with checksum', () => {
    expect(codeOf('121212-1213')).toBe('checksum');
    expect(codeOf('198507099806')).toBe('checksum');
  });
});

describe('parseIdentityNumber: birth numbers never issued', () => {
  it('refuses birth number 000 with serial, even when the check digit fits', () => {
    const never = withCheckDigit('20120514', '000');
    expect(referenceCheckDigit('120514000')).toBe(never.charAt(11));
    expect(codeOf(never)).toBe('serial');
    expect(codeOf(`${never.slice(2, 8)}-${never.slice(8)}`)).toBe('serial');
    // A samordningsnummer has the same birth numbers.
    expect(codeOf(withCheckDigit('20120574', '000'))).toBe('serial');
  });

  it('accepts the first and last issued birth numbers, 001 and 999', () => {
    expect(parse(withCheckDigit('20120514', '001'))).toMatchObject({ ok: true, sex: 'male' });
    expect(parse(withCheckDigit('20120514', '999'))).toMatchObject({ ok: true, sex: 'male' });
  });

  it('checks the date before the birth number: a real date is needed to say anything else', () => {
    expect(codeOf(withCheckDigit('20121314', '000'))).toBe('date');
  });
});

describe('parseIdentityNumber: dates', () => {
  it('knows leap years, including the century rule', () => {
    expect(parse(withCheckDigit('20000229', '980'))).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parse(withCheckDigit('19000229', '980'))).toEqual({ ok: false, code: 'date' });
    expect(parse(withCheckDigit('20240229', '984'))).toMatchObject({ ok: true, birthDate: '2024-02-29' });
    expect(parse(withCheckDigit('20230229', '984'))).toEqual({ ok: false, code: 'date' });
    // The same ten digits are valid with `-` (2000) and invalid with `+` (1900).
    expect(parse('000229-9808')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(codeOf('000229+9808')).toBe('date');
  });

  it('refuses month 13, month 00, day 00, 31 April and years before 1800', () => {
    for (const date of ['19851309', '19850009', '19850700', '19850431', '17991231']) {
      expect(codeOf(withCheckDigit(date, '982')), date).toBe('date');
    }
  });

  it('refuses a birth date after the reference date with future', () => {
    expect(codeOf(withCheckDigit('20261124', '984'))).toBe('future');
    expect(codeOf(withCheckDigit('21000101', '982'))).toBe('future');
    expect(parse(withCheckDigit('20261123', '984'))).toMatchObject({ ok: true, birthDate: '2026-11-23' });
  });

  it('takes "today" in Stockholm, not in UTC', () => {
    const number = withCheckDigit('20261124', '984');
    // 23:30 UTC on 23 November is already 24 November in Stockholm.
    expect(parseIdentityNumber(number, { referenceDate: new Date('2026-11-23T23:30:00Z') }).ok).toBe(true);
    expect(parseIdentityNumber(number, { referenceDate: new Date('2026-11-23T22:30:00Z') })).toEqual({ ok: false, code: 'future' });
  });

  it('takes "today" from the reference date it is given, never from the machine', () => {
    const born = withCheckDigit('20261124', '984');
    expect(parseIdentityNumber(born, { referenceDate: new Date('2028-11-24T12:00:00+01:00') })).toMatchObject({ ok: true, birthDate: '2026-11-24' });
    expect(parseIdentityNumber(born, { referenceDate: new Date('2026-11-23T12:00:00+01:00') })).toEqual({ ok: false, code: 'future' });
  });
});

describe('parseIdentityNumber: century of the 10-digit form', () => {
  it('takes the latest year not after the reference year for `-`', () => {
    expect(parse('121212-1212')).toMatchObject({ normalized: '201212121212', birthDate: '2012-12-12' });
    const born1927 = `271212-989${referenceCheckDigit('271212989')}`;
    expect(parse(born1927)).toMatchObject({ birthDate: '1927-12-12' });
    expect(parse(born1927.replace('-', ''))).toMatchObject({ birthDate: '1927-12-12' });
  });

  it('goes one century further back for `+` (100 or older in the reference year)', () => {
    expect(parse('121212+1212')).toMatchObject({ normalized: '191212121212', birthDate: '1912-12-12' });
    const nine = '261123984';
    // Born 1926-11-23: turns 100 on the reference date, so Skatteverket writes `+`.
    expect(parse(`261123+${nine.slice(6)}${referenceCheckDigit(nine)}`)).toMatchObject({ birthDate: '1926-11-23' });
    // The same digits with `-` are a baby born on the reference date.
    expect(parse(`261123-${nine.slice(6)}${referenceCheckDigit(nine)}`)).toMatchObject({ birthDate: '2026-11-23' });
  });

  it('uses `+` for the whole year a person turns 100, and `-` later that year is a future date', () => {
    const nine = '261124984';
    const tail = nine.slice(6) + referenceCheckDigit(nine);
    expect(parse(`261124+${tail}`)).toMatchObject({ ok: true, birthDate: '1926-11-24' });
    expect(codeOf(`261124-${tail}`)).toBe('future');
  });

  it('follows the reference date', () => {
    const inputs = { referenceDate: new Date('2011-06-01T12:00:00Z') };
    expect(parseIdentityNumber('121212-1212', inputs)).toMatchObject({ birthDate: '1912-12-12' });
    expect(parseIdentityNumber('121212+1212', inputs)).toMatchObject({ birthDate: '1812-12-12' });
  });
});

describe('parseIdentityNumber: samordningsnummer', () => {
  it('recognises day + 60 and returns the real birth date', () => {
    expect(referenceCheckDigit('850769980')).toBe('2');
    expect(parse('850769-9802')).toEqual({
      ok: true,
      kind: 'samordningsnummer',
      normalized: '198507699802',
      birthDate: '1985-07-09',
      sex: 'female',
    });
    expect(parse(withCheckDigit('19850769', '981'))).toMatchObject({ kind: 'samordningsnummer', sex: 'male' });
  });

  it('accepts days 61–91 that map to real dates, leap days included', () => {
    expect(parse(withCheckDigit('20040791', '982'))).toMatchObject({ birthDate: '2004-07-31' });
    expect(parse(withCheckDigit('20000289', '982'))).toMatchObject({ kind: 'samordningsnummer', birthDate: '2000-02-29' });
    expect(parse(withCheckDigit('20121261', '982'))).toMatchObject({ birthDate: '2012-12-01' });
  });

  it('refuses days 32–60 and days that are not real dates after − 60', () => {
    for (const date of ['20040732', '20040760', '20040792', '19000289', '20040491']) {
      expect(codeOf(withCheckDigit(date, '982')), date).toBe('date');
    }
  });
});

describe('formatting', () => {
  it('shows YYYYMMDD-NNNN and masks the last four', () => {
    expect(formatIdentityNumber('191212121212')).toBe('19121212-1212');
    expect(maskIdentityNumber('191212121212')).toBe('19121212-****');
    expect(formatIdentityNumber('R20240115K07H')).toBe('R20240115-K07H');
    expect(maskIdentityNumber('R20240115K07H')).toBe('R20240115-****');
  });

  it('refuses values that are not normalized rather than guess', () => {
    for (const value of ['121212-1212', '1212121212', '19121212-1212', 'x']) {
      expect(() => maskIdentityNumber(value), value).toThrow(RangeError);
    }
  });
});

describe('identityNumberInput', () => {
  const IdentityNumberInput = identityNumberInput(() => REFERENCE_DATE);
  it('accepts what parseIdentityNumber accepts and reports its code', () => {
    expect(IdentityNumberInput.safeParse(' 19121212-1212 ').success).toBe(true);
    const result = IdentityNumberInput.safeParse('121212-1213');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('identity_number_checksum');
    expect(IdentityNumberInput.safeParse('1'.repeat(41)).error?.issues[0]?.message).toBe('identity_number_format');
    expect(IdentityNumberInput.safeParse(withCheckDigit('20120514', '000')).error?.issues[0]?.message).toBe('identity_number_serial');
  });

  it('asks its clock at each parse: a number born after the clock\'s day is in the future', () => {
    let now = new Date('2026-11-23T12:00:00+01:00');
    const schema = identityNumberInput(() => now);
    const born = withCheckDigit('20261124', '984');
    expect(schema.safeParse(born).error?.issues[0]?.message).toBe('identity_number_future');
    now = new Date('2026-11-24T12:00:00+01:00');
    expect(schema.safeParse(born).success).toBe(true);
  });
});
