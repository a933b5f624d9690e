import { stockholmDate } from '@samsyn/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/src/clock.ts';
import { testClockOffsetDays } from '../../server/src/test/constants.ts';
import { loginAs, resetBrowser, visit, useBrowserSession, scanner, resize } from './browser.ts';

/**
 * The SIP's way to the meeting in a browser (issue 14): `socialworker` (social services, the
 * municipality) books a meeting of Ebba's SIP with a digital link, summons `psychologist` (BUP,
 * the region) and invites `guardian`, and writes what she brings; the psychologist opens her
 * summons from the inbox and answers; the guardian, at 390 px, sees the next meeting in plain
 * language with the link, answers her invitation and sends the preparation form with her own
 * evaluation of a goal; the lead sees the receipts and replies in words, the family's answers beside
 * the team's, and records the meeting. Axe at every impact level in Swedish and English of the
 * plan with its meetings, the summons and the family's plan page with the form.
 */

let ebbaId: string;
let sipId: string;
let psychologistName: string;
// The meeting's day, on the server's clock (CI runs it ahead): three weeks from its today, 09:00.
const meetingDay = stockholmDate(new Date(systemClock(testClockOffsetDays).now().getTime() + 21 * 86_400_000));

const session = useBrowserSession({ resetEach: false });
const { found, scan } = scanner();
beforeAll(async () => {
  const db = session.database.db;
  ebbaId = (await db.selectFrom('child as c').innerJoin('app_user as u', 'u.id', 'c.user_id').select('c.id').where('u.username', '=', 'child').executeTakeFirstOrThrow()).id;
  psychologistName = (await db.selectFrom('app_user').select('display_name').where('username', '=', 'psychologist').executeTakeFirstOrThrow()).display_name;
  sipId = (await db.selectFrom('plan').select('id').where('child_id', '=', ebbaId).where('kind', '=', 'sip').executeTakeFirstOrThrow()).id;
});

const planUrl = () => `/child/${ebbaId}/plans/${sipId}`;


