import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, visit, useBrowserSession, scanner, resize } from './browser.ts';

let childId: string;

const session = useBrowserSession();
const { violations } = scanner();
beforeAll(async () => {
  const { db } = session.database;
  childId = (await db.selectFrom('child').innerJoin('app_user', 'app_user.id', 'child.user_id').select('child.id').where('app_user.username', '=', 'child').executeTakeFirstOrThrow()).id;
});

const texts = {
  sv: {
    open: 'Öppna kronologin', title: 'Kronologi för Ebba Vårdnadshavare', notShown: /händelser från andra verksamheter visas inte – samtycke saknas/, wheel: 'Senaste bedömningen i barnets bästa-hjulet från var och en',
    concern: 'Oro', apply: 'Visa', reset: 'Rensa filtren', date: 'Datum', exported: /Exporterade \d+ händelser till kronologi-/, joined: /kom med i teamet som Barnets bästa-ansvarig/, nurse: 'Ebba berättar att hon ofta hoppar över frukost',
  },
  en: {
    open: 'Open the chronology', title: 'Chronology of Ebba Vårdnadshavare', notShown: /events from other organisations are not shown – no consent/, wheel: 'The latest assessment on the wellbeing wheel from each respondent',
    concern: 'Concern', apply: 'Show', reset: 'Clear the filters', date: 'Date', exported: /Exported \d+ events to chronology-/, joined: /joined the team as Named person/, nurse: 'Ebba berättar att hon ofta hoppar över frukost',
  },
} as const;

/** Every axe violation of WCAG 2.1 A/AA at any impact, one h1, and at 390 px nothing wider than the screen. */
async function findings(page: Page, label: string, phone: boolean): Promise<string[]> {
  const found = await violations(page, label);
  if ((await page.locator('h1').count()) !== 1) found.push(`[${label}] not exactly one h1`);
  if (phone) {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (wide > 0) found.push(`[${label}] the page scrolls sideways by ${wide} px`);
  }
  return found;
}

const rows = (page: Page) => page.locator('table.data-table tbody tr');

describe.each(['sv', 'en'] as const)('the chronology in a browser, in %s', (language) => {
  const text = texts[language];

  it('opens from the record with the overview and the "not shown" sentence, filters, sorts and exports, with no axe violation', async () => {
    const found: string[] = [];
    const page = await loginAs(session, 'teacher', language);
    await visit(session, page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('link', { name: text.open }).click();
    await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
    await page.waitForLoadState('networkidle');
    // The overview: the radar's table of the latest views, the nurse's concern on the family's consent.
    await page.getByRole('heading', { name: text.wheel }).waitFor();
    await page.getByTestId('wheel-latest-table').waitFor();
    await page.getByText(text.nurse).first().waitFor();
    await expect.poll(() => page.getByTestId('not-shown').innerText()).toMatch(text.notShown);
    const all = await rows(page).count();
    expect(all).toBeGreaterThan(5);
    found.push(...(await findings(page, `${language} chronology`, false)));

    // One type: only concerns remain, and the count of what is not shown stays.
    await page.getByRole('checkbox', { name: text.concern, exact: true }).check();
    await page.getByRole('button', { name: text.apply, exact: true }).click();
    await expect.poll(() => rows(page).count()).toBeLessThan(all);
    // Read once the filtered rows are in (the table refetches after the filter is applied).
    const kinds = () => page.locator('table.data-table tbody tr td:nth-child(2) .mantine-Text-root:last-child').allInnerTexts();
    await expect.poll(async () => [...new Set(await kinds())]).toEqual([text.concern]);
    await expect.poll(() => page.getByTestId('not-shown').innerText()).toMatch(text.notShown);
    await page.getByRole('button', { name: text.reset }).click();
    await expect.poll(() => rows(page).count()).toBe(all);

    // The date column's header turns the order: the oldest first is the team's first member joining.
    const firstDate = await rows(page).first().locator('td').first().innerText();
    // By keyboard: the sort button is a button like any other.
    await page.getByRole('button', { name: text.date }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows(page).first().locator('td').first().innerText()).not.toBe(firstDate);
    await expect.poll(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: language === 'sv' ? 'Exportera CSV' : 'Export CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(all);
    expect(csv).toMatch(text.joined);
    await page.getByText(text.exported).waitFor();
    found.push(...(await findings(page, `${language} chronology after sorting and export`, false)));

    await resize(page, { width: 390, height: 844 });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: text.title }).waitFor();
    await page.waitForLoadState('networkidle');
    found.push(...(await findings(page, `${language} chronology at 390 px`, true)));
    expect(found, found.join('\n\n')).toEqual([]);
  });
});

describe('who may open the chronology', () => {
  it('refuses the outsider with the record’s refusal page', async () => {
    const page = await loginAs(session, 'outsider');
    await page.goto(`${session.url}/child/${childId}/chronology`);
    await page.getByRole('heading', { level: 1, name: 'Du har inte rätt att se den här journalen' }).waitFor();
    expect(await page.getByText('samtycke saknas').count()).toBe(0);
  });
});
