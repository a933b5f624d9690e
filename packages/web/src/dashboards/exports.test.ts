import ExcelJS from 'exceljs';
import { createInstance, type TFunction } from 'i18next';
import type { EstimateCell, EstimatesView } from '@samsyn/core';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The figures format numbers through common/format.ts, whose i18n sets the page's `lang`, which Node has not.
vi.hoisted(() => Object.assign(globalThis, { document: { documentElement: {} } }));
import sv from '../i18n/sv.json' with { type: 'json' };
import { excelWorkbook } from './exports.ts';
import { trendOf } from './panelData.ts';
import { trendCells, trendHeader } from './trendTable.ts';

// The chart's Excel export through the real exceljs path (`excelWorkbook`, which `exportExcel`
// downloads in the browser), read back with exceljs: the trend of a municipality beside the county,
// one wave shown and one hidden.

let t: TFunction;
beforeAll(async () => {
  const i18n = createInstance();
  await i18n.init({ resources: { sv: { translation: sv } }, lng: 'sv', interpolation: { escapeValue: false } });
  t = i18n.t;
});

const shown = (year: number, area: string, proportion: number, lower: number, upper: number, respondents: number, change: EstimateCell['change'] = null): EstimateCell => ({ year, area, gender: 'T', grade: 'all', change, suppressed: false, proportion, lower, upper, respondents, effectiveN: respondents * 0.9 });
const view: EstimatesView = {
  indicator: { id: 'lhu.mar-bra', nameSv: 'Andel elever som mår bra', nameEn: 'Share of pupils who feel well', direction: 'higher_is_better', priorityArea: 'mental_health' },
  survey: { id: 'liv-och-halsa-ung', questionId: 'q_health', countingAnswers: [1, 2] },
  threshold: 10,
  level: 0.95,
  years: [2022, 2025],
  areas: [{ code: 'county', name: 'Hela länet' }, { code: '9905', name: 'Lindmo kommun' }],
  grades: ['7', '9', 'gy2'],
  cells: [
    shown(2022, '9905', 0.623, 0.6, 0.645, 812),
    { year: 2025, area: '9905', gender: 'T', grade: 'all', change: null, suppressed: true, reason: 'too_few' },
    shown(2022, 'county', 0.655, 0.648, 0.662, 9850),
    shown(2025, 'county', 0.701, 0.694, 0.708, 9900, { fromYear: 2022, difference: 0.046, lower: 0.036, upper: 0.056, significant: true }),
  ],
};

/** Swedish percentages as Intl writes them: a decimal comma and a no-break space before the sign. */
const swedish = (...texts: string[]) => texts.map((x) => x.replace(/ %/g, '\u00a0%'));

async function readBack(buffer: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return workbook.worksheets[0]!;
}

describe('the trend chart’s Excel export', () => {
  it('holds the header, the figures in Swedish number format, and a hidden wave’s reason instead of a number', async () => {
    const trend = trendOf(view, { area: '9905', gender: 'T', grade: 'all' }, [], 'county');
    const table = { header: trendHeader(t, 'Hela länet'), rows: trendCells(trend.rows, t, 'sv-SE', true) };
    const sheet = await readBack(await excelWorkbook('Över tid', table));

    expect(sheet.name).toBe('Över tid');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).values).toEqual([undefined, 'År', 'Andel', 'Intervall (95 %)', 'Antal svar', 'Förändring sedan förra omgången', 'Målkurva', 'Status mot målet', 'Avstånd till målkurvan', 'Andel, Hela länet', 'Intervall (95 %), Hela länet']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    // No stored target: the shared rule from Lindmo's first wave, 62,3 % and +2 points a year.
    expect(sheet.getRow(2).values).toEqual([undefined, '2022', ...swedish('62,3 %', '60,0 %–64,5 %'), '812', '–', ...swedish('62,3 %'), 'Utgångsläge', '–', ...swedish('65,5 %', '64,8 %–66,2 %')]);
    expect(sheet.getRow(3).values).toEqual([undefined, '2025', 'för få svar', '–', '–', '–', ...swedish('68,3 %'), '– Uppgift saknas', '–', ...swedish('70,1 %', '69,4 %–70,8 %')]);
    // Every cell is the table's text: no figure of a hidden cell, and no number Excel would reformat.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String)));
  });

  it('cuts a sheet name to Excel’s 31 characters', async () => {
    const sheet = await readBack(await excelWorkbook('Kommunerna i länet, alla årskurser och kön', { header: ['Kommun'], rows: [['Lindmo kommun']] }));
    expect(sheet.name).toBe('Kommunerna i länet, alla årskur');
    expect(sheet.getRow(2).getCell(1).value).toBe('Lindmo kommun');
  });
});
