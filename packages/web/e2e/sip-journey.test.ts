import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { stockholmDate } from '@samsyn/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/src/clock.ts';
import { demoDay } from '../../server/src/demo/children.ts';
import { addDays, addYears } from '../../server/src/demo/dates.ts';
import { withCheckDigit } from '../../server/src/demo/identity-numbers.ts';
import { testClockOffsetDays } from '../../server/src/test/constants.ts';
import { demoSeededAt, placeOf } from '../../server/src/test/fixtures.ts';
import { pdfText } from '../../server/src/test/pdf.ts';
import { allViolations, startSession, testPassword, visit, type Session, resize } from './browser.ts';

/**
 * One whole SIP in a browser (issue 14, "Tests that must exist"), for a new child without a plan:
 * Siri, 16, with one guardian (`guardian`, Gunilla) and her own login. Three secrecy domains
 * (social services and the school of the municipality, health care of the region) and two
 * principals. The steps in the order: the family meets the SIP while it is being prepared
 * (core's `family_preparing`), so Siri prepares for its first meeting before it is established.
 *  1. the guardian gives consent: the municipality and the region may share the plan;
 *  2. `socialworker` (the municipality) starts the SIP and requests it of the region: the deadline
 *     and the days passed show; `psychologist` (the region) accepts;
 *  3. Siri, on her phone, sees the SIP being prepared (who leads it, who takes part, nothing of the
 *     draft) and fills in the preparation form;
 *  4. a summons (the region), an invitation (the school's `teacher`) and the family's invitation
 *     (Siri) go out and are answered, Siri's on her own page in plain language;
 *  5. goals and actions are set, the region's part by the psychologist;
 *  6. the meeting is held and its notes saved; the lead sees the replies and Siri's answers;
 *  7. establishing is refused until the legal contents are complete, then done;
 *  8. a change waits for the family's approval: Siri approves, it still waits for the guardian, she approves;
 *  9. the follow-up is evaluated, the team's beside the child's own;
 * 10. the family's PDF is downloaded and its text checked.
 * Each user has a browser context of their own, logged in once. Axe only on what the other files
 * do not scan: the SIP request with its deadline, and the family's view of the SIP being prepared
 * (390 px, Swedish and English).
 */

let session: Session;
let browser: Browser;
let childId: string;
let planId = '';
const found: string[] = [];
const pages = new Map<string, Page>();
const clockNow = () => systemClock(testClockOffsetDays).now();
// The meeting a week ahead on the server's clock (CI runs it ahead), 10:00.
const meetingDay = stockholmDate(new Date(clockNow().getTime() + 7 * 86_400_000));
const meetingName = `${meetingDay} kl. 10:00`;
const day = (offset: number) => stockholmDate(new Date(clockNow().getTime() + offset * 86_400_000));
const childName = 'Siri Resasson';

beforeAll(async () => {
  session = await startSession();
  childId = await createFamily(session);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
});
afterAll(async () => {
  await browser?.close();
  await session?.close();
});

/**
 * Siri, 16 on the demo's seed day, at `teacher`'s municipality, with Gunilla as her one guardian
 * (her consent alone counts) and a login of her own; on her team `socialworker` (lead) and
 * `teacher` (named person), both on their own organisation's basis. Set up as the child
 * registration and the team pages would leave it: those have their own browser tests.
 */
