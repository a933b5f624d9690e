import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs as openAs, resetBrowser, visit as visitPage, useBrowserSession, scanner } from './browser.ts';

// Handovers everyone can follow and emergency access that reaches a reviewer (issue 12), in
// Swedish and English, on one server: the tests run in order.

let childId: string;
let otherChildId: string;
/** Two colleagues at the teacher's own school, on no team of the demo child. */
let colleagues: { username: string; displayName: string; id: string }[];

const session = useBrowserSession();
beforeAll(async () => {
  const { db } = session.database;
  childId = (await db.selectFrom('child').select('child.id').where('child.user_id', '=', db.selectFrom('app_user').select('app_user.id').where('app_user.username', '=', 'child')).executeTakeFirstOrThrow()).id;
  const teacher = await db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select(['r.unit_id']).where('u.username', '=', 'teacher').where('r.role', '=', 'professional').executeTakeFirstOrThrow();
  colleagues = (
    await db
      .selectFrom('user_role as r')
      .innerJoin('app_user as u', 'u.id', 'r.user_id')
      .select(['u.username', 'u.display_name', 'u.id'])
      .where('r.unit_id', '=', teacher.unit_id)
      .where('r.role', '=', 'professional')
      .where('u.username', '!=', 'teacher')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('care_team_member as m').select('m.id').whereRef('m.user_id', '=', 'u.id').where('m.child_id', '=', childId))))
      .orderBy('u.username')
      .limit(2)
      .execute()
  ).map((u) => ({ username: u.username, displayName: u.display_name, id: u.id }));
  expect(colleagues).toHaveLength(2);
  // A child in the outsider's own municipality, on no team of theirs, for the English emergency access.
  const outsider = await db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select('r.organisation_id').where('u.username', '=', 'outsider').executeTakeFirstOrThrow();
  otherChildId = (await db.selectFrom('child').select('id').where('home_organisation_id', '=', outsider.organisation_id).where('protected_identity', 'is', null).orderBy('identity_number', 'desc').executeTakeFirstOrThrow()).id;
});

const loginAs = (username: string, language: 'sv' | 'en' = 'sv') => openAs(session, username, language);
const visit = (page: Page, path: string, heading: string | RegExp) => visitPage(session, page, path, heading);

/** Axe with every impact level (minor and moderate too), WCAG 2.1 A/AA and best practice. */
const { found, scan } = scanner({ oneH1: true, bestPractice: true });

async function pickPerson(page: Page, field: string, displayName: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox', { name: field }).fill(displayName);
  await dialog.getByRole('status').filter({ hasText: /^(Träffar|Matches): \d+/ }).waitFor();
  await dialog.getByRole('radio', { name: new RegExp(`^${displayName}`) }).first().check();
}

const noticesOf = (userId: string, kind: string) =>
  session.database.db.selectFrom('notice').select(['kind', 'subject_id']).where('recipient_id', '=', userId).where('kind', '=', kind as never).where('child_id', '=', childId).execute();
