import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type TeamChild, type WaitingItem } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { createChild, demoFamily, placeOf, type Family } from '../test/fixtures.ts';
import { attentionItems } from './attention.ts';
import type { TeamChildRow } from './queries.ts';

// Issue 13, point 7: under "Mina barn" each child shows what needs the caller's attention: an
// early-signal suggestion, a new self-rating, a report's feedback. Both sides, every role.

let t: TestApp;
let family: Family;
let olleId: string;
let modelId: string;
const dayMs = 86_400_000;
const everyoneElse = ['outsider', 'intake', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin', 'guardian', 'child'];

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
  olleId = (await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow()).id;
  modelId = ((await (await t.loginAs('teacher')).get('/api/wellbeing/models')).json() as { current: { id: string } }).current.id;
});
afterAll(() => t.close());

async function mine(username: string): Promise<TeamChild[]> {
  const res = await (await t.loginAs(username)).get('/api/start/children');
  expect(res.statusCode, username).toBe(200);
  return res.json().children as TeamChild[];
}
async function itemsAbout(username: string, childId: string, kind?: WaitingItem['kind']): Promise<WaitingItem[]> {
  const row = (await mine(username)).find((c) => c.childId === childId);
  return (row?.waiting ?? []).filter((w) => kind === undefined || w.kind === kind);
}
const kinds = ['early_signal', 'new_self_rating', 'report_feedback'] as const;

describe('a new self-rating', () => {
  const selfRatings = (username: string, childId = family.childId) => itemsAbout(username, childId, 'new_self_rating');

  it('shows the demo child’s and her guardian’s latest views to every member whose basis reads them, and not to the psychologist', async () => {
    // Ebba gave her view 10 days ago and her guardian 11 days ago, from their own pages, to the named person's domain.
    // Her view of half a year ago is no news: it is outside the 30 days.
    for (const username of ['teacher', 'nurse', 'socialworker']) {
      expect(await selfRatings(username), username).toEqual([
        { kind: 'new_self_rating', respondent: 'child', count: 1, latestAt: expect.any(String) },
        { kind: 'new_self_rating', respondent: 'guardian', count: 1, latestAt: expect.any(String) },
      ]);
    }
    // The region's consent covers only the plan: the psychologist reads no wheel of the municipality's.
    expect(await selfRatings('psychologist')).toEqual([]);
    const wheel = (await (await t.loginAs('psychologist')).get(`/api/children/${family.childId}/wellbeing`)).json() as { assessments: { respondent: string }[] };
    expect(wheel.assessments.filter((a) => a.respondent !== 'professional')).toEqual([]);
  });

  it('is seen once the member opens the child’s wheel, for them only', async () => {
    expect((await (await t.loginAs('teacher')).get(`/api/children/${family.childId}/wellbeing`)).statusCode).toBe(200);
    expect(await selfRatings('teacher')).toEqual([]);
    expect(await selfRatings('nurse')).toHaveLength(2);
  });

  it('is news when the child answers alone through a code, not when she answers in a meeting on the member’s own device', async () => {
    const teacher = await t.loginAs('teacher');
    const today = stockholmDate(t.app.services.clock.now());
    const answers = [{ area: 'safe', rating: 4, strengths: '', worries: '' }];
    expect((await teacher.post(`/api/children/${family.childId}/wellbeing`, { respondent: 'child', occurredOn: today, modelVersionId: modelId, answers, important: '' })).statusCode).toBe(201);
    expect(await selfRatings('teacher'), 'her own meeting').toEqual([]);
    expect((await selfRatings('nurse')).find((i) => i.kind === 'new_self_rating' && i.respondent === 'child')).toMatchObject({ count: 2 });

    const code = (await teacher.post(`/api/children/${family.childId}/wellbeing/codes`, { respondent: 'child' })).json() as { code: string };
    const opened = (await t.client().post('/api/self-rating/open', { code: code.code })).json() as { formToken: string };
    expect((await t.client().post('/api/self-rating/submit', { formToken: opened.formToken, modelVersionId: modelId, answers, important: 'Att få vara med' })).statusCode).toBe(201);
    expect(await selfRatings('teacher')).toEqual([{ kind: 'new_self_rating', respondent: 'child', count: 1, latestAt: expect.any(String) }]);
  });

  it('says nothing of the view itself: no answers, no words, only who gave it and when', async () => {
    const [item] = await selfRatings('teacher');
    expect(Object.keys(item!).sort()).toEqual(['count', 'kind', 'latestAt', 'respondent']);
    expect(JSON.stringify(await mine('teacher'))).not.toContain('Att få vara med');
  });

  it('counts for the counsellor only views her basis lets her read', async () => {
    const rows = (await mine('counsellor')).filter((c) => c.waiting.some((w) => w.kind === 'new_self_rating'));
    expect(rows.length).toBeGreaterThan(0);
    const counsellor = await t.loginAs('counsellor');
    const since = t.app.services.clock.now().getTime() - 30 * dayMs;
    for (const row of rows.slice(0, 3)) {
      const wheel = (await counsellor.get(`/api/children/${row.childId}/wellbeing`)).json() as { assessments: { respondent: string; createdAt: string }[] };
      const recent = wheel.assessments.filter((a) => a.respondent !== 'professional' && Date.parse(a.createdAt) > since);
      const counted = row.waiting.flatMap((w) => (w.kind === 'new_self_rating' ? [w.count] : [])).reduce((a, b) => a + b, 0);
      expect(recent.length).toBe(counted);
    }
  });
});

