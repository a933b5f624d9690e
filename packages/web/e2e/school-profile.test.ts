import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loginAs, resetBrowser, useBrowserSession, scanner } from './browser.ts';

// School profiles and the child level's own indicators (Befolkning, issue 15 items 7 and 8): the
// head teacher finds her school's profile from her unit, reads its survey results and Kolada
// results, downloads its PDF and reads it in English; an analyst opens the child-level page from
// the navigation and the list of school profiles. Axe in Swedish and English. Who may not open a
// profile is tested on the server (schools/schools.test.ts), every role.

const schoolName = 'Centrumskolan Exempelstad F–9';
const session = useBrowserSession({ resetEach: false });
const { found, scan } = scanner();

describe('school profiles and the child-level page in a browser', () => {
  it('the head teacher opens her school’s profile from her unit, sees its figures and downloads the PDF', async () => {
    const page = await loginAs(session, 'manager');
    await page.getByRole('link', { name: `${schoolName}, skolprofil` }).click();
    await page.getByRole('heading', { level: 1, name: `Skolprofil: ${schoolName}` }).waitFor();
    const health = page.getByTestId('profile-table-lhu.mar-bra');
    await health.getByRole('row').nth(2).waitFor();
    // The headers sort their columns: their text is the name beside a hidden arrow.
    const headers = async (table: typeof health) => (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, ''));
    expect(await headers(health)).toEqual(['År', 'Skolan', 'Kommunen', 'Hela länet', 'Skolans förändring']);
    expect(await health.getByText(/^\d+,\d\s%/).count()).toBeGreaterThan(0);
    // Girls and boys apart, each cell a share with its interval or a hidden cell's reason.
    const genders = page.getByTestId('profile-gender-lhu.mar-bra');
    expect(await headers(genders)).toEqual(['År', 'Kön', 'Skolan', 'Kommunen', 'Hela länet']);
    expect(await genders.getByRole('row').filter({ hasText: 'Flickor' }).count()).toBe(2);
    for (const text of await genders.locator('tbody td:nth-child(3)').allTextContents()) expect(text).toMatch(/^(\d+,\d\s%\s\(|för få svar$|dold)/);
    await page.getByTestId('kolada-table-N15436').getByText('sekretess (..)').waitFor();
    // The Kolada results export as the other tables do, the reason of a missing value kept.
    const [koladaCsv] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Exportera N15436' }).getByRole('button', { name: 'Data (CSV)' }).click()]);
    const koladaRows = (await readFile((await koladaCsv.path())!, 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(koladaRows[0]).toBe('År;Skolan;Kommunen');
    expect(koladaRows.some((r) => /;sekretess \(\.\.\)(;|$)/.test(r))).toBe(true);
    await page.locator('[data-chart][data-drawn="true"]').first().waitFor();
    await scan(page, 'sv school profile');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Skriv ut skolprofilen (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^skolprofil-\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `School profile: ${schoolName}` }).waitFor();
    await page.getByTestId('kolada-table-N15503').getByText('The municipality').waitFor();
    await page.getByTestId('profile-gender-lhu.mar-bra').getByRole('rowheader').first().waitFor();
    expect(await page.getByTestId('profile-gender-lhu.mar-bra').getByText('Girls').count()).toBe(2);
    await scan(page, 'en school profile');
  });

  it('an analyst opens the child level’s indicators from Befolkning, with the child’s own view apart', async () => {
    await resetBrowser(session);
    const page = await loginAs(session, 'analyst');
    await page.getByRole('navigation').getByRole('link', { name: 'Barnnivåns indikatorer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Barnnivåns egna indikatorer' }).waitFor();
    await page.getByTestId('table-active_plans').getByRole('row').nth(1).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Barnets egen bild' }).waitFor();
    await page.getByTestId('wheel-table-child').getByRole('rowheader', { name: 'Trygg' }).waitFor();
    // Every quarter's cell is a figure or a hidden cell in words, never an empty cell.
    for (const text of await page.getByTestId('table-reports_of_concern').locator('tbody td:nth-child(2)').allTextContents()) expect(text).toMatch(/^(\d+(,\d)?|för få|dold \(skyddar en cell med för få\))$/);
    await scan(page, 'sv child level');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: "The child level's own indicators" }).waitFor();
    await page.getByRole('heading', { level: 3, name: "The child's own view" }).waitFor();
    await scan(page, 'en child level');
    await page.getByRole('link', { name: 'School profiles' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'School profiles' }).waitFor();
    // The list arrives after the heading: wait for its last row before counting.
    const links = page.getByRole('table', { name: 'School profiles' }).getByRole('link');
    await links.nth(14).waitFor();
    expect(await links.count()).toBe(15);
    // The list exports as Excel beside CSV: every school, as the table shows them.
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Excel' }).click()]);
    expect(excel.suggestedFilename()).toMatch(/^school-profiles-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await excel.path());
    expect(book.worksheets[0]!.rowCount).toBe(16);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, 'The school', 'Organisation', 'Results in Kolada']);
  });

  it('an organisation administrator links a school to its Kolada unit on the units page', async () => {
    await resetBrowser(session);
    const page = await loginAs(session, 'orgadmin');
    await page.goto(`${session.url}/admin/units`);
    await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
    await page.getByRole('searchbox', { name: 'Sök' }).fill('Exempelstadskolan F–6');
    await page.getByRole('button', { name: 'Ange Kolada-enhet för Exempelstadskolan F–6' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kolada-enhet för Exempelstadskolan F–6' });
    const field = dialog.getByRole('textbox', { name: 'Kolada-enhetens id (OU)' });
    // Another school's ou is refused beside the field, in words.
    await field.fill('V15E990100101');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('En annan skolenhet är redan kopplad till den Kolada-enheten.').waitFor();
    await scan(page, 'sv kolada ou form with error');
    // What she typed is kept as a draft: a reload loses nothing.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
    await page.getByRole('searchbox', { name: 'Sök' }).fill('Exempelstadskolan F–6');
    await page.getByRole('button', { name: 'Ange Kolada-enhet för Exempelstadskolan F–6' }).click();
    expect(await field.inputValue()).toBe('V15E990100101');
    await field.fill('V15E990100103');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Kolada-enheten för Exempelstadskolan F–6 är sparad.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Exempelstadskolan F–6' }).getByText('V15E990100103').waitFor();
  });

  it('has no axe violations at any impact level', () => {
    expect(found).toEqual([]);
  });
});
