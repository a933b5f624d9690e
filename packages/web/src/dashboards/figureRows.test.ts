import { afterAll, describe, expect, it, vi } from 'vitest';

// Sorting compares text through common/format.ts, whose i18n sets the page's `lang`, which Node has not.
vi.hoisted(() => Object.assign(globalThis, { document: { documentElement: {} } }));
import { sortRows, type SortState } from '../common/sortRows.ts';
import { figureColumns, figureNumber, figureRows, type FigureRow } from './figureRows.ts';

// The worker goes on to other test files with its globals (isolate: false): the stand-in page leaves with this file.
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'document');
});

const names = (rows: readonly FigureRow[], column: number, direction: SortState['direction']) => sortRows(rows, figureColumns(['Kommun', 'Andel']), { key: String(column), direction }).map((r) => r.exported[0]);

/** The figure tables sort on the Swedish text's number; hidden cells' reasons stay below the figures. */
describe('a figure table’s sort values', () => {
  it('reads Swedish numbers: the decimal comma, the minus sign, grouped thousands, a unit after', () => {
    expect(figureNumber('12,3\u00a0%')).toBe(12.3);
    expect(figureNumber('\u22122,1 procentenheter (säkerställd)')).toBe(-2.1);
    expect(figureNumber('+0,5')).toBe(0.5);
    expect(figureNumber('1\u00a0234\u00a0567')).toBe(1234567);
    expect(figureNumber('37,7\u00a0%–62,3\u00a0%')).toBe(37.7);
    expect(figureNumber('2024')).toBe(2024);
  });

  it('takes a reason, a dash or a quarter for text', () => {
    for (const text of ['för få svar', '–', 'dold (skyddar en cell med för få svar)', '2026Q1', '']) expect(figureNumber(text)).toBeNull();
  });

  it('sorts figures by value either way, with the hidden cells last both ways', () => {
    const rows = figureRows([['Lindmo'], ['Exempelstad'], ['Åby'], ['Berga']], [['Lindmo', 'för få svar'], ['Exempelstad', '9,5\u00a0%'], ['Åby', '12,3\u00a0%'], ['Berga', '\u22121,0\u00a0%']]);
    expect(names(rows, 1, 'ascending')).toEqual(['Berga', 'Exempelstad', 'Åby', 'Lindmo']);
    expect(names(rows, 1, 'descending')).toEqual(['Åby', 'Exempelstad', 'Berga', 'Lindmo']);
    // Names the Swedish way: Å after the other letters.
    expect(names(rows, 0, 'ascending')).toEqual(['Berga', 'Exempelstad', 'Lindmo', 'Åby']);
  });
});
