import ExcelJS from 'exceljs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, visit, useBrowserSession, scanner, resize } from './browser.ts';

// The indicator catalogue and the Kolada import (Befolkning): an analyst adds an indicator, imports
// Kolada-shaped files (v2 and v3), sees what changed and confirms a renamed KPI; a teacher reads
// the catalogue and is offered nothing to change. The tests run in order on this file's database.

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../core/src/indicators/fixtures');
const fixture = (name: string) => path.join(fixtures, name);

const session = useBrowserSession();

const { found, scan } = scanner();

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the indicator catalogue in a browser', () => {
  it('an analyst adds a Kolada indicator in Swedish', async () => {
    const page = await loginAs(session, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'Befolkning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
    await page.getByRole('button', { name: 'Ny indikator' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny indikator' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText(/Id/).first().waitFor();
    await scan(page, 'sv indicator form with errors');
    await dialog.getByRole('textbox', { name: 'Id', exact: true }).fill('kolada.n15419');
    await choose(page, 'Typ av källa', 'Kolada');
    await dialog.getByRole('textbox', { name: 'Källans id', exact: true }).fill('N15419');
    await dialog.getByRole('textbox', { name: 'Namn på svenska' }).fill('Behöriga till yrkesprogram, hemkommun');
    await dialog.getByRole('textbox', { name: 'Namn på engelska' }).fill('Eligible for a vocational programme, home municipality');
    // The form keeps its draft as she types: a reload loses nothing.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Indikatorer' }).waitFor();
    await page.getByRole('button', { name: 'Ny indikator' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Id', exact: true }).inputValue()).toBe('kolada.n15419');
    expect(await dialog.getByRole('textbox', { name: 'Namn på engelska' }).inputValue()).toBe('Eligible for a vocational programme, home municipality');
    await choose(page, 'Enhet', 'Procent');
    await choose(page, 'Prioriterat område', 'Fullföljda studier');
    await choose(page, 'Vilka elever', 'Hemkommun');
    await dialog.getByRole('checkbox', { name: 'Kön' }).check();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Indikatorn Behöriga till yrkesprogram, hemkommun har lagts till.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Behöriga till yrkesprogram, hemkommun' });
    await row.getByText('Kolada N15419').waitFor();
    await row.getByText('År, Kommun, Kön').waitFor();
    await scan(page, 'sv catalogue');
    // Saving cleared the draft; the catalogue exports as Excel beside CSV.
    await page.getByRole('button', { name: 'Ny indikator' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Id', exact: true }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera Excel' }).click()]);
    expect(excel.suggestedFilename()).toMatch(/^indikatorer-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await excel.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).text).toBe('Namn');
    const names = sheet.getColumn(2).values.map(String);
    expect(names).toContain('Behöriga till yrkesprogram, hemkommun');
  });

  it('the analyst imports Kolada files, again without change, then a renamed KPI, and confirms it', async () => {
    const page = await loginAs(session, 'analyst');
    await visit(session, page, '/population/kolada', 'Import från Kolada');
    await scan(page, 'sv kolada empty');
    await page.getByRole('button', { name: 'JSON-filer från Kolada' }).waitFor();
    const input = page.locator('input[type="file"]');
    await input.setInputFiles(['v2-kpi.json', 'v2-municipality.json', 'v2-data-page1.json', 'v2-data-page2.json'].map(fixture));
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByText('9 värden lästa: 9 nya, 0 reviderade, 0 oförändrade. 0 rader avvisade. 1 KPI-beskrivningar och 3 kommuner.').waitFor();
    await scan(page, 'sv kolada result');

    await input.setInputFiles(['v3-data-page1.json', 'v3-data-page2.json', 'v3-kpi.json'].map(fixture));
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByText('9 värden lästa: 0 nya, 0 reviderade, 9 oförändrade. 1 rader avvisade. 1 KPI-beskrivningar och 0 kommuner.').waitFor();
    await page.getByText('KPI:er med ny titel').waitFor();
    await page.getByRole('region', { name: 'Resultat' }).getByText(/^v3-data-page2\.json values\[1\]:/).waitFor();
    // The header, these two imports and the demo's own: its schools' results (demo/schools.ts) and
    // its completed-studies series, imported and then revised (demo/population-targets.ts).
    const history = page.getByRole('table', { name: 'Tidigare importer' });
    expect(await history.getByRole('row').count()).toBe(6);
    // The history is a list that filters and exports: the rejected row is in it with its reason.
    await page.getByRole('textbox', { name: 'Filtrera' }).fill('v3-data');
    await history.getByRole('row').nth(1).getByText(/^v3-data-page2\.json values\[1\]:/).waitFor();
    expect(await history.getByRole('row').count()).toBe(2);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera Excel' }).click()]);
    expect(file.suggestedFilename()).toMatch(/^kolada-importer-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await file.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'När', 'Vem', 'Källa', 'Nya', 'Reviderade', 'Oförändrade', 'Avvisade', 'Avvisade rader (de första)']);
    expect(sheet.rowCount).toBe(2);
    expect([sheet.getRow(2).getCell(6).text, sheet.getRow(2).getCell(7).text]).toEqual(['9', '1']);
    expect(sheet.getRow(2).getCell(8).text).toMatch(/^v3-data-page2\.json values\[1\]:/);
    await page.getByRole('textbox', { name: 'Filtrera' }).fill('');
    await scan(page, 'sv kolada renamed');

    await visit(session, page, '/population', 'Indikatorer');
    const row = page.getByRole('row').filter({ hasText: 'Behöriga till yrkesprogram, hemkommun' });
    await row.getByText('KPI:ns titel har ändrats i Kolada – kontrollera att indikatorn fortfarande stämmer').waitFor();
    await row.getByRole('button', { name: 'Bekräfta att Behöriga till yrkesprogram, hemkommun stämmer med KPI:ns nya titel' }).click();
    await page.getByRole('status').filter({ hasText: 'stämmer med KPI:ns nya titel' }).waitFor();
    expect(await row.getByText('KPI:ns titel har ändrats').count()).toBe(0);
  });

  it('the pages in English, at 390 px too', async () => {
    const page = await loginAs(session, 'analyst', 'en');
    await visit(session, page, '/population', 'Indicators');
    await page.getByRole('row').filter({ hasText: 'Eligible for a vocational programme, home municipality' }).getByText('Home municipality', { exact: true }).waitFor();
    await scan(page, 'en catalogue');
    await page.getByRole('button', { name: 'New indicator' }).click();
    const dialog = page.getByRole('dialog', { name: 'New indicator' });
    await dialog.waitFor();
    await scan(page, 'en indicator form');
    // Cancelling throws the draft away.
    await dialog.getByRole('textbox', { name: 'Id', exact: true }).fill('draft.thrown-away');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'New indicator' }).click();
    expect(await dialog.getByRole('textbox', { name: 'Id', exact: true }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await visit(session, page, '/population/kolada', 'Import from Kolada');
    await scan(page, 'en kolada');
    await resize(page, { width: 390, height: 844 });
    await visit(session, page, '/population', 'Indicators');
    await scan(page, 'en catalogue 390');
    await resize(page, { width: 1280, height: 860 });
  });

  it('a teacher reads the catalogue but is offered nothing to change, and the import is not hers', async () => {
    const page = await loginAs(session, 'teacher');
    await visit(session, page, '/population', 'Indikatorer');
    await page.getByRole('row').filter({ hasText: 'Behöriga till yrkesprogram, hemkommun' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ny indikator' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Importera från Kolada' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);
    await page.goto(`${session.url}/population/kolada`);
    await page.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
  });

  it('an analyst sets a target on a local indicator, imports a CSV with the mapping and reads each year’s status in words', async () => {
    const page = await loginAs(session, 'analyst');
    // The indicator itself is set up through the API; adding one in the form is tested above.
    await page.evaluate(async () => {
      const { token } = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
      const res = await fetch('/api/indicators', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ id: 'local.rorelse', nameSv: 'Rörelse på schemat', nameEn: 'Movement in the timetable', unit: 'percent', direction: 'higher_is_better', priorityArea: 'physical_activity', source: { kind: 'local', ref: 'rorelse' }, breakdowns: ['year', 'municipality', 'gender'] }) });
      if (!res.ok) throw new Error(await res.text());
    });
    await visit(session, page, '/population/indicators/local.rorelse', 'Rörelse på schemat');
    await page.getByText('Inga mål är satta för indikatorn.').waitFor();
    await page.getByRole('button', { name: 'Sätt ett mål' }).click();
    await page.getByRole('textbox', { name: 'Gäller', exact: true }).click();
    await page.getByRole('option', { name: 'Hela länet (Region Exempellän)' }).click();
    await page.getByRole('textbox', { name: 'Utgångsår', exact: true }).fill('2022');
    await page.getByRole('textbox', { name: 'Värde utgångsåret' }).fill('60');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Målet för Region Exempellän är sparat.' }).waitFor();
    await page.getByRole('row').filter({ hasText: '+2,0 per år från 60,0 (2022)' }).waitFor();
    await scan(page, 'sv indicator page with target');

    await page.getByRole('link', { name: 'Importera lokal statistik (CSV eller Excel)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Importera lokal statistik: Rörelse på schemat' }).waitFor();
    // With the number each share is of, so the series' changes get Newcombe's interval.
    const csv = 'År;Kommun;Kön;Värde;Antal\r\n2022;0099;T;60,0;400\r\n2023;0099;T;62,5;400\r\n2025;0099;T;63,0;400\r\n2025;0099;X;61,0;400\r\n';
    await page.locator('input[type="file"]').setInputFiles({ name: 'rorelse.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByText('4 rader lästa: 3 felfria, 1 med fel.').waitFor();
    await page.getByRole('table', { name: 'Rader med fel' }).getByText('Kön ska vara T, K eller M').waitFor();
    expect(await page.getByRole('button', { name: 'Importera', exact: true }).isDisabled()).toBe(true);
    await scan(page, 'sv local import preview');
    await page.getByRole('checkbox', { name: 'Hoppa över raderna med fel (1 st) och importera resten' }).check();
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByText('Importen är klar: 3 nya, 0 reviderade, 0 oförändrade värden, 1 rader hoppades över.').waitFor();
    await page.getByRole('table', { name: 'Tidigare importer' }).getByText('rorelse.csv').waitFor();
    await scan(page, 'sv local import done');

    await page.getByRole('link', { name: 'Tillbaka till Rörelse på schemat' }).click();
    const table = page.getByTestId('series-table');
    await table.getByRole('row').filter({ hasText: '2023' }).getByText('✓ I fas med målet').waitFor();
    await table.getByRole('row').filter({ hasText: '2024' }).getByText('– Uppgift saknas').waitFor();
    await table.getByRole('row').filter({ hasText: '2025' }).getByText('✗ Inte i fas med målet').waitFor();
    await table.getByRole('row').filter({ hasText: '2025' }).getByText('−3,0').waitFor();
    // Each year's change with its interval in words, and the run-chart verdict: three points are too few.
    const changes = page.getByTestId('changes-table');
    const change2023 = changes.getByRole('row').filter({ hasText: '2023' });
    await change2023.getByText(/^\+2,5 procentenheter \(95 % KI −?\d+,\d–\d+,\d\)$/).waitFor();
    await change2023.getByText('Nej, inte säkerställd').waitFor();
    await changes.getByRole('row').filter({ hasText: '2025' }).getByText(/^\+0,5 procentenheter \(95 % KI/).waitFor();
    await page.getByTestId('run-chart-verdict').getByText(/^Seriereglerna \(Anhøj\): för få punkter för en slutsats, \d av minst 10 som behövs\.$/).waitFor();
    await scan(page, 'sv indicator page with series');

    // The demo's completed-studies KPI from Kolada, reached from its dashboard, judged against the county's +2 a year.
    await visit(session, page, '/population/dashboards/completed_studies', 'Uppföljning: Fullföljda studier');
    await page.getByRole('link', { name: 'Elever i åk 9 som är behöriga till gymnasiet, hemkommun' }).click();
    await page.getByTestId('series-target').getByText(/^Mål \(Region Exempellän\): \+2,0 procentenheter per år från \d{4}, utgångsvärde \d+,\d %\.$/).waitFor();
    expect(await page.getByTestId('series-table').getByText(/^[✓✗] (I fas|Inte i fas) med målet$/).count()).toBe(9);
    // Kolada gives no counts: no change has an interval; and a verdict over the years.
    const koladaChanges = page.getByTestId('changes-table').getByRole('row');
    await koladaChanges.nth(8).waitFor();
    expect(await page.getByTestId('changes-table').getByText('inget intervall: Kolada anger inte antalet').count()).toBe((await koladaChanges.count()) - 1);
    expect(await page.getByTestId('run-chart-verdict').textContent()).toMatch(/^Seriereglerna \(Anhøj\): (signal|ingen signal)/);
    await scan(page, 'sv kolada series');

    const english = await loginAs(session, 'analyst', 'en');
    await visit(session, english, '/population/indicators/local.rorelse', 'Movement in the timetable');
    await english.getByTestId('series-table').getByText('✗ Off track').waitFor();
    await english.getByTestId('changes-table').getByText(/^\+2\.5 percentage points \(95 % CI/).waitFor();
    await english.getByTestId('run-chart-verdict').getByText(/too few points for a conclusion/).waitFor();
    await scan(english, 'en indicator page');
    await visit(session, english, '/population/indicators/local.rorelse/import', 'Import local statistics: Movement in the timetable');
    await scan(english, 'en local import');
  });

  it('has no axe violations at any impact level', () => {
    expect(found).toEqual([]);
  });
});
