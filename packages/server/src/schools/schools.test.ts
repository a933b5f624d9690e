import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolListView, SchoolProfileView } from '@samsyn/core';
import { childLevelCatalogue } from '../child-level-indicators/catalogue.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { pdfText } from '../test/pdf.ts';
import { auditOf } from '../test/fixtures.ts';
import { demoSchoolOus } from '../demo/schools.ts';
import type { Actor } from '../http/types.ts';
import { openableSchools } from './service.ts';

// School profiles (issue 15, item 8) and the child level's indicators in the catalogue (item 7).
let t: TestApp;
let school: string;
let otherSchool: string;
let lindmoSchool: string;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
const unitNamed = async (name: string) => (await t.database.db.selectFrom('unit').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
/** A professional (not the manager) of a unit, from the generated staff. */
const staffOf = async (unitId: string) =>
  (await t.database.db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select('u.username').where('r.unit_id', '=', unitId).where('r.role', '=', 'professional').where('u.username', 'like', '%.%').orderBy('u.username').executeTakeFirstOrThrow()).username;

beforeAll(async () => {
  t = await createTestApp();
  school = await unitNamed(demoSchoolOus[0].unitName);
  otherSchool = await unitNamed('Exempelstadskolan F–6');
  lindmoSchool = await unitNamed('Centrumskolan Lindmo F–9');
});
afterAll(() => t.close());

describe('the child level’s indicators in the catalogue', () => {
  it('are four indicators of source kind samsyn, named in Swedish and English, owned by the region', async () => {
    const { indicators } = (await (await as('teacher')).get('/api/indicators')).json() as { indicators: { id: string; source: { kind: string; ref: string }; nameSv: string; nameEn: string; unit: string; direction: string; priorityArea: string; owner: { name: string } }[] };
    const own = indicators.filter((i) => i.source.kind === 'samsyn');
    expect(own.map((i) => i.id).sort()).toEqual(['samsyn.active_plans', 'samsyn.concern_to_plan_days', 'samsyn.reports_of_concern', 'samsyn.wellbeing_ratings']);
    for (const i of own) {
      const def = childLevelCatalogue.find((c) => c.id === i.id)!;
      expect(i).toMatchObject({ nameSv: def.nameSv, nameEn: def.nameEn, unit: def.unit, direction: def.direction, priorityArea: def.priorityArea, owner: { name: 'Region Exempellän' } });
      expect(i.source.ref).toBe(i.id.slice('samsyn.'.length));
    }
    // An analyst cannot add the same source a second time.
    const again = await (await as('analyst')).post('/api/indicators', { id: 'samsyn.plans-again', nameSv: 'x', nameEn: 'x', unit: 'count', direction: 'higher_is_better', priorityArea: 'other', source: { kind: 'samsyn', ref: 'active_plans' }, breakdowns: ['year'] });
    expect(again.statusCode).toBe(409);
  });
});

describe('who may open a school profile', () => {
  it('the head teacher, the school’s teacher, the student-health team, analysts and system administrators; each look logged', async () => {
    for (const username of ['manager', 'teacher', 'nurse', 'analyst', 'sysadmin']) {
      const res = await (await as(username)).get(`/api/schools/${school}/profile`);
      expect(res.statusCode, username).toBe(200);
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0], username).toMatchObject({ action: 'school.profile.read', outcome: 'success', subject_type: 'unit', subject_id: school });
    }
  });

  it('no one else: another school’s teacher, another municipality’s, social services, health care, administrators, a coordinator, citizens; each refusal logged', async () => {
    const colleagueElsewhere = await staffOf(otherSchool);
    for (const username of [colleagueElsewhere, 'outsider', 'socialworker', 'psychologist', 'orgadmin', 'coordinator', 'fundmanager', 'guardian', 'child']) {
      const res = await (await as(username)).get(`/api/schools/${school}/profile`);
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.code, username).toBe('forbidden');
      const entries = await auditOf(t.database.db, res);
      expect(entries, username).toHaveLength(1);
      expect(entries[0], username).toMatchObject({ action: 'school.profile.read', outcome: 'denied', subject_id: school });
      expect((await (await as(username)).get(`/api/schools/${school}/profile/pdf`)).statusCode, username).toBe(403);
    }
    // The other school's teacher opens her own school's profile.
    expect((await (await as(colleagueElsewhere)).get(`/api/schools/${otherSchool}/profile`)).statusCode).toBe(200);
    expect((await t.client().get(`/api/schools/${school}/profile`)).statusCode).toBe(401);
  });

  it('lists the schools each may open', async () => {
    const list = async (u: string) => ((await (await as(u)).get('/api/schools')).json() as SchoolListView).schools.map((s) => s.unitId);
    expect(await list('teacher')).toEqual([school]);
    const nurse = await list('nurse');
    expect(nurse).toContain(school);
    expect(nurse).toContain(otherSchool);
    expect(nurse).not.toContain(lindmoSchool);
    expect(await list('outsider')).not.toContain(school);
    expect(await list('socialworker')).toEqual([]);
    expect((await list('analyst')).length).toBe(15);
  });

  it('lists every school of several roles at once (two schools, another municipality’s student health), in at most two queries however many schools', async () => {
    const { db } = t.database;
    const username = await staffOf(otherSchool);
    const user = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const lindmo = await db.selectFrom('unit').select(['id', 'organisation_id']).where('id', '=', lindmoSchool).executeTakeFirstOrThrow();
    const norrvik = await db.selectFrom('unit as u').innerJoin('organisation as o', 'o.id', 'u.organisation_id').select(['u.id', 'u.organisation_id']).where('u.sector', '=', 'student_health').where('o.municipality_code', '=', '9902').executeTakeFirstOrThrow();
    await db.insertInto('user_role').values([
      { user_id: user.id, organisation_id: lindmo.organisation_id, unit_id: lindmo.id, role: 'professional' },
      { user_id: user.id, organisation_id: norrvik.organisation_id, unit_id: norrvik.id, role: 'professional' },
    ]).execute();
    const norrvikSchools = (await db.selectFrom('unit').select('id').where('organisation_id', '=', norrvik.organisation_id).where('sector', '=', 'school').where('active', '=', true).execute()).map((u) => u.id);
    expect(norrvikSchools.length).toBeGreaterThan(1);
    const listed = ((await (await t.loginAs(username)).get('/api/schools')).json() as SchoolListView).schools.map((s) => s.unitId);
    expect(new Set(listed)).toEqual(new Set([otherSchool, lindmoSchool, ...norrvikSchools]));
    expect(listed).toHaveLength(new Set(listed).size);

    // The number of queries does not grow with the schools: the list, and the caller's units when they have any.
    let queries = 0;
    const counted = db.withPlugin({ transformQuery: (args) => { queries += 1; return args.node; }, transformResult: (args) => Promise.resolve(args.result) });
    const actorOf = async (name: string) => {
      const who = await db.selectFrom('app_user').select('id').where('username', '=', name).executeTakeFirstOrThrow();
      const roles = await db.selectFrom('user_role').select(['organisation_id as organisationId', 'unit_id as unitId', 'role']).where('user_id', '=', who.id).execute();
      return { userId: who.id, username: name, roles } as unknown as Actor;
    };
    for (const [name, count, expected] of [['analyst', 15, 1], [username, listed.length, 2]] as const) {
      const actor = await actorOf(name);
      queries = 0;
      expect(await openableSchools(counted, actor), name).toHaveLength(count);
      expect(queries, name).toBe(expected);
    }
  });

  it('answers 400 for a bad unit id and 404 for a unit that is not a school', async () => {
    const analyst = await as('analyst');
    const bad = await analyst.get('/api/schools/not-a-uuid/profile');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await analyst.get('/api/schools/00000000-0000-4000-8000-000000000000/profile')).statusCode).toBe(404);
    expect((await analyst.get(`/api/schools/${await unitNamed('Elevhälsan Exempelstad')}/profile`)).statusCode).toBe(404);
    expect((await analyst.get(`/api/schools/${school}/profile/pdf?lang=xx`)).statusCode).toBe(400);
  });
});

