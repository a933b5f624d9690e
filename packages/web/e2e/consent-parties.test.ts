import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs as openAs, resetBrowser, visit as visitPage, useBrowserSession, scanner, resize } from './browser.ts';

// Consents that name parties (issue 11): the lead professional records one naming two secrecy
// domains of the municipality, the teacher then reads across them, and the guardian sees who
// recorded it and withdraws it. The tests run in order on one server (this file's own database).
// Out of the box the family's consents let only wellbeing, concerns and the plan cross the
// municipality's domains, so the teacher does not read the school nurse's health entry.

let childId: string;

const session = useBrowserSession();
beforeAll(async () => {
  const { db } = session.database;
  const child = await db
    .selectFrom('child')
    .select('child.id')
    .where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child'))
    .executeTakeFirstOrThrow();
  childId = child.id;
});

const loginAs = (username: string, language: 'sv' | 'en' = 'sv') => openAs(session, username, language);
const visit = (page: Page, path: string, heading: string | RegExp) => visitPage(session, page, path, heading);

const nurseEntry = 'Hälsosamtal hos skolsköterskan';
const recordedForYou = 'Registrerat av Sixten Socialsekreterare åt er – ni kan återkalla det.';

/** WCAG 2.1 A and AA at every impact level, minor ones too. */
const { found, scan: scanPage } = scanner({ oneH1: true });
async function scan(page: Page, label: string): Promise<void> {
  // A searchable select opens its list when the focus lands on it (after a failed save). Mantine
  // portals that list and scrolls it by aria-activedescendant, which axe reads as content outside
  // landmarks and a scroll area without focus; the scan is of the form, so the list is closed first.
  if (await page.getByRole('listbox').isVisible()) await page.keyboard.press('Escape');
  await scanPage(page, label);
}