describe('the early-signal suggestion', () => {
  it('shows for Olle’s named person, in the same words, and for no other member of his team', async () => {
    expect(await itemsAbout('teacher', olleId, 'early_signal')).toEqual([{ kind: 'early_signal', suggestion: 'consider_consent_for_meeting', proposals: ['call_meeting', 'start_plan'] }]);
    for (const username of ['nurse', 'socialworker', 'psychologist']) expect(await itemsAbout(username, olleId, 'early_signal'), username).toEqual([]);
  });

  it('fires on the configured threshold, and says nothing more however much lies behind it', async () => {
    const db = t.database.db;
    const childId = await createChild(db, { givenName: 'Signe', team: [{ username: 'teacher', role: 'named_person' }, { username: 'nurse' }, { username: 'socialworker' }] });
    const addConcern = async (username: string, daysAgo: number) => {
      const place = await placeOf(db, username);
      const domain = await db.selectFrom('unit_secrecy_domain').select('secrecy_domain_id').where('unit_id', '=', place.unitId).where('valid_to', 'is', null).executeTakeFirstOrThrow();
      const at = new Date(t.app.services.clock.now().getTime() - daysAgo * dayMs);
      await db.insertInto('concern').values({ child_id: childId, organisation_id: place.organisationId, unit_id: place.unitId, secrecy_domain_id: domain.secrecy_domain_id, author_id: place.userId, areas: ['safe'], description: 'Oro som läraren inte får läsa.', level: 'concern', source: 'own_observation', occurred_on: stockholmDate(at), created_at: at }).execute();
    };
    const signal = () => itemsAbout('teacher', childId, 'early_signal');
    expect(await signal()).toEqual([]);
    await addConcern('nurse', 5);
    await addConcern('nurse', 20);
    expect(await signal(), 'two concerns, one domain').toEqual([]);
    await addConcern('socialworker', 75);
    expect(await signal(), 'the second domain outside the 60 days').toEqual([]);
    await addConcern('socialworker', 30);
    const fired = await signal();
    expect(fired).toEqual([{ kind: 'early_signal', suggestion: 'consider_consent_for_meeting', proposals: ['call_meeting', 'start_plan'] }]);
    await addConcern('psychologist', 2);
    expect(await signal(), 'a third domain changes nothing she is told').toEqual(fired);
    // The row says nothing of the concerns: no author, no unit, no text, and her record shows none of them.
    const row = JSON.stringify((await mine('teacher')).find((c) => c.childId === childId));
    for (const hidden of ['Nora', 'Sixten', 'Petra', 'Elevhälsan', 'Socialtjänst', 'Oro som läraren']) expect(row).not.toContain(hidden);
    expect((await (await t.loginAs('teacher')).get(`/api/children/${childId}/concerns`)).json()).toMatchObject({ concerns: [] });
    for (const username of ['nurse', 'socialworker']) expect(await itemsAbout(username, childId, 'early_signal'), username).toEqual([]);
    // The home municipality's own rule comes before the county's default.
    const home = (await placeOf(db, 'teacher')).organisationId;
    await db.insertInto('early_signal_rule').values({ organisation_id: home, min_concerns: 6, min_domains: 2, window_days: 60 }).execute();
    try {
      expect(await signal(), 'six concerns needed').toEqual([]);
    } finally {
      await db.deleteFrom('early_signal_rule').where('organisation_id', '=', home).execute();
    }
    expect(await signal()).toEqual(fired);
  });
});

