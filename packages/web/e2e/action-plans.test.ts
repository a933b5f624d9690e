import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stockholmDate } from '@samsyn/core';
import { systemClock } from '../../server/src/clock.ts';
import { testClockOffsetDays } from '../../server/src/test/constants.ts';
import { loginAs, resetBrowser, visit, useBrowserSession, scanner, resize } from './browser.ts';

// Action plans (Verksamhet), issue 16's journey in one test: a coordinator creates a plan with a
// sub-goal and an activity, opens a follow-up round; the responsible teacher finds her task and
// reports progress; the coordinator publishes the plan and its public page opens without login.
// Then the coordinator closes the round and the report is kept. The demo plan shows what is late and
// downloads as Excel. Axe at every impact level, in Swedish and English, at 390 px too. The
// tests run in order on this file's database.

const today = stockholmDate(systemClock(testClockOffsetDays).now());
const addDays = (date: string, days: number) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days)).toISOString().slice(0, 10);
const planTitle = 'Plan för trygga skolvägar';
const activityTitle = 'Vuxenvandringar vid skolorna';

const session = useBrowserSession();

const { found, scan } = scanner();

async function choose(page: Page, label: string, option: string, type?: string) {
  const box = page.getByRole('dialog').getByRole('textbox', { name: label, exact: true });
  await box.click();
  if (type) await box.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openPlan(page: Page, title: string) {
  await visit(session, page, '/operations', 'Handlingsplaner');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('action plans in a browser', () => {
  it('the journey: a coordinator creates a plan with a sub-goal and an activity, opens a follow-up round, the responsible party reports progress, the coordinator publishes the plan and the public page opens without login', async () => {
    const page = await loginAs(session, 'coordinator');
    await page.getByRole('navigation').getByRole('link', { name: 'Verksamhet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Handlingsplaner' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Handlingsplan för barn och unga i Exempelstad' }).waitFor();
    await scan(page, 'sv plan list');
    await page.getByRole('button', { name: 'Ny handlingsplan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny handlingsplan' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    await scan(page, 'sv plan form with errors');
    await dialog.getByRole('textbox', { name: 'Namn' }).fill(planTitle);
    await dialog.getByLabel('Periodens början').fill(addDays(today, -30));
    await dialog.getByLabel('Periodens slut').fill(addDays(today, 335));
    await choose(page, 'Prioriterat område', 'Psykisk hälsa');
    await dialog.getByRole('textbox', { name: 'Övergripande mål' }).fill('Alla barn känner sig trygga på väg till och från skolan.');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: planTitle }).waitFor();

    await page.getByRole('button', { name: 'Nytt delmål' }).click();
    await page.getByRole('dialog', { name: 'Nytt delmål' }).getByRole('textbox', { name: 'Delmål' }).fill('Färre barn känner sig otrygga');
    await page.getByRole('dialog').getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Delmålet har lagts till.' }).waitFor();

    await page.getByRole('button', { name: 'Ny aktivitet under Färre barn känner sig otrygga' }).click();
    const form = page.getByRole('dialog', { name: 'Ny aktivitet under Färre barn känner sig otrygga' });
    await form.getByRole('textbox', { name: 'Aktivitet', exact: true }).fill(activityTitle);
    await choose(page, 'Ansvarig person', 'Tove Lärare', 'Tove');
    await form.getByLabel('Startdatum').fill(addDays(today, -10));
    await form.getByLabel('Slutdatum').fill(addDays(today, 80));
    await form.getByRole('button', { name: 'Fyll i kvartalsvis' }).click();
    await form.getByRole('textbox', { name: 'Hur följs aktiviteten upp?' }).fill('Enkät till eleverna');
    await form.getByRole('button', { name: 'Lägg till mottagare' }).click();
    await form.getByRole('textbox', { name: 'Till vem' }).fill('Vårdnadshavare');
    await form.getByRole('textbox', { name: 'Kanal' }).fill('Veckobrev');
    await form.getByRole('textbox', { name: 'När', exact: true }).fill('Varje månad');
    await scan(page, 'sv activity form');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').filter({ hasText: 'Aktiviteten har lagts till.' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: activityTitle });
    await row.getByText('Pågår').waitFor();
    await row.getByText('Vårdnadshavare – Veckobrev – Varje månad').waitFor();
    await scan(page, 'sv plan page');

    await page.getByRole('button', { name: 'Öppna en uppföljningsomgång' }).click();
    await page.getByRole('status').filter({ hasText: 'Uppföljningsomgången har öppnats.' }).waitFor();
    await page.getByRole('table', { name: 'Uppgifter i omgången' }).getByRole('row').filter({ hasText: activityTitle }).getByText('Väntar').waitFor();
    await page.getByText('0 av 1 rapporterade').waitFor();
    await scan(page, 'sv open round');

    // The responsible teacher finds her task and reports progress, but may not change the plan.
    await resetBrowser(session);
    await reportAsTeacher(await loginAs(session, 'teacher'));

    // The coordinator publishes the plan's progress; the public page opens without login.
    await resetBrowser(session);
    const back = await loginAs(session, 'coordinator');
    await visit(session, back, '/operations/publishing', 'Publicering');
    await back.getByRole('textbox', { name: 'Handlingsplan' }).click();
    await back.getByRole('option', { name: planTitle }).click();
    await back.getByRole('textbox', { name: 'Rubrik' }).fill('Trygga skolvägar');
    await back.getByRole('textbox', { name: /^Adress/ }).fill('trygga-skolvagar');
    await back.getByRole('button', { name: 'Publicera', exact: true }).click();
    await back.getByRole('status').filter({ hasText: '/public/trygga-skolvagar' }).waitFor();
    await session.context.clearCookies();
    const response = await back.goto(`${session.url}/public/trygga-skolvagar`);
    expect(response?.status()).toBe(200);
    await back.getByRole('heading', { level: 1, name: 'Trygga skolvägar' }).waitFor();
    await back.getByRole('heading', { level: 2, name: 'Färre barn känner sig otrygga' }).waitFor();
    await back.getByRole('row').filter({ hasText: activityTitle }).getByText('Pågår').waitFor();
    await scan(back, 'sv public plan page');
    await back.getByRole('link', { name: 'In English' }).click();
    await back.getByRole('row').filter({ hasText: activityTitle }).getByText('Ongoing').waitFor();
    await scan(back, 'en public plan page');
  });

  async function reportAsTeacher(page: Page) {
    await visit(session, page, '/operations', 'Handlingsplaner');
    const tasks = page.getByRole('region', { name: 'Mina uppgifter i handlingsplaner' });
    await tasks.getByText(/^Rapportera i uppföljningen senast/).first().waitFor();
    expect(await page.getByRole('button', { name: 'Ny handlingsplan' }).count()).toBe(0);
    await scan(page, 'sv teacher list');
    await tasks.getByRole('link', { name: `Följ upp ${activityTitle}` }).click();
    await page.getByRole('heading', { level: 1, name: planTitle }).waitFor();
    expect(await page.getByRole('button', { name: 'Nytt delmål' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Ändra aktiviteten ${activityTitle}` }).count()).toBe(0);
    await page.getByRole('button', { name: `Följ upp ${activityTitle}` }).click();
    const dialog = page.getByRole('dialog', { name: `Följ upp ${activityTitle}` });
    await dialog.getByText('Inga uppföljningar ännu.').waitFor();
    await dialog.getByRole('textbox', { name: 'Kommentar' }).fill('Första vandringen gjord, tolv vuxna deltog.');
    await scan(page, 'sv review dialog');
    await dialog.getByRole('button', { name: 'Spara uppföljningen' }).click();
    await page.getByRole('status').filter({ hasText: 'Uppföljningen har sparats.' }).waitFor();
    await page.getByRole('row').filter({ hasText: activityTitle }).getByText('Första vandringen gjord, tolv vuxna deltog.').waitFor();
    await page.getByText('1 av 1 rapporterade').waitFor();
    await visit(session, page, '/operations', 'Handlingsplaner');
    await page.getByRole('region', { name: 'Mina uppgifter i handlingsplaner' }).waitFor();
    expect(await page.getByRole('link', { name: `Följ upp ${activityTitle}` }).count()).toBe(0);
  }

  it('the coordinator closes the round, which is kept as a report with the history', async () => {
    const page = await loginAs(session, 'coordinator');
    await openPlan(page, planTitle);
    await page.getByRole('table', { name: 'Uppgifter i omgången' }).getByText(/Rapporterad/).waitFor();
    await page.getByRole('button', { name: 'Stäng omgången' }).click();
    await page.getByRole('status').filter({ hasText: 'Omgången har stängts och sparats som rapport.' }).waitFor();
    await page.getByRole('button', { name: /^Omgång öppnad/ }).click();
    const report = page.getByRole('table', { name: /^Rapport från omgången stängd/ });
    await report.getByText('Första vandringen gjord, tolv vuxna deltog. (Tove Lärare)').waitFor();
    await scan(page, 'sv round report');
    await page.getByRole('button', { name: `Följ upp ${activityTitle}` }).click();
    const dialog = page.getByRole('dialog', { name: `Följ upp ${activityTitle}` });
    await dialog.getByText('Första vandringen gjord, tolv vuxna deltog.').waitFor();
    await dialog.getByText('i uppföljningsomgång').waitFor();
    await page.keyboard.press('Escape');

    // The plan's child-rights impact assessment: "done" asks every answer, on the Convention's principles.
    await page.getByRole('button', { name: 'Fyll i barnkonsekvensanalysen' }).click();
    const assessment = page.getByRole('dialog', { name: 'Barnkonsekvensanalys' });
    await assessment.getByRole('textbox', { name: 'Vilka barn berörs?' }).fill('Elever i Exempelstads skolor, cirka 3 000.');
    await assessment.getByRole('button', { name: 'Markera som klar' }).click();
    await assessment.getByRole('alert').filter({ hasText: 'Som klar måste varje fråga vara besvarad.' }).first().waitFor();
    await scan(page, 'sv impact assessment with errors');
    const rest = ['Hur har barnens och de ungas egna åsikter inhämtats?', 'Barnets bästa (artikel 3)', 'Icke-diskriminering (artikel 2)', 'Liv, överlevnad och utveckling (artikel 6)', 'Rätten att komma till tals (artikel 12)', 'Konsekvenser för barnen', 'Alternativ som har övervägts', 'Slutsats'];
    for (const label of rest) await assessment.getByRole('textbox', { name: label, exact: true }).fill(`Svar: ${label}.`);
    await assessment.getByRole('button', { name: 'Markera som klar' }).click();
    await page.getByRole('status').filter({ hasText: 'Barnkonsekvensanalysen har sparats.' }).waitFor();
    await page.getByText(/^Klar \d{4}-\d{2}-\d{2}, Kim Samordnare$/).waitFor();
  });

  it('the demo plan shows what is late and downloads as Excel and PDF', async () => {
    const page = await loginAs(session, 'coordinator');
    await openPlan(page, 'Handlingsplan för barn och unga i Exempelstad');
    const late = page.getByRole('region', { name: 'Försenat' });
    await late.getByRole('link', { name: 'Första hjälpen till psykisk hälsa för personal i skola och fritid' }).waitFor();
    const lateRow = page.locator('tr.row-late');
    expect(await lateRow.count()).toBe(1);
    await lateRow.getByText('Försenad', { exact: true }).waitFor();
    for (const status of ['Ej påbörjad', 'Pågår', 'Snart försenad', 'Pausad', 'Avslutad']) expect(await page.getByRole('table').getByText(status, { exact: true }).count(), status).toBeGreaterThan(0);
    await scan(page, 'sv demo plan');
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner Excel' }).click()]);
    expect(excel.suggestedFilename()).toBe(`handlingsplan-${today}.xlsx`);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`handlingsplan-${today}.pdf`);
  });

  it('the pages in English, at 390 px too', async () => {
    const page = await loginAs(session, 'coordinator', 'en');
    await visit(session, page, '/operations', 'Action plans');
    await page.getByRole('region', { name: 'My tasks in action plans' }).waitFor();
    await scan(page, 'en plan list');
    await page.getByRole('button', { name: 'New action plan' }).click();
    await page.getByRole('dialog', { name: 'New action plan' }).waitFor();
    await scan(page, 'en plan form');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Handlingsplan för barn och unga i Exempelstad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Handlingsplan för barn och unga i Exempelstad' }).waitFor();
    await page.locator('tr.row-late').getByText('Late', { exact: true }).waitFor();
    await scan(page, 'en demo plan');
    await page.getByRole('button', { name: 'Follow up Rörelse i skoldagen' }).click();
    await page.getByRole('dialog', { name: 'Follow up Rörelse i skoldagen' }).getByText('Earlier follow-ups').waitFor();
    await page.getByRole('dialog').getByRole('listitem').first().waitFor();
    await scan(page, 'en review dialog');
    await page.keyboard.press('Escape');
    await resize(page, { width: 390, height: 844 });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await scan(page, 'en demo plan 390');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await visit(session, page, '/operations', 'Action plans');
    await scan(page, 'en plan list 390');
    await resize(page, { width: 1280, height: 860 });
  });

  it('someone outside the plan reads it and its history, and is offered nothing to change', async () => {
    const page = await loginAs(session, 'outsider');
    await openPlan(page, planTitle);
    await page.getByText('Du kan läsa planen.', { exact: false }).waitFor();
    for (const name of ['Ändra planen', 'Nytt delmål', 'Öppna en uppföljningsomgång']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    await page.getByRole('button', { name: `Historik för ${activityTitle}` }).click();
    const dialog = page.getByRole('dialog', { name: `Följ upp ${activityTitle}` });
    await dialog.getByText('Första vandringen gjord, tolv vuxna deltog.').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Kommentar' }).count()).toBe(0);
    await scan(page, 'sv outsider history');
  });

  it('has no axe violations at any impact level', () => {
    expect(found).toEqual([]);
  });
});