/** Picks one option of a select in a dialog; a multi-select's list stays open and is closed (Escape would close a plain select's dialog). */
async function choose(page: Page, dialog: Locator, field: string, option: string, multiple = true): Promise<void> {
  await dialog.getByRole('textbox', { name: field, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  if (multiple) await page.keyboard.press('Escape');
}

const health = (page: Page) => page.locator('section[data-category="health"]');

describe('consents that name parties, in a browser', () => {
  it('the nurse, a plain member, is not offered the consent form; the teacher does not read her health entry', async () => {
    let page = await loginAs('nurse');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('list', { name: 'Samtycken' }).getByRole('listitem').first().waitFor();
    expect(await page.getByRole('button', { name: 'Registrera samtycke' }).count()).toBe(0);
    await page.getByText('Bara barnets bästa-ansvarig och samordningsansvarig kan registrera ett samtycke åt familjen.', { exact: false }).waitFor();
    // Nor may she change the team: the policy's actions, not her role, decide.
    expect(await page.getByRole('button', { name: 'Lägg till i teamet' }).count()).toBe(0);
    await health(page).getByText(nurseEntry).waitFor();

    await resetBrowser(session);
    page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await health(page).getByText(/^Information från andra sekretessområden är inte tillgänglig – samtycke saknas\./).waitFor();
    expect(await health(page).getByText(nurseEntry).count()).toBe(0);
  });

  it('the lead professional records a written consent naming the school and student health for health, with an exception, and reads its summary; the teacher then reads the nurse\'s entry', async () => {
    let page = await loginAs('socialworker');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Registrera samtycke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera samtycke' });
    await dialog.getByText('Välj vilka som får dela och vilken information, så står det här vad samtycket betyder.').waitFor();
    // Nothing chosen: the form says what is missing.
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('Välj minst en verksamhet eller ett sekretessområde.').waitFor();
    await scan(page, 'sv consent form with errors');

    await choose(page, dialog, 'Sekretessområden', 'Förskola och skola (Exempelstads kommun)');
    await dialog.getByText(/^Bara ett sekretessområde är valt/).waitFor();
    await choose(page, dialog, 'Sekretessområden', 'Elevhälsans medicinska och psykologiska insats (Exempelstads kommun)');
    await dialog.getByRole('checkbox', { name: 'Hälsa' }).check();
    await dialog.getByRole('button', { name: 'Lägg till undantag' }).click();
    await choose(page, dialog, 'Från', 'BUP Exempellän', false);
    await dialog.getByRole('group', { name: 'Undantag 1' }).getByRole('checkbox', { name: 'Hälsa' }).check();
    const summary = dialog.getByTestId('consent-summary');
    await summary.getByText(
      /^Skolan \(Förskola och skola, Exempelstads kommun\) och elevhälsan \(Elevhälsans medicinska och psykologiska insats, Exempelstads kommun\) får dela hälsa med varandra från \d{4}-\d{2}-\d{2} och tills vidare\. Undantag: hälsa från BUP Exempellän\.$/,
    ).waitFor();
    await scan(page, 'sv consent form with summary');
    await page.screenshot({ path: '/tmp/samsyn-consent-form.png', fullPage: true });
    // The submission carries one Idempotency-Key: sent twice, the server records one consent.
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/children/${childId}/consents`));
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const key = (await posted).headers()['idempotency-key'] ?? '';
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByRole('status').filter({ hasText: 'Samtycket har registrerats.' }).waitFor();
    const resend = await page.evaluate(async ([url, body, idempotencyKey]) => {
      const csrf = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.token, 'idempotency-key': idempotencyKey }, body });
      return { status: res.status, replayed: res.headers.get('idempotent-replayed') };
    }, [`/api/children/${childId}/consents`, (await posted).postData() ?? '{}', key] as const);
    expect(resend).toEqual({ status: 201, replayed: 'true' });
    const item = page.getByRole('list', { name: 'Samtycken' }).getByRole('listitem').filter({ hasText: 'Registrerat av Sixten Socialsekreterare (skriftligt).' });
    await item.getByText(/^Skolan \(Förskola och skola, Exempelstads kommun\) och elevhälsan .* Undantag: hälsa från BUP Exempellän\.$/).waitFor();

    await resetBrowser(session);
    page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    const entry = health(page).getByRole('listitem').filter({ hasText: nurseEntry });
    await entry.getByText('Skrivet inom: Elevhälsans medicinska och psykologiska insats').waitFor();
    // Social services is named by no consent for its own category.
    expect(await page.getByText('Samtal med familjen').count()).toBe(0);
  });

  it('the guardian sees at once who recorded the consent for the family and withdraws it; the teacher no longer reads the entry', async () => {
    let page = await loginAs('guardian');
    await visit(page, '/', 'Mina barn');
    await page.getByRole('link', { name: 'Visa uppgifter om Ebba' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
    const item = page.getByRole('list', { name: 'Samtycken' }).getByRole('listitem').filter({ hasText: recordedForYou });
    await item.getByText(/^Skolan \(Förskola och skola, Exempelstads kommun\) och elevhälsan/).waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv citizen page');
    await item.getByRole('button', { name: 'Återkalla samtycket om Förskola och skola och Elevhälsans medicinska och psykologiska insats' }).click();
    const confirm = page.getByRole('dialog', { name: 'Återkalla samtycke?' });
    await confirm.getByText(/^Samtycket slutar gälla direkt\. Det sa: Skolan/).waitFor();
    await confirm.getByRole('button', { name: 'Ja, återkalla' }).click();
    await page.getByRole('status').filter({ hasText: 'Samtycket har återkallats.' }).waitFor();
    const withdrawn = page.getByRole('list', { name: 'Samtycken' }).getByRole('listitem').filter({ hasText: /^Återkallat/ }).filter({ hasText: 'Registrerat av Sixten Socialsekreterare åt er.' });
    await withdrawn.getByText(/^Återkallat \d{4}-\d{2}-\d{2} av en vårdnadshavare$/).waitFor();
    await withdrawn.getByText(/^Samtycket sa: Skolan \(Förskola och skola/).waitFor();
    expect(await withdrawn.getByRole('button').count()).toBe(0);

    await resetBrowser(session);
    page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await health(page).getByText(/^Information från andra sekretessområden/).waitFor();
    expect(await health(page).getByText(nurseEntry).count()).toBe(0);
  });

  it('the guardian gives a consent on a 390 px wide screen, choosing a secrecy domain, and reads what it means before saying yes', async () => {
    const { page } = session;
    await resize(page, { width: 390, height: 844 });
    try {
      await loginAs('guardian');
      await page.getByRole('link', { name: 'Visa uppgifter om Ebba' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(390);
      await scan(page, 'sv citizen page at 390 px');
      await page.screenshot({ path: '/tmp/samsyn-citizen-390.png', fullPage: true });

      await page.getByRole('button', { name: 'Ge samtycke' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ge samtycke' });
      await choose(page, dialog, 'Hela verksamheter', 'Exempelstads kommun');
      await choose(page, dialog, 'Sekretessområden', 'Hälso- och sjukvård (Region Exempellän)');
      await dialog.getByRole('checkbox', { name: 'Skola' }).check();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await scan(page, 'sv give consent at 390 px');
      await dialog.getByRole('button', { name: 'Gå vidare' }).click();
      await dialog.getByRole('heading', { name: 'Läs igenom innan du säger ja' }).waitFor();
      await dialog.getByText(/^Alla delar av Exempelstads kommun och vården \(Hälso- och sjukvård, Region Exempellän\) får dela skola med varandra från \d{4}-\d{2}-\d{2} och tills vidare\.$/).waitFor();
      await scan(page, 'sv give consent check at 390 px');
      await page.screenshot({ path: '/tmp/samsyn-give-consent-390.png', fullPage: true });
      await dialog.getByRole('button', { name: 'Ja, ge samtycke' }).click();
      await page.getByRole('status').filter({ hasText: 'Tack. Ditt samtycke är registrerat.' }).waitFor();
      await page.getByRole('list', { name: 'Samtycken' }).getByRole('listitem').filter({ hasText: 'Registrerat av en vårdnadshavare (digitalt).' }).filter({ hasText: /vården \(Hälso- och sjukvård, Region Exempellän\)/ }).waitFor();
    } finally {
      await resize(page, { width: 1280, height: 860 });
    }
  });

  it('the consent form and the citizen page in English', async () => {
    let page = await loginAs('socialworker', 'en');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Record consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record consent' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Choose at least one organisation or secrecy domain.').waitFor();
    await scan(page, 'en consent form with errors');
    await choose(page, dialog, 'Whole organisations', 'Exempelstads kommun');
    await choose(page, dialog, 'Secrecy domains', 'Hälso- och sjukvård (Region Exempellän)');
    await dialog.getByRole('checkbox', { name: 'Plan' }).check();
    await dialog.getByTestId('consent-summary').getByText(/^Every part of Exempelstads kommun and health care \(Hälso- och sjukvård, Region Exempellän\) may share plan with one another from \d{4}-\d{2}-\d{2} until further notice\.$/).waitFor();
    await scan(page, 'en consent form with summary');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await resetBrowser(session);
    page = await loginAs('guardian', 'en');
    await page.getByRole('link', { name: 'Show details about Ebba' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
    await page.getByRole('list', { name: 'Consents' }).getByRole('listitem').filter({ hasText: 'Recorded by Sixten Socialsekreterare on your behalf.' }).waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'en citizen page');
    await page.getByRole('button', { name: 'Give consent' }).click();
    await page.getByRole('dialog', { name: 'Give consent' }).getByText('Choose who may share and which information, and this says what the consent means.').waitFor();
    await scan(page, 'en give consent');

    if (found.length > 0) console.error(`Accessibility violations:\n\n${found.join('\n\n')}`);
    expect(found, found.join('\n\n')).toEqual([]);
  });
});
