import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loginAs, resetBrowser, visit, useBrowserSession, scanner, resize } from './browser.ts';

// Forums and public pages: a coordinator publishes the demo action plan and the public page opens
// without login; the forum pages (list, forum, meeting), the contact directory, the publishing
// page and the public page pass axe at every impact level, in Swedish and English, at 390 px too.

const planTitle = 'Handlingsplan för barn och unga i Exempelstad';

const session = useBrowserSession();

const { found, scan } = scanner();

describe('forums and public pages in a browser', () => {
  it('a coordinator publishes the demo action plan, and the public page opens without login', async () => {
    const page = await loginAs(session, 'coordinator');
    await visit(session, page, '/operations/publishing', 'Publicering');
    await scan(page, 'sv publishing');
    await page.getByRole('textbox', { name: 'Handlingsplan' }).click();
    await page.getByRole('option', { name: planTitle }).click();
    await page.getByRole('textbox', { name: 'Rubrik' }).fill('Planens framsteg');
    await page.getByRole('textbox', { name: /^Adress/ }).fill('planens-framsteg');
    await page.getByRole('button', { name: 'Publicera', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '/public/planens-framsteg' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Planens framsteg' }).waitFor();
    await scan(page, 'sv publishing after publish');
    await session.context.clearCookies();
    const response = await page.goto(`${session.url}/public/planens-framsteg`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Planens framsteg' }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
    await scan(page, 'sv public page');
    await page.getByRole('link', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Questions and comments' }).waitFor();
    await scan(page, 'en public page');
    await resize(page, { width: 390, height: 844 });
    await scan(page, 'en public page 390 px');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide).toBeLessThanOrEqual(390);
    await resize(page, { width: 1280, height: 860 });
    await page.getByRole('link', { name: 'På svenska' }).click();
    await page.getByLabel('Din fråga eller synpunkt').fill('När följs planen upp nästa gång?');
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('status').filter({ hasText: 'Tack!' }).waitFor();
    await scan(page, 'sv feedback sent');
    // The question lands in the coordinator's feedback list, which filters and exports to Excel.
    const back = await loginAs(session, 'coordinator');
    await visit(session, back, '/operations/publishing', 'Publicering');
    await back.getByRole('heading', { level: 2, name: 'Synpunkter från besökare' }).waitFor();
    await back.getByRole('textbox', { name: 'Filtrera' }).fill('följs planen upp');
    await back.getByRole('row').filter({ hasText: 'När följs planen upp nästa gång?' }).waitFor();
    await scan(back, 'sv feedback list');
    const [excel] = await Promise.all([back.waitForEvent('download'), back.getByRole('button', { name: 'Exportera Excel' }).click()]);
    expect(excel.suggestedFilename()).toMatch(/^synpunkter-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await excel.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Inkom', 'Sida (version)', 'Meddelande', 'Svar till']);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).text).toBe('Planens framsteg (1)');
    expect(sheet.getRow(2).getCell(3).text).toBe('När följs planen upp nästa gång?');
    // News, one more of the kinds the server publishes: the text only, no source.
    await back.getByRole('textbox', { name: 'Innehåll' }).click();
    await back.getByRole('option', { name: 'Nyhet' }).click();
    expect(await back.getByRole('textbox', { name: 'Handlingsplan' }).count()).toBe(0);
    await back.getByRole('textbox', { name: 'Rubrik' }).fill('Nytt från temagruppen');
    await back.getByRole('textbox', { name: /^Adress/ }).fill('nytt-fran-temagruppen');
    await back.getByRole('textbox', { name: 'Nyhetens text' }).fill('Läxhjälpen får fasta tider från januari.');
    await back.getByRole('button', { name: 'Publicera', exact: true }).click();
    await back.getByRole('status').filter({ hasText: '/public/nytt-fran-temagruppen' }).waitFor();
    await back.getByRole('row').filter({ hasText: 'Nytt från temagruppen' }).getByText('Nyhet').waitFor();
    // The same address again: the form says why the server refused it, in words.
    await back.getByRole('textbox', { name: 'Rubrik' }).fill('Samma adress');
    await back.getByRole('textbox', { name: /^Adress/ }).fill('nytt-fran-temagruppen');
    await back.getByRole('textbox', { name: 'Nyhetens text' }).fill('En gång till.');
    await back.getByRole('button', { name: 'Publicera', exact: true }).click();
    expect((await back.locator('.text-error').textContent())?.length).toBeGreaterThan(5);
    await scan(back, 'sv publishing news');
  });

  it('a member edits a forum meeting: agenda, attendance, a decision refused without an assessment, then taken; a reader may change nothing', async () => {
    const page = await loginAs(session, 'coordinator');
    await visit(session, page, '/operations/forums', 'Forum och referensgrupper');
    await page.getByRole('link', { name: 'Temagrupp barn och unga Exempelstad', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Temagrupp barn och unga Exempelstad' }).waitFor();
    // The contact person of an organisation already in the forum changes.
    await page.getByRole('textbox', { name: 'Organisation' }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('textbox', { name: 'Kontaktperson' }).fill('Alva Kontakt');
    await page.getByRole('button', { name: 'Spara kontaktpersonen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kontaktpersonen har sparats.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Alva Kontakt' }).waitFor();
    await scan(page, 'sv forum with contact saved');
    await page.getByRole('textbox', { name: 'Nytt möte, rubrik' }).fill('Extra möte om läxhjälpen');
    await page.getByRole('button', { name: 'Lägg till mötet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Extra möte om läxhjälpen' }).waitFor();
    const meetingUrl = new URL(page.url()).pathname;
    // The new meeting starts with the standing items; the CRC article is set and an item added.
    expect(await page.getByRole('textbox', { name: 'Punkt 1', exact: true }).inputValue()).toBe('Mötets artikel i barnkonventionen');
    expect(await page.getByRole('checkbox', { name: 'Stående punkt 1' }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Artikel i barnkonventionen, punkt 1' }).fill('12');
    await page.getByRole('button', { name: 'Lägg till punkt' }).click();
    await page.getByRole('textbox', { name: 'Punkt 3', exact: true }).fill('Referensgruppens synpunkter');
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByRole('textbox', { name: 'Deltagare 1', exact: true }).fill('Kim Samordnare');
    await page.getByRole('button', { name: 'Lägg till deltagare' }).click();
    await page.getByRole('textbox', { name: 'Deltagare 2', exact: true }).fill('Maja Rektor');
    await page.getByRole('checkbox', { name: 'Närvarande, deltagare 2' }).uncheck();
    // The draft survives a reload, then is saved.
    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Punkt 3', exact: true }).inputValue()).toBe('Referensgruppens synpunkter');
    expect(await page.getByRole('checkbox', { name: 'Närvarande, deltagare 2' }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Spara mötet' }).click();
    await page.getByRole('status').filter({ hasText: 'Mötet har sparats.' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Mötets artikel i barnkonventionen – artikel 12 (stående punkt)' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Referensgruppens synpunkter' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Maja Rektor: frånvarande' }).waitFor();
    await scan(page, 'sv meeting edited');
    // A decision is proposed; taking it without an assessment is refused, in words.
    const decision = 'Läxhjälpen får fasta tider i lugna lokaler.';
    await page.getByRole('textbox', { name: 'Nytt förslag till beslut' }).fill(decision);
    await page.getByRole('textbox', { name: 'Handlingsplan för beslutet' }).click();
    await page.getByRole('option', { name: planTitle }).click();
    await page.getByRole('textbox', { name: 'Delmål eller aktivitet' }).click();
    await page.getByRole('option').nth(1).click();
    await page.getByRole('button', { name: 'Föreslå beslutet' }).click();
    await page.getByRole('row').filter({ hasText: decision }).filter({ hasText: `${planTitle} › ` }).waitFor();
    await page.getByRole('button', { name: `Markera som fattat: ${decision}` }).click();
    await page.getByRole('alert').filter({ hasText: 'Beslutet kan inte markeras som fattat förrän barnkonsekvensanalysen är klar' }).first().waitFor();
    await scan(page, 'sv decision refused');
    await page.getByRole('button', { name: `Konsekvensanalys för beslutet: ${decision}` }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Skäl till att analys inte behövs' }).fill('Beslutet gäller lokaler och tider som redan prövats med barnen.');
    await scan(page, 'sv decision assessment');
    await page.getByRole('button', { name: 'Markera att analys inte behövs' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: decision }).filter({ hasText: 'Behövs inte' }).waitFor();
    await page.getByRole('button', { name: `Markera som fattat: ${decision}` }).click();
    await page.getByRole('row').filter({ hasText: decision }).getByRole('cell', { name: 'Fattat', exact: true }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Beslutet kan inte' }).count()).toBe(0);
    const english = await loginAs(session, 'coordinator', 'en');
    await visit(session, english, meetingUrl, 'Extra möte om läxhjälpen');
    await english.getByRole('textbox', { name: 'Article of the Convention, item 1' }).waitFor();
    await scan(english, 'en meeting editor');
    // Someone outside the forum reads the meeting and its decision's assessment, and may change nothing.
    const outsider = await loginAs(session, 'outsider');
    await visit(session, outsider, meetingUrl, 'Extra möte om läxhjälpen');
    await outsider.getByRole('row').filter({ hasText: decision }).getByRole('cell', { name: 'Fattat', exact: true }).waitFor();
    for (const name of ['Spara mötet', 'Spara protokollet', 'Föreslå beslutet', 'Lägg till punkt']) expect(await outsider.getByRole('button', { name }).count(), name).toBe(0);
    await outsider.getByRole('button', { name: `Visa analysen för beslutet: ${decision}` }).click();
    await outsider.getByRole('dialog').getByText('Bara forumets medlemmar kan ändra analysen.').waitFor();
    expect(await outsider.getByRole('dialog').getByRole('button', { name: 'Markera att analys inte behövs' }).count()).toBe(0);
    await scan(outsider, 'sv meeting as a reader');
    expect(found).toEqual([]);
  });

  it('a coordinator creates a forum and adds a member; the reference group records a view with how children were heard, and the theme group responds', async () => {
    const page = await loginAs(session, 'coordinator');
    await visit(session, page, '/operations/forums', 'Forum och referensgrupper');
    await page.getByRole('button', { name: 'Nytt forum' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt forum' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.locator('[aria-invalid="true"]').first().waitFor();
    await scan(page, 'sv new forum with errors');
    await dialog.getByRole('textbox', { name: 'Namn' }).fill('Arbetsgrupp skolnärvaro');
    await dialog.getByRole('textbox', { name: 'Slag' }).click();
    await page.getByRole('option', { name: 'Arbetsgrupp' }).click();
    await dialog.getByRole('textbox', { name: 'Nivå' }).click();
    await page.getByRole('option', { name: 'Tjänstemannanivå' }).click();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbetsgrupp skolnärvaro' }).waitFor();
    await page.getByRole('textbox', { name: 'Medlem från' }).click();
    await page.getByRole('option', { name: 'Exempelstads kommun', exact: true }).click();
    await page.getByRole('textbox', { name: 'Person', exact: true }).click();
    await page.getByRole('option', { name: 'Tove Lärare' }).click();
    await page.getByRole('button', { name: 'Spara medlemmen' }).click();
    await page.getByRole('status').filter({ hasText: 'Tove Lärare är medlem.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Tove Lärare' }).filter({ hasText: 'Exempelstads kommun' }).filter({ hasText: 'ledamot' }).waitFor();
    await scan(page, 'sv new forum with a member');

    await visit(session, page, '/operations/forums', 'Forum och referensgrupper');
    await page.getByRole('link', { name: 'Referensgrupp brukarorganisationer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Referensgrupp brukarorganisationer' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Till forum' }).inputValue()).toBe('Temagrupp barn och unga Exempelstad');
    await page.getByRole('textbox', { name: 'Gäller', exact: true }).fill('Fritidsgårdarnas öppettider');
    await page.getByRole('textbox', { name: 'Synpunkt', exact: true }).fill('Unga vill att gårdarna har öppet på lördagar.');
    await page.getByRole('textbox', { name: 'Hur har barnens och de ungas egna åsikter inhämtats?' }).fill('Enkät till 40 unga på två fritidsgårdar.');
    await page.getByRole('button', { name: 'Spara synpunkten' }).click();
    await page.getByRole('status').filter({ hasText: 'Synpunkten har sparats.' }).waitFor();
    await page.getByText('Enkät till 40 unga på två fritidsgårdar.').waitFor();
    await scan(page, 'sv reference group view saved');

    await visit(session, page, '/operations/forums', 'Forum och referensgrupper');
    await page.getByRole('link', { name: 'Temagrupp barn och unga Exempelstad', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Temagrupp barn och unga Exempelstad' }).waitFor();
    await page.getByRole('textbox', { name: 'Forumets svar på Fritidsgårdarnas öppettider' }).fill('Temagruppen prövar lördagsöppet under våren.');
    await page.getByRole('button', { name: 'Spara svaret på Fritidsgårdarnas öppettider' }).click();
    await page.getByRole('status').filter({ hasText: 'Svaret har sparats.' }).waitFor();
    await page.getByText('Temagruppen prövar lördagsöppet under våren.', { exact: false }).first().waitFor();
    await scan(page, 'sv theme group responded');
    // Someone outside the forum reads the views and is offered no form.
    const themePath = new URL(page.url()).pathname;
    const outsider = await loginAs(session, 'outsider');
    await visit(session, outsider, themePath, 'Temagrupp barn och unga Exempelstad');
    await outsider.getByText('Temagruppen prövar lördagsöppet under våren.', { exact: false }).first().waitFor();
    for (const name of ['Spara medlemmen', 'Spara svaret på Fritidsgårdarnas öppettider', 'Lägg till mötet']) expect(await outsider.getByRole('button', { name }).count(), name).toBe(0);
    expect(found).toEqual([]);
  });

  it('the forum pages and the contact directory, in Swedish and English', async () => {
    for (const language of ['sv', 'en'] as const) {
      const page = await loginAs(session, 'coordinator', language);
      const words = language === 'sv' ? { forums: 'Forum och referensgrupper', contacts: 'Kontaktlista', meeting: 'Dagordning', meetings: 'Möten' } : { forums: 'Forums and reference groups', contacts: 'Contact directory', meeting: 'Agenda', meetings: 'Meetings' };
      await visit(session, page, '/operations/forums', words.forums);
      await page.getByRole('row').filter({ hasText: 'Temagrupp barn och unga Exempelstad' }).first().waitFor();
      await scan(page, `${language} forum list`);
      await page.getByRole('link', { name: 'Temagrupp barn och unga Exempelstad', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Temagrupp barn och unga Exempelstad' }).waitFor();
      await scan(page, `${language} forum`);
      if (language === 'sv') {
        // The members list sorts (by name, now descending) and exports what it shows to Excel.
        const members = page.getByRole('region', { name: 'Medlemmar', exact: true });
        await members.getByRole('button', { name: 'Namn' }).click();
        await members.locator('th[aria-sort="descending"]').waitFor();
        const [excel] = await Promise.all([page.waitForEvent('download'), members.getByRole('button', { name: 'Exportera Excel' }).click()]);
        expect(excel.suggestedFilename()).toMatch(/^forummedlemmar-\d{4}-\d{2}-\d{2}\.xlsx$/);
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(await excel.path());
        const sheet = book.worksheets[0]!;
        expect(sheet.getRow(1).values).toEqual([undefined, 'Namn', 'Organisation', 'Roll']);
        const names = sheet.getColumn(1).values.slice(2).map(String);
        expect(names.length).toBeGreaterThanOrEqual(2);
        expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'sv')));
        expect(names).toEqual(await members.getByRole('row').locator('td:first-child').allInnerTexts());
      }
      await page.getByRole('region', { name: words.meetings, exact: true }).getByRole('table').getByRole('link').last().click();
      await page.getByRole('heading', { level: 2, name: words.meeting }).waitFor();
      await scan(page, `${language} meeting`);
      if (language === 'sv') {
        await page.getByRole('textbox', { name: 'Protokoll' }).fill('Protokoll: artikel 12 diskuterades med referensgruppen.');
        await page.getByRole('button', { name: 'Spara protokollet' }).click();
        await page.getByRole('status').filter({ hasText: 'Protokollet har sparats.' }).waitFor();
        await scan(page, 'sv meeting minutes saved');
      }
      await visit(session, page, '/operations/contacts', words.contacts);
      await page.getByRole('row').nth(1).waitFor();
      await scan(page, `${language} contacts`);
      await resize(page, { width: 390, height: 844 });
      await scan(page, `${language} contacts 390 px`);
      await resize(page, { width: 1280, height: 860 });
      await resetBrowser(session);
    }
    expect(found).toEqual([]);
  });
});
