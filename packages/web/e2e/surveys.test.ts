import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, visit, useBrowserSession, scanner, resize } from './browser.ts';

// Surveys and dashboards (Befolkning): an analyst imports a survey file and sees its progress,
// opens the mental-health dashboard, changes the filters and downloads a chart's PNG and CSV, and
// goes on to a municipality's page and the list of municipalities; the dashboard and the
// municipality's page in Swedish and English have no axe violations at any impact level.

const session = useBrowserSession();

const { found, scan } = scanner();

/** A wave far back in time, large enough that its progress shows while it is read. */
function surveyFile(rows: number): string {
  const header = 'year;municipality;school_unit;grade;gender;weight;q_health;q_safe_school;q_sleep;q_active;q_stress;q_adult';
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(`2005;990${(i % 5) + 1};;${['7', '9', 'gy2'][i % 3]};${i % 2 ? 'K' : 'M'};1;${(i % 5) + 1};1;2;3;4;5`);
  return lines.join('\n') + '\n';
}

async function choose(scope: Locator, page: Page, label: string, option: string) {
  await scope.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const chartsDrawn = (page: Page, n: number) => page.waitForFunction((count) => document.querySelectorAll('[data-chart][data-drawn="true"]').length >= count, n);

/**
 * Lindmo's page (opened from the dashboard): its priorities' six Kolada series and four survey
 * indicators beside the county, judged by the shared rule (Lindmo has no target of its own) in
 * words, hidden cells with their reasons; then the list of municipalities it links back to.
 */
async function municipalityPage(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Uppföljning: Lindmo kommun' }).waitFor();
  await chartsDrawn(page, 10);
  const feelWell = page.getByRole('region', { name: 'Andel elever som mår bra', exact: true });
  await feelWell.getByTestId('trend-target').getByText(/^Inget eget mål är satt för Lindmo kommun\. Länets gemensamma regel gäller: \+2,0 procentenheter per år från \d{4}, utgångsvärde \d+,\d\s%\.$/).waitFor();
  expect(await feelWell.getByTestId('trend-table').getByRole('columnheader', { name: 'Andel, Hela länet' }).count()).toBe(1);
  await feelWell.getByTestId('trend-table').getByText(/^[✓✗] (I fas|Inte i fas) med målet$/).first().waitFor();
  // Lindmo has few pupils in upper-secondary year 2: the girls' cells give the reason, never a figure.
  await choose(feelWell, page, 'Kön', 'Flickor');
  await choose(feelWell, page, 'Årskurs', 'Gymnasiet år 2');
  await feelWell.getByTestId('trend-table').getByText(/^(för få svar|dold \(skyddar en cell med för få svar\))$/).first().waitFor();
  // Kolada's confidential cell for Lindmo's girls in its own schools keeps its reason.
  const eligible = page.getByRole('region', { name: 'Elever i åk 9 som är behöriga till gymnasiet, kommunala skolor', exact: true });
  await choose(eligible, page, 'Kön', 'Flickor');
  await eligible.getByTestId('series-table').getByText('sekretess (..)').waitFor();
  await eligible.getByTestId('series-target').getByText(/^Inget eget mål är satt för Lindmo kommun\./).waitFor();
  await scan(page, 'sv municipality');
  await page.getByRole('link', { name: 'Alla kommuner', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Kommunerna i länet' }).waitFor();
  expect(await page.getByRole('table', { name: 'Kommunerna i länet' }).getByRole('row').count()).toBe(6);
  expect(await page.getByRole('navigation').getByRole('link', { name: 'Kommunerna' }).count()).toBe(1);
  await scan(page, 'sv municipalities');
}

describe('surveys and dashboards in a browser', () => {
  it('an analyst imports a survey file and follows its progress', async () => {
    const page = await loginAs(session, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'Enkätimport' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enkätimport' }).waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv survey import');
    await page.locator('input[type="file"]').setInputFiles({ name: 'liv-och-halsa-ung-2005.csv', mimeType: 'text/csv', buffer: Buffer.from(surveyFile(150_000)) });
    // Every text the live status region shows is recorded, so a quick import's progress is seen too.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenStatus: string[] }).seenStatus = seen;
      new MutationObserver(() => document.querySelectorAll('[role="status"]').forEach((e) => seen.push(e.textContent ?? ''))).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Importera' }).click();
    await page.getByRole('status').filter({ hasText: 'Importen är klar' }).waitFor({ timeout: 120_000 });
    await page.getByText(/150\s000 svar för 2005 är importerade/).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seenStatus: string[] }).seenStatus);
    expect(seen.some((text) => /Läser rader: [\d\s]+ av 150\s000/.test(text))).toBe(true);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await page.getByRole('row').filter({ hasText: 'liv-och-halsa-ung-2005.csv' }).getByText('Gäller').waitFor();
    await scan(page, 'sv survey import done');
    // The history is a list with who and the rejected rows; it filters and exports as Excel.
    const history = page.getByRole('table', { name: 'Tidigare importer' });
    await page.getByRole('textbox', { name: 'Filtrera' }).fill('2005');
    await history.getByRole('row').nth(1).getByText('liv-och-halsa-ung-2005.csv').waitFor();
    expect(await history.getByRole('row').count()).toBe(2);
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera Excel' }).click()]);
    expect(excel.suggestedFilename()).toMatch(/^enkatimporter-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await excel.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'När', 'Vem', 'Fil (CSV)', 'År', 'Svar', 'Avvisade rader', 'Rader med fel (de första)', 'Status']);
    expect([2, 3, 4, 5, 6, 8].map((c) => sheet.getRow(2).getCell(c).text)).toEqual(['Alva Analytiker', 'liv-och-halsa-ung-2005.csv', '2005', '150000', '0', 'Gäller']);
  });

  it('the analyst opens the mental-health dashboard, changes the filters and downloads the PNG and the CSV', async () => {
    const page = await loginAs(session, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'Psykisk hälsa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uppföljning: Psykisk hälsa' }).waitFor();
    const panel = page.getByRole('region', { name: 'Andel elever som mår bra' });
    await panel.getByRole('heading', { name: 'Över tid: Hela länet' }).waitFor();
    await chartsDrawn(page, 2);
    // Swedish number formatting in the tables: 12,3 %.
    await panel.getByTestId('trend-table').getByText(/^\d{1,3},\d\s%$/).first().waitFor();
    await scan(page, 'sv dashboard');

    await choose(panel, page, 'Kommun', 'Exempelstads kommun');
    await panel.getByRole('heading', { name: 'Över tid: Exempelstads kommun' }).waitFor();
    // The demo's real improvement in Exempelstad: marked as more than chance, judged by Exempelstad's own target.
    await panel.getByTestId('trend-table').getByText(/\(säkerställd\)/).first().waitFor();
    await panel.getByTestId('trend-target').getByText(/^Mål \(Exempelstads kommun\): \+2,0 procentenheter per år från \d{4}, utgångsvärde \d+,\d\s%\.$/).waitFor();
    await choose(panel, page, 'Kön', 'Flickor');
    await choose(panel, page, 'Årskurs', 'Gymnasiet år 2');
    // Lindmo has few pupils in upper-secondary year 2: hidden, with the reason, never a figure.
    const lindmo = panel.getByTestId('comparison-table').getByRole('row').filter({ hasText: 'Lindmo' });
    await lindmo.getByText(/för få svar|dold/).waitFor();
    const years = await panel.getByRole('textbox', { name: 'År', exact: true }).inputValue();
    await choose(panel, page, 'År', String(Number(years) - 3));
    await panel.getByRole('heading', { name: `Kommunerna ${Number(years) - 3}` }).waitFor();
    await chartsDrawn(page, 2);
    await scan(page, 'sv dashboard filtered');

    const trendExports = panel.getByRole('group', { name: 'Exportera Över tid' });
    const [png] = await Promise.all([page.waitForEvent('download'), trendExports.getByRole('button', { name: 'Bild (PNG)' }).click()]);
    expect(png.suggestedFilename()).toBe('lhu.mar-bra-trend.png');
    const picture = await readFile((await png.path())!);
    expect(picture.subarray(1, 4).toString()).toBe('PNG');
    expect(picture.length).toBeGreaterThan(2000);

    const [csv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('group', { name: 'Exportera Kommunerna' }).getByRole('button', { name: 'Data (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toBe(`lhu.mar-bra-kommuner-${Number(years) - 3}.csv`);
    const text = (await readFile((await csv.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe('Kommun;Andel;Intervall (95 %);Antal svar');
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.startsWith('Lindmo'))).toMatch(/^Lindmo kommun;(för få svar|dold \(skyddar en cell med för få svar\));–;–$/);
    for (const row of rows.filter((r) => !r.includes('–;–'))) {
      expect(row).toMatch(/;\d{1,3},\d\s%;\d{1,3},\d\s%–\d{1,3},\d\s%;\d+$/);
      expect(Number(row.split(';')[3])).toBeGreaterThanOrEqual(10);
    }

    // The table beside the chart sorts by a column header (mouse or keyboard) and filters; hidden
    // cells keep their reason below the figures either way, and the CSV holds what the table shows.
    const comparison = panel.getByTestId('comparison-table');
    const shareHeader = comparison.getByRole('columnheader', { name: 'Andel' });
    await shareHeader.getByRole('button').click();
    expect(await shareHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await comparison.locator('tbody td:nth-child(2)').allTextContents();
    const figures = ascending.filter((s) => /^\d/.test(s)).map((s) => Number(s.replace(/\s%$/, '').replace(',', '.')));
    expect(figures).toEqual([...figures].sort((a, b) => a - b));
    expect(ascending.slice(figures.length).every((s) => /^(för få svar|dold)/.test(s))).toBe(true);
    await shareHeader.getByRole('button').press('Enter');
    expect(await shareHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await comparison.locator('tbody td:nth-child(2)').allTextContents();
    expect(descending.slice(0, figures.length)).toEqual(ascending.slice(0, figures.length).reverse());
    const municipalities = panel.getByRole('region', { name: `Kommunerna ${Number(years) - 3}` });
    await municipalities.getByRole('searchbox', { name: 'Filtrera' }).fill('Lindmo');
    await municipalities.getByRole('status').filter({ hasText: 'Visar 1–1 av 1 rad (filtrerat från 5)' }).waitFor();
    const [lindmoCsv] = await Promise.all([page.waitForEvent('download'), panel.getByRole('group', { name: 'Exportera Kommunerna' }).getByRole('button', { name: 'Data (CSV)' }).click()]);
    const lindmoRows = (await readFile((await lindmoCsv.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lindmoRows).toHaveLength(2);
    expect(lindmoRows[1]).toMatch(/^Lindmo kommun;(för få svar|dold \(skyddar en cell med för få svar\));–;–$/);
    await municipalities.getByRole('searchbox', { name: 'Filtrera' }).fill('');

    // The wave the analyst imported in the first step is on the dashboard: its year is a filter,
    // and the trend's CSV holds its row beside the demo's waves, in Swedish number format.
    await choose(panel, page, 'År', '2005');
    await panel.getByRole('heading', { name: 'Kommunerna 2005' }).waitFor();
    await panel.getByTestId('comparison-table').getByRole('row').filter({ hasText: 'Exempelstad' }).getByText(/^\d{1,3},\d\s%$/).waitFor();
    const [trend] = await Promise.all([page.waitForEvent('download'), trendExports.getByRole('button', { name: 'Data (CSV)' }).click()]);
    expect(trend.suggestedFilename()).toBe('lhu.mar-bra-trend.csv');
    const [trendHeader, ...trendRows] = (await readFile((await trend.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(trendHeader).toBe('År;Andel;Intervall (95 %);Antal svar;Förändring sedan förra omgången;Målkurva;Status mot målet;Avstånd till målkurvan');
    expect(trendRows.map((r) => r.split(';')[0])).toEqual(['2005', String(Number(years) - 3), years]);
    expect(trendRows[0]).toMatch(/^2005;\d{1,3},\d\s%;\d{1,3},\d\s%–\d{1,3},\d\s%;\d+;/);

    // Under the municipalities' table, each municipality's own page (one session, as the steps above).
    await panel.getByTestId('municipality-links').getByRole('link', { name: 'Lindmo kommun' }).click();
    await municipalityPage(page);
  });

  it('the dashboard in English, at 390 px too', async () => {
    const page = await loginAs(session, 'analyst', 'en');
    await visit(session, page, '/population/dashboards/mental_health', 'Follow-up: Mental health');
    await page.getByRole('region', { name: 'Share of pupils who feel well' }).getByRole('heading', { name: 'Over time: The whole county' }).waitFor();
    await chartsDrawn(page, 2);
    await scan(page, 'en dashboard');
    await visit(session, page, '/population/municipalities/9905', 'Follow-up: Lindmo kommun');
    await chartsDrawn(page, 10);
    await page.getByRole('region', { name: 'Share of pupils who feel well', exact: true }).getByTestId('trend-target').getByText(/^No target of its own is set for Lindmo kommun\. The county's shared rule applies: \+2\.0 percentage points a year from \d{4}/).waitFor();
    await scan(page, 'en municipality');
    await resize(page, { width: 390, height: 844 });
    await visit(session, page, '/population/dashboards/physical_activity', 'Follow-up: Physical activity');
    await chartsDrawn(page, 1);
    await scan(page, 'en dashboard 390');
    await resize(page, { width: 1280, height: 860 });
  });

  it('a teacher reads the dashboards but is offered no import', async () => {
    const page = await loginAs(session, 'teacher');
    await visit(session, page, '/population/dashboards/mental_health', 'Uppföljning: Psykisk hälsa');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Enkätimport' }).count()).toBe(0);
    await page.goto(`${session.url}/population/surveys/import`);
    await page.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
  });

  it('has no axe violations at any impact level', () => {
    expect(found).toEqual([]);
  });
});