describe('what a profile holds', () => {
  it('its pupils’ survey results beside the municipality and the county, its trend, and its Kolada results beside the municipality', async () => {
    const view = (await (await as('manager')).get(`/api/schools/${school}/profile`)).json() as SchoolProfileView;
    expect(view.school).toMatchObject({ name: demoSchoolOus[0].unitName, koladaOu: demoSchoolOus[0].ou, municipality: { code: '9901' } });
    expect(view.survey.map((i) => i.id)).toContain('lhu.mar-bra');
    const health = view.survey.find((i) => i.id === 'lhu.mar-bra')!;
    expect(health.waves).toHaveLength(2);
    for (const w of health.waves) for (const c of [w.school, w.municipality, w.county]) expect(c.suppressed).toBe(false);
    expect(health.waves[1]!.change).toMatchObject({ fromYear: health.waves[0]!.year });
    // The municipality and county cells are the open API's: the same figure to twelve decimals. A sum
    // of weights in floating point may differ in its last digit with the order PostgreSQL adds the rows
    // in, which its plan (and an ANALYZE between two calls) decides; no page shows more than one decimal.
    const open = (await t.client().get(`/api/open/survey-estimates?indicator=lhu.mar-bra&area=9901&gender=T&grade=all&year=${health.waves[1]!.year}`)).json() as { cells: { proportion: number }[] };
    expect(health.waves[1]!.municipality).toMatchObject({ proportion: expect.closeTo(open.cells[0]!.proportion, 12) });
    // Girls and boys apart: the school's cells are its row of the analysts' schools table, the
    // municipality's and the county's those of the open API, gender by gender.
    const fine = (await (await as('analyst')).get('/api/survey-estimates/schools?indicator=lhu.mar-bra&municipality=9901')).json() as { cells: ({ schoolUnit: string; gender: string; year: number } & ({ suppressed: false; proportion: number } | { suppressed: true }))[] };
    for (const w of health.waves) {
      expect(w.genders.map((g) => g.gender)).toEqual(['K', 'M']);
      for (const g of w.genders) {
        const row = fine.cells.find((c) => c.schoolUnit === view.school.schoolUnitCode && c.gender === g.gender && c.year === w.year)!;
        expect(row.suppressed).toBe(false);
        expect(g.school).toMatchObject({ suppressed: false, proportion: expect.closeTo((row as { proportion: number }).proportion, 12) });
        const [m] = ((await t.client().get(`/api/open/survey-estimates?indicator=lhu.mar-bra&area=9901&gender=${g.gender}&grade=all&year=${w.year}`)).json() as { cells: { proportion: number }[] }).cells;
        expect(g.municipality).toMatchObject({ suppressed: false, proportion: expect.closeTo(m!.proportion, 12) });
        expect(g.county.suppressed).toBe(false);
      }
      expect(w.genders[0]!.school).not.toEqual(w.genders[1]!.school);
    }
    const kpis = view.kolada.map((k) => k.kpi).sort();
    expect(kpis).toEqual(['N15436', 'N15503']);
    const results = view.kolada.find((k) => k.kpi === 'N15436')!;
    expect(results.years).toHaveLength(10);
    expect(results.years.some((y) => y.school.status === 'confidential' && y.school.value === null)).toBe(true);
    expect(results.years.every((y) => y.municipality?.status === 'ok')).toBe(true);
    // A school without Kolada data says so by an empty list.
    expect(((await (await as('analyst')).get(`/api/schools/${lindmoSchool}/profile`)).json() as SchoolProfileView).kolada).toEqual([]);
  });

  it('as a PDF in Swedish and English, read back with pdf.js, each download logged', async () => {
    const res = await (await as('nurse')).get(`/api/schools/${school}/profile/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="skolprofil-/);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain(`Skolprofil: ${demoSchoolOus[0].unitName}`);
    expect(text).toContain('Andel elever som mår bra');
    expect(text).toContain('Skolresultat från Kolada');
    expect(text).toContain('sekretess (..)');
    expect(text).toContain('Flickor');
    expect(text).toContain('Pojkar');
    expect(text).toMatch(/\d+,\d %/);
    expect(text).toMatch(/Sida 1 av \d/);
    expect(await auditOf(t.database.db, res)).toEqual([expect.objectContaining({ action: 'school.profile.pdf', outcome: 'success', subject_id: school })]);
    const en = await pdfText((await (await as('analyst')).get(`/api/schools/${school}/profile/pdf?lang=en`)).rawPayload);
    expect(en).toContain(`School profile: ${demoSchoolOus[0].unitName}`);
    expect(en).toContain('Share of pupils who feel well');
    expect(en).toMatch(/Page 1 of \d/);
  });
});

describe('suppression holds in the profile and its PDF', () => {
  let strict: TestApp;
  beforeAll(async () => {
    // A threshold above a Lindmo school's answers and below an Exempelstad school's.
    strict = await createTestApp({ suppressionThreshold: 300 });
  });
  afterAll(() => strict.close());

  it('hides a small school’s cells with their reason, never a share or a count, in the view and in the PDF', async () => {
    const analyst = await strict.loginAs('analyst');
    const view = (await analyst.get(`/api/schools/${lindmoSchool}/profile`)).json() as SchoolProfileView;
    const cells = view.survey.flatMap((i) => i.waves.map((w) => w.school));
    expect(cells.some((c) => c.suppressed)).toBe(true);
    for (const c of cells) if (c.suppressed) expect(Object.keys(c).sort()).toEqual(['reason', 'suppressed']);
    else expect(c.respondents).toBeGreaterThanOrEqual(300);
    for (const i of view.survey) for (const w of i.waves) if (w.school.suppressed) expect(w.change).toBeNull();
    const text = await pdfText((await analyst.get(`/api/schools/${lindmoSchool}/profile/pdf`)).rawPayload);
    expect(text).toContain('för få svar');
    // The analysts' table of the municipality's schools hides the same cells.
    const fine = (await analyst.get('/api/survey-estimates/schools?indicator=lhu.mar-bra&municipality=9905')).json() as { cells: { schoolUnit: string; gender: string; year: number; suppressed: boolean }[] };
    const code = view.school.schoolUnitCode!;
    const health = view.survey.find((i) => i.id === 'lhu.mar-bra')!;
    for (const w of health.waves) expect(w.school.suppressed).toBe(fine.cells.find((c) => c.schoolUnit === code && c.gender === 'T' && c.year === w.year)?.suppressed ?? true);
    // Girls and boys: hidden exactly where the analysts' table hides them, and only with a reason.
    const genderCells = health.waves.flatMap((w) => w.genders.map((g) => ({ year: w.year, ...g })));
    expect(genderCells.some((g) => g.school.suppressed)).toBe(true);
    for (const g of genderCells) {
      expect(g.school.suppressed).toBe(fine.cells.find((c) => c.schoolUnit === code && c.gender === g.gender && c.year === g.year)?.suppressed ?? true);
      for (const c of [g.school, g.municipality, g.county]) if (c.suppressed) expect(Object.keys(c).sort()).toEqual(['reason', 'suppressed']);
    }
  });
});
