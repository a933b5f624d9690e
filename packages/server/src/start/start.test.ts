import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NavCounts, TeamChild, TeamChildList } from '@samsyn/core';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, rawAuditOf, createChild, demoFamily, placeOf, unitPeerOf, userIdOf, type Family } from '../test/fixtures.ts';
import { caseloadSize } from '../demo/caseload.ts';

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

async function mine(username: string) {
  const res = await (await t.loginAs(username)).get('/api/start/children');
  expect(res.statusCode).toBe(200);
  const entries = await auditOf(t.database.db, res);
  return { children: res.json().children as TeamChild[], entries };
}

describe('"Mina barn": the children whose team the caller is on', () => {
  it('shows the named person her children with role, since, organisation and life stage, each child logged once with purpose list', async () => {
    const { children, entries } = await mine('teacher');
    const ebba = children.find((c) => c.childId === family.childId);
    expect(ebba).toMatchObject({ name: { givenName: 'Ebba', familyName: 'Vårdnadshavare' }, role: 'named_person', lifeStage: 'school', protectedIdentity: false, refusal: null, organisation: { id: family.municipality } });
    expect(Date.parse(ebba!.since)).toBeLessThan(t.app.services.clock.now().getTime());
    expect(entries).toHaveLength(new Set(children.map((c) => c.childId)).size);
    const entry = entries.find((e) => e.subject_id === family.childId);
    expect(entry).toMatchObject({ action: 'child.my_children.list', outcome: 'success', subject_type: 'child', actor_username: 'teacher' });
    expect(entry!.details).toMatchObject({ category: 'record', basis: 'own_organisation' });
    // The row the look stood for is the reader's own place at the list's instant, which the entry names once.
    const at = (entry!.details as { readerPlacesAt: string }).readerPlacesAt;
    const places = await t.database.db.selectFrom('care_team_member').select('id').where('child_id', '=', family.childId).where('user_id', '=', entry!.actor_id!)
      .where('starts_at', '<=', new Date(at)).where((w) => w.or([w('ends_at', 'is', null), w('ends_at', '>', new Date(at))])).execute();
    expect(places.map((p) => p.id)).toEqual([ebba!.id]);
  });

  it('leaves one stored entry for the page that names every child, and the family reads it as a look at their child', async () => {
    const res = await (await t.loginAs('teacher')).get('/api/start/children');
    const ids = [...new Set((res.json().children as TeamChild[]).map((c) => c.childId))];
    expect(ids.length).toBeGreaterThan(1);
    const stored = await rawAuditOf(t.database.db, res);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ action: 'child.my_children.list', subject_type: 'child_list', subject_id: null, outcome: 'success' });
    // Compact: every child named once, each distinct answer said once, and child i's answer and rows by index.
    const details = stored[0]!.details as { children: string[]; answers: { outcome: string; basis: string }[]; answerOf: number[]; rows?: unknown; readerPlacesAt: string };
    expect([...details.children].sort()).toEqual([...ids].sort());
    expect(details.answerOf).toHaveLength(details.children.length);
    // The rows are the reader's places at one instant, said once, not a list of member ids per child.
    expect(details.rows).toBeUndefined();
    expect(Date.parse(details.readerPlacesAt)).toBeLessThanOrEqual(t.app.services.clock.now().getTime());
    expect(details.answers.length).toBeLessThan(details.children.length);
    const i = details.children.indexOf(family.childId);
    expect(details.answers[details.answerOf[i]!]).toMatchObject({ outcome: 'success', basis: 'own_organisation' });
    // The guardian's access log shows the teacher's look at Ebba from this list, with its basis.
    const log = (await (await t.loginAs('guardian')).get(`/api/children/${family.childId}/access-log`)).json() as { entries: { action: string; who: { name: string }; basis: string | null; at: string }[] };
    const at = stored[0]!.at instanceof Date ? stored[0]!.at.toISOString() : new Date(String(stored[0]!.at)).toISOString();
    expect(log.entries).toContainEqual(expect.objectContaining({ action: 'child.my_children.list', who: expect.objectContaining({ name: 'Tove Lärare' }), basis: 'own_organisation', at }));
  });

  it('shows each member, lead professional and consent-based member the child on their own row', async () => {
    for (const [username, role] of [['nurse', 'member'], ['socialworker', 'lead_professional'], ['psychologist', 'member']] as const) {
      const { children } = await mine(username);
      expect(children.find((c) => c.childId === family.childId), username).toMatchObject({ role, name: { givenName: 'Ebba' } });
    }
  });

  it('shows a professional on no team, an administrator and a citizen no children, and logs no child', async () => {
    for (const username of ['outsider', 'sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'guardian', 'child']) {
      const { children, entries } = await mine(username);
      expect(children, username).toEqual([]);
      expect(entries.filter((e) => e.subject_type === 'child'), username).toEqual([]);
    }
    // Nor anything to count for a citizen.
    expect((await (await t.loginAs('guardian')).get('/api/start/counts')).json()).toEqual({ handoversToAnswer: 0, emergencyAccessesToReview: 0, unreadNotices: 0, inboxUnread: expect.any(Number) });
    expect((await t.client().get('/api/start/children')).statusCode).toBe(401);
  });

  it('shows the school counsellor of the demo her caseload of about 200 children, in one list, each child logged once', async () => {
    const { children, entries } = await mine('counsellor');
    expect(children.length).toBeGreaterThanOrEqual(caseloadSize);
    expect(new Set(children.map((c) => c.childId)).size).toBe(children.length);
    expect(entries.filter((e) => e.action === 'child.my_children.list')).toHaveLength(children.length);
    expect(children.filter((c) => c.name !== null).length).toBeGreaterThan(caseloadSize * 0.9);
    expect(children.every((c) => c.lifeStage === 'school' || c.lifeStage === 'youth_follow_up')).toBe(true);
    expect(children.some((c) => c.waiting.some((w) => w.kind === 'unread_notices'))).toBe(true);
  });

  it('never names a protected identity, though the gate allows and the look is logged', async () => {
    const childId = await createChild(t.database.db, { team: [{ username: 'teacher', role: 'member' }], protectedIdentity: 'skyddad_folkbokforing', givenName: 'Hemlig' });
    const { children, entries } = await mine('teacher');
    const row = children.find((c) => c.childId === childId);
    expect(row).toMatchObject({ name: null, protectedIdentity: true, role: 'member', lifeStage: 'school' });
    expect(JSON.stringify(children)).not.toContain('Hemlig');
    expect(entries.find((e) => e.subject_id === childId)).toMatchObject({ action: 'child.my_children.list', outcome: 'success' });
  });

  it('lists what waits: a handover to answer for its receiver, the same one awaiting its receiver for the proposer, and unread notices', async () => {
    const db = t.database.db;
    const nurseCountsBefore = (await (await t.loginAs('nurse')).get('/api/start/counts')).json() as NavCounts;
    const childId = await createChild(db, { team: [{ username: 'nurse', role: 'named_person' }, { username: 'teacher', role: 'member' }] });
    const [nurse, teacher] = await Promise.all([userIdOf(db, 'nurse'), userIdOf(db, 'teacher')]);
    const handover = await db
      .insertInto('named_person_handover')
      .values({ child_id: childId, life_stage: 'school', from_user_id: nurse, to_user_id: teacher, to_organisation_id: family.municipality, proposed_by: nurse, proposed_at: t.app.services.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('notice').values([0, 1].map(() => ({ recipient_id: teacher, kind: 'team_member_added' as const, child_id: childId, actor_id: nurse, details: '{}', created_at: t.app.services.clock.now() }))).execute();
    const forTeacher = (await mine('teacher')).children.find((c) => c.childId === childId)!;
    expect(forTeacher.waiting).toEqual([{ kind: 'handover_to_answer', handoverId: handover.id, since: expect.any(String) }, { kind: 'unread_notices', count: 2 }]);
    const forNurse = (await mine('nurse')).children.find((c) => c.childId === childId)!;
    expect(forNurse.waiting).toEqual([{ kind: 'handover_awaiting_receiver', handoverId: handover.id, since: expect.any(String) }]);

    const counts = (await (await t.loginAs('teacher')).get('/api/start/counts')).json() as NavCounts;
    expect(counts.handoversToAnswer).toBeGreaterThanOrEqual(1);
    expect(counts.unreadNotices).toBeGreaterThanOrEqual(2);
    // The proposer has nothing more to answer (the demo may have given her a handover of her own).
    expect(((await (await t.loginAs('nurse')).get('/api/start/counts')).json() as NavCounts).handoversToAnswer).toBe(nurseCountsBefore.handoversToAnswer);
  });

  it('shows a member whose basis has lapsed the row without the name or the life stage, and logs the refusal', async () => {
    const db = t.database.db;
    await db.updateTable('consent').set({ withdrawn_at: new Date(t.app.services.clock.now().getTime() - 60_000) }).where('id', '=', family.regionConsentId).execute();
    try {
      const { children, entries } = await mine('psychologist');
      expect(children.find((c) => c.childId === family.childId)).toMatchObject({ role: 'member', name: null, lifeStage: null, refusal: expect.any(String) });
      expect(entries.find((e) => e.subject_id === family.childId)).toMatchObject({ action: 'child.my_children.list', outcome: 'denied' });
    } finally {
      await db.updateTable('consent').set({ withdrawn_at: null }).where('id', '=', family.regionConsentId).execute();
    }
  });
});

describe('the start page’s emergency accesses to review', () => {
  it('shows the opener’s unit manager the access waiting for review, without the child’s name, logged; and no one else', async () => {
    const outsider = await t.loginAs('outsider');
    const opened = await outsider.post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut oro för barnets hälsa, vårdnadshavare nås inte', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    const manager = await t.loginAs(await unitPeerOf(t.database.db, 'outsider', 'unit_manager'));
    const res = await manager.get('/api/start/emergency-reviews');
    expect(res.statusCode).toBe(200);
    // The demo has one more waiting for this manager (the outsider's of yesterday).
    const ids = res.json().accesses.map((a: { id: string }) => a.id) as string[];
    expect(ids).toContain(opened.json().id);
    expect(res.body).not.toContain('Ebba');
    const entries = await auditOf(t.database.db, res);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'child.emergency_access.review_queue.read', subject_id: family.childId, outcome: 'success' }));
    expect(((await manager.get('/api/start/counts')).json() as NavCounts).emergencyAccessesToReview).toBe(ids.length);

    for (const username of ['teacher', 'outsider', 'manager']) {
      const other = await t.loginAs(username);
      expect((await other.get('/api/start/emergency-reviews')).json().accesses, username).toEqual([]);
      expect(((await other.get('/api/start/counts')).json() as NavCounts).emergencyAccessesToReview, username).toBe(0);
    }
    expect((await placeOf(t.database.db, 'outsider')).organisationId).not.toBe(family.municipality);
  });
});