const userId = async (username: string) => (await session.database.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('a handover proposed, withdrawn, proposed again and accepted', { timeout: 240_000 }, () => {
  it('in Swedish: the teacher withdraws on the record, proposes again, the receiver sees the child and accepts, and the teacher stays as a member and is told', async () => {
    const receiver = colleagues[0]!;
    let page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Föreslå överlämning' }).click();
    let dialog = page.getByRole('dialog', { name: 'Föreslå överlämning' });
    await pickPerson(page, 'Sök mottagare', receiver.displayName);
    expect(await dialog.getByRole('radio', { name: 'Jag stannar i teamet som medlem' }).isChecked()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Anteckning till mottagaren' }).fill('Ebba börjar i ny klass.');
    await scan(page, 'sv propose handover');
    await dialog.getByRole('button', { name: 'Föreslå överlämning' }).click();
    await page.getByRole('status').filter({ hasText: `Överlämningen till ${receiver.displayName} är föreslagen och väntar på svar.` }).waitFor();
    // The record shows the pending proposal, and offers no second one.
    const card = page.getByRole('alert').filter({ hasText: 'Överlämning väntar på svar' });
    await card.waitFor();
    expect(await card.textContent()).toContain(receiver.displayName);
    expect(await page.getByRole('button', { name: 'Föreslå överlämning' }).count()).toBe(0);
    await scan(page, 'sv record with pending handover');
    await card.getByRole('button', { name: 'Ta tillbaka' }).click();
    await page.getByRole('status').filter({ hasText: `Överlämningen till ${receiver.displayName} är tillbakatagen.` }).waitFor();
    expect(await noticesOf(receiver.id, 'handover_withdrawn')).toHaveLength(1);

    await page.getByRole('button', { name: 'Föreslå överlämning' }).click();
    dialog = page.getByRole('dialog', { name: 'Föreslå överlämning' });
    await pickPerson(page, 'Sök mottagare', receiver.displayName);
    await dialog.getByRole('textbox', { name: 'Anteckning till mottagaren' }).fill('Ebba börjar i ny klass, andra försöket.');
    await dialog.getByRole('button', { name: 'Föreslå överlämning' }).click();
    await page.getByRole('status').filter({ hasText: /är föreslagen och väntar på svar/ }).waitFor();
    await visit(page, '/child/handovers', 'Överlämningar');
    const mine = page.getByRole('table', { name: 'Överlämningar du har föreslagit som väntar på svar' }).getByRole('row').filter({ hasText: 'andra försöket' });
    await mine.waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv handovers proposed');

    await resetBrowser(session);
    page = await loginAs(receiver.username);
    await visit(page, '/child/handovers', 'Överlämningar');
    const row = page.getByRole('table', { name: 'Överlämningar som väntar på svar' }).getByRole('row').filter({ hasText: 'andra försöket' });
    await row.waitFor();
    // Before accepting: the child's name, the life stage, the note; and that the teacher stays.
    expect(await row.textContent()).toContain('Ebba Vårdnadshavare');
    expect(await row.textContent()).toContain('Tove Lärare stannar i teamet som medlem');
    await page.waitForLoadState('networkidle');
    await scan(page, 'sv handovers to answer');
    await row.getByRole('button', { name: /^Ta emot överlämningen/ }).click();
    await page.getByRole('status').filter({ hasText: /Du är nu barnets bästa-ansvarig/ }).waitFor();

    await resetBrowser(session);
    page = await loginAs('teacher');
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    const team = page.getByRole('table', { name: 'Teamet runt barnet' });
    expect(await team.getByRole('row').filter({ hasText: 'Tove Lärare' }).textContent()).toContain('Medlem');
    expect(await team.getByRole('row').filter({ hasText: receiver.displayName }).textContent()).toContain('Barnets bästa-ansvarig');
    const teacher = await userId('teacher');
    expect(await noticesOf(teacher, 'named_person_stays_member')).toHaveLength(1);
    expect(await noticesOf(teacher, 'handover_accepted')).toHaveLength(1);
  });

  it('in English: the new named person withdraws on Handovers, proposes again, the next accepts, and she stays as a member and is told', async () => {
    const named = colleagues[0]!;
    const next = colleagues[1]!;
    const propose = async (page: Page, note: string) => {
      await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
      await page.getByRole('button', { name: 'Propose a handover' }).click();
      const dialog = page.getByRole('dialog', { name: 'Propose a handover' });
      await pickPerson(page, 'Search for the receiver', next.displayName);
      await dialog.getByRole('textbox', { name: 'Life stage' }).click();
      await page.getByRole('option', { name: 'Preschool' }).click();
      await dialog.getByRole('textbox', { name: 'Note to the receiver' }).fill(note);
      await scan(page, 'en propose handover');
      await dialog.getByRole('button', { name: 'Propose handover' }).click();
      await page.getByRole('status').filter({ hasText: `The handover to ${next.displayName} is proposed and waiting for an answer.` }).waitFor();
    };
    let page = await loginAs(named.username, 'en');
    await propose(page, 'First try.');
    await visit(page, '/child/handovers', 'Handovers');
    const mine = page.getByRole('table', { name: 'Handovers you proposed that wait for an answer' }).getByRole('row').filter({ hasText: 'First try.' });
    await mine.waitFor();
    await scan(page, 'en handovers proposed');
    await mine.getByRole('button', { name: /^Withdraw the handover of Ebba/ }).click();
    await page.getByRole('status').filter({ hasText: `The handover to ${next.displayName} is withdrawn.` }).waitFor();
    const withdrawn = page.getByRole('table', { name: 'Decided handovers' }).getByRole('row').filter({ hasText: 'Withdrawn' }).filter({ hasText: next.displayName });
    await withdrawn.waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, 'en handovers withdrawn');
    await propose(page, 'Second try.');

    await resetBrowser(session);
    page = await loginAs(next.username, 'en');
    await visit(page, '/child/handovers', 'Handovers');
    const row = page.getByRole('table', { name: 'Handovers waiting for an answer' }).getByRole('row').filter({ hasText: 'Second try.' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Ebba Vårdnadshavare');
    expect(await row.textContent()).toContain('Preschool');
    expect(await row.textContent()).toContain(`${named.displayName} stays on the team as a member`);
    await row.getByRole('button', { name: /^Accept the handover/ }).click();
    await page.getByRole('status').filter({ hasText: /You are now the named person/ }).waitFor();
    await visit(page, `/child/${childId}`, 'Ebba Vårdnadshavare');
    const team = page.getByRole('table', { name: "The child's care team" });
    expect(await team.getByRole('row').filter({ hasText: named.displayName }).textContent()).toContain('Member');
    expect(await noticesOf(named.id, 'named_person_stays_member')).toHaveLength(1);
  });
});

describe('an emergency access that reaches its reviewer', { timeout: 180_000 }, () => {
  const review = async (page: Page, language: 'sv' | 'en', childLabel: string) => {
    const words = language === 'sv'
      ? { heading: 'Loggkontroll', queue: 'Nödåtkomster att granska', justified: 'Befogad', comment: 'Kommentar', submit: 'Spara bedömning', saved: 'Bedömningen har sparats.' }
      : { heading: 'Log review', queue: 'Emergency accesses to review', justified: 'Justified', comment: 'Comment', submit: 'Save judgement', saved: 'The judgement has been saved.' };
    await visit(page, '/operations/log-review', words.heading);
    const queue = page.getByRole('region', { name: words.queue });
    const item = queue.getByRole('listitem').filter({ hasText: childLabel }).first();
    await page.getByText(childLabel).first().waitFor();
    await page.waitForLoadState('networkidle');
    await scan(page, `${language} emergency review queue`);
    await item.getByRole('radio', { name: words.justified, exact: true }).check();
    await item.getByRole('textbox', { name: words.comment }).fill(language === 'sv' ? 'Akut läge, rätt att öppna.' : 'Acute danger, rightly opened.');
    await item.getByRole('button', { name: words.submit }).click();
    await page.getByRole('status').filter({ hasText: words.saved }).waitFor();
  };

  it('in Swedish: the outsider is offered only the ground for their sector, opens it from the search, and their unit manager is told and reviews it', async () => {
    const { db } = session.database;
    const identityNumber = (await db.selectFrom('child').select('identity_number').where('id', '=', childId).executeTakeFirstOrThrow()).identity_number;
    let page = await loginAs('outsider');
    await visit(page, '/child', 'Barn');
    await page.getByRole('textbox', { name: /^Personnummer/ }).fill(`${identityNumber.slice(0, 8)}-${identityNumber.slice(8)}`);
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('button', { name: 'Begär nödåtkomst' }).click();
    const dialog = page.getByRole('dialog', { name: 'Begär nödåtkomst' });
    const grounds = dialog.getByRole('radiogroup', { name: /Rättslig grund/ }).getByRole('radio');
    await grounds.first().waitFor();
    expect(await grounds.count()).toBe(1);
    await dialog.getByText('Barnet är i akut fara och du behöver veta vem i teamet du ska kontakta och vad planen säger.').waitFor();
    expect(await dialog.getByText(/LVU/).count()).toBe(0);
    await scan(page, 'sv emergency form');
    await dialog.getByRole('textbox', { name: /^Skäl/ }).fill('Eleven berättar att hen inte vågar gå hem i kväll.');
    await grounds.first().check();
    await dialog.getByRole('checkbox', { name: /Jag förstår/ }).check();
    await dialog.getByRole('button', { name: 'Öppna journalen med nödåtkomst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ebba Vårdnadshavare' }).waitFor();

    const opened = await db.selectFrom('emergency_access as e').innerJoin('app_user as u', 'u.id', 'e.user_id').select('e.id').where('u.username', '=', 'outsider').where('e.child_id', '=', childId).executeTakeFirstOrThrow();
    const manager = await userId('manager.norrvik');
    expect(await db.selectFrom('notice').select('id').where('recipient_id', '=', manager).where('kind', '=', 'emergency_access_to_review').where('subject_id', '=', opened.id).execute()).toHaveLength(1);

    await resetBrowser(session);
    page = await loginAs('manager.norrvik');
    await review(page, 'sv', identityNumber.slice(0, 8));
    const reviewed = await db.selectFrom('emergency_access').select(['review_outcome', 'reviewed_by']).where('id', '=', opened.id).executeTakeFirstOrThrow();
    expect(reviewed).toEqual({ review_outcome: 'justified', reviewed_by: manager });
  });

  it('in English: the outsider opens it from a refused record, and the same manager reviews it', async () => {
    const { db } = session.database;
    let page = await loginAs('outsider', 'en');
    await page.goto(`${session.url}/child/${otherChildId}`);
    await page.getByRole('button', { name: 'Request emergency access' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request emergency access' });
    await dialog.getByText('The child is in acute danger and you need to know whom in the team to call and what the plan says.').waitFor();
    await scan(page, 'en emergency form');
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('The pupil says they do not dare to go home tonight.');
    await dialog.getByRole('radio').first().check();
    await dialog.getByRole('checkbox', { name: /I understand/ }).check();
    await dialog.getByRole('button', { name: /Open the record with emergency access/ }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: /not allowed|no longer/i }).waitFor();
    const identityNumber = (await db.selectFrom('child').select('identity_number').where('id', '=', otherChildId).executeTakeFirstOrThrow()).identity_number;

    await resetBrowser(session);
    page = await loginAs('manager.norrvik', 'en');
    await review(page, 'en', identityNumber.slice(0, 8));
    const manager = await userId('manager.norrvik');
    expect(await db.selectFrom('notice').select('id').where('recipient_id', '=', manager).where('kind', '=', 'emergency_access_to_review').where('child_id', '=', otherChildId).execute()).not.toHaveLength(0);
  });

  it('leaves no axe violation of any impact on the pages it changed', () => {
    expect(found).toEqual([]);
  });
});
