import { describe, expect, it } from 'vitest';
import { login, testPassword, useBrowserSession, scanner } from './browser.ts';

const session = useBrowserSession();
const { violations } = scanner();

describe('the audit log check page', () => {
  it('lets a system administrator check the log, shows progress and the result, and names a tampered entry', async () => {
    const { page, url } = session;
    await page.goto(`${url}/login`);
    await login(page, 'sysadmin', testPassword);
    await page.getByRole('navigation').getByRole('link', { name: 'Granskningslogg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kontroll av granskningsloggen' }).waitFor();
    expect(await page.title()).toBe('Granskningslogg – Samsyn');

    await page.getByRole('button', { name: 'Kontrollera loggen' }).click();
    await page.getByText(/^Loggen är hel: [\d\s]+ poster stämmer\.$/).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'poster kontrollerade' }).textContent()).toMatch(/^([\d\s]+) av \1 poster kontrollerade\.$/);
    expect(await page.getByRole('progressbar', { name: 'Kontrollens förlopp' }).getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByText(/Signerade kontrollpunkter: [1-9]/).isVisible()).toBe(true);
    expect(await violations(page, 'audit check, intact')).toEqual([]);

    // The quick check starts at the last signed checkpoint (the server wrote one when it started).
    await page.getByRole('button', { name: 'Kontrollera sedan senaste kontrollpunkten' }).click();
    await page.getByText(/^Loggen är hel: [\d\s]+ poster efter kontrollpunkten vid post \d+ stämmer\.$/).waitFor();

    // Someone with the owner's rights rewrites an entry behind the guards.
    await session.database.ownerScript.exec(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
      UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = 2;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
    await page.getByRole('button', { name: 'Kontrollera loggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Loggen är bruten vid post 2.' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('posten har ändrats');
    // It stopped at the first break: one entry of all of them verified.
    expect(await page.getByRole('status').filter({ hasText: 'poster kontrollerade' }).textContent()).toMatch(/^1 av [1-9][\d\s]* poster kontrollerade\.$/);
    expect(await violations(page, 'audit check, broken')).toEqual([]);
    await page.screenshot({ path: '/tmp/samsyn-audit-check.png', fullPage: false });
  });

  it('is not offered to an organisation administrator, and refuses a direct visit', async () => {
    const { page, url } = session;
    await page.goto(`${url}/login`);
    await login(page, 'orgadmin', testPassword);
    await page.getByRole('navigation').getByRole('link', { name: 'Enheter' }).waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Granskningslogg' }).count()).toBe(0);
    await page.goto(`${url}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
  });
});
