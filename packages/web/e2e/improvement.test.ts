import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, visit, useBrowserSession, scanner } from './browser.ts';

// Improvement work: a team member (Tove Lärare, on Centrumskolan Exempelstad's team) records a
// PDSA cycle and enters this week's value of the outcome measure; the measure's page shows the
// signal in words, the chart drawn, and the table with the tested changes. Axe at every impact
// level on the networks list, the network, the project, the measure and the coach's page, in
// Swedish and English. Then the forms: a coordinator adds a team (with a member) and schedules a
// learning session; the member starts the team's project and builds its driver diagram and a
// measure, whose draft survives a reload, and marks a phase change. The tests run in order on this
// file's database.

const session = useBrowserSession();

const { found, scan } = scanner();

const network = 'Bästa platsen att växa upp – närvaro';
const project = 'Fler elever i skolan varje dag';
const newTeam = 'Rörelse varje dag';

/** Picks an option of a Mantine select or multiselect (the options open outside the form). */
async function choose(page: Page, form: Locator, label: string, option: string | null): Promise<string> {
  await form.getByRole('textbox', { name: label, exact: true }).click();
  const item = option === null ? page.getByRole('option').first() : page.getByRole('option', { name: option, exact: true });
  const text = (await item.textContent()) ?? '';
  await item.click();
  return text;
}

