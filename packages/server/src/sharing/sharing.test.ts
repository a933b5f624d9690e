import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/verify.ts';
import { auditOf, demoFamily, placeOf, type Family } from '../test/fixtures.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
let family: Family;

beforeAll(async () => {
  t = await createTestApp();
  family = await demoFamily(t.database.db);
});
afterAll(() => t.close());

const ledgerUrl = () => `/api/children/${family.childId}/disclosures`;

interface Disclosure {
  id: string;
  decision: string;
  fromOrganisation: { id: string; name: string };
  toOrganisation: { id: string };
  categories: string[];
  what: string | null;
  reason: string | null;
  redacted: boolean;
  legalGround: { code: string; reference: string } | null;
  consentId: string | null;
  decidedBy: { displayName: string };
}

describe('without a session', () => {
  it('refuses the ledger and the legal grounds', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/api/legal-grounds')).statusCode).toBe(401);
    expect((await anonymous.get(ledgerUrl())).statusCode).toBe(401);
    expect((await anonymous.post(ledgerUrl(), {})).statusCode).toBe(401);
  });
});

describe('legal grounds', () => {
  it('lists the grounds in force today to any logged-in user, with their references, and not a repealed one', async () => {
    const res = await (await t.loginAs('analyst')).get('/api/legal-grounds');
    expect(res.statusCode).toBe(200);
    const codes = (res.json() as { code: string; reference: string }[]).map((g) => g.code);
    expect(codes).toEqual(expect.arrayContaining(['sol_duty_to_report', 'osl_necessary_disclosure', 'consent']));
    expect(codes).not.toContain('sol2001_duty_to_report');
  });

  it('filters by kind', async () => {
    const grounds = (await (await t.loginAs('teacher')).get('/api/legal-grounds?kind=duty_to_report')).json() as { code: string; kind: string }[];
    expect(grounds.map((g) => g.code)).toEqual(['sol_duty_to_report']);
  });
});