describe('the SIP’s way to the meeting', () => {
  it('the lead books the meeting, summons the region and invites the guardian, and writes what she brings', async () => {
    const page = await loginAs(session, 'socialworker');
    await visit(session, page, planUrl(), 'SIP för Ebba');
    await page.getByRole('heading', { name: 'Möten' }).waitFor();
    await page.getByLabel('Dag och tid').fill(`${meetingDay}T09:00`);
    await page.getByLabel('Plats', { exact: true }).fill('Familjecentralen, rum 2');
    await page.getByLabel('Länk till digitalt möte (valfritt)').fill('https://mote.example/ebba');
    await page.getByRole('button', { name: 'Boka mötet' }).click();
    // The demo's own meeting of the SIP stands beside it: the test works in the one it booked.
    const ours = page.getByRole('article', { name: `${meetingDay} kl. 09:00` });
    const who = page.getByLabel(`Kalla eller bjud in till mötet ${meetingDay} kl. 09:00`).and(page.locator('input'));
    await who.waitFor();
    for (const [name, send, kind] of [[psychologistName, 'Skicka kallelse', 'Kallelse'], ['Gunilla Vårdnadshavare', 'Skicka familjens inbjudan', 'Familjens inbjudan']] as const) {
      await who.click();
      await page.getByRole('option', { name: new RegExp(`^${name}.*${kind}$`) }).click();
      await page.getByRole('button', { name: send }).click();
      await ours.getByRole('cell', { name: kind, exact: true }).waitFor();
    }
    await page.getByLabel('Det här tar jag med till mötet').fill('Utredningens sammanfattning');
    await page.getByRole('button', { name: 'Spara min förberedelse' }).click();
    await page.getByText('Din förberedelse är sparad.').waitFor();
    const kinds = await session.database.db.selectFrom('meeting_invitation as i').innerJoin('plan_meeting as m', 'm.id', 'i.meeting_id').select('i.kind').where('i.plan_id', '=', sipId).where('m.place', '=', 'Familjecentralen, rum 2').orderBy('i.sent_at').execute();
    expect(kinds.map((k) => k.kind)).toEqual(['summons', 'family']);
  });

  it('the psychologist opens her summons from the inbox and answers that she is coming', async () => {
    await resetBrowser(session);
    const page = await loginAs(session, 'psychologist');
    await visit(session, page, '/inbox', 'Inkorg');
    // Hers for the meeting just booked (the demo's meeting has one too).
    const row = page.getByRole('row').filter({ hasText: 'Kallelse' }).filter({ hasText: meetingDay });
    await row.waitFor();
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Kallelse till möte om en SIP' }).waitFor();
    await page.getByRole('link', { name: 'Gå till det digitala mötet' }).waitFor();
    await scan(page, 'sv the summons');
    await page.getByRole('radio', { name: 'Kommer', exact: true }).check();
    await page.getByLabel('Vill du säga något mer? (valfritt)').fill('Jag är med digitalt.');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText('Ditt svar: Kommer: Jag är med digitalt.').waitFor();
  });

  it('the guardian, on her phone, sees the next meeting with its link, answers and sends the preparation form', async () => {
    await resetBrowser(session);
    await resize(session.page, { width: 390, height: 844 });
    const page = await loginAs(session, 'guardian');
    await visit(session, page, `/my-children/${ebbaId}`, 'Ebba Vårdnadshavare');
    await page.getByRole('button', { name: 'Visa planen' }).click();
    await page.getByText(`Nästa möte är ${meetingDay} kl. 09:00.`).waitFor();
    await page.getByRole('link', { name: 'Du kan också vara med på nätet. Klicka här.' }).waitFor();
    await page.getByRole('radio', { name: 'Kommer', exact: true }).check();
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByText('Ditt svar: Kommer').waitFor();
    await page.getByLabel('Vad går bra?').fill('Fotbollen på tisdagar');
    // One line per area of the wheel, easy-read; she writes about one.
    await page.getByLabel('Trygg: hur är det?').fill('Jag känner mig trygg hemma');
    await page.getByRole('button', { name: 'Spara och fortsätt senare' }).click();
    await page.getByText('Sparat. Du kan fortsätta senare, också på en annan enhet.').waitFor();
    await page.getByRole('radiogroup', { name: /^Målet: Jag är i skolan/ }).getByRole('radio', { name: 'Det har gått lite bra' }).check();
    await scan(page, 'sv the family’s plan page with the form (390 px)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Skicka till teamet' }).click();
    await page.getByText('Tack! Dina svar är skickade till teamet.').waitFor();
    await resize(session.page, { width: 1280, height: 860 });
  });

  it('the lead sees the replies in words and the family’s evaluation beside the team’s, and records the meeting', async () => {
    await resetBrowser(session);
    const page = await loginAs(session, 'socialworker');
    await visit(session, page, planUrl(), 'SIP för Ebba');
    const ours = page.getByRole('article', { name: `${meetingDay} kl. 09:00` });
    await ours.getByRole('cell', { name: 'Kommer: Jag är med digitalt.' }).waitFor();
    await page.getByText(/Jag är i skolan och hinner med.*familjen tycker delvis nått, teamet/).waitFor();
    await page.getByText('Fotbollen på tisdagar', { exact: false }).waitFor();
    await page.getByText('Trygg: hur är det? Jag känner mig trygg hemma').waitFor();
    await scan(page, 'sv the plan with its meetings');
    await ours.getByLabel(/^Anteckningar från mötet/).fill('Ebba berättade om skolan.');
    await ours.getByLabel(/^Beslut på mötet/).fill('BUP erbjuder sömnskola.');
    await ours.getByRole('checkbox', { name: 'Mötet är hållet' }).check();
    await ours.getByRole('button', { name: 'Spara mötet' }).click();
    await page.getByText('Mötet är sparat.').waitFor();
    const meeting = await session.database.db.selectFrom('plan_meeting').select(['notes', 'held_at']).where('plan_id', '=', sipId).where('place', '=', 'Familjecentralen, rum 2').executeTakeFirstOrThrow();
    expect(meeting.notes).toBe('Ebba berättade om skolan.');
    expect(meeting.held_at).not.toBeNull();
  });

  it('passes axe in English: the plan with its meetings and the family’s plan page', async () => {
    await resetBrowser(session);
    const lead = await loginAs(session, 'socialworker', 'en');
    await visit(session, lead, planUrl(), 'SIP för Ebba');
    await lead.getByRole('heading', { name: 'Meetings' }).waitFor();
    await scan(lead, 'en the plan with its meetings');
    await resetBrowser(session);
    const guardian = await loginAs(session, 'guardian', 'en');
    await visit(session, guardian, `/my-children/${ebbaId}`, 'Ebba Vårdnadshavare');
    await guardian.getByRole('button', { name: 'Show the plan' }).click();
    await guardian.getByRole('heading', { name: 'Next meeting' }).waitFor();
    await scan(guardian, 'en the family’s plan page');
    expect(found).toEqual([]);
  });
});
