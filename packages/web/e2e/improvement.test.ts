import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allViolations, loginAs, resetBrowser, startSession, visit, type Session } from './browser.ts';

// Improvement work: a team member (Tove Lärare, on Centrumskolan Exempelstad's team) records a
// PDSA cycle and enters this week's value of the outcome measure; the measure's page shows the
// signal in words, the chart drawn, and the table with the tested changes. Axe at every impact
// level on the networks list, the network, the project, the measure and the coach's page, in
// Swedish and English. The tests run in order on this file's database.

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(async () => {
  await resetBrowser(session);
});

const found: string[] = [];
async function scan(page: Page, label: string): Promise<void> {
  found.push(...(await allViolations(page, label)));
}

const network = 'Bästa platsen att växa upp – närvaro';
const project = 'Fler elever i skolan varje dag';

describe('improvement work in a browser', () => {
  it('a team member records a PDSA cycle and enters a value; the run chart shows the signal and the annotation', async () => {
    const page = await loginAs(session, 'teacher');
    await page.getByRole('navigation').getByRole('link', { name: 'Förbättringsarbete' }).click();
    await page.getByRole('heading', { level: 1, name: 'Förbättringsarbete' }).waitFor();
    await page.getByRole('row').filter({ hasText: network }).waitFor();
    await scan(page, 'sv networks');
    await page.getByRole('link', { name: network }).click();
    await page.getByRole('heading', { level: 1, name: network }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Centrumskolan Exempelstad' }).getByText('Signal', { exact: true }).waitFor();
    await scan(page, 'sv network');
    await page.getByRole('link', { name: 'Centrumskolan Exempelstad' }).click();
    await page.getByRole('heading', { level: 1, name: project }).waitFor();
    await page.getByRole('list', { name: 'Drivkraftsdiagrammet som lista' }).waitFor();
    await scan(page, 'sv project');

    await page.getByRole('textbox', { name: 'Cykelns namn' }).fill('Morgonsamling i alla klasser');
    await page.getByRole('textbox', { name: 'Planera (Plan)' }).fill('Alla mentorer håller morgonsamling i två veckor.');
    await page.getByRole('textbox', { name: 'Förutsägelse' }).fill('Närvaron ökar ytterligare.');
    await page.getByRole('button', { name: 'Spara cykeln' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Morgonsamling i alla klasser' }).waitFor();

    await page.getByRole('link', { name: 'Andel elever med minst 90 % närvaro' }).click();
    await page.getByRole('heading', { level: 1, name: 'Andel elever med minst 90 % närvaro' }).waitFor();
    await page.getByRole('textbox', { name: 'Täljare' }).fill('95');
    await page.getByRole('textbox', { name: 'Nämnare' }).fill('100');
    await page.getByRole('button', { name: 'Spara mätvärdet' }).click();
    await page.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
    await page.getByText(/^Signal: mönstret är inte slumpmässigt/).waitFor();
    await page.locator('[data-chart][data-drawn="true"]').first().waitFor();
    expect(await page.locator('[data-chart]').count()).toBe(2);
    await page.getByRole('cell', { name: /Hela arbetslaget \(Införa\)/ }).first().waitFor();
    await page.getByRole('cell', { name: /Morgonsamling i alla klasser \(Pågår\)/ }).first().waitFor();
    await page.getByRole('cell', { name: 'I den långa serien' }).first().waitFor();
    await page.getByRole('cell', { name: '95 %' }).first().waitFor();
    await scan(page, 'sv measure');

    // A CSV: the preview names each row's error and writes nothing; a valid file is then imported.
    const upload = (text: string) => page.locator('input[type="file"]').setInputFiles({ name: 'varden.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await upload('datum;täljare;nämnare\n2026-02-30;1;2\n');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('cell', { name: 'Datumet är inte ett giltigt datum' }).waitFor();
    await page.getByRole('status').filter({ hasText: '0 rader kan importeras, 1 har fel. Inget har sparats ännu.' }).waitFor();
    await scan(page, 'sv import preview');
    await upload('datum;täljare;nämnare\n2025-01-08;90;100\n');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('status').filter({ hasText: '1 rader kan importeras, 0 har fel.' }).waitFor();
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '1 mätvärden har importerats.' }).waitFor();
  });

  it('the coach sees all their teams on one page', async () => {
    const page = await loginAs(session, 'psychologist');
    await visit(session, page, '/improvement/coach', 'Mina team som coach');
    await page.getByRole('row').filter({ hasText: 'Åsberga familjecentral' }).waitFor();
    expect(await page.getByRole('row').count()).toBe(5);
    await scan(page, 'sv coach');
  });

  it('the pages in English', async () => {
    const page = await loginAs(session, 'psychologist', 'en');
    await visit(session, page, '/improvement', 'Improvement');
    await scan(page, 'en networks');
    await page.getByRole('link', { name: network }).click();
    await page.getByRole('heading', { level: 1, name: network }).waitFor();
    await scan(page, 'en network');
    await page.getByRole('link', { name: 'Centrumskolan Exempelstad' }).click();
    await page.getByRole('heading', { level: 1, name: project }).waitFor();
    await scan(page, 'en project');
    await page.getByRole('link', { name: 'Andel elever med minst 90 % närvaro' }).click();
    await page.getByText(/^Signal: the pattern is not random/).waitFor();
    await page.locator('[data-chart][data-drawn="true"]').first().waitFor();
    await page.getByRole('cell', { name: /Hela arbetslaget \(Adopt\)/ }).first().waitFor();
    await scan(page, 'en measure');
    await visit(session, page, '/improvement/coach', 'My teams as coach');
    await scan(page, 'en coach');
  });

  it('passes axe on every page scanned', () => {
    expect(found).toEqual([]);
  });
});
