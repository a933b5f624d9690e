import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs as openAs, resetBrowser, visit as visitPage, useBrowserSession, scanner } from './browser.ts';

// The tests run in order on one server (this file's own database copy): the handover at the
// end takes the teacher off the team, so everything the teacher does as named person comes first.

let childId: string;
/** Two colleagues at the teacher's own school, on no team of the demo child. */
let colleagues: { username: string; displayName: string }[];

const session = useBrowserSession();
beforeAll(async () => {
  const { db } = session.database;
  const child = await db
    .selectFrom('child')
    .select('child.id')
    .where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child'))
    .executeTakeFirstOrThrow();
  childId = child.id;
  const teacher = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.unit_id'])
    .where('u.username', '=', 'teacher')
    .where('r.role', '=', 'professional')
    .executeTakeFirstOrThrow();
  colleagues = (
    await db
      .selectFrom('user_role as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select(['u.username', 'u.display_name'])
      .where('r.unit_id', '=', teacher.unit_id)
      .where('r.role', '=', 'professional')
      .where('u.username', '!=', 'teacher')
      .where('u.kind', '=', 'professional')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('care_team_member as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.child_id', '=', childId))))
      .orderBy('u.username')
      .limit(2)
      .execute()
  ).map((u) => ({ username: u.username, displayName: u.display_name }));
  expect(colleagues).toHaveLength(2);
});

const loginAs = (username: string, language: 'sv' | 'en' = 'sv') => openAs(session, username, language);
const visit = (page: Page, path: string, heading: string | RegExp) => visitPage(session, page, path, heading);

const { found, scan } = scanner({ oneH1: true });

/** Searches a colleague in the person picker and picks them at their school. */
async function pickPerson(page: Page, field: string, displayName: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox', { name: field }).fill(displayName);
  await dialog.getByRole('status').filter({ hasText: /^(Träffar|Matches): \d+/ }).waitFor();
  await dialog.getByRole('radio', { name: new RegExp(`^${displayName}`) }).first().check();
}