async function createFamily(s: Session): Promise<string> {
  const { db } = s.database;
  const seededAt = await demoSeededAt(db);
  const birthDate = addDays(addYears(demoDay(seededAt), -16), -40);
  const numbers = Array.from({ length: 10 }, (_, i) => withCheckDigit(birthDate, 980 + 2 * i));
  const taken = new Set((await db.selectFrom('child').select('identity_number').where('identity_number', 'in', numbers).execute()).map((c) => c.identity_number));
  const identityNumber = numbers.find((n) => !taken.has(n))!;
  const guardian = await db.selectFrom('guardian as g').innerJoin('app_user as u', 'u.id', 'g.user_id').innerJoin('local_credential as l', 'l.user_id', 'u.id').select(['g.id', 'l.password_hash']).where('u.username', '=', 'guardian').executeTakeFirstOrThrow();
  const home = await placeOf(db, 'teacher');
  const user = await db.insertInto('app_user').values({ kind: 'citizen', username: 'siri', display_name: childName, email: 'siri@exempellan.example', created_at: seededAt, updated_at: seededAt }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('local_credential').values({ user_id: user.id, password_hash: guardian.password_hash, changed_at: seededAt }).execute();
  const child = await db
    .insertInto('child')
    .values({ identity_number: identityNumber, identity_kind: 'personnummer', given_name: 'Siri', family_name: 'Resasson', birth_date: birthDate, sex: 'female', home_organisation_id: home.organisationId, school_unit_id: home.unitId, user_id: user.id, created_at: seededAt, updated_at: seededAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('child_guardian').values({ child_id: child.id, guardian_id: guardian.id }).execute();
  for (const [username, role] of [['socialworker', 'lead_professional'], ['teacher', 'named_person']] as const) {
    const place = await placeOf(db, username);
    await db.insertInto('care_team_member').values({ child_id: child.id, user_id: place.userId, organisation_id: place.organisationId, unit_id: place.unitId, role, basis: 'own_organisation', starts_at: new Date(seededAt.getTime() - 86_400_000) }).execute();
  }
  return child.id;
}

/** The user's own page, in a context of their own: logged in once, reused by every step. */
async function as(username: string): Promise<Page> {
  const open = pages.get(username);
  if (open) return open;
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', acceptDownloads: true, reducedMotion: 'reduce' });
  context.setDefaultTimeout(20_000);
  // Through the API, as the login form does (the form has its own tests); the first step opens its page.
  const csrf = (await (await context.request.get(`${session.url}/api/auth/csrf`)).json()) as { token: string };
  const res = await context.request.post(`${session.url}/api/auth/login`, { data: { username, password: testPassword }, headers: { 'x-csrf-token': csrf.token } });
  expect(res.ok(), `login as ${username}`).toBe(true);
  const page = await context.newPage();
  pages.set(username, page);
  return page;
}

/** A call of the API in the user's session, as their browser would make it. */
async function post(page: Page, path: string, data: unknown): Promise<{ status: number; body: unknown }> {
  const { request } = page.context();
  const { token } = (await (await request.get(`${session.url}/api/auth/csrf`)).json()) as { token: string };
  const res = await request.post(`${session.url}${path}`, { data, headers: { 'x-csrf-token': token } });
  return { status: res.status(), body: await res.json() };
}

const planPath = () => `/child/${childId}/plans/${planId}`;
const open = async (page: Page, path: string, heading: string | RegExp) => visit(session, page, path, heading);

/** Picks one option of a Mantine select by the select's name. */
async function choose(page: Page, within: Locator, field: string, option: string, nth = 0): Promise<void> {
  await within.getByRole('textbox', { name: field, exact: true }).nth(nth).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The plan's editor, opened on the plan's page. */
async function editor(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Ändra planen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ändra planen' });
  await dialog.waitFor();
  return dialog;
}

async function addAction(page: Page, dialog: Locator, n: number, what: string, part: string, organisation: string, responsible: string): Promise<void> {
  await dialog.getByRole('button', { name: 'Lägg till insats' }).click();
  await dialog.getByLabel(`Insats ${n}: Vad som görs`).fill(what);
  await choose(page, dialog, 'Vems del', part, n - 1);
  await dialog.getByRole('textbox', { name: 'Verksamhet', exact: true }).nth(n - 1).fill(organisation);
  await dialog.getByRole('textbox', { name: 'Ansvarig person', exact: true }).nth(n - 1).fill(responsible);
  await dialog.getByLabel(/^Start( \*)?$/).nth(n - 1).fill(day(1));
  await dialog.getByLabel(/^Slut( \*)?$/).nth(n - 1).fill(day(120));
}

async function save(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** The family's plan on Siri's page (hers or her guardian's), opened. */
async function familyPlan(page: Page): Promise<void> {
  await open(page, `/my-children/${childId}`, childName);
  await page.getByRole('button', { name: 'Visa planen' }).click();
  await page.getByRole('heading', { name: 'Planen som gäller' }).waitFor();
}

/** The family's plan being prepared on Siri's page, opened. */
async function preparingPlan(page: Page, show: string, heading: string): Promise<void> {
  await open(page, `/my-children/${childId}`, childName);
  await page.getByRole('button', { name: show }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

/** The interface's language for the user's next page; written where no app runs, which would write its own back. */
async function speak(page: Page, language: 'sv' | 'en'): Promise<void> {
  await page.goto(`${session.url}/api/health`);
  await page.evaluate((chosen) => localStorage.setItem('samsyn.language', chosen), language);
}

/** Opens the caller's invitation to the meeting from the inbox and answers that they come. */
async function answerFromInbox(page: Page, kind: 'Kallelse' | 'Inbjudan', comment: string): Promise<void> {
  await open(page, '/inbox', 'Inkorg');
  await page.getByRole('row').filter({ hasText: kind }).filter({ hasText: meetingDay }).getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: `${kind} till möte om en SIP` }).waitFor();
  await page.getByRole('radio', { name: 'Kommer', exact: true }).check();
  await page.getByLabel('Vill du säga något mer? (valfritt)').fill(comment);
  await page.getByRole('button', { name: 'Skicka svar' }).click();
  await page.getByText(`Ditt svar: Kommer: ${comment}`).waitFor();
}

describe('a whole SIP, from consent to the family’s PDF', () => {
  it('1. the guardian gives consent: the municipality and the region may share the plan', async () => {
    const page = await as('guardian');
    await open(page, `/my-children/${childId}`, childName);
    await page.getByRole('button', { name: 'Ge samtycke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ge samtycke' });
    for (const organisation of ['Exempelstads kommun', 'Region Exempellän']) {
      await dialog.getByRole('textbox', { name: 'Hela verksamheter', exact: true }).click();
      await page.getByRole('option', { name: organisation, exact: true }).click();
      await page.keyboard.press('Escape');
    }
    await dialog.getByRole('checkbox', { name: 'Plan', exact: true }).check();
    await dialog.getByRole('button', { name: 'Gå vidare' }).click();
    await dialog.getByRole('button', { name: 'Ja, ge samtycke' }).click();
    await page.getByRole('status').filter({ hasText: 'Tack. Ditt samtycke är registrerat.' }).waitFor();
    const consent = await session.database.db.selectFrom('consent').select(['id', 'given_by', 'categories']).where('child_id', '=', childId).executeTakeFirstOrThrow();
    expect(consent.categories).toEqual(['plan']);
    // The region's psychologist joins the team on that consent (the team's own pages are tested elsewhere).
    const lead = await as('socialworker');
    const psychologist = await placeOf(session.database.db, 'psychologist');
    const added = await post(lead, `/api/children/${childId}/care-team`, { userId: psychologist.userId, organisationId: psychologist.organisationId, unitId: psychologist.unitId, role: 'member', basis: { kind: 'consent', consentId: consent.id } });
    expect(added.status).toBe(201);
  });

  it('2. the municipality starts the SIP and requests it of the region: the deadline shows; the region accepts', async () => {
    const page = await as('socialworker');
    await open(page, `/child/${childId}/plans`, /^Planer/);
    await page.getByRole('button', { name: 'Ny plan' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog, 'Typ av plan', 'SIP');
    await dialog.getByRole('textbox', { name: 'Planens namn' }).fill('SIP för Siri');
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'SIP för Siri' }).waitFor();
    planId = page.url().split('/').at(-1)!;
    await page.getByLabel('Varför behövs en SIP? (valfritt)').fill('Siri behöver stöd från både socialtjänsten och BUP.');
    await page.getByRole('button', { name: 'Begär SIP' }).click();
    const deadline = day(15);
    await page.getByText(`Väntar på svar. 0 dagar har gått. 15 dagar kvar till sista dagen ${deadline}.`).waitFor();
    await scan(page, 'sv the SIP request with its deadline');

    const region = await as('psychologist');
    await open(region, planPath(), 'SIP för Siri');
    await region.getByRole('radio', { name: 'Vi deltar' }).check();
    await region.getByRole('button', { name: 'Skicka svaret' }).click();
    await region.getByText(/^Accepterad\. 0 dagar har gått\./).waitFor();
  });






  it('3. Siri, on her phone, sees the SIP being prepared and fills in the preparation form (axe in English and Swedish)', async () => {
    const page = await as('siri');
    await resize(page, { width: 390, height: 844 });
    await speak(page, 'en');
    await preparingPlan(page, 'Show the plan', 'The plan is being prepared');
    await page.getByText('Sixten Socialsekreterare holds the planning together.').waitFor();
    await page.getByRole('heading', { name: 'What is important to you?' }).waitFor();
    await scan(page, 'en the family’s SIP being prepared, with the form (390 px)');
    await speak(page, 'sv');
    await preparingPlan(page, 'Visa planen', 'Planen förbereds');
    // What is coming, in plain words; nothing of the team's draft, not even its title.
    await page.getByText('SIP som förbereds').waitFor();
    await page.getByText('De som är med: Exempelstads kommun, Region Exempellän.').waitFor();
    await page.getByText('Inget möte är bokat än.').waitFor();
    expect(await page.getByText('SIP för Siri').count()).toBe(0);
    await page.getByLabel('Vad går bra?').fill('Musiken på onsdagar');
    await page.getByLabel('Trygg: hur är det?').fill('Jag känner mig trygg i skolan');
    await scan(page, 'sv the family’s SIP being prepared, with the form (390 px)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Skicka till teamet' }).click();
    await page.getByText('Tack! Dina svar är skickade till teamet.').waitFor();
    const prep = await session.database.db.selectFrom('plan_preparation').select(['given_as', 'voice', 'submitted_at']).where('plan_id', '=', planId).executeTakeFirstOrThrow();
    expect(prep).toMatchObject({ given_as: 'child', voice: 'child' });
    expect(prep.submitted_at).not.toBeNull();
    // The draft is still the team's: its PDF is not hers (refused, and logged as denied).
    const pdf = await page.context().request.get(`${session.url}/api/children/${childId}/plans/${planId}/pdf`);
    expect(pdf.status()).toBe(403);
  });

  it('4. a summons to the region, an invitation to the school and the family’s to Siri go out, and are answered', async () => {
    const page = await as('socialworker');
    await page.reload();
    await page.getByRole('heading', { name: 'Möten' }).waitFor();
    await page.getByLabel('Dag och tid').fill(`${meetingDay}T10:00`);
    await page.getByLabel('Plats', { exact: true }).fill('Familjecentralen, rum 1');
    await page.getByRole('button', { name: 'Boka mötet' }).click();
    const ours = page.getByRole('article', { name: meetingName });
    const who = page.getByLabel(`Kalla eller bjud in till mötet ${meetingName}`).and(page.locator('input'));
    await who.waitFor();
    for (const [name, send, kind] of [['Petra Psykolog', 'Skicka kallelse', 'Kallelse'], ['Tove Lärare', 'Skicka inbjudan', 'Inbjudan'], [childName, 'Skicka familjens inbjudan', 'Familjens inbjudan']] as const) {
      await who.click();
      await page.getByRole('option', { name: new RegExp(`^${name}.*${kind}$`) }).click();
      await page.getByRole('button', { name: send }).click();
      await ours.getByRole('cell', { name: kind, exact: true }).waitFor();
    }
    await answerFromInbox(await as('psychologist'), 'Kallelse', 'Jag kommer.');
    await answerFromInbox(await as('teacher'), 'Inbjudan', 'Mentorn följer med.');
    // Siri's own, on her page at 390 px: the meeting in plain words, and her answer (sip.test.ts scans the invitation).
    const siri = await as('siri');
    await preparingPlan(siri, 'Visa planen', 'Planen förbereds');
    await siri.getByText(`Nästa möte är ${meetingName}.`).waitFor();
    await siri.getByText('Vi ses här: Familjecentralen, rum 1').waitFor();
    await siri.getByRole('radio', { name: 'Kommer', exact: true }).check();
    await siri.getByRole('button', { name: 'Skicka svar' }).click();
    await siri.getByText('Ditt svar: Kommer').waitFor();
    await resize(siri, { width: 1280, height: 860 });
  });
  it('5. goals and actions are set: the municipality’s, the region’s by the psychologist, and the school’s', async () => {
    const page = await as('socialworker');
    await open(page, planPath(), 'SIP för Siri');
    let dialog = await editor(page);
    await dialog.getByLabel('Barnets egna mål och synpunkter').fill('Jag vill orka gå till skolan.');
    await dialog.getByRole('button', { name: 'Lägg till behov' }).click();
    await dialog.getByLabel('Behov 1: Vilket stöd eller vilken insats som behövs').fill('Stöd för att komma till skolan');
    await dialog.getByRole('group', { name: /^Behov 1: Områden/ }).getByRole('checkbox', { name: 'Utvecklas' }).check();
    await dialog.getByRole('button', { name: 'Lägg till mål' }).click();
    await dialog.getByLabel('Mål 1: Mål, mätbart formulerat').fill('Närvaron är minst 90 procent varje vecka');
    await dialog.getByLabel('Målet med barnets egna ord').fill('Jag är i skolan varje dag');
    await dialog.getByLabel('Ska vara nått senast').fill(day(120));
    await addAction(page, dialog, 1, 'Familjebehandling varannan vecka', 'Kommunens del', 'Socialtjänsten Exempelstad', 'Sixten Socialsekreterare');
    await save(dialog);
    await page.getByText('Planen är sparad (version 2).').waitFor();

    const region = await as('psychologist');
    await open(region, planPath(), 'SIP för Siri');
    dialog = await editor(region);
    await addAction(region, dialog, 2, 'Samtalskontakt på BUP', 'Regionens del', 'BUP Exempellän', 'Petra Psykolog');
    await dialog.getByLabel('Vad du ändrade (frivilligt)').fill('BUP:s del');
    await save(dialog);
    await region.getByText('Planen är sparad (version 3).').waitFor();
  });
  it('6. the meeting is held and its notes saved; the lead sees the replies and Siri’s answers', async () => {
    const page = await as('socialworker');
    await page.reload();
    const ours = page.getByRole('article', { name: meetingName });
    await ours.getByRole('cell', { name: 'Kommer: Jag kommer.' }).waitFor();
    await ours.getByRole('cell', { name: 'Kommer: Mentorn följer med.' }).waitFor();
    await page.getByText('Musiken på onsdagar', { exact: false }).waitFor();
    await ours.getByLabel(/^Anteckningar från mötet/).fill('Siri berättade om skolan.');
    await ours.getByLabel(/^Beslut på mötet/).fill('BUP erbjuder sömnskola.');
    await ours.getByRole('checkbox', { name: 'Mötet är hållet' }).check();
    await ours.getByRole('button', { name: 'Spara mötet' }).click();
    await page.getByText('Mötet är sparat.').waitFor();
    const meeting = await session.database.db.selectFrom('plan_meeting').select(['notes', 'held_at']).where('plan_id', '=', planId).executeTakeFirstOrThrow();
    expect(meeting.notes).toBe('Siri berättade om skolan.');
    expect(meeting.held_at).not.toBeNull();
  });
  it('7. establishing is refused until the legal contents are complete, then done', async () => {
    const page = await as('socialworker');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'SIP för Siri' }).waitFor();
    const missing = page.getByRole('alert').filter({ hasText: 'Det här saknas innan SIP:en kan fastställas' });
    await missing.getByText('Vad andra gör (skolan, polisen, Försäkringskassan …), eller att ingen annan deltar').waitFor();
    await missing.getByText('Vilken huvudman som har huvudansvaret').waitFor();
    expect(await missing.getByText('Vilka insatser regionen ansvarar för').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Fastställ planen' }).count()).toBe(0);
    // The server refuses too, whatever a client offers.
    const refused = await post(page, `/api/children/${childId}/plans/${planId}/establish`, { revision: 3 });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('overall_responsibility');

    const dialog = await editor(page);
    await addAction(page, dialog, 3, 'En mentor och anpassad studiegång', 'Andras insatser (skola, polis, Försäkringskassan …)', 'Centrumskolan', 'Tove Lärare');
    await choose(page, dialog, 'Huvudansvar', 'Kommunen');
    await dialog.getByLabel('Nästa uppföljning').fill(day(30));
    await save(dialog);
    await page.getByText('Planen är sparad (version 4).').waitFor();
    expect(await missing.count()).toBe(0);
    await page.getByRole('button', { name: 'Fastställ planen' }).click();
    await page.getByText('Planen är fastställd.').waitFor();
    const plan = await session.database.db.selectFrom('plan').select(['in_force_revision', 'established_by']).where('id', '=', planId).executeTakeFirstOrThrow();
    expect(plan.in_force_revision).toBe(4);
  });
  it('8. a change waits for the family’s approval: Siri approves, it waits for the guardian, who approves it into force', async () => {
    const page = await as('socialworker');
    const dialog = await editor(page);
    await dialog.getByLabel('Insats 2: Vad som görs').fill('Samtalskontakt på BUP och en sömnskola i grupp');
    await dialog.getByLabel('Vad du ändrade (frivilligt)').fill('Beslut på mötet');
    await save(dialog);
    await page.getByText('Ändringen är sparad som förslag och väntar på familjens godkännande.').waitFor();
    await page.getByText('Väntar på godkännande av: vårdnadshavare, barnet').waitFor();

    const siri = await as('siri');
    await familyPlan(siri);
    await siri.getByText(/sömnskola i grupp/).first().waitFor();
    await siri.getByRole('button', { name: 'Godkänn ändringen' }).click();
    await siri.getByText('Tack! Ditt godkännande är sparat.').waitFor();
    await siri.getByText('Väntar på godkännande av: vårdnadshavare').waitFor();

    const guardian = await as('guardian');
    await familyPlan(guardian);
    await guardian.getByRole('button', { name: 'Godkänn ändringen' }).click();
    await guardian.getByText('Tack! Ditt godkännande är sparat.').waitFor();
    const plan = await session.database.db.selectFrom('plan').select(['in_force_revision', 'head_revision']).where('id', '=', planId).executeTakeFirstOrThrow();
    expect(plan).toEqual({ in_force_revision: 5, head_revision: 5 });
  });

  it('9. the follow-up is evaluated: the team’s judgement beside Siri’s own, as she gave it', async () => {
    const page = await as('socialworker');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'SIP för Siri' }).waitFor();
    const dialog = await editor(page);
    await choose(page, dialog, 'Teamets bedömning', 'Delvis uppnått');
    await choose(page, dialog, 'Barnets egen bedömning', 'Delvis uppnått');
    await dialog.getByLabel('Kommentar till uppföljningen').fill('Närvaron har ökat till 85 procent.');
    await save(dialog);
    await page.getByText('Ändringen är sparad som förslag och väntar på familjens godkännande.').waitFor();
    await page.getByText('Uppföljning: teamet Delvis uppnått, barnet Delvis uppnått', { exact: false }).first().waitFor();
  });

  it('10. the family’s PDF is downloaded and holds the plan in force in plain words', async () => {
    const page = await as('guardian');
    await page.reload();
    await page.getByRole('button', { name: 'Visa planen' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Planen som PDF för familjen' }).click()]);
    const text = await pdfText(await readFile((await download.path())!));
    for (const words of ['SIP för Siri', 'Närvaron är minst 90 procent varje vecka', 'Samtalskontakt på BUP och en sömnskola i grupp', 'Familjebehandling varannan vecka', 'En mentor och anpassad studiegång', `Nästa uppföljning ${day(30)}`, 'Sixten Socialsekreterare']) expect(text).toContain(words);
    // The meeting is held and no other is booked: the paper says so rather than an old time.
    expect(text).toContain('Nästa möte Inget möte är bokat än.');
    // The evaluation waits for approval: the paper holds only what is in force.
    expect(text).not.toContain('85 procent');
    expect(found).toEqual([]);
  });
});

async function scan(page: Page, label: string): Promise<void> {
  found.push(...(await allViolations(page, label)));
}
