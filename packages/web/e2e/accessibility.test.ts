import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, resetBrowser, seriousViolations, startSession, testPassword, type Session } from './browser.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const texts = {
  sv: { login: 'Logga in', units: 'Enheter', users: 'Användare', newUnit: 'Ny enhet', newUser: 'Ny användare', notAllowed: 'Ingen behörighet', notFound: 'Sidan finns inte', child: 'Barn', operations: 'Verksamhet', population: 'Indikatorer', edit: 'Redigera', changePassword: 'Byt lösenord' },
  en: { login: 'Log in', units: 'Units', users: 'Users', newUnit: 'New unit', newUser: 'New user', notAllowed: 'Not allowed', notFound: 'Page not found', child: 'Child', operations: 'Operations', population: 'Indicators', edit: 'Edit', changePassword: 'Change password' },
} as const;

async function visit(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  // Let loading states settle into the page a user actually reads.
  await page.waitForLoadState('networkidle');
}

async function setLanguage(session: Session, language: 'sv' | 'en'): Promise<void> {
  await resetBrowser(session);
  await session.page.evaluate((value) => localStorage.setItem('samsyn.language', value), language);
}

describe.each(['sv', 'en'] as const)('in %s', (language) => {
it('every page has no serious or critical WCAG 2.1 AA violations', async () => {
  const { page, url } = session;
  const found: string[] = [];
  const scan = async (label: string) => {
    expect(await page.locator('main').count(), `${label}: one main landmark`).toBe(1);
    expect(await page.locator('h1').count(), `${label}: one h1`).toBe(1);
    found.push(...(await seriousViolations(page, label)));
  };

  {
    const text = texts[language];
    await setLanguage(session, language);
    await visit(page, `${url}/login`, text.login);
    expect(await page.locator('html').getAttribute('lang')).toBe(language);
    await scan(`${language} login`);
    if (language === 'sv') await page.screenshot({ path: '/tmp/samsyn-login.png' });
    await login(page, 'wrong', 'wrong-password');
    await page.locator('[aria-live="assertive"] .mantine-Alert-root').waitFor();
    await scan(`${language} login with error`);

    await login(page, 'orgadmin', testPassword);
    await page.getByRole('heading', { level: 1, name: /Olle/ }).waitFor();
    await scan(`${language} start`);
    if (language === 'sv') await page.screenshot({ path: '/tmp/samsyn-start.png' });

    for (const area of ['child', 'operations', 'population'] as const) {
      await visit(page, `${url}/${area}`, text[area]);
      await scan(`${language} ${area}`);
    }

    await visit(page, `${url}/admin/units`, text.units);
    await page.locator('tbody tr').first().waitFor();
    await scan(`${language} units`);
    await page.getByRole('button', { name: text.newUnit }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: /Spara|Save/ }).click();
    await page.getByRole('dialog').locator('[aria-invalid="true"]').first().waitFor();
    await scan(`${language} unit form with errors`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: new RegExp(`^${text.edit} `) }).first().click();
    await page.getByRole('dialog').waitFor();
    await scan(`${language} unit edit form`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await visit(page, `${url}/admin/users`, text.users);
    await page.locator('tbody tr').first().waitFor();
    await scan(`${language} users`);
    if (language === 'sv') await page.screenshot({ path: '/tmp/samsyn-users.png' });
    await page.getByRole('button', { name: text.newUser }).click();
    await page.getByRole('dialog').waitFor();
    await scan(`${language} user form`);
    if (language === 'sv') await page.screenshot({ path: '/tmp/samsyn-user-form.png' });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: new RegExp(`^${text.edit} `) }).first().click();
    await page.getByRole('dialog').waitFor();
    await scan(`${language} user edit form`);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByRole('banner').getByRole('button', { name: /Olle Organisationsadmin/ }).click();
    await page.getByRole('menuitem', { name: text.changePassword }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await scan(`${language} change password`);
    await page.keyboard.press('Escape');

    await visit(page, `${url}/no-such-page`, text.notFound);
    await scan(`${language} not found`);

    await setLanguage(session, language);
    await visit(page, `${url}/login`, text.login);
    await login(page, 'teacher', testPassword);
    await page.getByRole('heading', { level: 1, name: /Tove/ }).waitFor();
    await visit(page, `${url}/admin/users`, text.notAllowed);
    await scan(`${language} not allowed`);
  }

  if (found.length > 0) console.error(`Accessibility violations:\n\n${found.join('\n\n')}`);
  expect(found, found.join('\n\n')).toEqual([]);
}, 120_000);
});
