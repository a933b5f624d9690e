import { describe, expect, it } from 'vitest';
import { login, loginAs, resetBrowser, visit, useBrowserSession, scanner } from './browser.ts';

const session = useBrowserSession();
const { violations } = scanner();

/** Calls the API with the browser's own session (its cookies), as the web client does. */
async function apiAsBrowser(method: 'GET' | 'PATCH', path: string, body?: unknown) {
  const { page, url } = session;
  const token = ((await (await page.request.get(`${url}/api/auth/csrf`)).json()) as { token: string }).token;
  return page.request.fetch(`${url}${path}`, { method, headers: { 'x-csrf-token': token, 'content-type': 'application/json' }, data: body === undefined ? undefined : JSON.stringify(body) });
}

describe('my account', () => {
  it('an administrator cannot edit her own roles in the user form, and is told why', async () => {
    const page = await loginAs(session, 'orgadmin');
    await visit(session, page, '/admin/users', 'Användare');
    await page.getByRole('searchbox').fill('Olle Organisationsadmin');
    await page.getByRole('button', { name: /^Redigera Olle Organisationsadmin/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByText('Du kan inte ändra dina egna roller.', { exact: false }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Lägg till roll' }).count()).toBe(0);
    expect(await dialog.getByRole('button', { name: /^Ta bort/ }).count()).toBe(0);
    expect(await dialog.getByLabel('Nytt lösenord').isDisabled()).toBe(true);
  });

  it('after a reset the user must choose a new password, and then sees who reset it on My account', async () => {
    const { page, url } = session;
    await loginAs(session, 'orgadmin');
    const users = (await (await apiAsBrowser('GET', '/api/users')).json()) as { id: string; username: string }[];
    const nurse = users.find((u) => u.username === 'nurse')!;
    expect((await apiAsBrowser('PATCH', `/api/users/${nurse.id}`, { password: 'engangs-kod-123' })).status()).toBe(200);
    await resetBrowser(session);

    await page.goto(`${url}/login`);
    await login(page, 'nurse', 'engangs-kod-123');
    await page.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' }).waitFor();
    expect(await violations(page, 'forced password change')).toEqual([]);
    // Nothing else is reachable until then.
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByLabel('Engångslösenordet du fick').fill('engangs-kod-123');
    await page.getByLabel(/^Nytt lösenord/).fill('engangs-kod-123');
    await page.getByLabel('Upprepa nytt lösenord').fill('engangs-kod-123');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Det nya lösenordet måste skilja sig från det nuvarande.').waitFor();
    await page.getByLabel(/^Nytt lösenord/).fill('noras-egna-fras');
    await page.getByLabel('Upprepa nytt lösenord').fill('noras-egna-fras');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('heading', { level: 1, name: /Nora/ }).waitFor();

    await page.getByRole('banner').getByRole('button', { name: /Nora/ }).click();
    await page.getByRole('menuitem', { name: 'Mitt konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitt konto' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lösenordet återställdes' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Olle Organisationsadmin');
    expect(await row.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await violations(page, 'my account')).toEqual([]);
  });
});
