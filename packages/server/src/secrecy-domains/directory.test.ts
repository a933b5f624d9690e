import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { auditOf, demoFamily, type Family } from '../test/fixtures.ts';

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

const url = '/api/secrecy-domains/directory';

interface Entry {
  id: string;
  name: string;
  kind: string;
  legalReference: string;
  organisationId: string;
  organisationName: string;
}

describe('the secrecy-domain directory', () => {
  it('refuses a caller without a session', async () => {
    const res = await t.client().get(url);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it("lists every domain with its organisation and legal reference, the municipality's school, student health and social services apart", async () => {
    const teacher = await t.loginAs('teacher');
    const res = await teacher.get(url);
    expect(res.statusCode).toBe(200);
    const domains = res.json().domains as Entry[];
    const count = await t.database.db.selectFrom('secrecy_domain').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(domains).toHaveLength(Number(count.n));
    const municipality = domains.filter((d) => d.organisationId === family.municipality);
    expect(municipality.map((d) => d.kind)).toEqual(expect.arrayContaining(['education', 'student_health', 'social_services']));
    for (const d of municipality) expect(d).toMatchObject({ organisationName: 'Exempelstads kommun', legalReference: expect.stringMatching(/\S/) });
    expect(domains.find((d) => d.organisationId === family.region && d.kind === 'health_care')).toBeDefined();
  });

  it('carries no child data and leaves no entry about a child', async () => {
    const nurse = await t.loginAs('nurse');
    const res = await nurse.get(url);
    expect(Object.keys((res.json().domains as Entry[])[0]!).sort()).toEqual(['id', 'kind', 'legalReference', 'name', 'organisationId', 'organisationName']);
    expect(res.body).not.toMatch(/Ebba|2012\d{4}|units/);
    expect((await auditOf(t.database.db, res)).filter((e) => e.subject_type === 'child')).toEqual([]);
  });

  it('answers a guardian too, who chooses the same parties when giving consent digitally', async () => {
    const guardian = await t.loginAs('guardian');
    const res = await guardian.get(url);
    expect(res.statusCode).toBe(200);
    expect((res.json().domains as Entry[]).length).toBeGreaterThan(3);
  });
});
