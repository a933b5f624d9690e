import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs as openAs, resetBrowser, visit as visitPage, useBrowserSession, scanner } from './browser.ts';
import { withCheckDigit } from '../../server/src/demo/identity-numbers.ts';

// The tests run in order on one server: the guardian's withdrawal near the end changes what
// the psychologist may see, so the pages that need the plan consent come first.

// The demo child's number and birth date follow the day the demo was seeded: read, not written down.
let child: { id: string; identityNumber: string; birthDate: string; unknownNumber: string };

const session = useBrowserSession();
beforeAll(async () => {
  const { db } = session.database;
  const row = await db
    .selectFrom('child')
    .select(['child.id', 'child.identity_number', 'child.birth_date'])
    .where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child'))
    .executeTakeFirstOrThrow();
  // A valid test-series number born the same day that no child in the demo has.
  const sameDay = Array.from({ length: 10 }, (_, i) => withCheckDigit(row.birth_date, 981 + 2 * i));
  const taken = new Set((await db.selectFrom('child').select('identity_number').where('identity_number', 'in', sameDay).execute()).map((c) => c.identity_number));
  const unknownNumber = sameDay.find((n) => !taken.has(n));
  if (!unknownNumber) throw new Error('no free test-series number on the demo child\'s birthday');
  child = { id: row.id, identityNumber: row.identity_number, birthDate: row.birth_date, unknownNumber };
});

/** `YYYYMMDD-NNNN`, as a professional types it. */
const formatted = (number = child.identityNumber) => `${number.slice(0, 8)}-${number.slice(8)}`;
/** The demo child's number with a wrong check digit. */
const wrongCheckDigit = () => formatted(child.identityNumber.slice(0, 11) + String((Number(child.identityNumber.slice(11)) + 1) % 10));

const loginAs = (username: string, language: 'sv' | 'en' = 'sv') => openAs(session, username, language);
const visit = (page: Page, path: string, heading: string | RegExp) => visitPage(session, page, path, heading);

async function search(page: Page, identityNumber: string): Promise<void> {
  await page.getByRole('textbox', { name: /^(Personnummer|Identity number)/ }).fill(identityNumber);
  await page.getByRole('button', { name: /^(Sök|Search)$/ }).click();
}

const { found, scan } = scanner({ oneH1: true });