async function openNetwork(page: Page): Promise<void> {
  await visit(session, page, '/improvement', /^(Förbättringsarbete|Improvement)$/);
  await page.getByRole('link', { name: network }).click();
  await page.getByRole('heading', { level: 1, name: network }).waitFor();
}

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
    // The cycle's do and study come later, from the log.
    await page.getByRole('button', { name: 'Anteckna genomförande och studie för Morgonsamling i alla klasser' }).click();
    const notes = page.getByRole('dialog', { name: 'Genomförande och studie: Morgonsamling i alla klasser' });
    await notes.getByRole('textbox', { name: 'Studera (Study)' }).fill('Närvaron steg två veckor i rad.');
    await scan(page, 'sv cycle notes');
    await notes.getByRole('button', { name: 'Spara anteckningarna' }).click();
    await page.getByRole('row').filter({ hasText: 'Morgonsamling i alla klasser' }).getByText('Närvaron steg två veckor i rad.').waitFor();

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

  it('a coordinator adds a team with a member and schedules a learning session through the forms', async () => {
    const page = await loginAs(session, 'coordinator');
    await openNetwork(page);
    const team = page.getByRole('form', { name: 'Nytt team' });
    await choose(page, team, 'Teamets organisation', 'Exempelstads kommun');
    await team.getByRole('textbox', { name: 'Teamets namn', exact: true }).fill(newTeam);
    await choose(page, team, 'Coach', 'Nora Skolsköterska');
    await choose(page, team, 'Teammedlemmar', 'Tove Lärare');
    await page.keyboard.press('Escape');
    await team.getByRole('button', { name: 'Lägg till teamet' }).click();
    await team.getByRole('status').filter({ hasText: 'Teamet är tillagt.' }).waitFor();
    await page.getByRole('row').filter({ hasText: newTeam }).filter({ hasText: 'Tove Lärare' }).filter({ hasText: 'Nora Skolsköterska' }).waitFor();

    const sessionForm = page.getByRole('form', { name: 'Planera en lärandeträff' });
    await sessionForm.getByLabel('Datum').fill('2026-12-14');
    await sessionForm.getByRole('textbox', { name: 'Rubrik', exact: true }).fill('Rörelse i lärandet');
    await sessionForm.getByRole('button', { name: 'Lägg till lärandeträffen' }).click();
    await sessionForm.getByRole('status').filter({ hasText: 'Lärandeträffen är tillagd.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Rörelse i lärandet' }).waitFor();
    await scan(page, 'sv network with the coordinator forms');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('form', { name: 'New team' }).waitFor();
    await scan(page, 'en network with the coordinator forms');
  });

  it('the member starts the team’s project with a driver, a change idea and a measure through the forms, and marks a phase', async () => {
    const page = await loginAs(session, 'teacher');
    await openNetwork(page);
    const start = page.getByRole('form', { name: `Starta förbättringsarbetet för ${newTeam}` });
    await scan(page, 'sv network with the project form');
    await start.getByRole('textbox', { name: 'Projektets namn', exact: true }).fill('Rörelse i varje lektion');
    await start.getByRole('textbox', { name: 'Mål: vad ska bli bättre', exact: true }).fill('Fler lektioner med en rörelsepaus');
    await start.getByRole('textbox', { name: 'Hur mycket', exact: true }).fill('från 20 % till 80 %');
    await start.getByLabel('Till när').fill('2027-06-30');
    const indicator = await choose(page, start, 'Länsindikator som projektet siktar mot', null);
    await start.getByRole('button', { name: 'Starta projektet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rörelse i varje lektion' }).waitFor();
    await page.getByRole('link', { name: indicator }).waitFor();

    const driver = page.getByRole('form', { name: 'Ny drivkraft' });
    await driver.getByRole('button', { name: 'Lägg till drivkraften' }).click();
    await driver.getByText('Fältet måste fyllas i.').waitFor();
    await driver.getByRole('textbox', { name: 'Drivkraft', exact: true }).fill('Rörelse som en del av undervisningen');
    await driver.getByRole('button', { name: 'Lägg till drivkraften' }).click();
    const diagram = page.getByRole('list', { name: 'Drivkraftsdiagrammet som lista' });
    await diagram.getByText('Primär drivkraft: Rörelse som en del av undervisningen').waitFor();
    await driver.getByRole('textbox', { name: 'Drivkraft', exact: true }).fill('Lärarna har färdiga rörelsepauser');
    await choose(page, driver, 'Under primär drivkraft', 'Rörelse som en del av undervisningen');
    await driver.getByRole('button', { name: 'Lägg till drivkraften' }).click();
    await diagram.getByText('Sekundär drivkraft: Lärarna har färdiga rörelsepauser').waitFor();
    const idea = page.getByRole('form', { name: 'Ny förändringsidé' });
    await idea.getByRole('textbox', { name: 'Förändringsidé', exact: true }).fill('Rörelsepaus mitt i varje lektion');
    await choose(page, idea, 'Drivkraft som idén hör till', 'Sekundär drivkraft: Lärarna har färdiga rörelsepauser');
    await idea.getByRole('button', { name: 'Lägg till förändringsidén' }).click();
    await diagram.getByText('Förändringsidé: Rörelsepaus mitt i varje lektion').waitFor();

    // The measure's form is longer: what is typed is kept in the tab across a reload.
    const measureName = 'Andel lektioner med rörelsepaus';
    await page.getByRole('form', { name: 'Nytt mått' }).getByRole('textbox', { name: 'Måttets namn', exact: true }).fill(measureName);
    await page.reload();
    const measure = page.getByRole('form', { name: 'Nytt mått' });
    expect(await measure.getByRole('textbox', { name: 'Måttets namn', exact: true }).inputValue()).toBe(measureName);
    await choose(page, measure, 'Typ av mått', 'Processmått');
    await choose(page, measure, 'Slag av värde', 'Andel (p-diagram)');
    await measure.getByRole('textbox', { name: 'Operationell definition', exact: true }).fill('Lektioner med minst en rörelsepaus av alla lektioner, räknas varje fredag av mentorn.');
    await measure.getByRole('button', { name: 'Lägg till måttet' }).click();
    await page.getByRole('link', { name: measureName }).waitFor();

    await page.getByRole('link', { name: measureName }).click();
    await page.getByRole('heading', { level: 1, name: measureName }).waitFor();
    await page.getByText('Inga fasskiften är markerade.').waitFor();
    await page.getByLabel('Ny fas från').fill('2026-11-02');
    await page.getByRole('button', { name: 'Markera fasskiftet' }).click();
    await page.getByRole('list', { name: 'Markerade fasskiften' }).getByText('Ny fas från 2026-11-02').waitFor();
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
