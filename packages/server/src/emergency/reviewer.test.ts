import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, demoFamily, placeOf, unitPeerOf, userIdOf } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { emergencyAccessesToReview } from './queries.ts';

// Emergency access that reaches a reviewer (issue 12): grounds that fit the opener's sector, what
// each ground opens, and the notice to the opener's own unit manager.

let t: TestApp;
let childId: string;
const reason = 'Barnet är i akut fara och vårdnadshavarna nås inte';

beforeAll(async () => {
  t = await createTestApp();
  childId = (await demoFamily(t.database.db)).childId;
});
afterAll(() => t.close());

interface Ground {
  code: string;
  title: string;
  reference: string;
  explanation: string;
}

describe('the legal grounds offered for emergency access', () => {
  it('fit the sector of the opener’s unit, each explained in one line: a teacher is not offered LVU 6 §', async () => {
    const offered = async (username: string, language = 'sv') => (await (await t.loginAs(username)).request('GET', '/api/emergency-access/legal-grounds', undefined, { headers: { 'accept-language': language } })).json() as { sector: string | null; grounds: Ground[] };
    const teacher = await offered('outsider');
    expect(teacher.sector).toBe('school');
    expect(teacher.grounds.map((g) => g.code)).toEqual(['brb_necessity']);
    expect(teacher.grounds[0]).toMatchObject({ reference: 'Brottsbalken 24 kap. 4 §', explanation: expect.stringContaining('akut fara') });
    expect((await offered('outsider', 'en')).grounds[0]!.explanation).toContain('acute danger');
    expect((await offered('socialworker')).grounds.map((g) => g.code)).toEqual(['lvu_urgent']);
    expect((await offered('nurse')).grounds.map((g) => g.code)).toEqual(['osl_emergency_health']);
    expect((await offered('psychologist')).grounds.map((g) => g.code)).toEqual(['osl_emergency_health']);
    // Someone who cannot open emergency access is offered nothing.
    for (const username of ['analyst', 'orgadmin', 'guardian']) expect((await offered(username)).grounds, username).toEqual([]);
  });

  it('are refused by the server when they do not fit, and the refusal is logged once', async () => {
    const outsider = await t.loginAs('outsider');
    const res = await outsider.post(`/api/children/${childId}/emergency-access`, { reason, legalGroundCode: 'lvu_urgent' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body.legalGroundCode', message: 'legal_ground_not_for_sector' }]);
    const entries = await auditOf(t.database.db, res);
    expect(entries.map((e) => [e.action, e.outcome, e.subject_id])).toEqual([['child.emergency_access.open', 'failure', childId]]);
    expect(await t.database.db.selectFrom('emergency_access').select('id').where('child_id', '=', childId).execute()).toEqual([]);
  });
});

describe('an emergency access opened by the outsider', () => {
  let accessId: string;
  let managerName: string;
  let managerId: string;

  beforeAll(async () => {
    managerName = await unitPeerOf(t.database.db, 'outsider', 'unit_manager');
    managerId = await userIdOf(t.database.db, managerName);
  });

  it('shows only what its ground opens: the record and team, the plan, not the nurse’s health entries', async () => {
    const outsider = await t.loginAs('outsider');
    const opened = await outsider.post(`/api/children/${childId}/emergency-access`, { reason, legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    accessId = opened.json().id;
    const record = (await outsider.get(`/api/children/${childId}`)).json() as { careTeam: unknown[]; categories: { category: string; entries: unknown[]; sharedFromOthers: boolean }[] };
    expect(record.careTeam.length).toBeGreaterThan(0);
    const category = (c: string) => record.categories.find((x) => x.category === c)!;
    expect(category('plan').sharedFromOthers).toBe(true);
    expect(category('health')).toMatchObject({ entries: [], sharedFromOthers: false });
    expect(category('social_services')).toMatchObject({ entries: [], sharedFromOthers: false });
    // The nurse's own health entry is there, for the nurse.
    const nurse = (await (await t.loginAs('nurse')).get(`/api/children/${childId}`)).json() as typeof record;
    expect(nurse.categories.find((x) => x.category === 'health')!.entries.length).toBeGreaterThan(0);
    const log = await outsider.get(`/api/children/${childId}/care-team`);
    expect(log.statusCode).toBe(200);
  });

  it('tells the opener’s own unit manager, in the same change, and nobody else’s', async () => {
    const notices = await t.database.db.selectFrom('notice').selectAll().where('kind', '=', 'emergency_access_to_review').where('subject_id', '=', accessId).execute();
    const outsiderPlace = await placeOf(t.database.db, 'outsider');
    const managers = await t.database.db.selectFrom('user_role').select('user_id').where('unit_id', '=', outsiderPlace.unitId).where('role', '=', 'unit_manager').execute();
    expect(notices.map((n) => n.recipient_id).sort()).toEqual(managers.map((m) => m.user_id).sort());
    expect(notices.map((n) => n.recipient_id)).toContain(managerId);
    expect(notices[0]).toMatchObject({ child_id: childId, actor_id: outsiderPlace.userId, details: { legalGround: 'brb_necessity' } });
  });

  it('is among the emergency accesses to review of that manager and of the organisation’s coordinator, not of other reviewers or the opener', async () => {
    const ids = async (username: string) => (await emergencyAccessesToReview(t.database.db, await userIdOf(t.database.db, username))).map((r) => r.id);
    expect(await ids(managerName)).toContain(accessId);
    expect(await ids('samordnare.norrvik')).toContain(accessId);
    expect(await ids('manager')).not.toContain(accessId);
    expect(await ids('coordinator')).not.toContain(accessId);
    expect(await ids('outsider')).toEqual([]);
    expect(await ids('teacher')).toEqual([]);
  });

  it('is reviewed by that manager, and the opener is told', async () => {
    const res = await (await t.loginAs(managerName)).post(`/api/emergency-access/${accessId}/review`, { outcome: 'justified', comment: 'Akut läge, rätt att öppna.' });
    expect(res.statusCode).toBe(200);
    expect((await auditOf(t.database.db, res)).map((e) => [e.action, e.outcome])).toEqual([['child.emergency_access.review', 'success']]);
    const outsiderId = await userIdOf(t.database.db, 'outsider');
    const told = await t.database.db.selectFrom('notice').selectAll().where('recipient_id', '=', outsiderId).where('kind', '=', 'emergency_access_reviewed').execute();
    expect(told).toEqual([expect.objectContaining({ subject_id: accessId, actor_id: managerId, details: { outcome: 'justified' } })]);
    expect((await emergencyAccessesToReview(t.database.db, managerId)).map((r) => r.id)).not.toContain(accessId);
  });
});
