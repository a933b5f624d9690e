import { describe, expect, it } from 'vitest';
import { csvBom, csvField, toCsv } from '../src/common/csv.ts';

describe('CSV for Swedish Excel', () => {
  it('starts with a byte-order mark, separates with semicolons and ends rows with CRLF', () => {
    expect(toCsv(['Namn', 'Sektor'], [['Norrskolan', 'Skola'], ['BVC Öst', 'Barnhälsovård']])).toBe(
      `${csvBom}Namn;Sektor\r\nNorrskolan;Skola\r\nBVC Öst;Barnhälsovård\r\n`,
    );
  });

  it('quotes fields holding a separator, a quote, a line break or edge spaces', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('Förskolan "Ekorren"')).toBe('"Förskolan ""Ekorren"""');
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
    expect(csvField(' kant ')).toBe('" kant "');
    expect(csvField('vanlig text')).toBe('vanlig text');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+46701234567')).toBe("'+46701234567");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField(-3)).toBe('-3');
  });

  it('writes empty fields for missing values', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, true]])).toBe(`${csvBom}a;b;c\r\n;;true\r\n`);
  });
});
