import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

let t: TestApp;
let orgadmin: TestClient;
let own: string;
let other: string;

beforeAll(async () => {
  t = await createTestApp();
  orgadmin = await t.loginAs('orgadmin');
  const orgs = (await orgadmin.get('/api/organisations')).json() as { id: string; name: string; administrable: boolean }[];
  own = orgs.find((o) => o.name === 'Exempelstads kommun')!.id;
  other = orgs.find((o) => o.name === 'Norrviks kommun')!.id;
});
afterAll(() => t.close());

describe('units', () => {
  it('lists the demo county’s units across all sectors', async () => {
    const units = (await orgadmin.get('/api/units')).json() as { sector: string }[];
    expect(units.length).toBeGreaterThanOrEqual(55);
    expect(units.length).toBeLessThanOrEqual(70);
    const sectors = new Set(units.map((u) => u.sector));
    for (const s of ['preschool', 'school', 'student_health', 'social_services', 'child_health_care', 'primary_care', 'child_psychiatry', 'habilitation', 'leisure', 'police', 'non_profit']) {
      expect(sectors).toContain(s);
    }
  });

  it('filters by organisation and sector', async () => {
    const units = (await orgadmin.get(`/api/units?organisationId=${own}&sector=school`)).json() as { organisationId: string; sector: string }[];
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.organisationId === own && u.sector === 'school')).toBe(true);
  });

  it('marks only the administrator’s own organisation as administrable', async () => {
    const orgs = (await orgadmin.get('/api/organisations')).json() as { id: string; administrable: boolean }[];
    expect(orgs.filter((o) => o.administrable).map((o) => o.id)).toEqual([own]);
  });

  it('lets an organisation administrator create, rename and deactivate a unit of their own organisation', async () => {
    const created = await orgadmin.post('/api/units', { organisationId: own, name: 'Fritidsgården Ängen', sector: 'leisure' });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ organisationId: own, name: 'Fritidsgården Ängen', sector: 'leisure', active: true });
    const renamed = await orgadmin.patch(`/api/units/${unit.id}`, { name: 'Fritidsgården Ängen 2' });
    expect(renamed.json().name).toBe('Fritidsgården Ängen 2');
    const deactivated = await orgadmin.patch(`/api/units/${unit.id}`, { active: false });
    expect(deactivated.json().active).toBe(false);
    const active = (await orgadmin.get(`/api/units?organisationId=${own}&active=true`)).json() as { id: string }[];
    expect(active.map((u) => u.id)).not.toContain(unit.id);
  });

  it('refuses changes to another organisation’s units', async () => {
    const res = await orgadmin.post('/api/units', { organisationId: other, name: 'Intrångsskolan', sector: 'school' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
    const theirs = (await orgadmin.get(`/api/units?organisationId=${other}`)).json() as { id: string; name: string }[];
    const patch = await orgadmin.patch(`/api/units/${theirs[0]!.id}`, { active: false });
    expect(patch.statusCode).toBe(403);
    expect((await orgadmin.get(`/api/units/${theirs[0]!.id}`)).json().active).toBe(true);
  });

  it('refuses professionals and analysts', async () => {
    for (const username of ['teacher', 'analyst', 'coordinator']) {
      const client = await t.loginAs(username);
      expect((await client.post('/api/units', { organisationId: own, name: `Enhet ${username}`, sector: 'school' })).statusCode).toBe(403);
    }
  });

  it('lets a system administrator change any organisation', async () => {
    const sysadmin = await t.loginAs('sysadmin');
    const res = await sysadmin.post('/api/units', { organisationId: other, name: 'Norrviks nya förskola', sector: 'preschool' });
    expect(res.statusCode).toBe(201);
  });

  it('rejects a duplicate name, an empty update and an unknown unit', async () => {
    const dup = await orgadmin.post('/api/units', { organisationId: own, name: 'Elevhälsan Exempelstad', sector: 'student_health' });
    expect(dup.statusCode).toBe(409);
    const units = (await orgadmin.get(`/api/units?organisationId=${own}`)).json() as { id: string }[];
    expect((await orgadmin.patch(`/api/units/${units[0]!.id}`, {})).statusCode).toBe(400);
    expect((await orgadmin.get('/api/units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await orgadmin.get('/api/units/not-a-uuid')).json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'params.id' }] });
  });
});