describe('the sharing ledger', () => {
  it('records a decision not to share, with its reason, and logs it', async () => {
    const nurse = await t.loginAs('nurse');
    const res = await nurse.post(ledgerUrl(), {
      decision: 'not_shared',
      toOrganisationId: family.region,
      categories: ['health'],
      what: 'Journalanteckningar från hälsosamtal',
      reason: 'Samtycket till regionen gäller bara planen; vårdnadshavarna vill inte dela mer.',
    });
    expect(res.statusCode).toBe(201);
    const recorded = res.json() as Disclosure;
    expect(recorded).toMatchObject({ decision: 'not_shared', fromOrganisation: { id: family.municipality }, toOrganisation: { id: family.region }, legalGround: null, decidedBy: { displayName: 'Nora Skolsköterska' } });
    const [entry] = await auditOf(t.database.db, res);
    expect(entry).toMatchObject({ action: 'child.disclosure.record', outcome: 'success', actor_username: 'nurse' });
    expect(entry!.details).toMatchObject({ category: 'health', disclosureId: recorded.id, decision: 'not_shared' });

    const ledger = (await (await t.loginAs('teacher')).get(ledgerUrl())).json().disclosures as Disclosure[];
    expect(ledger.map((d) => d.id)).toContain(recorded.id);
  });

  it('records sharing under a consent that covers the receiver and the category, and refuses a category it does not cover', async () => {
    const socialworker = await t.loginAs('socialworker');
    const share = (categories: string[]) =>
      socialworker.post(ledgerUrl(), { decision: 'shared', toOrganisationId: family.region, categories, what: 'Den samordnade planen', reason: 'BUP deltar i SIP', consentId: family.regionConsentId });
    const plan = await share(['plan']);
    expect(plan.statusCode).toBe(201);
    expect(plan.json()).toMatchObject({ decision: 'shared', consentId: family.regionConsentId, categories: ['plan'] });

    const social = await share(['social_services']);
    expect(social.statusCode).toBe(403);
    expect(social.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'consent_does_not_cover' } });
    expect((await auditOf(t.database.db, social))[0]).toMatchObject({ action: 'child.disclosure.record', outcome: 'denied' });
  });

  it('records sharing under a duty to report in force, and refuses the repealed act’s ground', async () => {
    const teacher = await t.loginAs('teacher');
    const report = (legalGroundCode: string) =>
      teacher.post(ledgerUrl(), { decision: 'shared', toOrganisationId: family.region, categories: ['concern'], what: 'Orosanmälan', reason: 'Misstanke om att barnet far illa', legalGroundCode });
    const now = await report('sol_duty_to_report');
    expect(now.statusCode).toBe(201);
    expect(now.json().legalGround).toMatchObject({ code: 'sol_duty_to_report', reference: expect.stringContaining('2025:400') });
    const old = await report('sol2001_duty_to_report');
    expect(old.statusCode).toBe(403);
    expect(old.json().error.details).toEqual({ reason: 'legal_ground_not_applicable' });
  });

  it('refuses sharing with no ground, to one’s own organisation, or to an unknown organisation', async () => {
    const teacher = await t.loginAs('teacher');
    const base = { decision: 'shared', categories: ['school'], what: 'Frånvarouppgifter', reason: 'Samordning', legalGroundCode: 'osl_necessary_disclosure' };
    expect((await teacher.post(ledgerUrl(), { ...base, toOrganisationId: family.region, legalGroundCode: undefined })).statusCode).toBe(400);
    const own = await teacher.post(ledgerUrl(), { ...base, toOrganisationId: family.municipality });
    expect(own.statusCode).toBe(400);
    expect((await auditOf(t.database.db, own))[0]).toMatchObject({ outcome: 'failure' });
    expect((await teacher.post(ledgerUrl(), { ...base, toOrganisationId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);
  });

  it('records sharing with another secrecy domain of the same organisation, and refuses the sharer\'s own domain or another organisation\'s', async () => {
    const domainOf = async (organisationId: string, kind: 'education' | 'social_services') =>
      (await t.database.db.selectFrom('secrecy_domain').select('id').where('organisation_id', '=', organisationId).where('kind', '=', kind).executeTakeFirstOrThrow()).id;
    const social = await domainOf(family.municipality, 'social_services');
    const teacher = await t.loginAs('teacher');
    const base = { decision: 'shared', toOrganisationId: family.municipality, categories: ['school'], what: 'Frånvarouppgifter', reason: 'Orosanmälan till socialtjänsten', legalGroundCode: 'osl_necessary_disclosure' };
    const res = await teacher.post(ledgerUrl(), { ...base, toSecrecyDomainId: social });
    expect(res.statusCode).toBe(201);
    expect(res.json<Disclosure & { toSecrecyDomain: { id: string; name: string } | null }>()).toMatchObject({ toOrganisation: { id: family.municipality }, toSecrecyDomain: { id: social } });
    const own = await teacher.post(ledgerUrl(), { ...base, toSecrecyDomainId: await domainOf(family.municipality, 'education') });
    expect(own.statusCode).toBe(400);
    expect(own.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'body.toSecrecyDomainId', message: 'same_secrecy_domain' }] } });
    const elsewhere = await teacher.post(ledgerUrl(), { ...base, toOrganisationId: family.region, toSecrecyDomainId: social });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'body.toSecrecyDomainId', message: 'unknown_secrecy_domain' }] } });
  });

  it('lets a member share only their own organisation’s information: the region cannot disclose the school’s', async () => {
    const psychologist = await t.loginAs('psychologist');
    const res = await psychologist.post(ledgerUrl(), { decision: 'shared', fromOrganisationId: family.municipality, toOrganisationId: family.region, categories: ['school'], what: 'Skolans anteckningar', reason: 'Vill ha dem', legalGroundCode: 'osl_necessary_disclosure' });
    expect(res.statusCode).toBe(403);
    expect((await auditOf(t.database.db, res))[0]).toMatchObject({ outcome: 'denied' });
  });

  it('refuses an outsider both ways, and logs it', async () => {
    const outsider = await t.loginAs('outsider');
    const read = await outsider.get(ledgerUrl());
    expect(read.statusCode).toBe(403);
    expect((await auditOf(t.database.db, read))[0]).toMatchObject({ action: 'child.disclosure.list', outcome: 'denied' });
    const write = await outsider.post(ledgerUrl(), { decision: 'not_shared', toOrganisationId: family.region, categories: ['school'], what: 'x', reason: 'y' });
    expect(write.statusCode).toBe(403);
    expect((await auditOf(t.database.db, write))[0]).toMatchObject({ action: 'child.disclosure.record', outcome: 'denied' });
  });

  it('shows the guardian what was shared and what was not', async () => {
    const res = await (await t.loginAs('guardian')).get(ledgerUrl());
    expect(res.statusCode).toBe(200);
    const disclosures = res.json().disclosures as Disclosure[];
    expect(disclosures.map((d) => d.decision)).toEqual(expect.arrayContaining(['shared', 'not_shared']));
    // The record shows citizens no agency's entries, so neither does the ledger's text: who, when and why in law stay.
    const health = disclosures.find((d) => d.categories.includes('health'))!;
    expect(health).toMatchObject({ redacted: true, what: null, reason: null, fromOrganisation: { id: family.municipality }, toOrganisation: { id: family.region } });
    expect((await auditOf(t.database.db, res))[0]!.details).toMatchObject({ basis: 'own_record' });
  });
});

