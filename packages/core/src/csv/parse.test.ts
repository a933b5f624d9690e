import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import { detectSeparator, parseCsv } from './parse.ts';

describe('reading CSV', () => {
  it('reads what the writer writes: BOM, semicolons, CRLF and quoting', () => {
    const text = toCsv(['Namn', 'Ort'], [['Förskolan "Ekorren"', 'Norrvik; Öst'], ['rad 1\nrad 2', '']]);
    const parsed = parseCsv(text);
    expect(parsed.separator).toBe(';');
    expect(parsed.header).toEqual(['Namn', 'Ort']);
    expect(parsed.rows).toEqual([
      { line: 2, fields: ['Förskolan "Ekorren"', 'Norrvik; Öst'] },
      { line: 3, fields: ['rad 1\nrad 2', ''] },
    ]);
    expect(parsed.unterminatedQuote).toBe(false);
  });

  it('finds a comma separator from the header, and keeps semicolons inside fields then', () => {
    expect(detectSeparator('personnummer,förnamn,efternamn\n1;2,3')).toBe(',');
    expect(detectSeparator('a;b,c;d')).toBe(';');
    const parsed = parseCsv('a,b\n"x, y",z;w\n');
    expect(parsed.rows).toEqual([{ line: 2, fields: ['x, y', 'z;w'] }]);
  });

  it('skips blank lines, keeps line numbers and numbers a row by its first line', () => {
    const parsed = parseCsv('a;b\n\n1;2\r\n"3\n3";4\n5;6');
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 4, 6]);
    expect(parsed.rows[1]!.fields).toEqual(['3\n3', '4']);
  });

  it('says when a quote is left open, and never throws', () => {
    expect(parseCsv('a;b\n"1;2\n').unterminatedQuote).toBe(true);
    expect(parseCsv('')).toEqual({ separator: ';', header: [], rows: [], unterminatedQuote: false });
  });
});
