import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, resetBrowser, visit, useBrowserSession, scanner } from './browser.ts';

// Workspaces and agreements (Verksamhet): a member posts in the theme group's workspace and
// uploads a new version of its document; a non-member asks to join the open learning network;
// its owner accepts. The agreements page's three tabs. Axe at every impact level, in Swedish and
// English. The tests run in order on this file's database.

const session = useBrowserSession();

const { found, scan } = scanner();
const theme = 'Temagrupp barn och unga';
const network = 'Lärande nätverk: fullföljda studier';

async function openWorkspace(page: Page, name: string, heading = 'Arbetsplatsytor') {
  await visit(session, page, '/operations/workspaces', heading);
  await page.getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

describe('workspaces in a browser', () => {
  it('a member posts in the discussion and uploads a new version of a document', async () => {
    const page = await loginAs(session, 'teacher');
    await openWorkspace(page, theme);
    await page.getByRole('tab', { name: /^Notiser/ }).waitFor();
    // The theme group's workspace is its forum's: the visitors' questions from its public pages are read here.
    await page.getByRole('region', { name: 'Frågor från de öppna sidorna' }).getByRole('table').waitFor();
    await scan(page, 'sv workspace notices');
    await page.getByRole('tab', { name: 'Diskussion' }).click();
    await page.getByRole('textbox', { name: 'Nytt inlägg' }).fill('Skolan tar med elevernas synpunkter till nästa möte.');
    await page.getByRole('button', { name: 'Skicka inlägg' }).click();
    await page.getByRole('status').filter({ hasText: 'Inlägget är publicerat.' }).waitFor();
    await page.getByText('Skolan tar med elevernas synpunkter till nästa möte.').waitFor();
    await scan(page, 'sv workspace discussion');

    await page.getByRole('tab', { name: 'Dokument' }).click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'verksamhetsplan-v3.txt', mimeType: 'text/plain', buffer: Buffer.from('Verksamhetsplan, utkast 3.\n') });
    await page.getByRole('button', { name: 'Ladda upp version' }).click();
    await page.getByRole('status').filter({ hasText: 'verksamhetsplan-v3.txt är uppladdad.' }).waitFor();
    await page.getByRole('link', { name: 'Ladda ner verksamhetsplan-v3.txt (version 3)' }).waitFor();
    await page.getByRole('link', { name: 'Ladda ner verksamhetsplan-v1.txt (version 1)' }).waitFor();
    await scan(page, 'sv workspace documents');
    await page.getByRole('tab', { name: 'Kalender' }).click();
    await page.getByRole('row').filter({ hasText: 'Kommande' }).first().waitFor();
    await page.getByRole('textbox', { name: 'Möte', exact: true }).fill('Skolans genomgång av delmålen');
    await page.getByLabel('Datum').fill('2031-05-12');
    await page.getByRole('button', { name: 'Lägg till mötet' }).click();
    await page.getByRole('status').filter({ hasText: 'Mötet Skolans genomgång av delmålen finns nu i kalendern.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Skolans genomgång av delmålen' }).getByText('2031-05-12 09:00–10:00').waitFor();
    await scan(page, 'sv workspace calendar');
  });

  it('a non-member asks to join the open workspace', async () => {
    const page = await loginAs(session, 'outsider');
    await visit(session, page, '/operations/workspaces', 'Arbetsplatsytor');
    await scan(page, 'sv workspace list, non-member');
    await page.getByRole('button', { name: `Be att få gå med i ${network}` }).click();
    await page.getByRole('status').filter({ hasText: `Din förfrågan att gå med i ${network} är skickad` }).waitFor();
    await page.getByRole('row').filter({ hasText: network }).getByText('Förfrågan väntar på svar').waitFor();
  });

  it('an owner accepts the request, and the new member opens the workspace', async () => {
    const owner = await loginAs(session, 'samordnare.norrvik');
    await openWorkspace(owner, network);
    await owner.getByRole('tab', { name: 'Medlemmar' }).click();
    await owner.getByRole('button', { name: 'Godkänn Otto Utomstående' }).click();
    await owner.getByRole('status').filter({ hasText: 'Otto Utomstående är nu medlem.' }).waitFor();
    await scan(owner, 'sv workspace members, owner');
    await resetBrowser(session);
    const member = await loginAs(session, 'outsider');
    await openWorkspace(member, network);
  });

  it('a coordinator creates a workspace, manages its members and settings, and changes a meeting', async () => {
    const page = await loginAs(session, 'coordinator');
    await visit(session, page, '/operations/workspaces', 'Arbetsplatsytor');
    await page.getByRole('button', { name: 'Ny arbetsplatsyta' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny arbetsplatsyta' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    await scan(page, 'sv new workspace with errors');
    await dialog.getByRole('textbox', { name: 'Namn på arbetsplatsytan' }).fill('Nätverk för elevhälsan');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nätverk för elevhälsan' }).waitFor();
    await page.getByRole('tab', { name: 'Medlemmar' }).click();
    await page.getByRole('textbox', { name: 'Medlem från' }).click();
    await page.getByRole('option', { name: 'Exempelstads kommun', exact: true }).click();
    await page.getByRole('textbox', { name: 'Person', exact: true }).click();
    await page.getByRole('option', { name: 'Tove Lärare' }).click();
    await page.getByRole('button', { name: 'Lägg till medlemmen' }).click();
    await page.getByRole('status').filter({ hasText: 'Tove Lärare är medlem.' }).waitFor();
    await page.getByRole('button', { name: 'Gör till ägare: Tove Lärare' }).click();
    await page.getByRole('status').filter({ hasText: 'Tove Lärare är nu ägare.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Tove Lärare' }).getByText('Ägare').waitFor();
    await scan(page, 'sv workspace members managed');
    await page.getByRole('button', { name: 'Ta bort Tove Lärare' }).click();
    await page.getByRole('dialog', { name: 'Ta bort medlemmen?' }).getByRole('button', { name: 'Ta bort' }).click();
    await page.getByRole('status').filter({ hasText: 'Tove Lärare är inte längre medlem.' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Tove Lärare' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await page.getByRole('checkbox', { name: 'Öppen: andra kan be att få gå med' }).check();
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByRole('status').filter({ hasText: 'Inställningarna har sparats.' }).waitFor();
    await scan(page, 'sv workspace settings');
    await page.getByRole('tab', { name: 'Kalender' }).click();
    await page.getByRole('textbox', { name: 'Möte', exact: true }).fill('Första träffen');
    await page.getByLabel('Datum').fill('2031-06-02');
    await page.getByRole('button', { name: 'Lägg till mötet' }).click();
    await page.getByRole('button', { name: 'Ändra mötet Första träffen' }).click();
    const edit = page.getByRole('dialog', { name: 'Ändra mötet' });
    await edit.getByRole('textbox', { name: 'Möte', exact: true }).fill('Första träffen, nätverket startar');
    await scan(page, 'sv workspace meeting edit');
    await edit.getByRole('button', { name: 'Spara mötet' }).click();
    await page.getByRole('status').filter({ hasText: 'Mötet Första träffen, nätverket startar har ändrats.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Första träffen, nätverket startar' }).getByText('2031-06-02 09:00–10:00').waitFor();
  });

  it('reads a workspace and the agreements page in English', async () => {
    const page = await loginAs(session, 'coordinator', 'en');
    await openWorkspace(page, theme, 'Workspaces');
    await page.getByRole('tab', { name: /^Notices/ }).waitFor();
    await scan(page, 'en workspace notices');
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByText('No requests waiting.').waitFor();
    await scan(page, 'en workspace members');
    await visit(session, page, '/operations/agreements', 'Agreements and guidelines');
    await page.getByRole('row').filter({ hasText: 'Revision soon' }).waitFor();
    await scan(page, 'en agreements library');
    await page.getByRole('tab', { name: 'Joint placements' }).click();
    await page.getByRole('heading', { name: 'Totals per organisation and year' }).waitFor();
    await scan(page, 'en placements');
    await page.getByRole('tab', { name: 'Training' }).click();
    await page.getByRole('row').filter({ hasText: 'Below target' }).first().waitFor();
    await scan(page, 'en training');
  });

  it('shows the agreements page in Swedish, and every scan passed', async () => {
    const sv = await loginAs(session, 'coordinator');
    await visit(session, sv, '/operations/agreements', 'Överenskommelser och riktlinjer');
    await sv.getByRole('row').filter({ hasText: 'Revideras snart' }).waitFor();
    await scan(sv, 'sv agreements library');
    // A new agreement, then a new version of it that moves the revision date.
    await sv.getByRole('button', { name: 'Ny överenskommelse' }).click();
    const create = sv.getByRole('dialog', { name: 'Ny överenskommelse' });
    await create.getByRole('textbox', { name: 'Rubrik' }).fill('Rutin för skolnärvaro');
    await create.getByRole('textbox', { name: 'Slag' }).click();
    await sv.getByRole('option', { name: 'Rutin' }).click();
    await create.getByLabel('Revideras senast').fill('2031-01-15');
    await scan(sv, 'sv new agreement');
    await create.getByRole('button', { name: 'Spara' }).click();
    await sv.getByRole('status').filter({ hasText: 'Överenskommelsen har lagts till.' }).waitFor();
    await sv.getByRole('button', { name: 'Ny version av Rutin för skolnärvaro' }).click();
    const version = sv.getByRole('dialog', { name: 'Ny version av Rutin för skolnärvaro' });
    await version.getByRole('textbox', { name: 'Vad är nytt i versionen?' }).fill('Kontakt med hemmet efter tre dagars frånvaro.');
    await version.getByLabel('Revideras senast').fill('2031-09-01');
    await version.getByRole('button', { name: 'Spara versionen' }).click();
    await sv.getByRole('status').filter({ hasText: 'Den nya versionen har sparats.' }).waitFor();
    await sv.getByRole('row').filter({ hasText: 'Rutin för skolnärvaro' }).getByText('2031-09-01').waitFor();
    // Its owners change: the last owner cannot be removed (the server's words), then the teacher is added.
    await sv.getByRole('button', { name: 'Ändra ägare: Rutin för skolnärvaro' }).click();
    const owners = sv.getByRole('dialog', { name: 'Ägare till Rutin för skolnärvaro' });
    const ownersTitle = owners.getByRole('heading', { name: 'Ägare till Rutin för skolnärvaro' });
    await owners.getByRole('textbox', { name: 'Ägare' }).press('Backspace');
    await ownersTitle.click(); // closes the list of people, which covers the buttons
    await owners.getByRole('button', { name: 'Spara ägarna' }).click();
    await owners.getByRole('alert').filter({ hasText: 'En överenskommelse måste ha minst en ägare.' }).first().waitFor();
    await scan(sv, 'sv agreement owners refused');
    await owners.getByRole('textbox', { name: 'Ägare' }).click();
    await sv.getByRole('option', { name: 'Tove Lärare' }).click();
    await ownersTitle.click();
    await owners.getByRole('button', { name: 'Spara ägarna' }).click();
    await sv.getByRole('status').filter({ hasText: 'Ägarna har sparats.' }).waitFor();
    await sv.getByRole('row').filter({ hasText: 'Rutin för skolnärvaro' }).getByRole('cell', { name: 'Tove Lärare', exact: true }).waitFor();
    // A joint placement by case reference, and its amount for a year.
    await sv.getByRole('tab', { name: 'Gemensamma placeringar' }).click();
    await sv.getByRole('heading', { name: 'Summor per organisation och år' }).waitFor();
    await scan(sv, 'sv placements');
    await sv.getByRole('button', { name: 'Ny gemensam placering' }).click();
    const placement = sv.getByRole('dialog', { name: 'Ny gemensam placering' });
    await placement.getByRole('textbox', { name: /^Ärendereferens/ }).fill('900101-1234');
    await placement.getByRole('textbox', { name: 'Region', exact: true }).click();
    await sv.getByRole('option', { name: 'Region Exempellän' }).click();
    await placement.getByRole('textbox', { name: 'Kommun', exact: true }).click();
    await sv.getByRole('option', { name: 'Exempelstads kommun' }).click();
    await placement.getByRole('button', { name: 'Spara' }).click();
    await placement.locator('[aria-invalid="true"]').first().waitFor();
    await placement.getByRole('textbox', { name: /^Ärendereferens/ }).fill('SN 2031/77');
    await placement.getByRole('button', { name: 'Spara' }).click();
    await sv.getByRole('status').filter({ hasText: 'Placeringen har lagts till.' }).waitFor();
    await sv.getByRole('textbox', { name: 'Belopp, SN 2031/77' }).fill('240000');
    await sv.getByRole('button', { name: 'Spara beloppet för SN 2031/77' }).click();
    await sv.getByRole('status').filter({ hasText: 'Beloppet för SN 2031/77 är sparat.' }).waitFor();
    await sv.getByRole('row').filter({ hasText: 'SN 2031/77' }).getByText('120 000 kr').first().waitFor();
    await scan(sv, 'sv placement with amount');
    await sv.getByRole('tab', { name: 'Utbildning' }).click();
    await sv.getByRole('row').filter({ hasText: 'Under målet' }).first().waitFor();
    await scan(sv, 'sv training');
    await sv.getByRole('textbox', { name: 'Enhet' }).click();
    await sv.getByRole('option').first().click();
    await sv.getByRole('textbox', { name: 'Antal anställda' }).fill('10');
    await sv.getByRole('textbox', { name: 'Har gått utbildningen' }).fill('10');
    await sv.getByRole('button', { name: 'Spara', exact: true }).click();
    await sv.getByRole('status').filter({ hasText: 'Utbildningen har registrerats.' }).waitFor();
    // The owner's revision reminder on the start page.
    await sv.goto(`${session.url}/`);
    await sv.getByRole('region', { name: 'Påminnelser om överenskommelser och utbildning' }).getByText(/^Västbus.*ska revideras senast/).waitFor();
    // Someone of no party, and no owner, is not offered the owners' change (the server would refuse it).
    const outsider = await loginAs(session, 'outsider');
    await visit(session, outsider, '/operations/agreements', 'Överenskommelser och riktlinjer');
    await outsider.getByRole('row').filter({ hasText: 'Rutin för skolnärvaro' }).waitFor();
    expect(await outsider.getByRole('button', { name: 'Ändra ägare: Rutin för skolnärvaro' }).count()).toBe(0);
    expect(found).toEqual([]);
  });
});