describe('the child area in a browser', () => {
  it('a teacher searches the demo child by identity number and opens the record', async () => {
    const page = await loginAs('teacher');
    await page.getByRole('navigation').getByRole('link', { name: 'Barn', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Barn' }).waitFor();
    expect(await page.title()).toBe('Barn – Samsyn');

    // The short form with a century inferred works too.
    await search(page, formatted().slice(2));
    await page.getByRole('heading', { level: 2, name: 'Journal hittades' }).waitFor();
    expect(await page.getByText(`Ebba Vårdnadshavare, född ${child.birthDate}`).count()).toBe(1);
    await scan(page, 'sv search allowed');
    await page.getByRole('link', { name: 'Öppna journalen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
    expect(await page.title()).toBe('Barnets journal – Samsyn');
    await page.getByText(formatted(), { exact: true }).first().waitFor();
    await page.getByText('Du ser journalen som medlem i teamet runt barnet, grund: egen verksamhet.').waitFor();
    const team = page.getByRole('table', { name: 'Teamet runt barnet' });
    expect(await team.getByRole('row').filter({ hasText: 'Tove Lärare' }).textContent()).toContain('Barnets bästa-ansvarig');
    expect(await team.getByRole('row').filter({ hasText: 'Sixten Socialsekreterare' }).textContent()).toContain('Samordningsansvarig');
    expect(await team.getByRole('row').filter({ hasText: 'Petra Psykolog' }).textContent()).toContain('Samtycke');
    // Social services is a secrecy domain of its own: the family's consents do not let its entries reach the school.
    const social = page.locator('section[data-category="social_services"]');
    await social.getByRole('heading', { level: 3, name: 'Socialtjänst' }).waitFor();
    await social.getByText(/^Information från andra sekretessområden är inte tillgänglig – samtycke saknas\./).waitFor();
    expect(await page.getByText('Samtal med familjen').count()).toBe(0);
    // Each entry says the secrecy domain it was written in.
    await page.locator('section[data-category="school"]').getByText('Skrivet inom: Förskola och skola').waitFor();
    await page.getByRole('list', { name: 'Samtycken' }).getByText('Gällande').first().waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv record (teacher)');
    await page.screenshot({ path: '/tmp/samsyn-child-record.png', fullPage: true });
  });

  it('an outsider learns that a record exists, without the name, and how to get access', async () => {
    const page = await loginAs('outsider');
    await visit(page, '/child', 'Barn');
    await search(page, wrongCheckDigit());
    await page.getByText('Kontrollsiffran stämmer inte. Kontrollera personnumret.').waitFor();
    expect(await page.getByRole('textbox', { name: /^Personnummer/ }).getAttribute('aria-invalid')).toBe('true');
    await scan(page, 'sv search invalid');

    await search(page, formatted(child.unknownNumber));
    await page.getByRole('heading', { level: 2, name: 'Ingen journal hittades' }).waitFor();

    await search(page, formatted());
    await page.getByRole('heading', { level: 2, name: 'Det finns en journal men du har ingen grund att se den' }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Ebba');
    await page.getByText('Kontakta barnets bästa-ansvarig, som kan lägga till dig i teamet runt barnet.').waitFor();
    await scan(page, 'sv search denied');
    await page.screenshot({ path: '/tmp/samsyn-search-denied.png' });

    await visit(page, `/child/${child.id}`, 'Du har inte rätt att se den här journalen');
    await page.getByText('Skäl: Du är inte med i teamet runt barnet.').waitFor();
    await scan(page, 'sv record denied');
  });

  it('emergency access: the form warns, checks its fields, and opens the record logged as emergency', async () => {
    const page = await loginAs('outsider');
    await visit(page, '/child', 'Barn');
    await search(page, formatted());
    await page.getByRole('button', { name: 'Begär nödåtkomst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Begär nödåtkomst' });
    await dialog.getByText(/loggas, gäller en begränsad tid/).waitFor();
    await dialog.getByRole('button', { name: 'Öppna journalen med nödåtkomst' }).click();
    await dialog.getByText('Skriv minst 10 tecken.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await scan(page, 'sv emergency form with errors');
    await page.screenshot({ path: '/tmp/samsyn-emergency-form.png' });

    await dialog.getByRole('textbox', { name: /^Skäl/ }).fill('Barnet har berättat om akut fara, mentorn når inte vårdnadshavarna.');
    await dialog.getByRole('radio', { name: /akut fara för barnets liv eller hälsa/ }).check();
    await dialog.getByRole('checkbox', { name: 'Jag förstår att åtkomsten loggas och granskas' }).check();
    await dialog.getByRole('button', { name: 'Öppna journalen med nödåtkomst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
    await page.getByText('Du ser journalen med nödåtkomst, grund: nödåtkomst.').waitFor();
    await page.getByText(/^Nödåtkomst gäller till \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
    // Emergency access reads for the emergency and takes nothing out: the policy offers no FHIR export.
    expect(await page.getByRole('link', { name: 'Exportera (FHIR)' }).count()).toBe(0);
  });

  it('the psychologist sees the plan shared by consent, and that other categories need consent', async () => {
    const page = await loginAs('psychologist');
    await visit(page, `/child/${child.id}`, 'Ebba Vårdnadshavare');
    await page.getByText('Du ser journalen som medlem i teamet runt barnet, grund: samtycke.').waitFor();
    const plan = page.locator('section[data-category="plan"]');
    await plan.getByText('SIP-möte: gemensam plan').waitFor();
    expect(await plan.getByText(/^Information från andra sekretessområden är inte tillgänglig – samtycke saknas\./).count()).toBe(0);
    const school = page.locator('section[data-category="school"]');
    await school.getByText(/^Information från andra sekretessområden är inte tillgänglig – samtycke saknas\./).waitFor();
    expect(await school.getByText('Frånvaro under hösten').count()).toBe(0);
  });

  it('the unit manager reviews the log with flagged rows and judges an emergency access', async () => {
    const { db } = session.database;
    // Someone at the teacher's school, outside the child's team, opens the record in an emergency.
    const colleague = await db
      .selectFrom('user_role as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .innerJoin('user_role as t', (join) => join.onRef('t.unit_id', '=', 'r.unit_id'))
      .innerJoin('app_user as tu', 'tu.id', 't.user_id')
      .select(['u.username'])
      .where('tu.username', '=', 'teacher')
      .where('r.role', '=', 'professional')
      .where('u.username', 'not in', ['teacher', 'manager'])
      .where('u.id', 'not in', db.selectFrom('care_team_member').select('user_id').where('child_id', '=', child.id))
      .orderBy('u.username')
      .executeTakeFirstOrThrow();
    let page = await loginAs(colleague.username);
    await visit(page, '/child', 'Barn');
    await search(page, formatted());
    await page.getByRole('button', { name: 'Begär nödåtkomst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Begär nödåtkomst' });
    await dialog.getByRole('textbox', { name: /^Skäl/ }).fill('Eleven är försvunnen och polisen frågar efter kontakter.');
    await dialog.getByRole('radio', { name: /akut fara för barnets liv eller hälsa/ }).check();
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Öppna journalen med nödåtkomst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();

    await resetBrowser(session);
    page = await loginAs('manager');
    await page.getByRole('navigation').getByRole('link', { name: 'Loggkontroll' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loggkontroll' }).waitFor();
    const log = page.getByRole('table', { name: 'Loggposter' });
    await log.getByRole('row').filter({ hasText: 'Tove Lärare' }).first().waitFor();
    const flagged = log.getByRole('row').filter({ hasText: 'öppnade journalen med nödåtkomst' }).first();
    await flagged.waitFor();
    expect(await flagged.textContent()).toContain('Nödåtkomst');
    await page.getByRole('checkbox', { name: 'Bara markerade rader' }).check();
    await page.getByRole('status').filter({ hasText: /Visar \d+ av \d+ loggposter/ }).waitFor();
    await page.waitForLoadState('networkidle');
    for (const row of await log.locator("tbody tr").all()) expect(await row.locator(".badge-flag").count(), await row.textContent() ?? "").toBeGreaterThan(0);
    const exportHref = await page.getByRole('link', { name: 'Exportera CSV' }).getAttribute('href');
    expect(exportHref).toBe('/api/log-review/export.csv?flagged=true&lang=sv');

    const queue = page.getByRole('region', { name: 'Nödåtkomster att granska' });
    await queue.getByText('Eleven är försvunnen och polisen frågar efter kontakter.').waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv log review');
    await page.screenshot({ path: '/tmp/samsyn-log-review.png', fullPage: true });
    await queue.getByRole('button', { name: 'Spara bedömning' }).first().click();
    await queue.getByText('Välj en bedömning.').first().waitFor();
    await queue.getByRole('radio', { name: 'Befogad', exact: true }).first().check();
    await queue.getByRole('textbox', { name: /^Kommentar/ }).first().fill('Rimligt: polisen behövde kontakter snabbt.');
    await queue.getByRole('button', { name: 'Spara bedömning' }).first().click();
    await queue.getByRole('status').filter({ hasText: 'Bedömningen har sparats.' }).waitFor();
    await queue.getByText('Granskade', { exact: true }).click();
    await queue.getByText(/^Befogad enligt Maja Rektor/).waitFor();
  });

  it('a guardian logs in, sees who read the record, and withdraws a consent; the professional\'s page then shows that the information is no longer available', async () => {
    // The psychologist reads the record first, so the log has an entry from the region.
    let page = await loginAs('psychologist');
    await visit(page, `/child/${child.id}`, 'Ebba Vårdnadshavare');
    await page.locator('section[data-category="plan"]').getByText('BUP:s del i planen').waitFor();

    await resetBrowser(session);
    page = await loginAs('guardian');
    await page.getByRole('heading', { level: 1, name: 'Mina barn' }).waitFor();
    // A citizen has no professional navigation.
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    for (const name of ['Barn', 'Verksamhet', 'Befolkning', 'Administration']) expect(await nav.getByText(name, { exact: true }).count(), name).toBe(0);
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv citizen start');
    await page.getByRole('link', { name: 'Visa uppgifter om Ebba' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();

    const looks = page.getByRole('table', { name: 'Vem har tittat i journalen' });
    const read = looks.getByRole('row').filter({ hasText: 'Petra Psykolog' }).filter({ hasText: 'läste journalen' }).first();
    await read.waitFor();
    expect(await read.textContent()).toContain('Region Exempellän');
    expect(await read.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await read.textContent()).toContain('samtycke');
    await page.getByRole('table', { name: 'Teamet runt barnet' }).getByText('Tove Lärare').waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv citizen child page (access log)');
    await page.screenshot({ path: '/tmp/samsyn-citizen-child.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ladda ner loggutdrag (CSV)' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Petra Psykolog');

    const withdrawRegion = page.getByRole('button', { name: 'Återkalla samtycket om Exempelstads kommun och Region Exempellän' });
    await withdrawRegion.click();
    const confirm = page.getByRole('dialog', { name: 'Återkalla samtycke?' });
    await confirm.getByText(/^Samtycket slutar gälla direkt\. Det sa: Alla delar av Exempelstads kommun och alla delar av Region Exempellän får dela plan med varandra/).waitFor();
    await scan(page, 'sv withdraw dialog');
    await confirm.getByRole('button', { name: 'Ja, återkalla' }).click();
    await page.getByRole('status').filter({ hasText: 'Samtycket har återkallats.' }).waitFor();
    const consents = page.getByRole('list', { name: 'Samtycken' });
    await consents.getByRole('listitem').filter({ hasText: 'Region Exempellän' }).filter({ hasText: 'Återkallat' }).waitFor();
    expect(await withdrawRegion.count()).toBe(0);

    await resetBrowser(session);
    page = await loginAs('psychologist');
    await visit(page, `/child/${child.id}`, 'Informationen är inte längre tillgänglig för dig');
    await page.getByText('Skäl: Samtycket som din plats i teamet bygger på gäller inte längre.').waitFor();
    expect(await page.locator('main').textContent()).not.toContain('BUP:s del i planen');
    await scan(page, 'sv record no longer available');
  }, 150_000);

  it('a team member downloads the FHIR export: a Bundle with the child as Patient, named without the child', async () => {
    const page = await loginAs('teacher');
    await visit(page, `/child/${child.id}`, 'Ebba Vårdnadshavare');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportera (FHIR)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^fhir-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8')) as { resourceType: string; type: string; entry: { resource: { resourceType: string; id: string } }[] };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource.id)).toEqual([child.id]);
  }, 10_000);

  // This test and the guardian's above log in several times and scan several pages: on a loaded machine more than a minute.
  it('the new pages in English', async () => {
    // The outsider opened the record in an emergency above; someone who has not is asked the reason.
    const { db } = session.database;
    const stranger = await db
      .selectFrom('user_role as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select('u.username')
      .where('r.role', '=', 'professional')
      .where('u.kind', '=', 'professional')
      .where('u.id', 'not in', db.selectFrom('care_team_member').select('user_id').where('child_id', '=', child.id))
      .where('u.id', 'not in', db.selectFrom('emergency_access').select('user_id').where('child_id', '=', child.id))
      .orderBy('u.username')
      .executeTakeFirstOrThrow();
    let page = await loginAs(stranger.username, 'en');
    await visit(page, '/child', 'Child');
    await search(page, formatted());
    await page.getByRole('button', { name: 'Request emergency access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request emergency access' });
    await dialog.getByRole('button', { name: 'Open the record with emergency access' }).click();
    await dialog.getByText('Write at least 10 characters.').waitFor();
    await scan(page, 'en emergency form with errors');

    await resetBrowser(session);
    page = await loginAs('teacher', 'en');
    await visit(page, '/child', 'Child');
    await search(page, formatted());
    await page.getByRole('heading', { level: 2, name: 'Record found' }).waitFor();
    await scan(page, 'en search');
    await visit(page, `/child/${child.id}`, 'Ebba Vårdnadshavare');
    await page.getByText('You see the record as a member of the child\'s care team, basis: own organisation.').waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'en record');

    await resetBrowser(session);
    page = await loginAs('guardian', 'en');
    await page.getByRole('heading', { level: 1, name: 'My children' }).waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'en citizen start');
    await page.getByRole('link', { name: 'Show details about Ebba' }).click();
    await page.getByRole('heading', { level: 2, name: 'Who has looked?' }).waitFor();
    await page.getByRole('table', { name: 'Who has looked at the record' }).getByRole('row').filter({ hasText: 'Petra Psykolog' }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'en citizen child page');

    await resetBrowser(session);
    page = await loginAs('coordinator', 'en');
    await visit(page, '/operations/log-review', 'Log review');
    await scan(page, 'en log review');

    // The unit manager's view has the flagged rows and the emergency accesses to review, as in the Swedish scan.
    await resetBrowser(session);
    page = await loginAs('manager', 'en');
    await visit(page, '/operations/log-review', 'Log review');
    await page.getByRole('table', { name: 'Log entries' }).getByRole('row').filter({ hasText: 'emergency access' }).first().waitFor();
    await page.getByRole('region', { name: 'Emergency accesses to review' }).waitFor();
    await scan(page, 'en log review with emergency accesses');

    if (found.length > 0) console.error(`Accessibility violations:\n\n${found.join('\n\n')}`);
    expect(found, found.join('\n\n')).toEqual([]);
  }, 150_000);
});
