import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWheelModel, stockholmDate, type AssessmentView, type WheelModelList, type WheelView } from '@samsyn/core';
import { fixedClock, systemClock } from '../clock.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';

let t: TestApp;
let family: Family;
let modelId: string;
const clock = fixedClock(systemClock(testClockOffsetDays).now());

beforeAll(async () => {
  t = await createTestApp({}, { clock });
  family = await demoFamily(t.database.db);
  modelId = ((await (await t.loginAs('teacher')).get('/api/wellbeing/models')).json() as WheelModelList).current.id;
});
afterAll(() => t.close());

const wheelUrl = () => `/api/children/${family.childId}/wellbeing`;
const today = () => stockholmDate(clock.now());
const answers = [
  { area: 'safe', rating: 4, strengths: 'Har en trygg vuxen i skolan', worries: '' },
  { area: 'included', rating: 2, strengths: '', worries: 'Är ofta ensam på rasterna' },
];
const assessment = (respondent = 'professional', extra: Record<string, unknown> = {}) => ({ respondent, occurredOn: today(), modelVersionId: modelId, answers, important: '', ...extra });

async function wheelOf(client: TestClient): Promise<WheelView> {
  const res = await client.get(wheelUrl());
  expect(res.statusCode).toBe(200);
  return res.json() as WheelView;
}

