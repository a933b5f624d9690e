import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn, decideAccess, defaultConsentRules, parseIdentityNumber, type AccessCategory, type PolicyActor } from '@samsyn/core';
import { createTestApp, openTestDatabase } from '../test/harness.ts';
import { demoSeededAt } from '../test/fixtures.ts';
import { loadPolicyChild } from '../access/facts.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { loadConfig } from '../config.ts';
import { shouldSeedDemo } from '../main.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { demoChildIdentityNumber, demoCitizenLogins, demoLogins, isDatabaseEmpty, seedDemoData } from './seed.ts';
import { demoDay } from './children.ts';

let seeded: Database & { drop(): Promise<void> };
beforeAll(async () => {
  seeded = await openTestDatabase();
});
afterAll(() => seeded.drop());

async function snapshot(database: Database) {
  const users = await database.db.selectFrom('app_user').select(['username', 'display_name', 'title']).orderBy('username').execute();
  const units = await database.db.selectFrom('unit').select(['name', 'sector']).orderBy('name').execute();
  const orgs = await database.db.selectFrom('organisation').select(['name', 'municipality_code']).orderBy('name').execute();
  const children = await database.db
    .selectFrom('child')
    .leftJoin('unit', 'unit.id', 'child.school_unit_id')
    .select(['identity_number', 'given_name', 'family_name', 'birth_date', 'street_address', 'protected_identity', 'unit.name as school'])
    .orderBy('identity_number')
    .execute();
  const guardians = await database.db.selectFrom('guardian').select(['identity_number', 'given_name', 'family_name', 'phone']).orderBy('identity_number').execute();
  const team = await database.db
    .selectFrom('care_team_member as m')
    .innerJoin('child', 'child.id', 'm.child_id')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['child.identity_number', 'u.username', 'm.role', 'm.basis', 'm.starts_at'])
    .orderBy('child.identity_number')
    .orderBy('u.username')
    .orderBy('m.starts_at')
    .execute();
  const entries = await database.db.selectFrom('record_entry').select((eb) => [eb.fn.countAll<string>().as('n')]).executeTakeFirstOrThrow();
  // The demo action plan's year of reviews (issue 16), in a stable order.
  const planReviews = await database.db.selectFrom('action_plan_review as r').innerJoin('action_plan_activity as a', 'a.id', 'r.activity_id').select(['a.title', 'r.reviewed_on', 'r.status', 'r.action', 'r.comment']).orderBy('r.reviewed_on').orderBy('a.title').orderBy('r.comment').execute();
  return { users, units, orgs, children, guardians, team, entries: Number(entries.n), planReviews, ...(await followUpsSnapshot(database)) };
}

/** The wheels, concerns, reports and handovers, by stable keys (ids are random). */
async function followUpsSnapshot(database: Database) {
  const db = database.db;
  const assessments = await db
    .selectFrom('wellbeing_assessment as a')
    .innerJoin('child as c', 'c.id', 'a.child_id')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .select(['c.identity_number', 'u.username', 'a.respondent', 'a.via', 'a.occurred_on', 'a.created_at', 'a.answers', 'a.important'])
    .orderBy('c.identity_number').orderBy('a.created_at').orderBy('u.username').orderBy('a.respondent')
    .execute();
  const concerns = await db
    .selectFrom('concern as k')
    .innerJoin('child as c', 'c.id', 'k.child_id')
    .innerJoin('app_user as u', 'u.id', 'k.author_id')
    .select(['c.identity_number', 'u.username', 'k.areas', 'k.level', 'k.source', 'k.description', 'k.created_at'])
    .orderBy('c.identity_number').orderBy('k.created_at').orderBy('u.username')
    .execute();
  const reports = await db
    .selectFrom('report_of_concern as r')
    .innerJoin('child as c', 'c.id', 'r.child_id')
    .innerJoin('app_user as u', 'u.id', 'r.reporter_id')
    .leftJoin('report_step as s', 's.report_id', 'r.id')
    .select(['c.identity_number', 'u.username', 'r.sent_at', 'r.description', 's.step', 's.outcome', 's.decided_at'])
    .orderBy('c.identity_number').orderBy('r.sent_at').orderBy('u.username').orderBy('s.decided_at')
    .execute();
  const handovers = await db
    .selectFrom('named_person_handover as h')
    .innerJoin('child as c', 'c.id', 'h.child_id')
    .innerJoin('app_user as f', 'f.id', 'h.from_user_id')
    .innerJoin('app_user as t', 't.id', 'h.to_user_id')
    .select(['c.identity_number', 'f.username as from', 't.username as to', 'h.proposed_at', 'h.accepted_at', 'h.declined_at', 'h.withdrawn_at'])
    .orderBy('c.identity_number').orderBy('h.proposed_at')
    .execute();
  return { assessments, concerns, reports, handovers };
}

