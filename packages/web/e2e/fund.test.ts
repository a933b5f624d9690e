import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, visit, useBrowserSession, scanner, resize } from './browser.ts';

// The social-investment fund (Verksamhet): the fund manager marks a waiting application's
// child-rights impact assessment not needed, grants it, and the remaining budget falls by what
// it asked for. Axe at every impact level, in Swedish and English. The tests run in order.

const waiting = 'Språkförskola för nyanlända';
const session = useBrowserSession();

const { found, scan } = scanner();
const remaining = async (page: Page) => Number((await page.getByTestId('fund-remaining').innerText()).replace(/\D/g, ''));

describe('the fund in a browser', () => {
  it('a fund manager grants an application after its impact assessment, and the remaining budget updates', async () => {
    const page = await loginAs(session, 'fundmanager');
    await visit(session, page, '/operations/fund', 'Sociala investeringsfonden');
    await page.getByTestId('fund-remaining').waitFor();
    const before = await remaining(page);
    expect(before).toBe(3_400_000);
    await scan(page, 'sv fund');
    await page.getByRole('link', { name: waiting }).click();
    await page.getByRole('heading', { level: 1, name: waiting }).waitFor();
    expect(await page.getByRole('button', { name: 'Fatta beslut' }).count()).toBe(0);
    await scan(page, 'sv application before assessment');
    await page.getByRole('textbox', { name: 'Skäl till att en barnkonsekvensanalys inte behövs' }).fill('Insatsen har redan bedömts i förskolans ordinarie plan.');
    await page.getByRole('button', { name: 'Markera som inte behövd' }).click();
    await page.getByRole('button', { name: 'Fatta beslut' }).waitFor();
    await page.getByRole('textbox', { name: 'Motivering' }).fill('Insatsen svarar mot fondens mål om tidiga insatser.');
    await scan(page, 'sv decision form');
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    await page.getByRole('status').filter({ hasText: 'Beslutet är registrerat.' }).waitFor();
    await page.getByText('Status: Beviljad').waitFor();
    await page.getByRole('link', { name: 'Tillbaka till fonden' }).click();
    await page.getByRole('row').filter({ hasText: waiting }).getByText('Beviljad').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await remaining(page)).toBe(before - 1_400_000);
  });

  it('a coordinator sees the fund and a project’s reports, with no decision offered', async () => {
    const page = await loginAs(session, 'coordinator');
    await visit(session, page, '/operations/fund', 'Sociala investeringsfonden');
    // A coordinator may apply: the new application's form (a draft kept in the tab) is offered.
    await page.getByRole('heading', { level: 2, name: 'Ny ansökan' }).waitFor();
    await page.getByRole('textbox', { name: 'Projektets namn' }).fill('Läxhjälp i Lindmo');
    await scan(page, 'sv fund with the application form');
    await resize(page, { width: 390, height: 844 });
    // Nothing wider than the phone once the narrow layout has been drawn (the wait ends as soon as it is).
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 390, undefined, { timeout: 5000 });
    await scan(page, 'sv fund 390 px');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sociala investeringsfonden' }).waitFor();
    await page.getByRole('textbox', { name: 'Projektets namn' }).and(page.locator('[value="Läxhjälp i Lindmo"]')).waitFor();
    // The application through its form: saved as a draft, its page offers to submit it.
    await page.getByRole('textbox', { name: 'Målgrupp' }).fill('Elever i årskurs 4–6 i Lindmo');
    await page.getByRole('textbox', { name: 'Insats' }).fill('Läxhjälp två eftermiddagar i veckan');
    await page.getByRole('textbox', { name: 'Förväntade effekter' }).fill('Fler klarar målen i årskurs 6');
    await page.getByRole('textbox', { name: 'Belopp i kronor, rad 1' }).fill('250000');
    await page.getByRole('button', { name: 'Spara ansökan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Läxhjälp i Lindmo' }).waitFor();
    await page.getByRole('button', { name: 'Lämna in ansökan' }).waitFor();
    await visit(session, page, '/operations/fund', 'Sociala investeringsfonden');
    await page.getByRole('link', { name: 'Familjecentral med hembesök' }).click();
    await page.getByRole('heading', { level: 1, name: 'Familjecentral med hembesök' }).waitFor();
    await page.getByRole('table', { name: 'Projektets rapporter med indikatorvärden över tid' }).waitFor();
    await page.getByRole('table', { name: 'Årstabell (kronor)' }).waitFor();
    await page.getByText(/Nettonuvärde: 3\s282\s501 kr/).waitFor();
    await page.getByRole('link', { name: 'Hämta beräkningen som PDF' }).waitFor();
    expect(await page.getByRole('button', { name: 'Fatta beslut' }).count()).toBe(0);
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 390, undefined, { timeout: 5000 });
    await scan(page, 'sv project 390 px');
    await resize(page, { width: 1280, height: 860 });
    await scan(page, 'sv project');
  });

  it('passes axe in English too', async () => {
    const page = await loginAs(session, 'fundmanager', 'en');
    await visit(session, page, '/operations/fund', 'Social-investment fund');
    await page.getByTestId('fund-remaining').waitFor();
    await scan(page, 'en fund');
    await page.getByRole('link', { name: 'Familjecentral med hembesök' }).click();
    await page.getByRole('heading', { level: 1, name: 'Familjecentral med hembesök' }).waitFor();
    await page.getByRole('link', { name: 'Download the calculation as PDF' }).waitFor();
    // The fund manager may report on and disburse to a granted project: both forms are scanned.
    await page.getByRole('heading', { level: 2, name: 'New report' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Record a disbursement' }).waitFor();
    await scan(page, 'en project');
    expect(found).toEqual([]);
  });
});
