import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { addEntry, auditOf, demoFamily, type Family } from '../test/fixtures.ts';

interface Domain {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: string;
  name: string;
  legalReference: string;
  sectors: string[];
  units: { id: string; name: string; sector: string }[];
}

let t: TestApp;
let orgadmin: TestClient;
let sysadmin: TestClient;
let own: string;
let other: string;

const domainsOf = async (client: TestClient, query = '') => ((await client.get(`/api/secrecy-domains${query}`)).json() as { domains: Domain[] }).domains;
const byName = (domains: Domain[], name: string) => domains.find((d) => d.name === name) ?? expect.fail(`no domain ${name}`);
const unitIdOf = async (name: string) => (await t.database.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp();
  [orgadmin, sysadmin] = await Promise.all([t.loginAs('orgadmin'), t.loginAs('sysadmin')]);
  const orgs = (await orgadmin.get('/api/organisations')).json() as { id: string; name: string }[];
  own = orgs.find((o) => o.name === 'Exempelstads kommun')!.id;
  other = orgs.find((o) => o.name === 'Norrviks kommun')!.id;
});
afterAll(() => t.close());

describe('listing secrecy domains', () => {
  it('shows an organisation administrator only their organisation’s domains, sorted by name, each with its units now', async () => {
    const domains = await domainsOf(orgadmin);
    expect(new Set(domains.map((d) => d.organisationName))).toEqual(new Set(['Exempelstads kommun']));
    const names = domains.map((d) => d.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    expect(names).toEqual(expect.arrayContaining(['Förskola och skola', 'Elevhälsans medicinska och psykologiska insats', 'Socialtjänst', 'Övrig verksamhet']));
    const health = byName(domains, 'Elevhälsans medicinska och psykologiska insats');
    expect(health).toMatchObject({ kind: 'student_health', legalReference: 'OSL 23 kap. 2 § andra stycket', sectors: ['student_health'] });
    expect(health.units.map((u) => u.name)).toContain('Elevhälsan Exempelstad');
    expect(byName(domains, 'Förskola och skola').units.every((u) => ['preschool', 'school', 'youth_follow_up'].includes(u.sector))).toBe(true);
  });

  it('shows a system administrator every organisation’s domains, and filters by organisation', async () => {
    const all = await domainsOf(sysadmin);
    const organisations = [...new Set(all.map((d) => d.organisationName))];
    expect(organisations.length).toBeGreaterThan(3);
    expect(organisations).toEqual([...organisations].sort((a, b) => a.localeCompare(b, 'sv')));
    const norrvik = await domainsOf(sysadmin, `?organisationId=${other}`);
    expect(norrvik.length).toBeGreaterThan(0);
    expect(norrvik.every((d) => d.organisationId === other)).toBe(true);
  });

  it('answers a bad filter with 400 in the shared shape', async () => {
    const res = await orgadmin.get('/api/secrecy-domains?organisationId=nope');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'querystring.organisationId' }] });
  });
});