describe('demo data', () => {
  it('is Region Exempellän with 5 municipalities, about 60 units and about 200 professionals', async () => {
    const { users, units, orgs } = await snapshot(seeded);
    expect(orgs.filter((o) => o.municipality_code)).toHaveLength(5);
    expect(orgs.map((o) => o.name)).toContain('Region Exempellän');
    expect(units.length).toBeGreaterThanOrEqual(55);
    expect(units.length).toBeLessThanOrEqual(70);
    expect(users.length).toBeGreaterThanOrEqual(180);
    expect(users.length).toBeLessThanOrEqual(260);
    for (const login of demoLogins) expect(users.map((u) => u.username)).toContain(login.username);
  });

  it('is the same every time it is generated from the same seed', async () => {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(await isDatabaseEmpty(fresh.db)).toBe(true);
      await seedDemoData(fresh.db, { password: 'samsyn-demo', now: await demoSeededAt(seeded.db) });
      expect(await isDatabaseEmpty(fresh.db)).toBe(false);
      expect(await snapshot(fresh)).toEqual(await snapshot(seeded));
      expect((await verifyAuditChain(fresh.db)).ok).toBe(true);
    } finally {
      await fresh.close();
    }
    // A second database, migrated and seeded from scratch: slow on a busy CI machine.
  }, 90_000);

  it('refuses a demo password that breaks the password policy', async () => {
    await expect(seedDemoData(seeded.db, { password: 'short', now: new Date(0) })).rejects.toMatchObject({ code: 'weak_password' });
  });

  it('is never seeded by a production start on a PostgreSQL server', () => {
    expect(shouldSeedDemo(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/samsyn' }))).toBe(false);
    expect(shouldSeedDemo(loadConfig({ NODE_ENV: 'production' }))).toBe(true);
    expect(shouldSeedDemo(loadConfig({ DATABASE_URL: 'postgres://db/samsyn' }))).toBe(true);
  });
});

describe('demo children', () => {
  const db = () => seeded.db;

  it('are about 2,000 children over the 5 municipalities, with guardians, teams and a few protected identities', async () => {
    const children = await db().selectFrom('child').select(['id', 'home_organisation_id', 'protected_identity']).execute();
    expect(children).toHaveLength(2000);
    expect(new Set(children.map((c) => c.home_organisation_id)).size).toBe(5);
    const protectedLevels = children.flatMap((c) => (c.protected_identity ? [c.protected_identity] : []));
    expect(protectedLevels.length).toBeGreaterThanOrEqual(5);
    expect(protectedLevels.length).toBeLessThanOrEqual(20);
    expect(new Set(protectedLevels)).toEqual(new Set(['sekretessmarkering', 'skyddad_folkbokforing', 'fingerade_personuppgifter']));

    const links = await db().selectFrom('child_guardian').select(['child_id', 'guardian_id']).execute();
    const perChild = new Map<string, number>();
    for (const l of links) perChild.set(l.child_id, (perChild.get(l.child_id) ?? 0) + 1);
    expect(perChild.size).toBe(2000);
    const single = [...perChild.values()].filter((n) => n === 1).length;
    expect(single / 2000).toBeGreaterThan(0.08);
    expect(single / 2000).toBeLessThan(0.25);
    expect([...perChild.values()].every((n) => n === 1 || n === 2)).toBe(true);
    // Siblings share guardians, so there are fewer guardians than guardian links.
    const guardians = new Set(links.map((l) => l.guardian_id)).size;
    expect(guardians).toBeLessThan(links.length);
    expect(guardians).toBeGreaterThan(1500);

    const teams = await db().selectFrom('care_team_member').select('child_id').distinct().execute();
    expect(teams.length).toBeGreaterThan(500);
    expect(teams.length).toBeLessThan(850);
  });

  it('have synthetic identity numbers from the test series (birth numbers 980–999) that parse', async () => {
    const people = [
      ...(await db().selectFrom('child').select(['identity_number', 'birth_date', 'sex']).execute()),
      ...(await db().selectFrom('guardian').select(['identity_number']).execute()).map((g) => ({ ...g, birth_date: null, sex: null })),
    ];
    expect(people.length).toBeGreaterThan(3500);
    const referenceDate = await demoSeededAt(db());
    for (const person of people) {
      const parsed = parseIdentityNumber(person.identity_number, { referenceDate });
      expect(parsed, person.identity_number).toMatchObject({ ok: true, kind: 'personnummer', normalized: person.identity_number });
      const birthNumber = Number(person.identity_number.slice(8, 11));
      expect(birthNumber).toBeGreaterThanOrEqual(980);
      expect(birthNumber).toBeLessThanOrEqual(999);
      if (parsed.ok && person.birth_date) expect({ birthDate: parsed.birthDate, sex: parsed.sex }).toEqual({ birthDate: person.birth_date, sex: person.sex });
    }
    expect(new Set(people.map((p) => p.identity_number)).size).toBe(people.length);
  });

  it('put members on a team by consent only with a consent of the same child that covers their organisation', async () => {
    const members = await db()
      .selectFrom('care_team_member as m')
      .leftJoin('consent as c', 'c.id', 'm.consent_id')
      .select(['m.child_id', 'm.organisation_id', 'm.ends_at', 'c.child_id as consent_child', 'c.organisation_ids', 'c.withdrawn_at', 'c.valid_to'])
      .where('m.basis', '=', 'consent')
      .execute();
    expect(members.length).toBeGreaterThan(50);
    for (const m of members) {
      expect(m.consent_child).toBe(m.child_id);
      expect(m.organisation_ids).toContain(m.organisation_id);
      // A member whose consent was withdrawn left the team when it was.
      if (m.withdrawn_at) expect(m.ends_at).toEqual(m.withdrawn_at);
      else expect(m.ends_at).toBeNull();
    }
    const legalDuty = await db().selectFrom('care_team_member').select('legal_ground_code').where('basis', '=', 'legal_duty').execute();
    expect(legalDuty.length).toBeGreaterThan(0);
    expect(new Set(legalDuty.map((m) => m.legal_ground_code))).toEqual(new Set(['sol_investigation']));
    const history = await db().selectFrom('consent').select(['withdrawn_at', 'valid_to']).execute();
    expect(history.filter((c) => c.withdrawn_at !== null).length).toBeGreaterThan(0);
    const seededOn = demoDay(await demoSeededAt(db()));
    expect(history.filter((c) => c.valid_to !== null && c.valid_to < seededOn).length).toBeGreaterThan(0);
  });

  it('include the demo child: 14, with two guardians, one of them `guardian`', async () => {
    const child = await demoChild();
    const seededAt = await demoSeededAt(db());
    expect(child.identity_number).toBe(demoChildIdentityNumber(seededAt));
    expect(parseIdentityNumber(child.identity_number, { referenceDate: seededAt })).toMatchObject({ ok: true, kind: 'personnummer', birthDate: child.birth_date, sex: 'female' });
    expect(child.identity_number.slice(8, 11)).toBe('982');
    expect(ageOn(child.birth_date, demoDay(seededAt))).toBe(14);
    const guardians = await db()
      .selectFrom('child_guardian as cg')
      .innerJoin('guardian as g', 'g.id', 'cg.guardian_id')
      .leftJoin('app_user as u', 'u.id', 'g.user_id')
      .select(['g.id', 'u.username', 'u.kind'])
      .where('cg.child_id', '=', child.id)
      .execute();
    expect(guardians.map((g) => g.username ?? null).sort()).toEqual(['guardian', null]);
    expect(guardians.find((g) => g.username)?.kind).toBe('citizen');
    const citizens = await db().selectFrom('app_user').leftJoin('user_role', 'user_role.user_id', 'app_user.id').select(['username', 'kind', 'user_role.id as role']).where('kind', '=', 'citizen').execute();
    expect(citizens.map((c) => c.username).sort()).toEqual(demoCitizenLogins.map((l) => l.username).sort());
    expect(citizens.every((c) => c.role === null)).toBe(true);
  });

  it("give the demo child exactly the team and the two consents of the issue; `outsider` is on no team", async () => {
    const child = await demoChild();
    const team = await db()
      .selectFrom('care_team_member as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
      .leftJoin('consent as c', 'c.id', 'm.consent_id')
      .select(['u.username', 'm.role', 'm.basis', 'o.name as organisation', 'c.categories'])
      .where('m.child_id', '=', child.id)
      .orderBy('u.username')
      .execute();
    expect(team).toEqual([
      { username: 'nurse', role: 'member', basis: 'own_organisation', organisation: 'Exempelstads kommun', categories: null },
      { username: 'psychologist', role: 'member', basis: 'consent', organisation: 'Region Exempellän', categories: ['plan'] },
      { username: 'socialworker', role: 'lead_professional', basis: 'own_organisation', organisation: 'Exempelstads kommun', categories: null },
      { username: 'teacher', role: 'named_person', basis: 'own_organisation', organisation: 'Exempelstads kommun', categories: null },
    ]);
    const consents = await db().selectFrom('consent').selectAll().where('child_id', '=', child.id).orderBy('valid_from').execute();
    const orgName = async (id: string) => (await db().selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
    expect(consents).toHaveLength(2);
    for (const c of consents) {
      expect(c).toMatchObject({ given_by: 'both_guardians', withdrawn_at: null });
      expect(c.guardian_ids).toHaveLength(2);
    }
    expect(await Promise.all(consents[0]!.organisation_ids.map(orgName))).toEqual(['Exempelstads kommun']);
    expect([...consents[0]!.categories].sort()).toEqual(['concern', 'plan', 'wellbeing']);
    expect(await Promise.all(consents[1]!.organisation_ids.map(orgName))).toEqual(['Exempelstads kommun', 'Region Exempellän']);
    expect(consents[1]!.categories).toEqual(['plan']);

    const outsider = await db().selectFrom('care_team_member as m').innerJoin('app_user as u', 'u.id', 'm.user_id').select('m.id').where('u.username', '=', 'outsider').execute();
    expect(outsider).toEqual([]);
  });

  it('keep each secrecy domain\'s entries to itself except what the family\'s consents let cross', async () => {
    const child = await demoChild();
    const entries = await db()
      .selectFrom('record_entry as e')
      .innerJoin('app_user as u', 'u.id', 'e.author_id')
      .select(['e.category', 'e.organisation_id', 'e.secrecy_domain_id', 'e.unit_id', 'e.created_at', 'u.username'])
      .where('e.child_id', '=', child.id)
      .execute();
    const now = await demoSeededAt(db());
    const readable = async (username: string) => {
      const actor = await policyActor(username);
      // The gate's facts as loaded for this actor: their own unit's domain periods come with them.
      const facts = (await loadPolicyChild(db(), child.id, actor.userId))!;
      const entryOf = (e: (typeof entries)[number]) => ({ organisationId: e.organisation_id, secrecyDomainId: e.secrecy_domain_id, unitId: e.unit_id, writtenAt: new Date(e.created_at) });
      return new Set(entries.filter((e) => decideAccess(actor, facts, 'read', e.category as AccessCategory, { now, rules: defaultConsentRules, entry: entryOf(e) }).allow).map((e) => `${e.username}:${e.category}`));
    };
    // The plan with the region was entered by the teacher from a signed form: it does not widen her own access.
    expect(await readable('teacher')).toEqual(new Set(['teacher:school', 'teacher:concern', 'teacher:wellbeing', 'socialworker:plan']));
    expect(await readable('nurse')).toEqual(new Set(['nurse:health', 'teacher:concern', 'teacher:wellbeing', 'socialworker:plan', 'psychologist:plan']));
    expect(await readable('socialworker')).toEqual(new Set(['socialworker:social_services', 'socialworker:plan', 'teacher:concern', 'teacher:wellbeing', 'psychologist:plan']));
    expect(await readable('psychologist')).toEqual(new Set(['psychologist:health', 'psychologist:plan', 'socialworker:plan']));
    expect(await readable('outsider')).toEqual(new Set());
  });

  it('let `guardian` and `child` log in as citizens', async () => {
    const t = await createTestApp();
    try {
      for (const login of demoCitizenLogins) {
        const client = await t.loginAs(login.username);
        const me = await client.get('/api/auth/me');
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ username: login.username, displayName: login.displayName });
      }
    } finally {
      await t.close();
    }
  });

  async function demoChild() {
    return db()
      .selectFrom('child')
      .innerJoin('app_user as u', 'u.id', 'child.user_id')
      .select(['child.id', 'child.identity_number', 'child.birth_date'])
      .where('u.username', '=', 'child')
      .executeTakeFirstOrThrow();
  }

  async function policyActor(username: string): Promise<PolicyActor> {
    const user = await db().selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const roles = await db().selectFrom('user_role').select(['organisation_id', 'role']).where('user_id', '=', user.id).execute();
    return { userId: user.id, roles: roles.map((r) => ({ organisationId: r.organisation_id, role: r.role })) };
  }
});