describe('the wheel’s model', () => {
  it('is version 1, the default, for everyone logged in, and refused without a session', async () => {
    expect((await t.client().get('/api/wellbeing/models')).statusCode).toBe(401);
    const list = (await (await t.loginAs('guardian')).get('/api/wellbeing/models')).json() as WheelModelList;
    expect(list.versions.at(-1)).toMatchObject({ version: 1, content: defaultWheelModel, createdBy: null });
  });

  it('is edited only by a system administrator, as a new version; an edit of a replaced version is refused', async () => {
    const body = { basedOn: 1, note: 'Probe', content: defaultWheelModel };
    for (const username of ['orgadmin', 'teacher', 'guardian']) {
      const res = await (await t.loginAs(username)).post('/api/wellbeing/models', body);
      expect(res.statusCode, username).toBe(403);
      expect((await auditOf(t.database.db, res))[0]).toMatchObject({ action: 'wellbeing.model.create', outcome: 'denied' });
    }
    const bad = await (await t.loginAs('sysadmin')).post('/api/wellbeing/models', { ...body, content: { ...defaultWheelModel, areas: defaultWheelModel.areas.slice(1) } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('versioning', () => {
  it('reads an assessment made with version 1 in version 1’s words after the county renames the areas as version 2', async () => {
    const teacher = await t.loginAs('teacher');
    const made = await teacher.post(wheelUrl(), assessment());
    expect(made.statusCode).toBe(201);
    const v1 = made.json() as AssessmentView;
    expect(v1).toMatchObject({ modelVersion: 1, respondent: 'professional', via: 'professional' });

    const sysadmin = await t.loginAs('sysadmin');
    const renamed = { ...defaultWheelModel, areas: defaultWheelModel.areas.map((a) => (a.code === 'safe' ? { ...a, label: { sv: 'Säker', en: 'Secure' } } : a)), scale: defaultWheelModel.scale.slice(0, 4) };
    const saved = await sysadmin.post('/api/wellbeing/models', { basedOn: 1, note: 'Länets egna ord', content: renamed });
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, createdBy: 'Saga Systemadmin' });
    expect((await auditOf(t.database.db, saved))[0]).toMatchObject({ action: 'wellbeing.model.create', outcome: 'success' });
    // A second edit on the replaced version 1 is refused, not silently made version 3.
    expect((await sysadmin.post('/api/wellbeing/models', { basedOn: 1, note: 'Sent', content: defaultWheelModel })).statusCode).toBe(409);

    const wheel = await wheelOf(teacher);
    const read = wheel.assessments.find((a) => a.id === v1.id)!;
    expect(read).toMatchObject({ modelVersion: 1, modelVersionId: modelId, answers });
    const words = (id: string) => wheel.models.find((m) => m.id === id)!.content;
    expect(words(read.modelVersionId).areas[0]!.label.sv).toBe('Trygg');
    expect(words(read.modelVersionId).scale).toHaveLength(5);
    expect(wheel.models[0]).toMatchObject({ version: 2 });
    expect(wheel.models[0]!.content.areas[0]!.label.sv).toBe('Säker');

    // Version 2's scale has four points: a 5 is refused on it, and still accepted on version 1.
    const v2 = (saved.json() as { id: string }).id;
    const five = [{ area: 'safe', rating: 5, strengths: '', worries: '' }];
    const refused = await teacher.post(wheelUrl(), assessment('professional', { modelVersionId: v2, answers: five }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([{ path: 'body.answers.0.rating', message: 'not_on_scale' }]);
    expect((await teacher.post(wheelUrl(), assessment('professional', { answers: five }))).statusCode).toBe(201);
    modelId = v2;
  });
});

describe('who may read and write assessments', () => {
  let teachers: string;
  let psychologists: string;

  it('lets every team member write in their own domain, and the family give its own view only', async () => {
    const write = async (username: string, respondent: string) => (await t.loginAs(username)).post(wheelUrl(), assessment(respondent, { answers: [{ area: 'active', rating: 3, strengths: username, worries: '' }] }));
    const teacher = await write('teacher', 'professional');
    expect(teacher.statusCode).toBe(201);
    teachers = teacher.json().id;
    for (const username of ['nurse', 'socialworker']) expect((await write(username, 'professional')).statusCode, username).toBe(201);
    const psychologist = await write('psychologist', 'professional');
    expect(psychologist.statusCode).toBe(201);
    psychologists = psychologist.json().id;
    expect(psychologist.json()).toMatchObject({ organisationName: 'Region Exempellän' });
    // The family: its own view, addressed to the named person (the teacher's domain), dated today.
    const guardian = await write('guardian', 'guardian');
    expect(guardian.statusCode).toBe(201);
    expect(guardian.json()).toMatchObject({ respondent: 'guardian', via: 'own_pages', secrecyDomainName: teacher.json().secrecyDomainName });
    expect((await write('child', 'child')).json()).toMatchObject({ respondent: 'child', via: 'own_pages' });
    expect((await write('guardian', 'professional')).statusCode).toBe(400);
    expect((await write('child', 'guardian')).statusCode).toBe(400);
    const yesterday = await (await t.loginAs('child')).post(wheelUrl(), assessment('child', { occurredOn: stockholmDate(new Date(clock.now().getTime() - 86_400_000)) }));
    expect(yesterday.statusCode).toBe(400);
    // Nobody outside the team writes: not the outsider, a manager, the analyst or an administrator.
    for (const username of ['outsider', 'manager', 'coordinator', 'analyst', 'orgadmin', 'sysadmin']) {
      const res = await write(username, 'professional');
      expect(res.statusCode, username).toBe(403);
      expect((await auditOf(t.database.db, res)).filter((e) => e.subject_id === family.childId), username).toMatchObject([{ action: 'child.wellbeing.record', outcome: 'denied' }]);
    }
  });

  it('shows each team member their own domain’s assessments and those a consent shares, and the family none', async () => {
    const seen = async (username: string) => new Set((await wheelOf(await t.loginAs(username))).assessments.map((a) => a.id));
    // The municipality's consent shares wellbeing between its domains: the nurse reads the teacher's.
    const nurse = await seen('nurse');
    expect(nurse.has(teachers)).toBe(true);
    expect(nurse.has(psychologists)).toBe(false);
    // The region's consent covers the plan only: the psychologist reads her own, not the school's.
    const psychologist = await seen('psychologist');
    expect(psychologist.has(psychologists)).toBe(true);
    expect(psychologist.has(teachers)).toBe(false);
    expect((await wheelOf(await t.loginAs('psychologist'))).sharedFromOthers).toBe(false);
    expect((await seen('teacher')).has(teachers)).toBe(true);
    for (const username of ['guardian', 'child']) expect((await seen(username)).size, username).toBe(0);
    for (const username of ['outsider', 'manager', 'analyst', 'sysadmin', 'orgadmin', 'coordinator']) {
      const res = await (await t.loginAs(username)).get(wheelUrl());
      expect(res.statusCode, username).toBe(403);
      expect((await auditOf(t.database.db, res))[0], username).toMatchObject({ action: 'child.wellbeing.read', outcome: 'denied' });
    }
    const look = await (await t.loginAs('nurse')).get(wheelUrl());
    expect(await auditOf(t.database.db, look)).toMatchObject([{ action: 'child.wellbeing.read', outcome: 'success', subject_id: family.childId, details: expect.objectContaining({ category: 'wellbeing' }) }]);
  });
});

describe('the one-time code', () => {
  const issue = async (respondent = 'child') => {
    const res = await (await t.loginAs('teacher')).post(`${wheelUrl()}/codes`, { respondent });
    expect(res.statusCode).toBe(201);
    return res.json() as { code: string; path: string; expiresAt: string };
  };
  const open = (code: string) => t.client().post('/api/self-rating/open', { code });
  const submit = (formToken: string) => t.client().post('/api/self-rating/submit', { formToken, modelVersionId: modelId, answers: [{ area: 'respected', rating: 3, strengths: 'Min lärare lyssnar', worries: '' }], important: 'Att få vara med mina vänner' });

  it('is given only by a team member, is short-lived, and its link keeps the code out of server logs', async () => {
    const issued = await issue();
    expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(issued.path).toBe(`/self-rating#${issued.code}`);
    expect(new Date(issued.expiresAt).getTime() - clock.now().getTime()).toBe(30 * 60_000);
    for (const username of ['guardian', 'child', 'outsider', 'analyst']) expect((await (await t.loginAs(username)).post(`${wheelUrl()}/codes`, { respondent: 'child' })).statusCode, username).toBe(403);
    const stored = await t.database.db.selectFrom('wellbeing_self_rating_code').select('code_hash').execute();
    expect(stored.some((r) => r.code_hash.includes(issued.code.replace('-', '')))).toBe(false);
  });

  it('opens only that child’s form, once, and the answers land as the child’s view in the issuer’s domain', async () => {
    const { code } = await issue();
    const before = await t.database.db.selectFrom('wellbeing_assessment').select(['id', 'child_id']).execute();
    const opened = await open(code.toLowerCase().replace('-', ' '));
    expect(opened.statusCode).toBe(200);
    const body = opened.json() as { formToken: string; respondent: string; model: { id: string } };
    expect(body).toMatchObject({ respondent: 'child', model: { id: modelId } });
    // The open form names no child: a code found by someone else reveals nobody.
    expect(opened.body).not.toContain(family.childId);
    expect(opened.body).not.toContain('Ebba');
    expect((await auditOf(t.database.db, opened))).toMatchObject([{ action: 'child.wellbeing.code_open', outcome: 'success', subject_id: family.childId, actor_id: null }]);
    // The form's token opens nothing else: it is no session.
    expect((await t.client().get(wheelUrl())).statusCode).toBe(401);

    const again = await open(code);
    expect(again.statusCode).toBe(403);
    expect(again.json().error.details).toEqual({ reason: 'code_used' });
    expect(await auditOf(t.database.db, again)).toMatchObject([{ action: 'child.wellbeing.code_open', outcome: 'denied', subject_id: family.childId, details: expect.objectContaining({ reason: 'code_used' }) }]);

    const sent = await submit(body.formToken);
    expect(sent.statusCode).toBe(201);
    expect(await auditOf(t.database.db, sent)).toMatchObject([{ action: 'child.wellbeing.record', outcome: 'success', subject_id: family.childId, actor_username: 'teacher', details: expect.objectContaining({ via: 'code', respondent: 'child' }) }]);
    const after = await t.database.db.selectFrom('wellbeing_assessment').select(['id', 'child_id', 'respondent', 'via', 'important']).execute();
    const added = after.filter((a) => !before.some((b) => b.id === a.id));
    expect(added).toMatchObject([{ child_id: family.childId, respondent: 'child', via: 'code', important: 'Att få vara med mina vänner' }]);
    const shown = (await wheelOf(await t.loginAs('teacher'))).assessments.find((a) => a.id === added[0]!.id);
    expect(shown).toMatchObject({ respondent: 'child', via: 'code', recordedBy: 'Tove Lärare' });

    // The form takes one answer.
    const twice = await submit(body.formToken);
    expect(twice.statusCode).toBe(403);
    expect(twice.json().error.details).toEqual({ reason: 'form_used' });
    expect(await auditOf(t.database.db, twice)).toMatchObject([{ action: 'child.wellbeing.record', outcome: 'denied', subject_id: family.childId }]);
  });

  it('opens the form of the child it was given for and no other; its form token is no code', async () => {
    const olle = (await t.database.db.selectFrom('child').select('id').where('given_name', '=', 'Olle').where('family_name', '=', 'Vårdnadshavare').executeTakeFirstOrThrow()).id;
    const forOlle = await (await t.loginAs('teacher')).post(`/api/children/${olle}/wellbeing/codes`, { respondent: 'child' });
    expect(forOlle.statusCode).toBe(201);
    const forEbba = await issue();
    const [olleForm, ebbaForm] = await Promise.all([open((forOlle.json() as { code: string }).code), open(forEbba.code)]);
    const before = new Set((await t.database.db.selectFrom('wellbeing_assessment').select('id').execute()).map((r) => r.id));
    expect((await submit((olleForm.json() as { formToken: string }).formToken)).statusCode).toBe(201);
    expect((await submit((ebbaForm.json() as { formToken: string }).formToken)).statusCode).toBe(201);
    const added = (await t.database.db.selectFrom('wellbeing_assessment').select(['id', 'child_id', 'via']).execute()).filter((r) => !before.has(r.id));
    expect(added.map((a) => a.child_id).sort()).toEqual([olle, family.childId].sort());
    expect(added.every((a) => a.via === 'code')).toBe(true);
    // A form's token opens nothing as a code, and the try is logged.
    const misuse = await open((olleForm.json() as { formToken: string }).formToken.slice(0, 20));
    expect(misuse.statusCode).toBe(403);
    expect(await auditOf(t.database.db, misuse)).toMatchObject([{ action: 'child.wellbeing.code_open', outcome: 'denied' }]);
  });

  it('refuses an expired or unknown code, and logs it', async () => {
    const { code } = await issue('guardian');
    clock.advance(30 * 60_000 + 1_000);
    try {
      const late = await open(code);
      expect(late.statusCode).toBe(403);
      expect(late.json().error.details).toEqual({ reason: 'code_expired' });
      expect(await auditOf(t.database.db, late)).toMatchObject([{ action: 'child.wellbeing.code_open', outcome: 'denied', subject_id: family.childId, details: expect.objectContaining({ reason: 'code_expired' }) }]);
    } finally {
      clock.advance(-(30 * 60_000 + 1_000));
    }
    const unknown = await open('ABCD-EFGH');
    expect(unknown.statusCode).toBe(403);
    expect(await auditOf(t.database.db, unknown)).toMatchObject([{ action: 'child.wellbeing.code_open', outcome: 'denied', subject_id: null, details: { reason: 'code_unknown' } }]);
    const badToken = await t.client().post('/api/self-rating/submit', { formToken: 'x'.repeat(32), modelVersionId: modelId, answers: [], important: '' });
    expect(badToken.statusCode).toBe(403);
    expect(await auditOf(t.database.db, badToken)).toHaveLength(1);
  });

  it('slows down someone guessing codes from one address, and logs it', async () => {
    const guesser = t.client();
    guesser.ip = '10.13.13.13';
    const free = t.config.loginThrottle.perAddress;
    for (let i = 0; i < free; i += 1) expect((await guesser.post('/api/self-rating/open', { code: 'ABCD-EFGH' })).statusCode).toBe(403);
    const slowed = await guesser.post('/api/self-rating/open', { code: 'ABCD-EFGH' });
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    expect(await auditOf(t.database.db, slowed)).toMatchObject([{ action: 'child.wellbeing.code_open', outcome: 'denied', details: { reason: 'throttled' } }]);
    // Another address is not slowed down by it.
    const { code } = await issue();
    expect((await open(code)).statusCode).toBe(200);
  });

  it('gives an opened form hours, and then refuses it; a code whose issuer left the team writes nothing', async () => {
    const first = await issue();
    const opened = (await open(first.code)).json() as { formToken: string };
    clock.advance(3 * 3_600_000);
    try {
      expect((await submit(opened.formToken)).statusCode).toBe(201);
    } finally {
      clock.advance(-3 * 3_600_000);
    }
    const second = (await open((await issue()).code)).json() as { formToken: string };
    clock.advance(4 * 3_600_000 + 1_000);
    try {
      const late = await submit(second.formToken);
      expect(late.statusCode).toBe(403);
      expect(late.json().error.details).toEqual({ reason: 'form_expired' });
    } finally {
      clock.advance(-(4 * 3_600_000 + 1_000));
    }
    // The teacher's place on the team ends: her code's form is refused by the gate.
    const third = (await open((await issue()).code)).json() as { formToken: string };
    const teacherId = (await t.database.db.selectFrom('app_user').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow()).id;
    await t.database.db.updateTable('care_team_member').set({ ends_at: clock.now() }).where('child_id', '=', family.childId).where('user_id', '=', teacherId).execute();
    const refused = await submit(third.formToken);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ reason: 'not_in_care_team' });
    expect(await auditOf(t.database.db, refused)).toMatchObject([{ action: 'child.wellbeing.record', outcome: 'denied', actor_username: 'teacher' }]);
  });

  it('keeps the audit chain whole', async () => {
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