describe('care team, sharing ledger, digital consent and handover in a browser', () => {
  it('the named person adds a colleague from her own school to the team and sees them listed', async () => {
    const page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    // A plain member cannot add; the named person can.
    await page.getByRole('button', { name: 'Lägg till i teamet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Lägg till i teamet' });
    await dialog.getByText('Skriv minst 2 tecken för att söka.').waitFor();
    // Submitting with nobody picked says what is missing.
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await dialog.getByText('Välj en person.').waitFor();

    const colleague = colleagues[0]!;
    await pickPerson(page, 'Sök kollega', colleague.displayName);
    // Her own organisation is offered and chosen.
    expect(await dialog.getByRole('textbox', { name: 'Grund' }).inputValue()).toBe('Egen verksamhet');
    await scan(page, 'sv add to team');
    await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `${colleague.displayName} är nu med i teamet.` }).waitFor();
    const row = page.getByRole('table', { name: 'Teamet runt barnet' }).getByRole('row').filter({ hasText: colleague.displayName });
    await row.waitFor();
    expect(await row.textContent()).toContain('Medlem');
    expect(await row.textContent()).toContain('Egen verksamhet');

    // Adding the same person again is refused, and the reason is said plainly.
    await page.getByRole('button', { name: 'Lägg till i teamet' }).click();
    await page.getByRole('dialog').getByRole('searchbox', { name: 'Sök kollega' }).fill(colleague.displayName);
    await page.getByRole('dialog').getByRole('radio', { name: new RegExp(`^${colleague.displayName}.*redan i teamet`) }).first().waitFor();
    expect(await page.getByRole('dialog').getByRole('radio', { name: new RegExp(`^${colleague.displayName}`) }).first().isDisabled()).toBe(true);
  });

  it('a team member is not offered to change the team', async () => {
    const page = await loginAs('nurse');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    expect(await page.getByRole('button', { name: 'Lägg till i teamet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Föreslå överlämning' }).count()).toBe(0);
  });

  it('the teacher records a decision not to share in the ledger and sees it listed', async () => {
    const page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    const ledger = page.getByRole('region', { name: 'Delningslogg' });
    await ledger.getByRole('button', { name: 'Registrera delning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera delat eller inte delat' });
    await dialog.getByRole('radio', { name: /^Inte delat/ }).check();
    await dialog.getByRole('textbox', { name: 'Mottagande verksamhet' }).click();
    await page.getByRole('option', { name: 'Region Exempellän' }).click();
    await dialog.getByRole('checkbox', { name: 'Skola' }).check();
    await dialog.getByRole('textbox', { name: 'Vad' }).fill('Skolans anteckningar om frånvaro');
    // Without a reason the form says so and keeps the focus on it.
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('Fältet måste fyllas i.').first().waitFor();
    await dialog.getByRole('textbox', { name: 'Skäl' }).fill('Vårdnadshavarna har inte samtyckt och ingen uppgiftsskyldighet gäller.');
    await scan(page, 'sv sharing ledger form');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await ledger.getByRole('status').filter({ hasText: 'Beslutet har registrerats i delningsloggen.' }).waitFor();
    const row = ledger.getByRole('table', { name: 'Delningslogg' }).getByRole('row').filter({ hasText: 'Skolans anteckningar om frånvaro' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Inte delat');
    expect(await row.textContent()).toContain('Region Exempellän');
    await scan(page, 'sv sharing ledger');
  });

  it('a disclosure inside the own municipality names the receiving secrecy domain', async () => {
    const page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    const ledger = page.getByRole('region', { name: 'Delningslogg' });
    await ledger.getByRole('button', { name: 'Registrera delning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrera delat eller inte delat' });
    await dialog.getByRole('radio', { name: /^Inte delat/ }).check();
    await dialog.getByRole('textbox', { name: 'Mottagande verksamhet' }).click();
    await page.getByRole('option', { name: 'Exempelstads kommun' }).click();
    await dialog.getByRole('checkbox', { name: 'Skola' }).check();
    await dialog.getByRole('textbox', { name: 'Vad' }).fill('Skolans frånvarouppgifter till socialtjänsten');
    await dialog.getByRole('textbox', { name: 'Skäl' }).fill('Ingen grund för att lämna uppgifterna har prövats.');
    // The own organisation is no receiver by itself: the form asks which secrecy domain receives.
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('Välj det sekretessområde som tar emot informationen.').waitFor();
    await dialog.getByRole('textbox', { name: 'Mottagande sekretessområde' }).click();
    await page.getByRole('option', { name: 'Socialtjänst', exact: true }).click();
    await scan(page, 'sv sharing ledger form with a receiving domain');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    const row = ledger.getByRole('table', { name: 'Delningslogg' }).getByRole('row').filter({ hasText: 'Skolans frånvarouppgifter till socialtjänsten' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Sekretessområde: Socialtjänst');
  });

  it('the care-team and ledger forms in English', async () => {
    const page = await loginAs('teacher', 'en');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    const add = page.getByRole('dialog', { name: 'Add to the team' });
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await add.getByText('Choose a person.').waitFor();
    await scan(page, 'en add to team with errors');
    await pickPerson(page, 'Search for a colleague', colleagues[1]!.displayName);
    await scan(page, 'en add to team');
    await page.keyboard.press('Escape');
    await add.waitFor({ state: 'hidden' });

    const ledger = page.getByRole('region', { name: 'Sharing ledger' });
    await ledger.getByRole('table', { name: 'Sharing ledger' }).getByRole('row').filter({ hasText: 'Skolans anteckningar om frånvaro' }).waitFor();
    await scan(page, 'en sharing ledger');
    await ledger.getByRole('button', { name: 'Record a disclosure' }).click();
    const form = page.getByRole('dialog', { name: 'Record shared or not shared' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('This field is required.').first().waitFor();
    await scan(page, 'en sharing ledger form with errors');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'hidden' });
  });

  it('the guardian gives a consent digitally and sees it in force', async () => {
    const page = await loginAs('guardian');
    await page.getByRole('link', { name: 'Visa uppgifter om Ebba' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();
    await page.getByRole('button', { name: 'Ge samtycke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ge samtycke' });
    await dialog.getByText(/ta tillbaka samtycket när du vill/).waitFor();
    await dialog.getByRole('textbox', { name: 'Hela verksamheter' }).click();
    await page.getByRole('option', { name: 'Region Exempellän' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('checkbox', { name: 'Hälsa' }).check();
    await scan(page, 'sv citizen give consent');
    // First what it means, then the yes.
    await dialog.getByRole('button', { name: 'Gå vidare' }).click();
    await dialog.getByText(/^Alla delar av Region Exempellän får dela hälsa med varandra från \d{4}-\d{2}-\d{2} och tills vidare\.$/).waitFor();
    await dialog.getByRole('button', { name: 'Ja, ge samtycke' }).click();
    await page.getByRole('status').filter({ hasText: 'Tack. Ditt samtycke är registrerat.' }).waitFor();
    // The region, health information only: the consent just given.
    const item = page.getByRole('list', { name: 'Samtycken' }).getByRole('listitem').filter({ hasText: /^Gällande.*Alla delar av Region Exempellän får dela hälsa med varandra/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('Registrerat av en vårdnadshavare (digitalt).');
  });

  it('the named person proposes a handover; the receiver accepts it on Överlämningar and the teacher is no longer named person', async () => {
    const receiver = colleagues[1]!;
    let page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Föreslå överlämning' }).click();
    const dialog = page.getByRole('dialog', { name: 'Föreslå överlämning' });
    await pickPerson(page, 'Sök mottagare', receiver.displayName);
    // A colleague at her own school takes over on the own organisation's basis, chosen for her.
    expect(await dialog.getByRole('textbox', { name: 'Grund' }).inputValue()).toBe('Egen verksamhet');
    await dialog.getByRole('textbox', { name: 'Anteckning till mottagaren' }).fill('Ebba byter klass till hösten.');
    // She chooses to leave the team when the handover is accepted (staying as a member is the default).
    await dialog.getByRole('radio', { name: 'Jag lämnar teamet' }).check();
    await scan(page, 'sv propose handover');
    await dialog.getByRole('button', { name: 'Föreslå överlämning' }).click();
    await page.getByRole('status').filter({ hasText: `Överlämningen till ${receiver.displayName} är föreslagen och väntar på svar.` }).waitFor();

    await resetBrowser(session);
    page = await loginAs(receiver.username);
    await page.getByRole('navigation').getByRole('link', { name: 'Överlämningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Överlämningar' }).waitFor();
    expect(await page.title()).toBe('Överlämningar – Samsyn');
    const row = page.getByRole('table', { name: 'Överlämningar som väntar på svar' }).getByRole('row').filter({ hasText: 'Ebba byter klass till hösten.' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Tove Lärare');
    expect(await row.textContent()).toContain('Grund: Egen verksamhet');
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv handovers');
    await row.getByRole('button', { name: /^Ta emot överlämningen/ }).click();
    await page.getByRole('status').filter({ hasText: /Du är nu barnets bästa-ansvarig/ }).waitFor();
    await page.getByText('Du har inga överlämningar som väntar.').waitFor();
    // The accepted handover moves to the decided ones, with who decided; now on the team, the receiver sees the name.
    const decided = page.getByRole('table', { name: 'Avgjorda överlämningar' }).getByRole('row').filter({ hasText: 'Ebba Vårdnadshavare' });
    await decided.waitFor();
    expect(await decided.textContent()).toContain('Mottagen');
    expect(await decided.textContent()).toContain(`av ${receiver.displayName}`);
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv handovers decided');
    await page.screenshot({ path: '/tmp/samsyn-handovers.png', fullPage: true });

    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    const team = page.getByRole('table', { name: 'Teamet runt barnet' });
    expect(await team.getByRole('row').filter({ hasText: receiver.displayName }).textContent()).toContain('Barnets bästa-ansvarig');
    expect(await team.getByRole('row').filter({ hasText: 'Tove Lärare' }).count()).toBe(0);
  });

  it('the handover pages in English: the new named person proposes the next, who sees it waiting above the decided ones', async () => {
    const receiver = colleagues[1]!;
    // On the team as a member since the first test, so the name shows.
    const next = colleagues[0]!;
    let page = await loginAs(receiver.username, 'en');
    await visit(page, '/child/handovers', 'Handovers');
    const decided = page.getByRole('table', { name: 'Decided handovers' }).getByRole('row').filter({ hasText: 'Ebba Vårdnadshavare' });
    await decided.waitFor();
    expect(await decided.textContent()).toContain('Accepted');
    expect(await decided.textContent()).toContain(`by ${receiver.displayName}`);
    await scan(page, 'en handovers decided');

    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Propose a handover' }).click();
    const dialog = page.getByRole('dialog', { name: 'Propose a handover' });
    await pickPerson(page, 'Search for the receiver', next.displayName);
    expect(await dialog.getByRole('textbox', { name: 'Basis' }).inputValue()).toBe('Own organisation');
    await scan(page, 'en propose handover');
    await dialog.getByRole('button', { name: 'Propose handover' }).click();
    await page.getByRole('status').filter({ hasText: `The handover to ${next.displayName} is proposed and waiting for an answer.` }).waitFor();

    await resetBrowser(session);
    page = await loginAs(next.username, 'en');
    await visit(page, '/child/handovers', 'Handovers');
    const pending = page.getByRole('table', { name: 'Handovers waiting for an answer' }).getByRole('row').filter({ hasText: 'Ebba Vårdnadshavare' });
    await pending.waitFor();
    expect(await pending.textContent()).toContain(receiver.displayName);
    expect(await pending.textContent()).toContain('Basis: Own organisation');
    await page.getByRole('heading', { level: 2, name: 'Decided' }).waitFor();
    await scan(page, 'en handovers');
    await page.screenshot({ path: '/tmp/samsyn-handovers-en.png', fullPage: true });
  });

  it('the new forms and pages have no WCAG 2.1 AA violation of any impact', () => {
    expect(found).toEqual([]);
  });
});
