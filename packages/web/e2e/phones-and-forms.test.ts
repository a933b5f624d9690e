import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs as openAs, resetBrowser, visit as visitPage, useBrowserSession, resize } from './browser.ts';

// Phones (the header, the burger, tables as cards) and the forms and lists that help: asking
// before a deactivation, messages that follow a language switch, the focus ring, messages that
// go when a field is corrected, and the colleague search.

let childId: string;
/** A colleague at the teacher's own school, on no team of the demo child. */
let colleague: string;

const session = useBrowserSession({ viewport: { width: 1280, height: 860 } });
beforeAll(async () => {
  const { db } = session.database;
  const child = await db
    .selectFrom('child')
    .select('child.id')
    .where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child'))
    .executeTakeFirstOrThrow();
  childId = child.id;
  const teacher = await db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select('r.unit_id').where('u.username', '=', 'teacher').where('r.role', '=', 'professional').executeTakeFirstOrThrow();
  const row = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.display_name')
    .where('r.unit_id', '=', teacher.unit_id)
    .where('r.role', '=', 'professional')
    .where('u.kind', '=', 'professional')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('care_team_member as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.child_id', '=', childId))))
    .orderBy('u.username')
    .executeTakeFirstOrThrow();
  colleague = row.display_name;
});

const loginAs = (username: string, language: 'sv' | 'en' = 'sv') => openAs(session, username, language);
const visit = (page: Page, path: string, heading: string | RegExp) => visitPage(session, page, path, heading);
const phone = (page: Page) => resize(page, { width: 390, height: 844 });

/** Whether the element is drawn whole inside the 390 px wide window. */
async function insideWindow(page: Page, selector: ReturnType<Page['getByRole']>): Promise<boolean> {
  const box = await selector.boundingBox();
  const width = await page.evaluate(() => window.innerWidth);
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width;
}

async function navLinks(page: Page): Promise<string[]> {
  return page.locator('#main-navigation a').evaluateAll((links) => links.map((a) => `${a.textContent?.trim()} ${a.getAttribute('href')}`));
}

