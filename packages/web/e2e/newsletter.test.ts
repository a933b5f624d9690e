import { describe, expect, it } from 'vitest';
import { loginAs, visit, useBrowserSession, scanner } from './browser.ts';

// The newsletter (issue 17 point 6): a coordinator composes an issue with a chart block, publishes
// it, and the public page opens without login; the list, the issue page and the public page pass
// axe at every impact level, in Swedish and English.

const session = useBrowserSession({ resetEach: false });

const { found, scan } = scanner();

describe('the newsletter in a browser', () => {
  it('a coordinator publishes an issue with a chart block, and the public page opens without login', async () => {
    const page = await loginAs(session, 'coordinator');
    await visit(session, page, '/operations/newsletter', 'Nyhetsbrev');
    // The demo's two issues are in the list.
    await page.getByRole('row').filter({ hasText: 'Nyhetsbrev: vintern i samverkan' }).waitFor();
    await scan(page, 'sv newsletter list');
    await page.getByRole('button', { name: 'Nytt nummer' }).click();
    await page.getByRole('textbox', { name: 'Rubrik' }).fill('Nyhetsbrev i december');
    await page.getByRole('textbox', { name: /^Adress/ }).fill('nyhetsbrev-december');
    await page.getByRole('button', { name: 'Skapa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nyhetsbrev i december' }).waitFor();
    await page.getByRole('textbox', { name: 'Typ av block' }).click();
    await page.getByRole('option', { name: 'Diagram: enkätindikator' }).click();
    await page.getByRole('button', { name: 'Lägg till block' }).click();
    await page.getByRole('textbox', { name: 'Indikator' }).click();
    await page.getByRole('option', { name: 'Andel elever som mår bra' }).click();
    await page.getByRole('button', { name: 'Spara utkastet' }).click();
    await page.getByRole('button', { name: 'Publicera' }).click();
    await page.getByRole('status').filter({ hasText: 'Numret är publicerat.' }).waitFor();
    await page.getByRole('button', { name: 'Dra tillbaka' }).waitFor();
    await scan(page, 'sv issue page');

    await session.context.clearCookies();
    const response = await page.goto(`${session.url}/public/nyhetsbrev-december`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Nyhetsbrev i december' }).waitFor();
    await page.getByRole('table').filter({ hasText: 'Andel elever som mår bra' }).first().waitFor();
    expect(await page.locator('script').count()).toBe(0);
    await scan(page, 'sv public issue');
    await page.getByRole('link', { name: 'In English' }).click();
    await page.getByRole('button', { name: 'Subscribe' }).waitFor();
    await scan(page, 'en public issue');

    const en = await loginAs(session, 'coordinator', 'en');
    await visit(session, en, '/operations/newsletter', 'Newsletter');
    await en.getByRole('link', { name: 'Nyhetsbrev i december' }).click();
    await en.getByRole('heading', { level: 1, name: 'Nyhetsbrev i december' }).waitFor();
    await en.getByRole('button', { name: 'Withdraw' }).waitFor();
    await scan(en, 'en issue page');
    await en.getByRole('link', { name: 'Back to the newsletter' }).click();
    await en.getByRole('row').filter({ hasText: 'Nyhetsbrev i december' }).waitFor();
    await scan(en, 'en newsletter list');
    expect(found).toEqual([]);
  });
});