describe('a report’s feedback', () => {
  const feedback = (username: string, childId = olleId) => itemsAbout(username, childId, 'report_feedback');
  const teachersReport = () =>
    t.database.db.selectFrom('report_of_concern as r').innerJoin('app_user as u', 'u.id', 'r.reporter_id').select('r.id').where('u.username', '=', 'teacher').where('r.child_id', '=', olleId).orderBy('r.sent_at').executeTakeFirstOrThrow();

  it('tells the reporter her report was received, and no other member of the team that there is one', async () => {
    const report = await teachersReport();
    expect(await feedback('teacher')).toEqual([{ kind: 'report_feedback', reportId: report.id, feedback: 'received', since: expect.any(String) }]);
    for (const username of ['nurse', 'socialworker', 'psychologist']) {
      expect(await feedback(username), username).toEqual([]);
      expect(JSON.stringify(await mine(username)), username).not.toContain(report.id);
    }
  });

  it('tells her intake’s answer when it comes, and nothing once she has looked at her receipt', async () => {
    const report = await teachersReport();
    const decided = await (await t.loginAs('intake')).post(`/api/intake/reports/${report.id}/steps`, { step: 'initial_assessment', outcome: 'investigation_not_opened', note: 'Familjen har redan stöd.' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(await feedback('teacher')).toEqual([{ kind: 'report_feedback', reportId: report.id, feedback: 'investigation_not_opened', since: expect.any(String) }]);
    expect(JSON.stringify(await mine('teacher'))).not.toContain('Familjen har redan stöd');
    expect((await (await t.loginAs('teacher')).get(`/api/children/${olleId}/reports-of-concern`)).statusCode).toBe(200);
    expect(await feedback('teacher')).toEqual([]);
  });

  it('is no news at sending (the receipt is in the answer), and is news again when intake answers, until "Mina orosanmälningar" is opened', async () => {
    const teacher = await t.loginAs('teacher');
    const sent = await teacher.post(`/api/children/${olleId}/reports-of-concern`, { description: 'Olle har återigen berättat att han inte vill gå hem.' });
    expect(sent.statusCode).toBe(201);
    const id = (sent.json() as { id: string }).id;
    expect(await feedback('teacher')).toEqual([]);
    const intake = await t.loginAs('intake');
    expect((await intake.post(`/api/intake/reports/${id}/steps`, { step: 'protection_assessment', outcome: 'no_immediate_protection_needed' })).statusCode).toBe(200);
    expect(await feedback('teacher'), 'the protection assessment is not the reporter’s to know').toEqual([]);
    expect((await intake.post(`/api/intake/reports/${id}/steps`, { step: 'initial_assessment', outcome: 'investigation_ongoing' })).statusCode).toBe(200);
    expect(await feedback('teacher')).toEqual([{ kind: 'report_feedback', reportId: id, feedback: 'investigation_ongoing', since: expect.any(String) }]);
    expect((await teacher.get('/api/reports-of-concern/sent')).statusCode).toBe(200);
    expect(await feedback('teacher')).toEqual([]);
    for (const username of ['nurse', 'socialworker']) expect(await feedback(username), username).toEqual([]);
  });

  it('reaches a reporter whose basis has lapsed too: the receipt is her own', async () => {
    // The psychologist reported ten days ago, before the consent her place on Olle's team rests on
    // ran out: her row now shows no name, but her own report's answer.
    const db = t.database.db;
    const place = await placeOf(db, 'psychologist');
    const intakeUnit = await db.selectFrom('intake_unit').select(['organisation_id', 'unit_id']).where('organisation_id', '=', family.municipality).executeTakeFirstOrThrow();
    const at = new Date(t.app.services.clock.now().getTime() - 10 * dayMs);
    const { id } = await db
      .insertInto('report_of_concern')
      .values({ child_id: olleId, intake_organisation_id: intakeUnit.organisation_id, intake_unit_id: intakeUnit.unit_id, reporter_id: place.userId, reporter_organisation_id: place.organisationId, reporter_unit_id: place.unitId, legal_ground_code: 'sol_duty_to_report', areas: [], description: 'Olle har berättat för psykologen att han är rädd hemma.', immediate_danger: false, sent_at: at, received_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Refused the record now, she may not report again.
    expect((await (await t.loginAs('psychologist')).post(`/api/children/${olleId}/reports-of-concern`, { description: 'Olle har berättat igen att han är rädd hemma.' })).statusCode).toBe(403);
    const intake = await t.loginAs('intake');
    await intake.post(`/api/intake/reports/${id}/steps`, { step: 'protection_assessment', outcome: 'no_immediate_protection_needed' });
    await intake.post(`/api/intake/reports/${id}/steps`, { step: 'initial_assessment', outcome: 'investigation_opened' });
    const row = (await mine('psychologist')).find((c) => c.childId === olleId)!;
    expect(row).toMatchObject({ name: null, refusal: expect.any(String) });
    expect(row.waiting.filter((w) => w.kind === 'report_feedback')).toEqual([{ kind: 'report_feedback', reportId: id, feedback: 'investigation_opened', since: expect.any(String) }]);
    expect(row.waiting.filter((w) => w.kind === 'early_signal' || w.kind === 'new_self_rating')).toEqual([]);
  });

  it('shows the counsellor of the demo intake’s answer to her report', async () => {
    const items = (await mine('counsellor')).flatMap((c) => c.waiting.filter((w) => w.kind === 'report_feedback'));
    expect(items).toEqual([{ kind: 'report_feedback', reportId: expect.any(String), feedback: 'investigation_opened', since: expect.any(String) }]);
  });
});

describe('everyone not on the child’s team', () => {
  it('is shown none of it', async () => {
    for (const username of everyoneElse) {
      const items = (await mine(username)).flatMap((c) => c.waiting);
      expect(items.filter((w) => (kinds as readonly string[]).includes(w.kind)), username).toEqual([]);
    }
  });
});

describe('the items, given the gate’s answer', () => {
  const row = {
    role: 'named_person', min_concerns: 2, min_domains: 2, window_days: 60,
    signal_concerns: [{ secrecy_domain_id: 'a', created_at: '2026-11-20T10:00:00Z' }, { secrecy_domain_id: 'b', created_at: '2026-11-21T10:00:00Z' }],
    self_ratings: [{ respondent: 'child', organisation_id: 'o', unit_id: 'u', secrecy_domain_id: 'a', created_at: '2026-11-21T10:00:00Z' }],
    report_feedback: [{ id: '00000000-0000-4000-8000-000000000001', outcome: null, changed_at: '2026-11-19T10:00:00Z' }],
  } as unknown as TeamChildRow;
  const now = new Date('2026-11-22T10:00:00Z');

  it('shows a refused row only the caller’s own report, never the signal or a self-rating', () => {
    expect(attentionItems(row, { allow: false, reason: 'team_consent_not_in_force', byArea: null }, now).map((i) => i.kind)).toEqual(['report_feedback']);
    expect(attentionItems(row, undefined, now).map((i) => i.kind)).toEqual(['report_feedback']);
  });

  it('counts only the self-ratings the gate lets the caller read as entries', () => {
    const answer = (readable: boolean) => ({ allow: true as const, access: { decide: () => ({ allow: readable }) } as never });
    expect(attentionItems(row, answer(true), now).map((i) => i.kind)).toEqual(['early_signal', 'new_self_rating', 'report_feedback']);
    expect(attentionItems(row, answer(false), now).map((i) => i.kind)).toEqual(['early_signal', 'report_feedback']);
    expect(attentionItems({ ...row, role: 'member' } as TeamChildRow, answer(false), now).map((i) => i.kind)).toEqual(['report_feedback']);
  });
});