describe('phones and small screens', () => {
  it('at 390 px the header holds the language switch and the whole user menu, on professional and citizen pages', async () => {
    for (const [username, path] of [['teacher', '/child'], ['orgadmin', '/admin/users'], ['guardian', '/']] as const) {
      await resetBrowser(session);
      const page = await loginAs(username);
      await phone(page);
      await visit(page, path, /./);
      const header = page.getByRole('banner');
      for (const control of [
        header.getByRole('button', { name: 'Svenska' }),
        header.getByRole('button', { name: 'English' }),
        header.getByRole('button', { name: /^Användarmeny för / }),
        header.getByRole('button', { name: 'Visa eller dölj menyn' }),
      ]) {
        expect(await insideWindow(page, control as ReturnType<Page['getByRole']>), `${username}: ${await control.textContent()}`).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${username}: no sideways scrolling`).toBeLessThanOrEqual(390);
      // The user menu opens and all its items are on screen.
      await header.getByRole('button', { name: /^Användarmeny för / }).click();
      const items = page.getByRole('menuitem');
      // The menu opens with a transition: wait for it before counting its items.
      await items.first().waitFor({ state: 'visible' });
      expect(await items.count(), username).toBeGreaterThan(1);
      for (const item of await items.all()) expect(await insideWindow(page, item as ReturnType<Page['getByRole']>)).toBe(true);
      await page.keyboard.press('Escape');
    }
  });

  it('the burger menu holds every link the sidebar holds', async () => {
    for (const username of ['orgadmin', 'manager', 'guardian']) {
      await resetBrowser(session);
      const page = await loginAs(username);
      await resize(page, { width: 1280, height: 860 });
      await visit(page, '/', /./);
      const sidebar = await navLinks(page);
      expect(sidebar.length).toBeGreaterThan(0);
      await phone(page);
      await page.getByRole('button', { name: 'Visa eller dölj menyn' }).click();
      await page.locator('#main-navigation a').first().waitFor({ state: 'visible' });
      expect(await navLinks(page), username).toEqual(sidebar);
      for (const link of await page.locator('#main-navigation a').all()) expect(await link.isVisible()).toBe(true);
      // A link leads to its page and closes the menu.
      await page.locator('#main-navigation a').last().click();
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('button', { name: 'Visa eller dölj menyn' }).getAttribute('aria-expanded')).toBe('false');
    }
  });

  it('on a phone a table is a list of cards, each cell labelled with its column, every action on screen', async () => {
    const page = await loginAs('orgadmin');
    await phone(page);
    await visit(page, '/admin/users', 'Användare');
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    const headers = await page.locator('thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.replace(/[▲▼↕]/g, '').trim()));
    const labels = await row.locator('td').evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content.replace(/^"|"$/g, '')));
    expect(labels).toEqual(headers);
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    // The header row is there for screen readers, out of sight.
    expect((await page.locator('thead').boundingBox())!.height).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    for (const button of await row.getByRole('button').all()) expect(await insideWindow(page, button as ReturnType<Page['getByRole']>)).toBe(true);
    await page.screenshot({ path: '/tmp/samsyn-users-390.png' });

    // A table whose rows the page draws (DataTable) gets the same labels: the guardian's log.
    await resetBrowser(session);
    const guardian = await loginAs('guardian');
    await phone(guardian);
    await visit(guardian, `/my-children/${childId}`, 'Ebba Vårdnadshavare');
    const table = guardian.locator('table.stacks').first();
    await table.locator('tbody tr').first().waitFor();
    const logHeaders = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim()));
    const logLabels = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-label')));
    expect(logLabels).toEqual(logHeaders);
    expect(await guardian.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // At 1280 px the same table is a table.
    await resize(guardian, { width: 1280, height: 860 });
    expect(await table.locator('tbody tr').first().evaluate((tr) => getComputedStyle(tr).display)).toBe('table-row');
  });
});

describe('forms and lists that help', () => {
  it('deactivating a unit asks first; cancelling changes nothing, and the message follows a language switch', async () => {
    const page = await loginAs('orgadmin');
    await visit(page, '/admin/units', 'Enheter');
    const name = (await page.locator('tbody tr').first().locator('td').nth(1).textContent())!.trim();
    await page.getByRole('button', { name: `Inaktivera ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Inaktivera ${name}?` });
    await dialog.getByText(`Enheten ${name} inaktiveras direkt`).waitFor();
    // Cancel has the focus: Enter in a hurry does not deactivate.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('row').filter({ hasText: name }).first().textContent()).toContain('Aktiv');

    await page.getByRole('button', { name: `Inaktivera ${name}` }).click();
    await page.getByRole('dialog', { name: `Inaktivera ${name}?` }).getByRole('button', { name: 'Ja, inaktivera' }).click();
    await page.getByRole('status').filter({ hasText: `Enheten ${name} har inaktiverats.` }).waitFor();

    // The message on screen is translated when the language changes.
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.getByRole('status').filter({ hasText: `The unit ${name} has been deactivated.` }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Units' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('status').filter({ hasText: `Enheten ${name} har inaktiverats.` }).waitFor();

    // Reactivating does not ask.
    await page.getByRole('checkbox', { name: 'Visa inaktiva' }).check();
    await page.getByRole('button', { name: `Aktivera ${name}` }).click();
    await page.getByRole('status').filter({ hasText: `Enheten ${name} har aktiverats.` }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('deactivating a user asks first, naming what it means', async () => {
    const page = await loginAs('orgadmin');
    await visit(page, '/admin/users', 'Användare');
    await page.locator('tbody tr').first().waitFor();
    const button = page.getByRole('button', { name: /^Inaktivera / }).first();
    const name = (await button.getAttribute('aria-label'))!.replace(/^Inaktivera /, '');
    await button.click();
    const dialog = page.getByRole('dialog', { name: `Inaktivera ${name}?` });
    await dialog.getByText(`${name} kan inte längre logga in.`).waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByRole('status').filter({ hasText: 'inaktiverats' }).count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: name }).first().textContent()).toContain('Aktiv');
  });

  it('a text input shows a visible focus ring', async () => {
    const page = await loginAs('orgadmin');
    await visit(page, '/admin/units', 'Enheter');
    const search = page.getByRole('searchbox', { name: 'Sök' });
    const before = await search.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(before).toBe('none');
    await search.focus();
    const ring = await search.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.color).toBe('rgb(23, 63, 116)');
  });

  it('a field’s message goes when it is corrected, the others stay', async () => {
    const page = await loginAs('orgadmin');
    await visit(page, '/admin/units', 'Enheter');
    await page.getByRole('button', { name: 'Ny enhet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny enhet' });
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const name = dialog.getByRole('textbox', { name: /^Namn/ });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const invalidBefore = await dialog.locator('[aria-invalid="true"]').count();
    expect(invalidBefore).toBeGreaterThan(1);
    await name.fill('Fritidsgården Solen');
    await expect.poll(() => name.getAttribute('aria-invalid')).not.toBe('true');
    expect(await dialog.locator('[aria-invalid="true"]').count()).toBe(invalidBefore - 1);
  });

  it('the colleague search finds by unit and title, and says when there are more than it shows', async () => {
    const page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Lägg till i teamet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till i teamet' });
    await dialog.getByText(/titel, organisation eller enhet/).waitFor();
    await dialog.getByText('Skriv minst 2 tecken för att söka.').waitFor();
    const search = dialog.getByRole('searchbox', { name: /^Sök kollega/ });
    await search.fill('BUP');
    await dialog.getByRole('status').filter({ hasText: /^Träffar: \d+/ }).waitFor();
    const radios = dialog.getByRole('radio');
    expect(await radios.count()).toBeGreaterThan(0);
    const places = await dialog.locator('.mantine-Radio-description').allTextContents();
    expect(places.some((p) => /BUP/.test(p))).toBe(true);
    expect(await dialog.getByRole('status').textContent()).not.toMatch(/Fler än/);

    await search.fill('an');
    await dialog.getByRole('status').filter({ hasText: 'Fler än 20 personer matchar. Skriv mer för att begränsa sökningen.' }).waitFor();

    // A colleague at the own school: the basis is chosen and explained in one line.
    await search.fill(colleague);
    await dialog.getByRole('status').filter({ hasText: /^Träffar: \d+/ }).waitFor();
    await dialog.getByRole('radio', { name: new RegExp(`^${colleague}`) }).first().check();
    await dialog.getByText('Kollegan arbetar i din organisation: inget samtycke behövs för att gå med i teamet.').waitFor();
  });
});
