import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultNeedsConfig, emptyNeedsContent, stockholmDate, type NeedsAssessmentView, type NeedsConfigContent, type NeedsConfigList, type NeedsConfigVersion } from '@samsyn/core';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let family: Family;
beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

const configs = '/api/needs-assessment/configs';

/** Version 1 with housing renamed, community resources dropped and a new sub-area on the wider world. */
function edited(): NeedsConfigContent {
  const [development, care, wider] = defaultNeedsConfig.sides;
  const subAreas = wider!.subAreas
    .filter((s) => s.code !== 'community_resources')
    .map((s) => (s.code === 'housing' ? { ...s, label: { sv: 'Bostad', en: 'Home' } } : s));
  return { ...defaultNeedsConfig, sides: [development!, care!, { ...wider!, subAreas: [...subAreas, { code: 'digital_life', label: { sv: 'Digitalt liv', en: 'Digital life' }, description: { sv: 'Nätet och spelen.', en: 'The internet and games.' } }] }] };
}

describe('the needs assessment’s configuration', () => {
  it('is version 1, the default, for everyone logged in, and refused without a session', async () => {
    expect((await t.client().get(configs)).statusCode).toBe(401);
    for (const username of ['guardian', 'teacher', 'orgadmin']) {
      const list = (await (await t.loginAs(username)).get(configs)).json() as NeedsConfigList;
      expect(list.versions.at(-1), username).toMatchObject({ version: 1, content: defaultNeedsConfig, createdBy: null });
    }
  });

  it('is edited only by a system administrator (like the wheel’s model), each refusal logged', async () => {
    const body = { basedOn: 1, note: 'Probe', content: edited() };
    for (const username of ['orgadmin', 'manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'intake', 'guardian', 'child']) {
      const res = await (await t.loginAs(username)).post(configs, body);
      expect(res.statusCode, username).toBe(403);
      expect(await auditOf(t.database.db, res), username).toMatchObject([{ action: 'needs_assessment.config.create', outcome: 'denied' }]);
    }
    const sysadmin = await t.loginAs('sysadmin');
    const [a, b, c] = defaultNeedsConfig.sides;
    for (const content of [{ ...defaultNeedsConfig, sides: [b, a, c] }, { ...defaultNeedsConfig, sides: [a, b, { ...c!, subAreas: [] }] }, { ...defaultNeedsConfig, sides: [a, b, { ...c!, subAreas: [...c!.subAreas, a!.subAreas[0]!] }] }]) {
      expect((await sysadmin.post(configs, { ...body, content })).statusCode).toBe(400);
    }
    const list = (await sysadmin.get(configs)).json() as NeedsConfigList;
    expect(list.current.version).toBe(1);
  });
});

describe('versioning', () => {
  it('reads an assessment made with version 1 in version 1’s words after the county edits the sub-areas as version 2', async () => {
    const teacher = await t.loginAs('teacher');
    const v1 = ((await teacher.get(configs)).json() as NeedsConfigList).current;
    const today = stockholmDate(t.app.services.clock.now());
    const empty = emptyNeedsContent(today);
    const made = await teacher.post(`/api/children/${family.childId}/needs-assessments`, {
      ...empty,
      configVersionId: v1.id,
      status: 'final',
      subAreas: [{ code: 'housing', strengths: '', challenges: 'Trångbott' }, { code: 'community_resources', strengths: 'Fritidsgården', challenges: '' }],
      matrix: { ...empty.matrix, resilience_protective: { text: 'Fritidsgården', factors: ['community_resources'] } },
      summary: 'Gjord med version 1',
      proposal: 'act_now',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = (made.json() as NeedsAssessmentView).id;

    const sysadmin = await t.loginAs('sysadmin');
    const saved = await sysadmin.post(configs, { basedOn: 1, note: 'Länets egna ord', content: edited() });
    expect(saved.statusCode, saved.body).toBe(201);
    const v2 = saved.json() as NeedsConfigVersion;
    expect(v2).toMatchObject({ version: 2, createdBy: 'Saga Systemadmin', note: 'Länets egna ord' });
    expect(await auditOf(t.database.db, saved)).toMatchObject([{ action: 'needs_assessment.config.create', outcome: 'success', subject_id: v2.id }]);
    // A second edit on the replaced version 1 is refused, not silently made version 3.
    const stale = await sysadmin.post(configs, { basedOn: 1, note: 'Sent', content: defaultNeedsConfig });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toEqual({ reason: 'stale_version' });

    const read = (await teacher.get(`/api/children/${family.childId}/needs-assessments/${id}`)).json() as NeedsAssessmentView;
    expect(read.revisions[0]).toMatchObject({ configVersion: 1, configVersionId: v1.id, subAreas: [{ code: 'housing', challenges: 'Trångbott' }, { code: 'community_resources', strengths: 'Fritidsgården' }] });
    const words = read.configs.find((c) => c.id === read.revisions[0]!.configVersionId)!.content;
    const wider = words.sides.find((s) => s.code === 'wider_world')!;
    expect(wider.subAreas.find((s) => s.code === 'housing')!.label.sv).toBe('Boende');
    expect(wider.subAreas.some((s) => s.code === 'community_resources')).toBe(true);
    expect(read.configs.map((c) => c.version)).toEqual([1]);

    // Version 2 has no community resources: naming them is refused on it, and still accepted on version 1.
    const onV2 = await teacher.post(`/api/children/${family.childId}/needs-assessments`, { ...empty, configVersionId: v2.id, status: 'draft', subAreas: [{ code: 'community_resources', strengths: 'x', challenges: '' }] });
    expect(onV2.statusCode).toBe(400);
    expect(onV2.json().error.details).toEqual([{ path: 'body.subAreas.0.code', message: 'unknown_sub_area' }]);
    const digital = await teacher.post(`/api/children/${family.childId}/needs-assessments`, { ...empty, configVersionId: v2.id, status: 'draft', subAreas: [{ code: 'digital_life', strengths: 'Spelar med vänner', challenges: '' }] });
    expect(digital.statusCode).toBe(201);
    expect((digital.json() as NeedsAssessmentView).revisions[0]).toMatchObject({ configVersion: 2 });
    const list = (await teacher.get(configs)).json() as NeedsConfigList;
    expect(list.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(list.versions[1]!.content).toEqual(defaultNeedsConfig);
  });
});
