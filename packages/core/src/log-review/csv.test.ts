import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('CSV for Swedish spreadsheets', () => {
  it('starts with a byte-order mark, separates with semicolons and ends lines with CRLF', () => {
    expect(toCsv(['Tid', 'Vem'], [['2026-11-23 14:05', 'Tove Lärare']])).toBe('\uFEFFTid;Vem\r\n2026-11-23 14:05;Tove Lärare\r\n');
  });

  it('quotes fields with separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
    expect(csvField('a,b')).toBe('a,b');
  });

  it('leaves empty values empty', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+46701234567')).toBe("'+46701234567");
    expect(csvField(-3)).toBe('-3');
  });
});
