import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { login, testPassword, useBrowserSession } from './browser.ts';

const session = useBrowserSession();

describe('the web app in a browser', () => {
  it('an administrator logs in, switches to English, creates a unit, sees it listed and logs out', async () => {
    const { page, url } = session;
    await page.goto(`${url}/login`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');

    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: 'Hej Olle Organisationsadmin!' }).waitFor();
    expect(await page.title()).toBe('Start – Samsyn');
    await page.getByRole('cell', { name: 'Organisationsadministratör' }).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello Olle Organisationsadmin!' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Operations' }).isVisible()).toBe(true);

    await page.getByRole('navigation').getByRole('link', { name: 'Units' }).click();
    await page.getByRole('heading', { level: 1, name: 'Units' }).waitFor();
    expect(await page.title()).toBe('Units – Samsyn');
    await page.getByRole('button', { name: 'New unit' }).click();
    const dialog = page.getByRole('dialog', { name: 'New unit' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Testgårdens fritidsgård');
    await dialog.getByRole('textbox', { name: 'Sector' }).click();
    await page.getByRole('option', { name: 'Leisure' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'The unit Testgårdens fritidsgård has been created.' }).waitFor();

    await page.getByRole('searchbox', { name: 'Search' }).fill('Testgården');
    const row = page.getByRole('row').filter({ hasText: 'Testgårdens fritidsgård' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Leisure');
    expect(await row.textContent()).toContain('Exempelstads kommun');

    await page.screenshot({ path: '/tmp/samsyn-units.png', fullPage: false });
    await page.getByRole('button', { name: 'User menu for Olle Organisationsadmin' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(`${url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByText('You are now logged out.').waitFor();
    // The language choice is remembered after logout and on a fresh load.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  });

  it('the root address and deep links serve the web app', async () => {
    for (const path of ['/', '/login', '/admin/units', '/child']) {
      const response = await fetch(`${session.url}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    }
    const { page, url } = session;
    await page.goto(`${url}/`);
    await page.waitForURL(`${url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  });

  it('a deep link while logged out leads through the login page back to the page', async () => {
    const { page, url } = session;
    await page.goto(`${url}/admin/units`);
    await page.waitForURL(`${url}/login`);
    await login(page, 'orgadmin', testPassword);
    await page.waitForURL(`${url}/admin/units`);
    await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Exempelstads kommun' }).first().waitFor();
  });

  it('a professional sees no administration and gets a not-allowed page at /admin/users', async () => {
    const { page, url } = session;
    await page.goto(`${url}/login`);
    await login(page, 'teacher', testPassword);
    await page.getByRole('heading', { level: 1, name: 'Hej Tove Lärare!' }).waitFor();
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'Barn', exact: true }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Enheter' }).count()).toBe(0);
    expect(await nav.getByText('Administration').count()).toBe(0);

    await page.goto(`${url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
    expect(await page.title()).toBe('Ingen behörighet – Samsyn');
  });

  it('the login form can be completed with the keyboard alone', async () => {
    const { page, url } = session;
    await page.goto(`${url}/login`);
    await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    // Focus starts in the username field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('username');
    await page.keyboard.type('manager');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await page.keyboard.type(testPassword);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
  });

  it('a wrong password is announced and the skip link leads to the main content', async () => {
    const { page, url } = session;
    await page.goto(`${url}/login`);
    await login(page, 'orgadmin', 'not-the-password');
    await page.getByText('Fel användarnamn eller lösenord.').waitFor();
    expect(await page.locator('[aria-live="assertive"]').textContent()).toContain('Fel användarnamn eller lösenord.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');

    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await page.goto(`${url}/child`);
    await page.getByRole('heading', { level: 1, name: 'Barn' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till huvudinnehållet');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('the units list sorts by column and exports the filtered rows as Swedish CSV', async () => {
    const { page, url } = session;
    await page.goto(`${url}/admin/units`);
    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: 'Enheter' }).waitFor();
    const nameHeader = page.getByRole('columnheader', { name: 'Namn' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await nameHeader.getByRole('button').click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');
    const names = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    expect([...names].sort((a, b) => b.localeCompare(a, 'sv'))).toEqual(names);

    await page.getByRole('textbox', { name: 'Sektor' }).click();
    await page.getByRole('option', { name: 'Skola', exact: true }).click();
    const shown = await page.locator('tbody tr').count();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera CSV' }).click();
    const file = await (await download).path();
    const csv = await readFile(file, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Organisation;Namn;Sektor;Kolada-enhet (OU);Status;Ändrad');
    expect(lines).toHaveLength(shown + 1);
    // A school's Kolada unit where it has one (V15E…), else empty.
    for (const line of lines.slice(1)) expect(line).toMatch(/;Skola;(V15E\d+)?;Aktiv;\d{4}-\d{2}-\d{2}$/);
    expect(lines.some((line) => /;Skola;V15E\d+;/.test(line))).toBe(true);
  });

  it('an administrator creates a user with a role, edits and deactivates the account', async () => {
    const { page, url } = session;
    await page.goto(`${url}/admin/users`);
    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    await page.getByRole('button', { name: 'Ny användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny användare' });
    await dialog.getByRole('textbox', { name: 'Användarnamn' }).fill('test.kurator');
    await dialog.getByRole('textbox', { name: 'Namn', exact: true }).fill('Kim Kurator');
    await dialog.getByRole('textbox', { name: 'Titel', exact: true }).fill('Kurator');
    await dialog.getByLabel(/^Lösenord/).fill('kort');
    await dialog.getByRole('textbox', { name: 'Roll', exact: true }).click();
    await page.getByRole('option', { name: 'Yrkesverksam' }).click();
    await dialog.getByRole('button', { name: 'Spara' }).click();
    // The shared password policy answers before the server is asked, on the field itself.
    await dialog.getByText('Lösenordet är för kort (minst 10 tecken).').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await dialog.getByLabel(/^Lösenord/).fill('ett-langt-losenord-2026');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: 'Användaren Kim Kurator har skapats.' }).waitFor();

    await page.getByRole('searchbox', { name: 'Sök' }).fill('kurator');
    const row = page.getByRole('row').filter({ hasText: 'test.kurator' });
    expect(await row.textContent()).toContain('Yrkesverksam');
    expect(await row.textContent()).toContain('Exempelstads kommun');
    await row.getByRole('button', { name: 'Redigera Kim Kurator' }).click();
    const edit = page.getByRole('dialog', { name: 'Redigera användare' });
    await edit.getByRole('textbox', { name: 'Titel', exact: true }).fill('Skolkurator');
    await edit.getByRole('button', { name: 'Spara' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: 'test.kurator' }).filter({ hasText: 'Skolkurator' }).waitFor();

    await page.getByRole('button', { name: 'Inaktivera Kim Kurator' }).click();
    await page.getByRole('dialog', { name: 'Inaktivera Kim Kurator?' }).getByRole('button', { name: 'Ja, inaktivera' }).click();
    await page.getByRole('status').filter({ hasText: 'Användaren Kim Kurator har inaktiverats.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'test.kurator' }).waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Visa inaktiva' }).check();
    expect(await page.getByRole('row').filter({ hasText: 'test.kurator' }).textContent()).toContain('Inaktiv');
  });

  it('a lost session sends the user to the login page and back to where they were', async () => {
    const { page, url, context } = session;
    await page.goto(`${url}/login`);
    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await context.clearCookies({ name: 'samsyn_session' });
    await page.getByRole('navigation').getByRole('link', { name: 'Användare' }).click();
    await page.waitForURL(`${url}/login`);
    await login(page, 'orgadmin', testPassword);
    await page.waitForURL(`${url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
  });
});