describe('the benchmark’s ungated "Mina barn"', () => {
  it('does not exist without the bench flag', async () => {
    expect((await (await t.loginAs('counsellor')).get('/api/bench/start/children/ungated')).statusCode).toBe(404);
  });

  it('answers the same list as the gated route, and logs nothing', async () => {
    const bench = await createTestApp({ benchRoutes: true });
    try {
      const counsellor = await bench.loginAs('counsellor');
      const ungated = await counsellor.get('/api/bench/start/children/ungated');
      expect(ungated.statusCode).toBe(200);
      expect(await auditOf(bench.database.db, ungated)).toEqual([]);
      const gated = await counsellor.get('/api/start/children');
      // The ceiling reads every self-rating as readable (no gate to decide them): it shows the most
      // the gated list may show, and otherwise the same.
      const without = (list: TeamChildList) => list.children.map((c) => ({ ...c, waiting: c.waiting.filter((w) => w.kind !== 'new_self_rating') }));
      const selfRatings = (list: TeamChildList) => list.children.flatMap((c) => c.waiting.filter((w) => w.kind === 'new_self_rating'));
      expect(without(ungated.json())).toEqual(without(gated.json()));
      expect(selfRatings(ungated.json()).length).toBeGreaterThanOrEqual(selfRatings(gated.json()).length);
    } finally {
      await bench.close();
    }
  });
});
