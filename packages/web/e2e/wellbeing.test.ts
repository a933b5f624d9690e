import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs as openAs, resetBrowser, visit as visitPage, rememberLanguage, useBrowserSession, scanner, resize } from './browser.ts';

let childId: string;

const session = useBrowserSession({ viewport: { width: 1280, height: 860 } });
beforeAll(async () => {
  const { db } = session.database;
  childId = (await db.selectFrom('child').select('child.id').where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child')).executeTakeFirstOrThrow()).id;
});

const loginAs = (username: string, language: 'sv' | 'en' = 'sv') => openAs(session, username, language);
const visit = (page: Page, path: string, heading: string | RegExp) => visitPage(session, page, path, heading);

/** Axe at every impact level (WCAG 2.1 A and AA), on the page or one part of it. */
const { violations } = scanner();

/** Tabs until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

const latestTable = (page: Page) => page.getByTestId('wheel-latest-table');

describe('the child’s own voice', () => {
  it('the child fills in the self-rating on a tablet with the keyboard only, and the teacher sees it beside her own', async () => {
    const { page, url } = session;
    // The teacher gives a one-time code from Ebba's record.
    await loginAs('teacher');
    await visit(page, `/child/${childId}`, /Ebba/);
    await page.getByRole('button', { name: /^(Visa hjulet, oro och orosanmälningar|Show the wheel, concerns and reports of concern)$/ }).click();
    const section = page.getByTestId('wellbeing-section');
    await section.getByRole('heading', { name: 'Barnets bästa-hjulet' }).waitFor();
    await section.getByRole('button', { name: 'Ge en engångskod' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Barnet' }).check();
    await dialog.getByRole('button', { name: 'Skapa kod' }).click();
    const code = (await dialog.getByTestId('one-time-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // Ebba, alone on a tablet, follows the link: no login, keyboard only.
    await resetBrowser(session);
    await resize(page, { width: 820, height: 1180 });
    await page.goto(`${url}/self-rating#${code}`);
    await page.getByRole('heading', { level: 1, name: 'Hur har du det?' }).waitFor();
    expect(await page.getByLabel('Kod').inputValue()).toBe(code);
    await tabTo(page, 'input[type=text], input:not([type])');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: /Trygg/ }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('');
    // Each area: Tab into its choices, Space picks the first, the arrows move to the answer.
    const wanted = { safe: 4, healthy: 2, achieving: 3, nurtured: 5, active: 5, respected: 3, responsible: 4, included: 1 };
    for (const [area, rating] of Object.entries(wanted)) {
      await tabTo(page, `input[name="area-${area}"]`);
      await page.keyboard.press('Space');
      for (let i = 1; i < rating; i += 1) await page.keyboard.press('ArrowRight');
      expect(await page.locator(`input[name="area-${area}"]:checked`).getAttribute('value'), area).toBe(String(rating));
    }
    // Large touch targets: every choice is at least 48 px high.
    const heights = await page.locator('.self-rating-choice').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
    await page.screenshot({ path: '/tmp/samsyn-self-rating-tablet.png', fullPage: true });
    await tabTo(page, 'textarea');
    await page.keyboard.type('Att få spela fotboll med mina vänner');
    await tabTo(page, 'button[type=submit]');
    await page.keyboard.press('Enter');
    await page.getByText('Tack!').waitFor();
    // The code is spent.
    await page.goto(`${url}/self-rating#${code}`);
    await page.reload();
    await page.getByRole('button', { name: 'Börja' }).click();
    await page.getByText('Koden har redan använts. Be om en ny kod.').waitFor();

    // The teacher sees the child's view beside her own on the radar chart and in its table.
    await resize(page, { width: 1280, height: 860 });
    await resetBrowser(session);
    await loginAs('teacher');
    await visit(page, `/child/${childId}`, /Ebba/);
    await page.getByRole('button', { name: /^(Visa hjulet, oro och orosanmälningar|Show the wheel, concerns and reports of concern)$/ }).click();
    const table = latestTable(page);
    await table.waitFor();
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.join(' | ')).toMatch(/Yrkesperson.*Barnet.*Vårdnadshavare/);
    const row = (area: string) => table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: area, exact: true }) });
    // Columns: area, professional, child, guardian. Today's child view: Trygg 4, Delaktig 1.
    expect(await row('Trygg').locator('td').nth(1).textContent()).toBe('4 – Bra');
    expect(await row('Delaktig').locator('td').nth(1).textContent()).toBe('1 – Mycket svårt');
    expect(await row('Delaktig').locator('td').nth(0).textContent()).toMatch(/^3 – /);
    await table.scrollIntoViewIfNeeded();
    await page.locator('[data-chart] canvas').first().waitFor();
    expect(await page.locator('[data-chart]').first().getAttribute('role')).toBe('img');
    await page.getByText(/Att få spela fotboll med mina vänner/).first().waitFor({ state: 'attached' });
    await page.getByTestId('wellbeing-section').screenshot({ path: '/tmp/samsyn-wheel.png' });
  });

  it('the child can also give her view from her own pages, addressed to her named person', async () => {
    const { page } = session;
    await loginAs('child');
    await visit(page, `/my-children/${childId}`, /Ebba/);
    await page.getByRole('link', { name: 'Berätta hur du har det' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hur har du det?' }).waitFor();
    await page.getByRole('group', { name: /Må bra/ }).getByRole('radio', { name: /Okej/ }).check();
    await page.getByRole('button', { name: 'Skicka mina svar' }).click();
    await page.getByText('Tack!').waitFor();
  });
});

const texts = {
  sv: { selfChild: 'Hur har du det?', selfGuardian: 'Hur har ditt barn det?', give: 'Ge en engångskod', admin: 'Barnets bästa-hjulet: modell', newAssessment: 'Ny bedömning', start: 'Börja' },
  en: { selfChild: 'How are you?', selfGuardian: 'How is your child?', give: 'Give a one-time code', admin: 'The wellbeing wheel: model', newAssessment: 'New assessment', start: 'Start' },
} as const;

describe.each(['sv', 'en'] as const)('axe at every impact level, in %s', (language) => {
  const text = texts[language];

  it('passes on the wheel, its assessment form and its code dialog', async () => {
    const { page } = session;
    const found: string[] = [];
    await loginAs('teacher', language);
    await visit(page, `/child/${childId}`, /Ebba/);
    await page.getByRole('button', { name: /^(Visa hjulet, oro och orosanmälningar|Show the wheel, concerns and reports of concern)$/ }).click();
    await page.getByTestId('wellbeing-section').scrollIntoViewIfNeeded();
    await latestTable(page).waitFor();
    await page.locator('[data-chart] canvas').first().waitFor();
    found.push(...(await violations(page, `${language} wheel`, '[data-testid=wellbeing-section]')));
    await page.getByRole('button', { name: text.newAssessment }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await violations(page, `${language} assessment form`, '[role=dialog]')));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: text.give }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await violations(page, `${language} code dialog`, '[role=dialog]')));
    expect(found).toEqual([]);
  });

  it('passes on the self-rating: in a meeting, with a code (and refused), and from the child’s own pages', async () => {
    const { page, url } = session;
    const found: string[] = [];
    await loginAs('teacher', language);
    await visit(page, `/child/${childId}/self-rating?for=guardian`, text.selfGuardian);
    found.push(...(await violations(page, `${language} self-rating in a meeting`)));
    await resetBrowser(session);
    await rememberLanguage(session, language);
    await page.goto(`${url}/self-rating`);
    await page.getByRole('heading', { level: 1, name: text.selfChild }).waitFor();
    found.push(...(await violations(page, `${language} code page`)));
    await page.getByRole('button', { name: text.start }).click();
    await page.locator('[role=alert] .mantine-Alert-root').waitFor();
    found.push(...(await violations(page, `${language} code page refused`)));
    await resetBrowser(session);
    await loginAs('child', language);
    await visit(page, `/my-children/${childId}/self-rating`, text.selfChild);
    found.push(...(await violations(page, `${language} own self-rating`)));
    expect(found).toEqual([]);
  });

  it('passes on the model’s admin page', async () => {
    const { page } = session;
    await loginAs('sysadmin', language);
    await visit(page, '/admin/wellbeing-model', text.admin);
    expect(await violations(page, `${language} model admin`)).toEqual([]);
  });
});

describe('the model’s admin page', () => {
  it('saves an edit as a new version, listed with its note', async () => {
    const { page } = session;
    await loginAs('sysadmin');
    await visit(page, '/admin/wellbeing-model', 'Barnets bästa-hjulet: modell');
    const current = await page.getByText(/Nu gäller version (\d+)/).textContent();
    const version = Number(/version (\d+)/.exec(current ?? '')![1]);
    await page.getByRole('textbox', { name: 'Namn (svenska)' }).first().fill('Tryggt');
    await page.getByRole('textbox', { name: 'Anteckning om ändringen' }).fill('Länets ord');
    await page.getByRole('button', { name: 'Spara som ny version' }).click();
    await page.getByText(`Version ${version + 1} är sparad.`).waitFor();
    await page.getByRole('cell', { name: 'Länets ord' }).waitFor();
  });
});
