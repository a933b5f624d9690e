import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { login, testPassword, rememberLanguage, useBrowserSession, scanner } from './browser.ts';

const session = useBrowserSession();

/** WCAG 2.1 A/AA violations of every impact, minor ones too, on the page as it is now. */
const { violations } = scanner();

const texts = {
  sv: {
    nav: 'Sekretessområden', next: 'Fortsätt', confirm: 'Flytta enheten', new: 'Nytt sekretessområde', save: 'Spara', unit: 'Enhet', to: 'Nytt sekretessområde',
    school: 'Förskola och skola', health: 'Elevhälsans medicinska och psykologiska insats',
    earlier: 'Uppgifter som redan skrivits behåller sitt sekretessområde.',
    moveFrom: (name: string) => `Flytta enhet från ${name}`,
    moved: (unit: string, to: string) => `${unit} hör nu till ${to}.`,
  },
  en: {
    nav: 'Secrecy domains', next: 'Continue', confirm: 'Move the unit', new: 'New secrecy domain', save: 'Save', unit: 'Unit', to: 'New secrecy domain',
    school: 'Förskola och skola', health: 'Elevhälsans medicinska och psykologiska insats',
    earlier: 'Entries already written keep their secrecy domain.',
    moveFrom: (name: string) => `Move unit out of ${name}`,
    moved: (unit: string, to: string) => `${unit} now belongs to ${to}.`,
  },
} as const;

async function periodsOf(unitName: string): Promise<{ name: string; valid_to: Date | null }[]> {
  return session.database.db
    .selectFrom('unit_secrecy_domain as d')
    .innerJoin('unit as u', 'u.id', 'd.unit_id')
    .innerJoin('secrecy_domain as s', 's.id', 'd.secrecy_domain_id')
    .select(['s.name', 'd.valid_to'])
    .where('u.name', '=', unitName)
    .orderBy('d.valid_from')
    .execute();
}

describe('secrecy domains in the browser', () => {
  // Swedish first moves the student health unit into the school domain, English moves it back.
  it.each([
    ['sv', 'health', 'school'],
    ['en', 'school', 'health'],
  ] as const)('in %s an organisation administrator sees Exempelstad’s domains and moves a unit, and the page is axe-clean', async (language, fromKey, toKey) => {
    const { page, url } = session;
    const text = texts[language];
    await rememberLanguage(session, language);
    await page.goto(`${url}/login`);
    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: /Olle/ }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: text.nav }).click();
    await page.getByRole('heading', { level: 1, name: text.nav }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');

    const found: string[] = [];
    const rows = await page.locator('tbody tr td:nth-child(1)').allTextContents();
    expect(new Set(rows)).toEqual(new Set(['Exempelstads kommun']));
    for (const name of [text.school, text.health, 'Socialtjänst']) await page.getByRole('row').filter({ hasText: name }).first().waitFor();
    found.push(...(await violations(page, `${language} list`)));

    await page.getByRole('button', { name: text.new }).click();
    const form = page.getByRole('dialog', { name: text.new });
    await form.waitFor();
    await form.getByRole('button', { name: text.save }).click();
    await form.locator('[aria-invalid="true"]').first().waitFor();
    found.push(...(await violations(page, `${language} create form with errors`)));
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });

    const from = text[fromKey];
    const to = text[toKey];
    await page.getByRole('button', { name: text.moveFrom(from), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const unit = dialog.getByRole('textbox', { name: text.unit });
    await unit.click();
    await unit.fill('Elevhälsan');
    await page.getByRole('option', { name: 'Elevhälsan Exempelstad' }).click();
    await dialog.getByRole('textbox', { name: text.to }).click();
    await page.getByRole('option', { name: to, exact: true }).click();
    found.push(...(await violations(page, `${language} move form`)));
    await dialog.getByRole('button', { name: text.next }).click();
    await dialog.getByText(text.earlier).waitFor();
    found.push(...(await violations(page, `${language} move confirmation`)));
    if (language === 'sv') await page.screenshot({ path: '/tmp/samsyn-secrecy-domains-move.png' });
    await dialog.getByRole('button', { name: text.confirm }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').filter({ hasText: text.moved('Elevhälsan Exempelstad', to) }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: to }).first().textContent()).toContain('Elevhälsan Exempelstad');
    found.push(...(await violations(page, `${language} after the move`)));

    // The move ended one period and started the next: history is appended, never rewritten.
    const periods = await periodsOf('Elevhälsan Exempelstad');
    expect(periods.at(-1)).toMatchObject({ name: to, valid_to: null });
    expect(periods.at(-2)).toMatchObject({ name: from });
    expect(periods.at(-2)!.valid_to).not.toBeNull();

    expect(found, found.join('\n\n')).toEqual([]);
  }, 90_000);

  it('the list sorts, filters and exports as CSV', async () => {
    const { page, url } = session;
    await page.goto(`${url}/admin/secrecy-domains`);
    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: 'Sekretessområden' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const nameHeader = page.getByRole('columnheader', { name: 'Namn' });
    await nameHeader.getByRole('button').click();
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    const names = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    expect([...names].sort((a, b) => a.localeCompare(b, 'sv'))).toEqual(names);

    await page.getByRole('searchbox', { name: 'Sök' }).fill('26 kap');
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportera CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Organisation;Namn;Lagrum;Sektorer;Antal enheter;Enheter');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Exempelstads kommun;Socialtjänst;OSL 26 kap\. 1 §;Socialtjänst;\d+;/);
  });

  it('a professional sees no link to secrecy domains and is not allowed on the page', async () => {
    const { page, url } = session;
    await page.goto(`${url}/login`);
    await login(page, 'teacher', testPassword);
    await page.getByRole('heading', { level: 1, name: /Tove/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Sekretessområden' }).count()).toBe(0);
    await page.goto(`${url}/admin/secrecy-domains`);
    await page.getByRole('heading', { level: 1, name: 'Ingen behörighet' }).waitFor();
  });
});
