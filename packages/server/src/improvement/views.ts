import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { canEditProject, isImprovementCoordinator, stockholmDate, type ImprovementActor, type MeasureView, type NetworkView, type ProjectView, type TeamSummary } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { improvementActor, readableNetwork, readableProject, readsNetwork, teamsOf, type TeamRecord } from './access.ts';
import { chartOf, quickStatus, type ValueRow } from './charts.ts';

/** The read side: lists and pages, each answering what the caller may do. */

async function names(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function valuesOf(db: Kysely<DB>, measureIds: readonly string[]): Promise<Map<string, ValueRow[]>> {
  const out = new Map<string, ValueRow[]>(measureIds.map((id) => [id, []]));
  if (measureIds.length === 0) return out;
  const rows = await db.selectFrom('improvement_value').select(['measure_id', 'period_start', 'value', 'numerator', 'denominator']).where('measure_id', 'in', [...measureIds]).orderBy('period_start').execute();
  for (const r of rows) out.get(r.measure_id)!.push({ period: r.period_start, value: r.value, numerator: r.numerator, denominator: r.denominator });
  return out;
}

export async function teamSummaries(db: Kysely<DB>, actor: ImprovementActor, teams: readonly TeamRecord[]): Promise<TeamSummary[]> {
  const people = await names(db, teams.flatMap((t) => [...t.memberUserIds, ...(t.coachUserId ? [t.coachUserId] : [])]));
  const projects = teams.length === 0 ? [] : await db.selectFrom('improvement_project').select(['id', 'team_id', 'title']).where('team_id', 'in', teams.map((t) => t.id)).execute();
  const outcomes = projects.length === 0 ? [] : await db.selectFrom('improvement_measure').select(['id', 'project_id', 'kind']).where('project_id', 'in', projects.map((p) => p.id)).where('role', '=', 'outcome').orderBy('created_at').execute();
  const values = await valuesOf(db, outcomes.map((m) => m.id));
  const person = (id: string) => ({ id, displayName: people.get(id) ?? '' });
  return teams.map((t) => {
    const project = projects.find((p) => p.team_id === t.id);
    const outcome = project && outcomes.find((m) => m.project_id === project.id);
    return {
      id: t.id,
      name: t.name,
      organisation: { id: t.organisationId, name: t.organisationName },
      coach: t.coachUserId ? person(t.coachUserId) : null,
      members: t.memberUserIds.map(person),
      projectId: project?.id ?? null,
      projectTitle: project?.title ?? null,
      status: outcome ? quickStatus(outcome.kind, values.get(outcome.id)!) : 'no_measure',
      canEdit: canEditProject(actor, t),
    };
  });
}

export async function networkList(db: Kysely<DB>, request: FastifyRequest) {
  const actor = improvementActor(request);
  const networks = await db.selectFrom('improvement_network').selectAll().orderBy('name').execute();
  const teams = await teamsOf(db, { networkIds: networks.map((n) => n.id) });
  const today = stockholmDate(request.server.services.clock.now());
  const sessions = await db.selectFrom('improvement_session').select(['network_id', 'held_on']).where('held_on', '>=', today).orderBy('held_on').execute();
  const visible = networks.filter((n) => readsNetwork(actor, teams.filter((t) => t.networkId === n.id)));
  return {
    canCreate: isImprovementCoordinator(actor),
    networks: visible.map((n) => {
      const own = teams.filter((t) => t.networkId === n.id);
      return { id: n.id, name: n.name, priorityArea: n.priority_area, ageGroup: n.age_group, teams: own.length, organisations: new Set(own.map((t) => t.organisationId)).size, nextSession: sessions.find((s) => s.network_id === n.id)?.held_on ?? null };
    }),
  };
}

export async function networkView(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<NetworkView> {
  const { actor, teams } = await readableNetwork(db, request, id);
  const n = await db.selectFrom('improvement_network').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const sessions = await db.selectFrom('improvement_session').select(['id', 'held_on', 'title']).where('network_id', '=', id).orderBy('held_on').execute();
  const attendance = sessions.length === 0 ? [] : await db.selectFrom('improvement_attendance').select(['session_id', 'team_id']).where('session_id', 'in', sessions.map((s) => s.id)).execute();
  const today = stockholmDate(request.server.services.clock.now());
  return {
    id: n.id,
    name: n.name,
    priorityArea: n.priority_area,
    ageGroup: n.age_group,
    description: n.description,
    workspaceId: n.workspace_id,
    teams: teams.length,
    organisations: new Set(teams.map((t) => t.organisationId)).size,
    nextSession: sessions.find((s) => s.held_on >= today)?.held_on ?? null,
    teamList: await teamSummaries(db, actor, teams),
    sessions: sessions.map((s) => ({ id: s.id, heldOn: s.held_on, title: s.title, attendingTeamIds: attendance.filter((a) => a.session_id === s.id).map((a) => a.team_id) })),
    canManage: isImprovementCoordinator(actor),
  };
}

/** Every team the caller coaches, across networks, with its progress. */
export async function coachView(db: Kysely<DB>, request: FastifyRequest) {
  const actor = improvementActor(request);
  const ids = await db.selectFrom('improvement_team').select('id').where('coach_user_id', '=', actor.userId).execute();
  const teams = (await Promise.all(ids.map((r) => teamsOf(db, { teamId: r.id })))).flat();
  const summaries = await teamSummaries(db, actor, teams);
  const networks = teams.length === 0 ? [] : await db.selectFrom('improvement_network').select(['id', 'name']).where('id', 'in', teams.map((t) => t.networkId)).execute();
  const projectIds = summaries.flatMap((s) => (s.projectId ? [s.projectId] : []));
  const open = projectIds.length === 0 ? [] : await db.selectFrom('improvement_pdsa').select(['project_id']).where('project_id', 'in', projectIds).where('act', 'is', null).execute();
  const last = projectIds.length === 0 ? [] : await db.selectFrom('improvement_value as v').innerJoin('improvement_measure as m', 'm.id', 'v.measure_id').select(['m.project_id', (eb) => eb.fn.max('v.period_start').as('last')]).where('m.project_id', 'in', projectIds).groupBy('m.project_id').execute();
  return {
    teams: summaries.map((s, i) => ({
      ...s,
      network: networks.find((n) => n.id === teams[i]!.networkId)!,
      pdsaOpen: open.filter((o) => o.project_id === s.projectId).length,
      lastValue: (last.find((l) => l.project_id === s.projectId)?.last as string | undefined) ?? null,
    })),
  };
}

export async function projectView(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<ProjectView> {
  const { team, canEdit } = await readableProject(db, request, id);
  const p = await db.selectFrom('improvement_project').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [network, drivers, ideas, measures, pdsa, indicator] = await Promise.all([
    db.selectFrom('improvement_network').select(['id', 'name']).where('id', '=', team.networkId).executeTakeFirstOrThrow(),
    db.selectFrom('improvement_driver').select(['id', 'title', 'parent_id']).where('project_id', '=', id).orderBy('title').execute(),
    db.selectFrom('improvement_change_idea').select(['id', 'title', 'driver_id']).where('project_id', '=', id).orderBy('title').execute(),
    db.selectFrom('improvement_measure').selectAll().where('project_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('improvement_pdsa').selectAll().where('project_id', '=', id).orderBy('starts_on').execute(),
    p.indicator_id ? db.selectFrom('indicator').select(['id', 'name_sv', 'name_en']).where('id', '=', p.indicator_id).executeTakeFirst() : Promise.resolve(undefined),
  ]);
  const values = await valuesOf(db, measures.map((m) => m.id));
  const people = await names(db, [...team.memberUserIds, ...(team.coachUserId ? [team.coachUserId] : [])]);
  const person = (pid: string) => ({ id: pid, displayName: people.get(pid) ?? '' });
  const english = request.headers['accept-language']?.startsWith('en') ?? false;
  return {
    id: p.id,
    team: { id: team.id, name: team.name, organisation: { id: team.organisationId, name: team.organisationName }, coach: team.coachUserId ? person(team.coachUserId) : null, members: team.memberUserIds.map(person) },
    network,
    title: p.title,
    aimWhat: p.aim_what,
    aimHowMuch: p.aim_how_much,
    aimBy: p.aim_by,
    indicator: indicator ? { id: indicator.id, name: english ? indicator.name_en : indicator.name_sv } : null,
    indicatorTrend: await indicatorTrend(db, p.indicator_id, team.organisationId, measures.find((m) => m.role === 'outcome'), values),
    drivers: drivers.map((d) => ({ id: d.id, title: d.title, parentId: d.parent_id })),
    changeIdeas: ideas.map((c) => ({ id: c.id, title: c.title, driverId: c.driver_id })),
    measures: measures.map((m) => ({ id: m.id, name: m.name, role: m.role, definition: m.definition, kind: m.kind, frequency: m.frequency, values: values.get(m.id)!.length, status: quickStatus(m.kind, values.get(m.id)!) })),
    pdsa: pdsa.map((c) => ({ id: c.id, changeIdeaId: c.change_idea_id, title: c.title, plan: c.plan, prediction: c.prediction, doNotes: c.do_notes, study: c.study, act: c.act, startsOn: c.starts_on, endsOn: c.ends_on })),
    canEdit,
  };
}

export async function measureView(db: Kysely<DB>, request: FastifyRequest, id: string): Promise<MeasureView> {
  // date[] as text[]: PostgreSQL's driver parses date but not date[] (as action plans' check-in dates do).
  const m = await db.selectFrom('improvement_measure').select(['id', 'project_id', 'name', 'role', 'definition', 'kind', 'frequency', sql<string[]>`phase_starts::text[]`.as('phase_starts')]).where('id', '=', id).executeTakeFirst();
  if (!m) throw new AppError('not_found');
  const { canEdit } = await readableProject(db, request, m.project_id);
  const rows = (await valuesOf(db, [id])).get(id)!;
  const pdsa = await db.selectFrom('improvement_pdsa as c').innerJoin('improvement_change_idea as i', 'i.id', 'c.change_idea_id').select(['c.id', 'c.title', 'i.title as idea', 'c.act', 'c.starts_on', 'c.ends_on']).where('c.project_id', '=', m.project_id).orderBy('c.starts_on').execute();
  const chart = chartOf({ kind: m.kind, phaseStarts: m.phase_starts }, rows, pdsa.map((c) => ({ id: c.id, title: c.title, changeIdea: c.idea, act: c.act, startsOn: c.starts_on, endsOn: c.ends_on })));
  return { id: m.id, projectId: m.project_id, name: m.name, role: m.role, definition: m.definition, kind: m.kind, frequency: m.frequency, phaseStarts: m.phase_starts, ...chart, canEdit };
}

/** The projects that aim at an indicator, for the indicator's page (only networks the caller reads). */
export async function projectsForIndicator(db: Kysely<DB>, request: FastifyRequest, indicatorId: string | null) {
  const actor = improvementActor(request);
  let q = db.selectFrom('improvement_project as p').innerJoin('improvement_team as t', 't.id', 'p.team_id').innerJoin('improvement_network as n', 'n.id', 't.network_id').select(['p.id', 'p.title', 'p.indicator_id', 't.name as team', 'n.id as network_id', 'n.name as network']).where('p.indicator_id', 'is not', null).orderBy('p.title');
  if (indicatorId !== null) q = q.where('p.indicator_id', '=', indicatorId);
  const rows = await q.execute();
  const teams = await teamsOf(db, { networkIds: [...new Set(rows.map((r) => r.network_id))] });
  return { projects: rows.filter((r) => readsNetwork(actor, teams.filter((t) => t.networkId === r.network_id))).map((r) => ({ id: r.id, title: r.title, indicatorId: r.indicator_id!, team: r.team, network: r.network, organisation: teams.find((t) => t.name === r.team && t.networkId === r.network_id)?.organisationName ?? '' })) };
}

/**
 * The team's results beside the indicator's trend: per year, the Kolada value for the team's
 * municipality (total, both genders) and the outcome measure's mean (a proportion as percent, as
 * Kolada gives it). A region's or partner's team has no municipality: only its own figures.
 */
async function indicatorTrend(db: Kysely<DB>, indicatorId: string | null, organisationId: string, outcome: { id: string; kind: string } | undefined, values: Map<string, ValueRow[]>) {
  if (!indicatorId) return [];
  const indicator = await db.selectFrom('indicator').select(['source_kind', 'source_ref']).where('id', '=', indicatorId).executeTakeFirst();
  const org = await db.selectFrom('organisation').select('municipality_code').where('id', '=', organisationId).executeTakeFirst();
  const kolada = indicator?.source_kind === 'kolada' && org?.municipality_code
    ? await db.selectFrom('kolada_value').select(['period', 'value']).where('kpi', '=', indicator.source_ref).where('municipality', '=', org.municipality_code).where('gender', '=', 'T').orderBy('period').execute()
    : [];
  const byYear = new Map<number, number[]>();
  for (const r of outcome ? values.get(outcome.id)! : []) {
    const v = outcome!.kind === 'proportion' ? (r.denominator ? (100 * r.numerator!) / r.denominator : null) : r.value;
    if (v !== null) byYear.set(Number(r.period.slice(0, 4)), [...(byYear.get(Number(r.period.slice(0, 4))) ?? []), v]);
  }
  const years = [...new Set([...kolada.map((k) => k.period), ...byYear.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const team = byYear.get(year);
    return { year, indicator: kolada.find((k) => k.period === year)?.value ?? null, team: team ? Math.round((10 * team.reduce((a, b) => a + b, 0)) / team.length) / 10 : null };
  });
}
