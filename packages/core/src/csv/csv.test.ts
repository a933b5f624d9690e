import { describe, expect, it } from 'vitest';
import { csvBom, csvField, toCsv } from './csv.ts';

describe('CSV for Swedish Excel', () => {
  it('starts with a byte-order mark, separates with semicolons and ends every row with CRLF', () => {
    expect(toCsv(['Namn', 'Sektor'], [['Norrskolan', 'Skola'], ['BVC Öst', 'Barnhälsovård']])).toBe(
      `${csvBom}Namn;Sektor\r\nNorrskolan;Skola\r\nBVC Öst;Barnhälsovård\r\n`,
    );
    expect(toCsv(['Tid', 'Vem'], [['2026-11-23 14:05', 'Tove Lärare']])).toBe('\uFEFFTid;Vem\r\n2026-11-23 14:05;Tove Lärare\r\n');
  });

  it('writes the header alone when there are no rows', () => {
    expect(toCsv(['Tid', 'Vem'], [])).toBe(`${csvBom}Tid;Vem\r\n`);
  });

  it('quotes fields holding a separator, a quote, a line break or edge spaces (RFC 4180)', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('Förskolan "Ekorren"')).toBe('"Förskolan ""Ekorren"""');
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
    expect(csvField('rad 1\r\nrad 2')).toBe('"rad 1\r\nrad 2"');
    expect(csvField(' kant ')).toBe('" kant "');
  });

  it('leaves plain text and commas unquoted: the comma is not the separator', () => {
    expect(csvField('vanlig text')).toBe('vanlig text');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('12,3 %')).toBe('12,3 %');
  });

  it('writes empty fields for missing values and keeps zero and booleans', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, true]])).toBe(`${csvBom}a;b;c\r\n;;true\r\n`);
  });

  it('keeps a spreadsheet from running text as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+46701234567')).toBe("'+46701234567");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('\t=1')).toBe("'\t=1");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
  });

  it('leaves negative numbers as numbers', () => {
    expect(csvField(-3)).toBe('-3');
  });
});
