import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, useBrowserSession, scanner, resize } from './browser.ts';

// Issue 13, point 7: under "Mina barn" each child shows, in words with a link, what needs attention.

const session = useBrowserSession({ viewport: { width: 1280, height: 860 } });

/** WCAG 2.1 A/AA violations of every impact level, minor included, as the start page's own test scans. */
const { violations } = scanner({ settle: true, bestPractice: true });

const texts = {
  sv: {
    table: 'Barnen vars team du är med i',
    signals: '1 tidig signal',
    suggestion: 'Oro har registrerats i andra verksamheter; överväg att be familjen om samtycke till ett möte.',
    signalItem: 'Tidig signal: Oro har registrerats i andra verksamheter',
    childView: 'Ny självskattning från barnet',
    guardianView: 'Ny självskattning från en vårdnadshavare',
    received: 'Din orosanmälan är mottagen',
    sent: 'Mina orosanmälningar',
  },
  en: {
    table: 'The children whose team you are on',
    signals: '1 early signal',
    suggestion: 'Concerns have been recorded in other organisations; consider asking the family for consent to meet.',
    signalItem: 'Early signal: Concerns have been recorded in other organisations',
    childView: 'New self-rating from the child',
    guardianView: 'New self-rating from a guardian',
    received: 'Your report of concern has been received',
    sent: 'My reports of concern',
  },
} as const;

const row = (page: Page, table: string, child: string) => page.getByRole('table', { name: table }).locator('tbody tr').filter({ hasText: child });

describe.each(['sv', 'en'] as const)('what needs attention, in %s', (language) => {
  const text = texts[language];

  it('the named person sees the early signal under "Att göra" and on the child’s row, her report’s receipt and the new self-ratings, in words', async () => {
    const page = await loginAs(session, 'teacher', language);
    const waiting = page.getByRole('region', { name: language === 'sv' ? 'Att göra' : 'To do' });
    const signals = waiting.getByRole('list', { name: text.signals });
    await signals.waitFor();
    expect(await signals.getByRole('listitem').allTextContents()).toEqual([`Olle Vårdnadshavare: ${text.suggestion}`]);
    expect(await signals.getByRole('link', { name: 'Olle Vårdnadshavare' }).getAttribute('href')).toMatch(/^\/child\/[0-9a-f-]{36}$/);

    const olle = row(page, text.table, 'Olle Vårdnadshavare');
    await olle.getByRole('link', { name: new RegExp(text.signalItem) }).waitFor();
    await olle.getByRole('link', { name: text.received }).waitFor();
    expect(await olle.getByRole('link', { name: text.received }).getAttribute('href')).toBe('/reports/sent');
    const ebba = row(page, text.table, 'Ebba Vårdnadshavare');
    expect(await ebba.getByRole('link', { name: text.childView }).getAttribute('href')).toMatch(/^\/child\/[0-9a-f-]{36}\?open=wellbeing$/);
    await ebba.getByRole('link', { name: text.guardianView }).waitFor();
    expect(await violations(page, `${language} start with attention`)).toEqual([]);
    if (language === 'sv') await page.screenshot({ path: '/tmp/samsyn-start-attention.png', fullPage: true });
    await resize(page, { width: 390, height: 844 });
    expect(await violations(page, `${language} start with attention 390`)).toEqual([]);
  });

  it('another member of the team sees the self-ratings her consent lets her read, and neither the signal nor the teacher’s report', async () => {
    const page = await loginAs(session, 'nurse', language);
    const ebba = row(page, text.table, 'Ebba Vårdnadshavare');
    await ebba.getByRole('link', { name: text.childView }).waitFor();
    const olle = row(page, text.table, 'Olle Vårdnadshavare');
    await olle.waitFor();
    expect(await olle.textContent()).not.toContain(text.signalItem);
    expect(await olle.textContent()).not.toContain(text.received);
    expect(await page.getByRole('list', { name: text.signals }).count()).toBe(0);
  });
});

describe('following what needs attention', () => {
  it('opens the child’s wheel from a new self-rating and the receipts from a report’s feedback; each is then no longer news', async () => {
    const text = texts.sv;
    const page = await loginAs(session, 'teacher');
    const ebba = row(page, text.table, 'Ebba Vårdnadshavare');
    await ebba.getByRole('link', { name: text.childView }).click();
    // The wheel is open and in view without asking for it again.
    await page.getByRole('heading', { level: 1, name: /Ebba/ }).waitFor();
    await page.getByTestId('wellbeing-section').getByRole('heading', { name: 'Barnets bästa-hjulet' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: /^Start/ }).click();
    await ebba.waitFor();
    await expect.poll(async () => (await ebba.textContent()) ?? '').not.toContain(text.childView);
    expect(await ebba.textContent()).not.toContain(text.guardianView);

    const olle = row(page, text.table, 'Olle Vårdnadshavare');
    await olle.getByRole('link', { name: text.received }).click();
    await page.getByRole('heading', { level: 1, name: text.sent }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: /^Start/ }).click();
    await olle.waitFor();
    await expect.poll(async () => (await olle.textContent()) ?? '').not.toContain(text.received);
    // The early signal stays until the rule no longer fires: it is not a thing one has seen.
    await olle.getByRole('link', { name: new RegExp(text.signalItem) }).waitFor();

    // A fresh page asks the server again: what was seen stays seen.
    await page.reload();
    await olle.getByRole('link', { name: new RegExp(text.signalItem) }).waitFor();
    expect(await olle.textContent()).not.toContain(text.received);
    expect(await ebba.textContent()).not.toContain(text.childView);
  });
});