describe('the text of a ledger entry', () => {
  // The psychologist is on the team for the region under a consent that covers the plan only.
  const social = { what: 'Utredning enligt SoL om hemförhållanden', reason: 'BUP behöver utredningen inför bedömningen' };
  const plan = { what: 'Planens mål för hösten', reason: 'BUP ansvarar för en av insatserna' };
  let socialId: string;
  let planId: string;

  beforeAll(async () => {
    const socialworker = await t.loginAs('socialworker');
    const record = async (categories: string[], text: { what: string; reason: string }, ground: Record<string, string>) => {
      const res = await socialworker.post(ledgerUrl(), { decision: 'shared', toOrganisationId: family.region, categories, ...text, ...ground });
      expect(res.statusCode).toBe(201);
      return (res.json() as Disclosure).id;
    };
    socialId = await record(['social_services'], social, { legalGroundCode: 'osl_necessary_disclosure' });
    planId = await record(['plan'], plan, { consentId: family.regionConsentId });
  });

  const ledgerOf = async (username: string) => {
    const res = await (await t.loginAs(username)).get(ledgerUrl());
    expect(res.statusCode).toBe(200);
    return { body: res.body, disclosures: res.json().disclosures as Disclosure[] };
  };

  it('is shown in full to a member of the secrecy domain it came from, and withheld from the same organisation\'s other domains', async () => {
    const { disclosures } = await ledgerOf('socialworker');
    expect(disclosures.find((d) => d.id === socialId)).toMatchObject({ ...social, redacted: false, categories: ['social_services'] });
    // The teacher works for the same municipality, in the school's domain: social services' information is not hers.
    const { body, disclosures: teachers } = await ledgerOf('teacher');
    expect(teachers.find((d) => d.id === socialId)).toMatchObject({ what: null, reason: null, redacted: true });
    expect(body).not.toContain(social.what);
  });

  it('is withheld from a member whose consent does not cover its category, keeping the rest of the entry', async () => {
    const { body, disclosures } = await ledgerOf('psychologist');
    expect(disclosures.find((d) => d.id === socialId)).toMatchObject({
      decision: 'shared',
      fromOrganisation: { id: family.municipality },
      toOrganisation: { id: family.region },
      categories: ['social_services'],
      legalGround: { code: 'osl_necessary_disclosure' },
      decidedBy: { displayName: expect.any(String) },
      what: null,
      reason: null,
      redacted: true,
    });
    expect(body).not.toContain(social.what);
    expect(body).not.toContain(social.reason);
  });

  it('is shown in full to a member whose consent covers every category of it', async () => {
    const { disclosures } = await ledgerOf('psychologist');
    expect(disclosures.find((d) => d.id === planId)).toMatchObject({ ...plan, redacted: false });
  });

  it('is withheld when one of several categories is not covered', async () => {
    const res = await (await t.loginAs('socialworker')).post(ledgerUrl(), {
      decision: 'not_shared', toOrganisationId: family.region, categories: ['plan', 'social_services'], what: 'Planen med socialtjänstens bedömning', reason: 'Bedömningen lämnas inte utan samtycke',
    });
    expect(res.statusCode).toBe(201);
    const { body, disclosures } = await ledgerOf('psychologist');
    expect(disclosures.find((d) => d.id === (res.json() as Disclosure).id)).toMatchObject({ what: null, reason: null, redacted: true });
    expect(body).not.toContain('Planen med socialtjänstens bedömning');
  });

  it('is shown under emergency access as the record is: what the ground opens in full, the rest withheld', async () => {
    const outsider = await t.loginAs('outsider');
    // A teacher's ground (necessity) opens the plan and concerns, not social services' entries.
    const opened = await outsider.post(`/api/children/${family.childId}/emergency-access`, { reason: 'Akut oro för barnets hälsa, vårdnadshavare nås inte', legalGroundCode: 'brb_necessity' });
    expect(opened.statusCode).toBe(201);
    const { body, disclosures } = await ledgerOf('outsider');
    expect(disclosures.find((d) => d.id === planId)).toMatchObject({ ...plan, redacted: false });
    expect(disclosures.find((d) => d.id === socialId)).toMatchObject({ what: null, reason: null, redacted: true });
    expect(body).not.toContain(social.what);
  });
});

