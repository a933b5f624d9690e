import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureView, NetworkView, ProjectView } from '@samsyn/core';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { userIdOf } from '../test/fixtures.ts';

let t: TestApp;
const clients = new Map<string, TestClient>();
const as = async (username: string) => {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
};
let school: NetworkView;
let early: NetworkView;
let project: ProjectView;

const byName = async (client: TestClient, name: string) => {
  const list = (await client.get('/api/improvement/networks')).json() as { networks: { id: string; name: string }[] };
  return list.networks.find((n) => n.name === name);
};

beforeAll(async () => {
  t = await createTestApp();
  const coordinator = await as('coordinator');
  school = (await coordinator.get(`/api/improvement/networks/${(await byName(coordinator, 'Bästa platsen att växa upp – närvaro'))!.id}`)).json();
  early = (await coordinator.get(`/api/improvement/networks/${(await byName(coordinator, 'Trygg start 0–5'))!.id}`)).json();
  const team = school.teamList.find((x) => x.name === 'Centrumskolan Exempelstad')!;
  project = (await coordinator.get(`/api/improvement/projects/${team.projectId}`)).json();
});
afterAll(() => t.close());

const auditOf = (action: string) => t.database.db.selectFrom('audit_log').select(['action', 'subject_id', 'outcome', 'details']).where('action', '=', action).execute();
const all = ['sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'guardian', 'child'];

describe('the demo’s learning networks', () => {
  it('has two networks with 8 teams from several organisations, sessions with attendance, and 2 years of weekly values', async () => {
    expect(school.teamList.length + early.teamList.length).toBe(8);
    expect(school.organisations).toBeGreaterThan(3);
    expect(school.sessions.some((s) => s.attendingTeamIds.length > 0)).toBe(true);
    expect(school.nextSession).not.toBeNull();
    expect(project.measures.map((m) => m.role)).toEqual(['outcome', 'process', 'balancing']);
    expect(project.measures[0]!.values).toBe(104);
    expect(project.drivers.filter((d) => d.parentId === null)).toHaveLength(2);
    expect(project.pdsa.map((c) => c.act)).toEqual(['abandon', 'adapt', 'adopt', null]);
  });

  it('shows a real shift after the adopted change: the long run is a signal, annotated from the PDSA log, limits recomputed', async () => {
    const outcome = (await (await as('teacher')).get(`/api/improvement/measures/${project.measures[0]!.id}`)).json() as MeasureView;
    expect(outcome.chart).toBe('p');
    expect(outcome.status).toBe('signal');
    expect(outcome.run.runsSignal).toBe(true);
    expect(outcome.points.filter((p) => p.inLongRun).length).toBeGreaterThan(outcome.run.longestRunMax!);
    expect(outcome.annotations.map((a) => a.title)).toContain('Hela arbetslaget');
    const phase = outcome.points.findIndex((p) => p.period >= outcome.phaseStarts[0]!);
    expect(outcome.points[phase]!.centre).toBeGreaterThan(outcome.points[0]!.centre! + 0.05);
    // p-chart limits follow each week's size.
    expect(new Set(outcome.points.slice(0, 10).map((p) => p.ucl)).size).toBeGreaterThan(1);
    const process = (await (await as('teacher')).get(`/api/improvement/measures/${project.measures[1]!.id}`)).json() as MeasureView;
    expect(process.chart).toBe('i');
    expect(process.points[1]!.movingRange).not.toBeNull();
  });

  it('gives the coach all their teams on one page, across networks', async () => {
    const res = await (await as('psychologist')).get('/api/improvement/coach');
    const teams = (res.json() as { teams: { name: string; network: { name: string }; status: string }[] }).teams;
    expect(teams).toHaveLength(4);
    expect(new Set(teams.map((x) => x.network.name)).size).toBe(2);
    expect(teams.find((x) => x.name === 'Centrumskolan Exempelstad')!.status).toBe('signal');
  });
});

describe('who reads a network (every demo role)', () => {
  // The school network has teams from Exempelstad, Norrvik, Sjöbacka, the region and Fristad; the early-years one from Åsberga, Lindmo and Sjöbacka.
  const cases: [string, number, number][] = [
    ['sysadmin', 403, 403],
    ['orgadmin', 403, 403],
    ['manager', 200, 403],
    ['coordinator', 200, 200],
    ['analyst', 200, 403],
    ['teacher', 200, 403],
    ['nurse', 200, 403],
    ['socialworker', 200, 403],
    ['psychologist', 200, 200],
    ['outsider', 200, 403],
    ['guardian', 403, 403],
    ['child', 403, 403],
  ];
  it.each(cases)('%s: school network %i, early-years network %i', async (username, first, second) => {
    const client = await as(username);
    expect((await client.get(`/api/improvement/networks/${school.id}`)).statusCode).toBe(first);
    expect((await client.get(`/api/improvement/networks/${early.id}`)).statusCode).toBe(second);
    expect((await client.get(`/api/improvement/projects/${project.id}`)).statusCode).toBe(first);
  });

  it('answers 401 without a session', async () => {
    expect((await t.client().get('/api/improvement/networks')).statusCode).toBe(401);
  });
});

describe('who changes a project (every demo role)', () => {
  const editors = new Set(['teacher', 'nurse', 'psychologist']);
  const readers = new Set(['manager', 'coordinator', 'analyst', 'socialworker', 'outsider']);
  // A driver, a change idea, a measure and the marked phases: the changes the project's forms make.
  it.each(all)('%s', async (username) => {
    const client = await as(username);
    const outcome = (await (await as('coordinator')).get(`/api/improvement/measures/${project.measures[0]!.id}`)).json() as MeasureView;
    const changes = [
      await client.post(`/api/improvement/projects/${project.id}/drivers`, { title: `Drivkraft av ${username}` }),
      await client.post(`/api/improvement/projects/${project.id}/change-ideas`, { title: `Idé av ${username}`, driverId: project.drivers[0]!.id }),
      await client.post(`/api/improvement/projects/${project.id}/measures`, { name: `Mått av ${username}`, role: 'balancing', definition: 'Räknas varje fredag', kind: 'count', frequency: 'weekly' }),
      await client.patch(`/api/improvement/measures/${outcome.id}`, { phaseStarts: outcome.phaseStarts }),
    ];
    for (const res of changes) {
      if (editors.has(username)) {
        expect(res.statusCode).toBeLessThan(300);
        expect((res.json() as { canEdit: boolean }).canEdit).toBe(true);
      } else {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe(readers.has(username) ? 'not_team_member' : 'forbidden');
      }
    }
  });

  it('audits each change in its transaction, and each refusal of a reader who is not on the team', async () => {
    const entries = (await auditOf('improvement.driver.create')).filter((e) => e.subject_id === project.id);
    expect(entries.filter((e) => e.outcome === 'success')).toHaveLength(3);
    const refused = entries.filter((e) => e.outcome === 'denied');
    expect(refused).toHaveLength(readers.size);
    expect(refused.every((e) => (e.details as { reason: string }).reason === 'not_team_member')).toBe(true);
    for (const action of ['improvement.change_idea.create', 'improvement.measure.create', 'improvement.measure.update']) {
      const outcomes = (await auditOf(action)).filter((e) => e.subject_id === project.id).map((e) => e.outcome);
      expect(outcomes.filter((o) => o === 'success'), action).toHaveLength(3);
      expect(outcomes.filter((o) => o === 'denied'), action).toHaveLength(readers.size);
    }
  });
});

describe('who builds a team and who starts its project (every demo role)', () => {
  let teamId = '';
  it('only a coordinator adds a team to a network or changes its coach and members', async () => {
    const organisationId = school.teamList[0]!.organisation.id;
    const [teacherId, psychologistId] = [await userIdOf(t.database.db, 'teacher'), await userIdOf(t.database.db, 'psychologist')];
    for (const username of all) {
      const res = await (await as(username)).post(`/api/improvement/networks/${school.id}/teams`, { name: `Lag av ${username}`, organisationId, coachUserId: psychologistId, memberUserIds: [teacherId] });
      expect(res.statusCode, username).toBe(username === 'coordinator' ? 201 : 403);
      if (username === 'coordinator') teamId = (res.json() as NetworkView).teamList.find((x) => x.name === 'Lag av coordinator')!.id;
    }
    const again = await (await as('coordinator')).post(`/api/improvement/networks/${school.id}/teams`, { name: 'Lag av coordinator', organisationId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].message).toBe('team_name_taken');
    for (const username of all) {
      const res = await (await as(username)).patch(`/api/improvement/teams/${teamId}`, { memberUserIds: [teacherId] });
      expect(res.statusCode, username).toBe(username === 'coordinator' ? 200 : 403);
    }
    const team = ((await (await as('coordinator')).get(`/api/improvement/networks/${school.id}`)).json() as NetworkView).teamList.find((x) => x.id === teamId)!;
    expect([team.coach?.displayName, team.members.map((m) => m.displayName), team.projectId, team.canEdit]).toEqual(['Petra Psykolog', ['Tove Lärare'], null, false]);
  });

  it('only its members and coach start the team’s project (the team’s canEdit); each refusal of a professional is logged', async () => {
    const body = { title: 'Rörelse', aimWhat: 'Fler lektioner med rörelsepaus', aimHowMuch: 'från 20 % till 80 %', aimBy: '2027-06-30' };
    let notOnTeam = 0;
    for (const username of all.filter((u) => u !== 'teacher' && u !== 'psychologist')) {
      const res = await (await as(username)).post(`/api/improvement/teams/${teamId}/project`, body);
      expect(res.statusCode, username).toBe(403);
      if (res.json().error.code === 'not_team_member') notOnTeam += 1;
    }
    const view = (await (await as('teacher')).get(`/api/improvement/networks/${school.id}`)).json() as NetworkView;
    expect(view.teamList.find((x) => x.id === teamId)!.canEdit).toBe(true);
    const started = await (await as('teacher')).post(`/api/improvement/teams/${teamId}/project`, body);
    expect(started.statusCode).toBe(201);
    expect((started.json() as ProjectView).canEdit).toBe(true);
    // The coach passes the team check too: the team has its one project now.
    const coach = await (await as('psychologist')).post(`/api/improvement/teams/${teamId}/project`, body);
    expect(coach.json().error.details[0].message).toBe('team_has_project');
    const refused = (await auditOf('improvement.project.create')).filter((e) => e.outcome === 'denied' && (e.details as { teamId?: string }).teamId === teamId);
    expect(notOnTeam).toBeGreaterThan(4);
    expect(refused).toHaveLength(notOnTeam);
  });
});

describe('a team member works on the project', () => {
  it('records a PDSA cycle linked to a change idea, and refuses an idea of another project', async () => {
    const teacher = await as('teacher');
    const idea = project.changeIdeas[0]!;
    const ok = await teacher.post(`/api/improvement/projects/${project.id}/pdsa`, { changeIdeaId: idea.id, title: 'Ny cykel', plan: 'Planen', prediction: 'Det blir bättre', startsOn: '2026-01-05' });
    expect(ok.statusCode).toBe(201);
    const cycle = (ok.json() as ProjectView).pdsa.find((c) => c.title === 'Ny cykel')!;
    const acted = await teacher.patch(`/api/improvement/projects/${project.id}/pdsa/${cycle.id}`, { study: 'Det blev bättre', act: 'adopt', endsOn: '2026-02-02' });
    expect((acted.json() as ProjectView).pdsa.find((c) => c.id === cycle.id)!.act).toBe('adopt');
    const other = (await teacher.get(`/api/improvement/projects/${school.teamList.find((x) => x.name === 'Norrviks högstadium')!.projectId}`)).json() as ProjectView;
    const wrong = await teacher.post(`/api/improvement/projects/${project.id}/pdsa`, { changeIdeaId: other.changeIdeas[0]!.id, title: 'X', plan: 'P', prediction: 'Q', startsOn: '2026-01-05' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].message).toBe('unknown_change_idea');
    expect((await teacher.post(`/api/improvement/projects/${other.id}/pdsa`, { changeIdeaId: other.changeIdeas[0]!.id, title: 'X', plan: 'P', prediction: 'Q', startsOn: '2026-01-05' })).json().error.code).toBe('not_team_member');
  });

  it('enters weekly values on the week’s Monday, replacing a period entered again, and checks the kind', async () => {
    const teacher = await as('teacher');
    const added = (await teacher.post(`/api/improvement/projects/${project.id}/measures`, { name: 'Antal hembesök', role: 'process', definition: 'Räknas varje fredag', kind: 'count', frequency: 'weekly' })).json() as ProjectView;
    const measure = added.measures.at(-1)!;
    const put = (values: unknown) => teacher.post(`/api/improvement/measures/${measure.id}/values`, { values });
    expect((await put([{ period: '2026-03-04', value: 3 }])).statusCode).toBe(200);
    const again = (await put([{ period: '2026-03-06', value: 5 }])).json() as MeasureView;
    expect(again.points).toEqual([expect.objectContaining({ period: '2026-03-02', value: 5 })]);
    const bad = await put([{ period: '2026-03-06', numerator: 1, denominator: 2 }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe('value_required');
    expect((await (await as('socialworker')).post(`/api/improvement/measures/${measure.id}/values`, { values: [{ period: '2026-03-06', value: 1 }] })).json().error.code).toBe('not_team_member');
  });

  it('imports a CSV: a preview with each row’s error writes nothing; accepted, it writes once and again changes nothing', async () => {
    const teacher = await as('teacher');
    const added = (await teacher.post(`/api/improvement/projects/${project.id}/measures`, { name: 'Andel i tid', role: 'process', definition: 'Täljare och nämnare per månad', kind: 'proportion', frequency: 'monthly' })).json() as ProjectView;
    const measure = added.measures.at(-1)!;
    const bad = 'period;täljare;nämnare\n2026-01-15;5;10\n2026-02-30;1;2\n2026-03-01;7;5\n';
    const preview = (await teacher.post(`/api/improvement/measures/${measure.id}/import`, { csv: bad, accept: true })).json();
    expect(preview.rows.map((r: { error: string | null }) => r.error)).toEqual([null, 'invalid_date', 'numerator_above_denominator']);
    expect(preview.written).toBe(0);
    const good = 'period;täljare;nämnare\n2026-01-15;5;10\n2026-02-03;6;10\n';
    const first = (await teacher.post(`/api/improvement/measures/${measure.id}/import`, { csv: good, accept: true })).json();
    expect(first.written).toBe(2);
    const second = (await teacher.post(`/api/improvement/measures/${measure.id}/import`, { csv: good })).json();
    expect(second.rows.every((r: { replaces: boolean }) => r.replaces)).toBe(true);
    await teacher.post(`/api/improvement/measures/${measure.id}/import`, { csv: good, accept: true });
    const view = (await teacher.get(`/api/improvement/measures/${measure.id}`)).json() as MeasureView;
    expect(view.points.map((p) => [p.period, p.numerator])).toEqual([['2026-01-01', 5], ['2026-02-01', 6]]);
    expect((await auditOf('improvement.values.import')).length).toBe(2);
  });
});

describe('the collaboration coordinator builds networks', () => {
  it('creates a network, adds a team with a coach, schedules a session and records attendance; others get 403', async () => {
    const coordinator = await as('coordinator');
    const created = await coordinator.post('/api/improvement/networks', { name: 'Nytt nätverk', priorityArea: 'physical_activity', ageGroup: '6-12' });
    expect(created.statusCode).toBe(201);
    const network = created.json() as NetworkView;
    expect(network.workspaceId).toBeNull();
    const orgId = school.teamList[0]!.organisation.id;
    const teacherId = await userIdOf(t.database.db, 'teacher');
    const withTeam = (await coordinator.post(`/api/improvement/networks/${network.id}/teams`, { name: 'Lag A', organisationId: orgId, coachUserId: await userIdOf(t.database.db, 'nurse'), memberUserIds: [teacherId] })).json() as NetworkView;
    expect(withTeam.teamList[0]!.coach!.displayName).toBe('Nora Skolsköterska');
    const withSession = (await coordinator.post(`/api/improvement/networks/${network.id}/sessions`, { heldOn: '2026-05-01', title: 'Första' })).json() as NetworkView;
    const attended = await coordinator.post(`/api/improvement/networks/${network.id}/sessions/${withSession.sessions[0]!.id}/attendance`, { teamIds: [withTeam.teamList[0]!.id] });
    expect((attended.json() as NetworkView).sessions[0]!.attendingTeamIds).toEqual([withTeam.teamList[0]!.id]);
    const started = await (await as('teacher')).post(`/api/improvement/teams/${withTeam.teamList[0]!.id}/project`, { title: 'Projekt', aimWhat: 'Mer rörelse', aimHowMuch: '+10 %', aimBy: '2027-06-01' });
    expect(started.statusCode).toBe(201);
    for (const username of ['teacher', 'analyst', 'manager', 'psychologist']) {
      expect((await (await as(username)).post('/api/improvement/networks', { name: 'X', priorityArea: 'other', ageGroup: '0-18' })).statusCode, username).toBe(403);
    }
    expect((await auditOf('improvement.network.create')).length).toBe(1);
  });
});

describe('the link to a county indicator', () => {
  it('shows the team’s results beside the indicator, and the catalogue lists the projects aiming at it for those who read their network', async () => {
    const db = t.database.db;
    const owner = school.teamList[0]!.organisation.id;
    const creator = await userIdOf(db, 'analyst');
    const at = t.app.services.clock.now();
    await db.insertInto('indicator').values({ id: 'test.narvaro', name_sv: 'Närvaro', name_en: 'Attendance', unit: 'percent', direction: 'higher_is_better', priority_area: 'completed_studies', source_kind: 'samsyn', source_ref: 'narvaro', pupil_basis: null, breakdowns: ['year'], owner_organisation_id: owner, created_by: creator, created_at: at, updated_at: at }).execute();
    expect((await (await as('socialworker')).patch(`/api/improvement/projects/${project.id}`, { indicatorId: 'test.narvaro' })).json().error.code).toBe('not_team_member');
    const linked = (await (await as('nurse')).patch(`/api/improvement/projects/${project.id}`, { indicatorId: 'test.narvaro' })).json() as ProjectView;
    expect(linked.indicator).toEqual({ id: 'test.narvaro', name: 'Närvaro' });
    expect(linked.aimWhat).toBe(project.aimWhat);
    expect(linked.indicatorTrend.length).toBeGreaterThanOrEqual(2);
    expect(linked.indicatorTrend.every((r) => r.team !== null && r.team > 50)).toBe(true);
    expect((await (await as('nurse')).patch(`/api/improvement/projects/${project.id}`, { indicatorId: 'no.such' })).json().error.details[0].message).toBe('unknown_indicator');
    const listed = (await (await as('teacher')).get('/api/improvement/indicators/test.narvaro/projects')).json() as { projects: { team: string }[] };
    expect(listed.projects.map((p) => p.team)).toEqual(['Centrumskolan Exempelstad']);
    const all = (await (await as('outsider')).get('/api/improvement/indicator-projects')).json() as { projects: { indicatorId: string }[] };
    expect(all.projects.filter((p) => p.indicatorId === 'test.narvaro')).toHaveLength(1);
    expect((await (await as('orgadmin')).get('/api/improvement/indicators/test.narvaro/projects')).json().projects).toEqual([]);
  });
});
