import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carriedRevision, stockholmDate, type PlanView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { pdfText } from '../test/pdf.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { demoSipId } from './fixtures.ts';

// The family's PDF of the plan (issue 14, point 6): what it says, in which words, and who gets it.
let t: TestApp;
let family: Family;
let sipId: string;
let today: string;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
const pdfUrl = (lang?: 'sv' | 'en') => `/api/children/${family.childId}/plans/${sipId}/pdf${lang ? `?lang=${lang}` : ''}`;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  sipId = await demoSipId(t.database.db, family.childId);
  today = stockholmDate(t.app.services.clock.now());
});
afterAll(() => t.close());

describe('the plan as a PDF for the family', () => {
  it('holds the plan in force in plain Swedish: goals, who does what, the next follow-up and meeting, whom to contact, the date and page numbers', async () => {
    const socialworker = await as('socialworker');
    const view = (await socialworker.get(`/api/children/${family.childId}/plans/${sipId}`)).json() as PlanView;
    const inForce = carriedRevision(view, (r) => r.number === view.inForceRevision)!;
    const proposed = carriedRevision(view, (r) => r.number === view.proposedRevision)!;
    const res = await socialworker.get(pdfUrl('sv'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Samordnad individuell plan (SIP)');
    expect(text).toContain('Det här vill vi nå');
    for (const goal of inForce.contents.goals) expect(text).toContain(goal.wording);
    expect(text).toContain('Vem gör vad');
    for (const action of inForce.contents.actions) expect(text).toContain(action.what);
    expect(text).toContain('Nästa uppföljning');
    if (inForce.contents.nextFollowUpOn) expect(text).toContain(inForce.contents.nextFollowUpOn);
    // The next meeting in Swedish time, with its place and link (the demo's, next month).
    const meeting = await t.database.db.selectFrom('plan_meeting').select(['starts_at', 'place', 'digital_link']).where('plan_id', '=', sipId).where('held_at', 'is', null).orderBy('starts_at').executeTakeFirstOrThrow();
    const at = new Date(meeting.starts_at);
    expect(text).toContain(`Nästa möte ${stockholmDate(at)} kl. ${clock.format(at)} Plats: ${meeting.place} Ni kan också vara med på nätet: ${meeting.digital_link}`);
    expect(text).toContain('Vem ni kan kontakta');
    expect(text).toContain(view.planningLeadName!);
    expect(text).toContain(`Utskriven ${today}`);
    expect(text).toMatch(/Sida 1 av \d/);
    // The change waiting for the guardians is named, and what only it says is not printed as the plan.
    expect(text).toContain('väntar på ert godkännande');
    const onlyProposed = proposed.contents.goals.filter((g) => !inForce.contents.goals.some((f) => f.wording === g.wording));
    for (const goal of onlyProposed) expect(text).not.toContain(goal.wording);
    // The family knows whose plan it is; a printed page never names or places the child.
    const child = await t.database.db.selectFrom('child').select(['given_name', 'family_name', 'street_address', 'identity_number']).where('id', '=', family.childId).executeTakeFirstOrThrow();
    for (const detail of [child.family_name, child.street_address, child.identity_number]) if (detail) expect(text).not.toContain(detail);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.plan.pdf', outcome: 'success', subject_id: family.childId });
  });

  it('is in English when asked', async () => {
    const text = await pdfText((await (await as('psychologist')).get(pdfUrl('en'))).rawPayload);
    expect(text).toContain('Coordinated individual plan (SIP)');
    expect(text).toContain('Who does what');
    expect(text).toMatch(/Next meeting \d{4}-\d{2}-\d{2} at \d{2}:\d{2} Place: /);
    expect(text).toContain(`Printed ${today}`);
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('reaches the guardian and the child as the plan does, each download one entry', async () => {
    for (const username of ['guardian', 'child', 'nurse']) {
      const res = await (await as(username)).get(pdfUrl());
      expect(res.statusCode, username).toBe(200);
      expect(res.headers['content-type'], username).toBe('application/pdf');
      expect(await auditOf(t.database.db, res), username).toHaveLength(1);
    }
  });

  it('is refused to everyone the plan is refused to, and each refusal is logged', async () => {
    const teacher = await (await as('teacher')).get(pdfUrl());
    expect(teacher.statusCode).toBe(404);
    expect(await auditOf(t.database.db, teacher)).toHaveLength(1);
    for (const username of ['outsider', 'sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'intake']) {
      const res = await (await as(username)).get(pdfUrl());
      expect(res.statusCode, username).toBe(403);
      expect(res.headers['content-type'], username).toContain('application/json');
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0]!.outcome, username).toBe('denied');
    }
  });

  it('answers bad input with the shared error shape', async () => {
    const socialworker = await as('socialworker');
    const res = await socialworker.get(`${pdfUrl()}?lang=fi`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