describe('a professional who works for two organisations', () => {
  // The psychologist works for the municipality too, but is on Ebba's team for the region only.
  beforeAll(async () => {
    const { userId } = await placeOf(t.database.db, 'psychologist');
    await t.database.db.insertInto('user_role').values({ user_id: userId, organisation_id: family.municipality, unit_id: null, role: 'professional' }).execute();
  });

  const entry = (from: { fromOrganisationId?: string; toOrganisationId: string }, categories: string[] = ['plan']) => ({
    decision: 'not_shared',
    ...from,
    categories,
    what: 'BUP:s anteckningar om planen',
    reason: 'Vårdnadshavarna vill inte att mer lämnas.',
  });

  it('must say which organisation discloses', async () => {
    const res = await (await t.loginAs('psychologist')).post(ledgerUrl(), entry({ toOrganisationId: family.municipality }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.fromOrganisationId', message: 'required_with_several_organisations' }] });
  });

  it('records the entry for the organisation she is on the team for, and logs it', async () => {
    const res = await (await t.loginAs('psychologist')).post(ledgerUrl(), entry({ fromOrganisationId: family.region, toOrganisationId: family.municipality }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fromOrganisation: { id: family.region }, toOrganisation: { id: family.municipality }, decidedBy: { displayName: 'Petra Psykolog' } });
    const entries = await auditOf(t.database.db, res);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'child.disclosure.record', outcome: 'success', organisation_id: family.region });
  });

  it('refuses the other organisation she works for, which she is not on the team for, in one entry', async () => {
    const psychologist = await t.loginAs('psychologist');
    const identityOnly = await psychologist.post(ledgerUrl(), entry({ fromOrganisationId: family.municipality, toOrganisationId: family.region }, []));
    expect(identityOnly.statusCode).toBe(403);
    expect(identityOnly.json().error).toMatchObject({ code: 'forbidden', details: { reason: 'not_in_care_team_for_organisation' } });
    const school = await psychologist.post(ledgerUrl(), entry({ fromOrganisationId: family.municipality, toOrganisationId: family.region }, ['school']));
    expect(school.statusCode).toBe(403);
    for (const res of [identityOnly, school]) {
      const entries = await auditOf(t.database.db, res);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'child.disclosure.record', outcome: 'denied', actor_username: 'psychologist' });
    }
  });

  it('lets a professional of one organisation name it too', async () => {
    const res = await (await t.loginAs('nurse')).post(ledgerUrl(), entry({ fromOrganisationId: family.municipality, toOrganisationId: family.region }, ['health']));
    expect(res.statusCode).toBe(201);
    expect(res.json().fromOrganisation.id).toBe(family.municipality);
  });
});

describe('the audit log', () => {
  it('still verifies after the ledger entries and refusals', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
