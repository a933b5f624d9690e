import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/parse.ts';
import { checkLocalRows, localLayout, LocalColumnMapping } from './local-statistics.ts';

const mapping = LocalColumnMapping.parse({ year: 'År', municipality: 'Kommun', gender: 'Kön', value: 'Andel', status: 'Status', count: 'Antal' });

describe('local statistics rows', () => {
  it('finds the mapped columns whatever their case, and names the one missing', () => {
    expect(localLayout(['år', 'KOMMUN', 'Kön', 'Andel', 'Status', 'Antal'], mapping).layout).toMatchObject({ year: 0, municipality: 1, schoolUnit: null });
    expect(localLayout(['År', 'Kommun', 'Kön', 'Andel'], mapping).errors).toEqual([
      { line: 1, column: 'Antal', code: 'column_missing' },
      { line: 1, column: 'Status', code: 'column_missing' },
    ]);
  });

  it('reads Swedish decimals and a missing value with its reason, and reports every bad field of a row', () => {
    const csv = parseCsv('År;Kommun;Kön;Andel;Status;Antal\n2024;9901;T;71,5;;120\n2024;9901;K;;..;\n2024;99x1;X;abc;;-3\n2025;9901;T;70;..;\n2024;9901;T;72;;\n');
    const { layout } = localLayout(csv.header, mapping);
    const checked = checkLocalRows(csv.rows, layout!, mapping);
    expect(checked.rows).toEqual([
      { year: 2024, municipality: '9901', schoolUnit: '', gender: 'T', value: 71.5, status: 'ok', count: 120 },
      { year: 2024, municipality: '9901', schoolUnit: '', gender: 'K', value: null, status: 'confidential', count: null },
    ]);
    expect(checked.errors).toEqual([
      { line: 4, column: 'Kommun', code: 'municipality_invalid' },
      { line: 4, column: 'Kön', code: 'gender_invalid' },
      { line: 4, column: 'Andel', code: 'value_invalid' },
      { line: 4, column: 'Antal', code: 'count_invalid' },
      { line: 5, column: 'Status', code: 'value_with_status' },
      { line: 6, column: null, code: 'duplicate_row' },
    ]);
    expect([checked.total, checked.rejected]).toEqual([5, 3]);
  });

  it('takes an empty value without a reason as missing, never a bare null', () => {
    const csv = parseCsv('År;Kommun;Kön;Andel;Status;Antal\n2024;9902;M;;;\n');
    const checked = checkLocalRows(csv.rows, localLayout(csv.header, mapping).layout!, mapping);
    expect(checked.rows[0]).toMatchObject({ value: null, status: 'missing' });
  });
});