describe('who may administer secrecy domains', () => {
  const nonAdministrators = ['manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'guardian', 'child'];

  it.each(nonAdministrators)('refuses %s on every route, and changes nothing', async (username) => {
    const client = await t.loginAs(username);
    const domain = byName(await domainsOf(orgadmin), 'Socialtjänst');
    const unitId = await unitIdOf('Elevhälsan Exempelstad');
    const answers = [
      await client.get('/api/secrecy-domains'),
      await client.get(`/api/secrecy-domains?organisationId=${own}`),
      await client.post('/api/secrecy-domains', { organisationId: own, kind: 'other', name: `Intrång ${username}`, legalReference: 'OSL 8 kap.', sectors: [] }),
      await client.patch(`/api/secrecy-domains/${domain.id}`, { name: `Intrång ${username}` }),
      await client.post(`/api/units/${unitId}/secrecy-domain`, { secrecyDomainId: domain.id }),
      await client.get(`/api/units/${unitId}/secrecy-domain-history`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const after = await domainsOf(orgadmin);
    expect(after.map((d) => d.name)).not.toContain(`Intrång ${username}`);
    expect(byName(after, 'Elevhälsans medicinska och psykologiska insats').units.map((u) => u.id)).toContain(unitId);
  });

  it('refuses an organisation administrator another municipality’s domains and units', async () => {
    const theirs = await domainsOf(sysadmin, `?organisationId=${other}`);
    const school = theirs.find((d) => d.kind === 'education')!;
    const otherDomain = theirs.find((d) => d.id !== school.id && d.units.length > 0)!;
    const unitId = otherDomain.units[0]!.id;
    expect((await orgadmin.get(`/api/secrecy-domains?organisationId=${other}`)).statusCode).toBe(403);
    expect((await orgadmin.post('/api/secrecy-domains', { organisationId: other, kind: 'other', name: 'Norrviks intrång', legalReference: 'OSL 8 kap.', sectors: [] })).statusCode).toBe(403);
    expect((await orgadmin.patch(`/api/secrecy-domains/${school.id}`, { name: 'Intrång' })).statusCode).toBe(403);
    expect((await orgadmin.post(`/api/units/${unitId}/secrecy-domain`, { secrecyDomainId: school.id })).statusCode).toBe(403);
    expect((await orgadmin.get(`/api/units/${unitId}/secrecy-domain-history`)).statusCode).toBe(403);
    const unchanged = await domainsOf(sysadmin, `?organisationId=${other}`);
    expect(unchanged).toEqual(theirs);
  });

  it('lets a system administrator change another organisation’s domain', async () => {
    const school = (await domainsOf(sysadmin, `?organisationId=${other}`)).find((d) => d.kind === 'education')!;
    const res = await sysadmin.patch(`/api/secrecy-domains/${school.id}`, { legalReference: 'OSL 23 kap. 1 §' });
    expect(res.statusCode).toBe(200);
    expect(res.json().legalReference).toBe('OSL 23 kap. 1 §');
  });
});

describe('creating and changing a domain', () => {
  it('creates a domain, logs it in the same request, and refuses a second of the same name', async () => {
    const res = await orgadmin.post('/api/secrecy-domains', { organisationId: own, kind: 'other', name: 'Kulturskolan', legalReference: 'OSL 8 kap. 1 §', sectors: [] });
    expect(res.statusCode).toBe(201);
    const created = res.json() as Domain;
    expect(created).toMatchObject({ organisationId: own, organisationName: 'Exempelstads kommun', name: 'Kulturskolan', units: [] });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'secrecy_domain.create', subject_type: 'secrecy_domain', subject_id: created.id, organisation_id: own, outcome: 'success' });
    expect(entry!.details).toMatchObject({ after: { name: 'Kulturskolan', legalReference: 'OSL 8 kap. 1 §', sectors: [] } });
    const dup = await orgadmin.post('/api/secrecy-domains', { organisationId: own, kind: 'other', name: 'Kulturskolan', legalReference: 'OSL 8 kap.', sectors: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'body.name' }] });
  });

  it('refuses a sector another domain of the organisation already covers', async () => {
    const res = await orgadmin.post('/api/secrecy-domains', { organisationId: own, kind: 'education', name: 'Gymnasiet', legalReference: 'OSL 23 kap.', sectors: ['school'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.sectors', sectors: ['school'] })]);
  });

  it('answers bad input with 400 in the shared shape, and an unknown organisation or domain as such', async () => {
    const bad = await orgadmin.post('/api/secrecy-domains', { organisationId: own, kind: 'nope', name: 'x', legalReference: '', sectors: ['moon'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((bad.json().error.details as { path: string }[]).map((d) => d.path)).toEqual(expect.arrayContaining(['body.kind', 'body.name', 'body.legalReference']));
    const unknownOrg = await orgadmin.post('/api/secrecy-domains', { organisationId: '00000000-0000-4000-8000-000000000000', kind: 'other', name: 'Ingenstans', legalReference: 'OSL', sectors: [] });
    expect(unknownOrg.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.organisationId' }] });
    const domain = byName(await domainsOf(orgadmin), 'Kulturskolan');
    expect((await orgadmin.patch(`/api/secrecy-domains/${domain.id}`, {})).statusCode).toBe(400);
    expect((await orgadmin.patch('/api/secrecy-domains/00000000-0000-4000-8000-000000000000', { name: 'Ny' })).statusCode).toBe(404);
    expect((await orgadmin.patch(`/api/secrecy-domains/${domain.id}`, { name: 'Socialtjänst' })).statusCode).toBe(409);
  });

  it('renames a domain and changes its reference and sectors, logging before and after', async () => {
    const domain = byName(await domainsOf(orgadmin), 'Kulturskolan');
    const res = await orgadmin.patch(`/api/secrecy-domains/${domain.id}`, { name: 'Kultur och fritid', legalReference: 'OSL 8 kap. 2 §', sectors: ['leisure', 'leisure'] });
    expect(res.statusCode).toBe(409); // leisure belongs to 'Övrig verksamhet'
    const other = byName(await domainsOf(orgadmin), 'Övrig verksamhet');
    expect((await orgadmin.patch(`/api/secrecy-domains/${other.id}`, { sectors: ['administration'] })).statusCode).toBe(200);
    const moved = await orgadmin.patch(`/api/secrecy-domains/${domain.id}`, { name: 'Kultur och fritid', legalReference: 'OSL 8 kap. 2 §', sectors: ['leisure', 'leisure'] });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ name: 'Kultur och fritid', legalReference: 'OSL 8 kap. 2 §', sectors: ['leisure'] });
    const [entry] = await auditOf(t.database.db, moved);
    expect(entry).toMatchObject({ action: 'secrecy_domain.update', subject_id: domain.id, outcome: 'success' });
    expect(entry!.details).toEqual({
      before: { name: 'Kulturskolan', legalReference: 'OSL 8 kap. 1 §', sectors: [] },
      after: { name: 'Kultur och fritid', legalReference: 'OSL 8 kap. 2 §', sectors: ['leisure'] },
    });
    // A new leisure unit now joins the domain that covers leisure.
    const unit = (await orgadmin.post('/api/units', { organisationId: own, name: 'Fritidsgården Källan', sector: 'leisure' })).json() as { id: string };
    expect(byName(await domainsOf(orgadmin), 'Kultur och fritid').units.map((u) => u.id)).toEqual([unit.id]);
  });
});

describe('moving a unit', () => {
  it('moves a unit from now on, keeps its history and logs the move', async () => {
    const domains = await domainsOf(orgadmin);
    const from = byName(domains, 'Övrig verksamhet');
    const to = byName(domains, 'Kultur och fritid');
    const unit = from.units.find((u) => u.sector === 'leisure') ?? expect.fail('no leisure unit in Övrig verksamhet');
    const res = await orgadmin.post(`/api/units/${unit.id}/secrecy-domain`, { secrecyDomainId: to.id });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Domain).units.map((u) => u.id)).toContain(unit.id);
    expect(byName(await domainsOf(orgadmin), 'Övrig verksamhet').units.map((u) => u.id)).not.toContain(unit.id);
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'unit.secrecy_domain.move', subject_type: 'unit', subject_id: unit.id, organisation_id: own, outcome: 'success' });
    expect(entry!.details).toMatchObject({ before: { secrecyDomainId: from.id, name: 'Övrig verksamhet' }, after: { secrecyDomainId: to.id, name: 'Kultur och fritid' } });
    const history = (await orgadmin.get(`/api/units/${unit.id}/secrecy-domain-history`)).json() as { periods: { secrecyDomainId: string; validFrom: string; validTo: string | null; changedByName: string | null }[] };
    expect(history.periods).toHaveLength(2);
    const [now, before] = history.periods;
    expect(now).toMatchObject({ secrecyDomainId: to.id, validTo: null, changedByName: 'Olle Organisationsadmin' });
    expect(before).toMatchObject({ secrecyDomainId: from.id, validTo: now!.validFrom });
  });

  it('refuses a move into the domain the unit is in, or into another organisation’s domain, and an unknown unit', async () => {
    const domains = await domainsOf(orgadmin);
    const school = byName(domains, 'Förskola och skola');
    const unit = school.units[0]!;
    const same = await orgadmin.post(`/api/units/${unit.id}/secrecy-domain`, { secrecyDomainId: school.id });
    expect(same.statusCode).toBe(409);
    const theirs = (await domainsOf(sysadmin, `?organisationId=${other}`))[0]!;
    for (const client of [orgadmin, sysadmin]) {
      const across = await client.post(`/api/units/${unit.id}/secrecy-domain`, { secrecyDomainId: theirs.id });
      expect(across.statusCode).toBe(400);
      expect(across.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.secrecyDomainId' }] });
    }
    expect((await orgadmin.post(`/api/units/${unit.id}/secrecy-domain`, { secrecyDomainId: 'x' })).statusCode).toBe(400);
    expect((await orgadmin.post('/api/units/00000000-0000-4000-8000-000000000000/secrecy-domain', { secrecyDomainId: school.id })).statusCode).toBe(404);
    expect((await orgadmin.get(`/api/units/${unit.id}/secrecy-domain-history`)).json().periods).toHaveLength(1);
  });
});

describe('parallel moves', () => {
  it('of one unit queue: each ends the period the other started, and the history stays one unbroken line', async () => {
    const domains = await domainsOf(orgadmin);
    const unit = byName(domains, 'Socialtjänst').units[0]!;
    const targets = [byName(domains, 'Övrig verksamhet'), byName(domains, 'Kultur och fritid')];
    const answers = await Promise.all(targets.map((d) => orgadmin.post(`/api/units/${unit.id}/secrecy-domain`, { secrecyDomainId: d.id })));
    for (const res of answers) expect([200, 409]).toContain(res.statusCode);
    expect(answers.some((res) => res.statusCode === 200)).toBe(true);
    const periods = ((await orgadmin.get(`/api/units/${unit.id}/secrecy-domain-history`)).json() as { periods: { validFrom: string; validTo: string | null }[] }).periods;
    expect(periods.filter((p) => p.validTo === null)).toHaveLength(1);
    expect(periods).toHaveLength(1 + answers.filter((res) => res.statusCode === 200).length);
    for (let i = 1; i < periods.length; i += 1) expect(periods[i]!.validTo).toBe(periods[i - 1]!.validFrom);
  });
});

describe('a move changes what is read from then on, never what was written before', () => {
  let family: Family;
  const healthTitles = async (client: TestClient) => {
    const res = await client.get(`/api/children/${family.childId}`);
    expect(res.statusCode).toBe(200);
    const record = res.json() as { categories: { category: string; entries: { title: string; authorName: string }[] }[] };
    return record.categories.find((c) => c.category === 'health')!.entries.filter((e) => e.authorName === 'Nora Skolsköterska').map((e) => e.title);
  };

  it('after the nurse’s unit joins the school domain the teacher reads her new entries but not the earlier ones', async () => {
    family = await demoFamily(t.database.db);
    const [teacher, nurse] = await Promise.all([t.loginAs('teacher'), t.loginAs('nurse')]);
    const earlier = await healthTitles(nurse);
    expect(earlier.length).toBeGreaterThan(0);
    expect(await healthTitles(teacher)).toEqual([]);

    const school = byName(await domainsOf(orgadmin), 'Förskola och skola');
    const move = await orgadmin.post(`/api/units/${await unitIdOf('Elevhälsan Exempelstad')}/secrecy-domain`, { secrecyDomainId: school.id });
    expect(move.statusCode).toBe(200);
    await addEntry(t.database.db, family.childId, 'nurse', 'health', 'Hälsobesök efter sammanslagningen');
    // Written after the move by the services' clock, whatever the database's own time is (CI moves the clock).
    await t.database.db
      .updateTable('record_entry')
      .set({ created_at: new Date(t.app.services.clock.now().getTime() + 1000) })
      .where('title', '=', 'Hälsobesök efter sammanslagningen')
      .execute();

    expect(await healthTitles(teacher)).toEqual(['Hälsobesök efter sammanslagningen']);
    const nurseNow = await healthTitles(nurse);
    expect(nurseNow).toEqual(expect.arrayContaining([...earlier, 'Hälsobesök efter sammanslagningen']));
    const stored = await t.database.db.selectFrom('record_entry').select(sql<number>`count(DISTINCT secrecy_domain_id)::int`.as('domains')).where('child_id', '=', family.childId).where('title', 'in', [...earlier, 'Hälsobesök efter sammanslagningen']).executeTakeFirstOrThrow();
    expect(stored.domains).toBe(2);
  });
});
