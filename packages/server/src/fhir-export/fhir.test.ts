import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fhir } from 'fhir';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';

// The FHIR R4 export (issue 14, point 6): validated against the R4 schema, team members only,
// one entry per call, and never a protected identity's details.
let t: TestApp;
let family: Family;
const fhir = new Fhir();
const url = () => `/api/children/${family.childId}/export/fhir`;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

type Bundle = { resourceType: string; type: string; entry: { resource: Record<string, unknown> & { resourceType: string } }[] };
const ofType = (b: Bundle, type: string) => b.entry.map((e) => e.resource).filter((r) => r.resourceType === type);

describe('the FHIR R4 export', () => {
  it('is a valid R4 collection Bundle of the child’s shared data for every team member, logged once', async () => {
    for (const role of ['teacher', 'nurse', 'socialworker', 'psychologist']) {
      const res = await (await t.loginAs(role)).get(url());
      expect(res.statusCode, role).toBe(200);
      expect(res.headers['content-type']).toContain('application/fhir+json');
      const bundle = res.json() as Bundle;
      const result = fhir.validate(bundle, { errorOnUnexpected: true });
      expect(result.messages.filter((m) => m.severity === 'error' || m.severity === 'fatal'), role).toEqual([]);
      expect(result.valid).toBe(true);
      expect(bundle.type).toBe('collection');
      for (const type of ['Patient', 'RelatedPerson', 'CareTeam', 'Consent', 'Provenance']) expect(ofType(bundle, type).length, `${role} ${type}`).toBeGreaterThan(0);
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.export.fhir', outcome: 'success', subject_id: family.childId });
    }
  });

  it('holds the demo SIP as a CarePlan with its goals for its lead, and the wheel as QuestionnaireResponses', async () => {
    const bundle = (await (await t.loginAs('socialworker')).get(url())).json() as Bundle;
    const plans = ofType(bundle, 'CarePlan');
    expect(plans.length).toBeGreaterThan(0);
    expect(ofType(bundle, 'Goal').length).toBeGreaterThan(0);
    expect(plans.some((p) => (p.activity as unknown[]).length > 0)).toBe(true);
    const provenance = ofType(bundle, 'Provenance')[0]!;
    expect((provenance.target as unknown[]).length).toBe(bundle.entry.length - 1);
  });

  it('refuses everyone off the team, and the refusal is logged', async () => {
    for (const role of ['outsider', 'analyst', 'sysadmin', 'orgadmin', 'manager', 'guardian', 'child']) {
      const res = await (await t.loginAs(role)).get(url());
      expect(res.statusCode, role).toBe(403);
      const entries = await auditOf(t.database.db, res);
      expect(entries, role).toHaveLength(1);
      expect(entries[0], role).toMatchObject({ action: 'child.export.fhir', outcome: 'denied', subject_id: family.childId });
    }
  });

  it('refuses emergency access (it reads, it takes nothing out), logged as action_not_offered', async () => {
    const outsider = await t.loginAs('outsider');
    const opened = await outsider.post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut fara för barnets hälsa, behöver se planen.', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    const res = await outsider.get(url());
    expect(res.statusCode).toBe(403);
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ outcome: 'denied', details: expect.objectContaining({ reason: 'action_not_offered' }) });
  });

  it('holds no name, identity number or address of a protected child, and no guardian', async () => {
    const { db } = t.database;
    const child = await db.selectFrom('child').select(['given_name', 'family_name', 'identity_number', 'street_address']).where('id', '=', family.childId).executeTakeFirstOrThrow();
    await db.updateTable('child').set({ protected_identity: 'skyddad_folkbokforing' }).where('id', '=', family.childId).execute();
    try {
      const res = await (await t.loginAs('teacher')).get(url());
      expect(res.statusCode).toBe(200);
      expect(fhir.validate(res.json(), { errorOnUnexpected: true }).valid).toBe(true);
      for (const secret of [child.given_name, child.family_name, child.identity_number, child.street_address]) expect(res.body).not.toContain(secret);
      const bundle = res.json() as Bundle;
      expect(ofType(bundle, 'Patient')[0]).toEqual({ resourceType: 'Patient', id: family.childId, birthDate: expect.stringMatching(/^\d{4}$/) });
      expect(ofType(bundle, 'RelatedPerson')).toEqual([]);
    } finally {
      await db.updateTable('child').set({ protected_identity: null }).where('id', '=', family.childId).execute();
    }
  });

  it('never holds a protected guardian of an unprotected child, whoever asks', async () => {
    const { db } = t.database;
    // Göran (the guardian without an account) gets a protected identity; Gunilla and Ebba stay unprotected.
    const göran = await db.selectFrom('guardian').select(['id', 'given_name', 'identity_number', 'phone', 'email']).where('id', 'in', family.guardianIds).where('user_id', 'is', null).executeTakeFirstOrThrow();
    const gunillaId = family.guardianIds.find((id) => id !== göran.id);
    await db.updateTable('guardian').set({ protected_identity: 'skyddad_folkbokforing' }).where('id', '=', göran.id).execute();
    try {
      for (const role of ['teacher', 'socialworker']) {
        const res = await (await t.loginAs(role)).get(url());
        expect(res.statusCode, role).toBe(200);
        expect(fhir.validate(res.json(), { errorOnUnexpected: true }).valid, role).toBe(true);
        const bundle = res.json() as Bundle;
        expect(ofType(bundle, 'RelatedPerson').map((r) => r.id), role).toEqual([gunillaId]);
        expect(ofType(bundle, 'Patient')[0], role).toMatchObject({ id: family.childId, name: expect.any(Array) });
        for (const secret of [göran.id, göran.given_name, göran.identity_number, göran.phone, göran.email].filter((v) => v !== null)) expect(res.body, role).not.toContain(secret);
      }
    } finally {
      await db.updateTable('guardian').set({ protected_identity: null }).where('id', '=', göran.id).execute();
    }
  });
});
