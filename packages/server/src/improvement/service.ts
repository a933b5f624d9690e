import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { isOnTeam } from '@samsyn/core';
import type { AttendanceInput, ChangeIdeaInput, DriverInput, MeasureInput, NetworkInput, PdsaInput, PdsaUpdate, ProjectInput, ProjectUpdate, SessionInput, TeamInput, TeamUpdate, ValueEntry } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { audit, coordinator, editableProject, improvementActor, invalid, measureProject, refuseNotOnTeam, teamsOf } from './access.ts';
import { periodOf } from './charts.ts';

/**
 * The writes. Each is one transaction with its audit entry; what a change names (organisations,
 * users, drivers, change ideas, the indicator) must exist, or 400 with the field's path.
 */

type In<T extends z.ZodType> = z.infer<T>;
const now = (request: FastifyRequest) => request.server.services.clock.now();

async function checkUsers(trx: Transaction<DB>, ids: readonly string[], path: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await trx.selectFrom('app_user').select('id').where('id', 'in', [...ids]).execute()).map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw invalid(path, 'unknown_user');
}

export async function createNetwork(db: Kysely<DB>, request: FastifyRequest, input: In<typeof NetworkInput>): Promise<string> {
  const actor = coordinator(request);
  const at = now(request);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('improvement_network').values({ name: input.name, priority_area: input.priorityArea, age_group: input.ageGroup, description: input.description, workspace_id: null, created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, request, { type: 'improvement_network', id }, 'improvement.network.create', { after: input });
    return id;
  });
}

export async function createTeam(db: Kysely<DB>, request: FastifyRequest, networkId: string, input: In<typeof TeamInput>): Promise<string> {
  coordinator(request);
  return db.transaction().execute(async (trx) => {
    const network = await trx.selectFrom('improvement_network').select('id').where('id', '=', networkId).executeTakeFirst();
    if (!network) throw new AppError('not_found');
    const org = await trx.selectFrom('organisation').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!org) throw invalid('body.organisationId', 'unknown_organisation');
    await checkUsers(trx, input.coachUserId ? [input.coachUserId] : [], 'body.coachUserId');
    await checkUsers(trx, input.memberUserIds, 'body.memberUserIds');
    const taken = await trx.selectFrom('improvement_team').select('id').where('network_id', '=', networkId).where('name', '=', input.name).executeTakeFirst();
    if (taken) throw new AppError('conflict', { details: [{ path: 'body.name', message: 'team_name_taken' }] });
    const { id } = await trx.insertInto('improvement_team').values({ network_id: networkId, organisation_id: input.organisationId, name: input.name, coach_user_id: input.coachUserId, created_at: now(request) }).returning('id').executeTakeFirstOrThrow();
    const members = [...new Set(input.memberUserIds)];
    if (members.length > 0) await trx.insertInto('improvement_team_member').values(members.map((u) => ({ team_id: id, user_id: u }))).execute();
    await audit(trx, request, { type: 'improvement_network', id: networkId, organisationId: input.organisationId }, 'improvement.team.create', { teamId: id, after: input });
    return id;
  });
}

export async function updateTeam(db: Kysely<DB>, request: FastifyRequest, teamId: string, change: In<typeof TeamUpdate>): Promise<string> {
  coordinator(request);
  return db.transaction().execute(async (trx) => {
    const [team] = await teamsOf(trx, { teamId });
    if (!team) throw new AppError('not_found');
    if (change.coachUserId !== undefined) {
      await checkUsers(trx, change.coachUserId ? [change.coachUserId] : [], 'body.coachUserId');
      await trx.updateTable('improvement_team').set({ coach_user_id: change.coachUserId }).where('id', '=', teamId).execute();
    }
    if (change.memberUserIds) {
      await checkUsers(trx, change.memberUserIds, 'body.memberUserIds');
      await trx.deleteFrom('improvement_team_member').where('team_id', '=', teamId).execute();
      const members = [...new Set(change.memberUserIds)];
      if (members.length > 0) await trx.insertInto('improvement_team_member').values(members.map((u) => ({ team_id: teamId, user_id: u }))).execute();
    }
    await audit(trx, request, { type: 'improvement_network', id: team.networkId, organisationId: team.organisationId }, 'improvement.team.update', { teamId, before: { coachUserId: team.coachUserId, memberUserIds: team.memberUserIds }, after: change });
    return team.networkId;
  });
}

export async function createSession(db: Kysely<DB>, request: FastifyRequest, networkId: string, input: In<typeof SessionInput>): Promise<void> {
  coordinator(request);
  await db.transaction().execute(async (trx) => {
    const network = await trx.selectFrom('improvement_network').select('id').where('id', '=', networkId).executeTakeFirst();
    if (!network) throw new AppError('not_found');
    const { id } = await trx.insertInto('improvement_session').values({ network_id: networkId, held_on: input.heldOn, title: input.title }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, request, { type: 'improvement_network', id: networkId }, 'improvement.session.create', { sessionId: id, after: input });
  });
}

/** Attendance replaces the session's list: the teams that were there. */
export async function recordAttendance(db: Kysely<DB>, request: FastifyRequest, networkId: string, sessionId: string, input: In<typeof AttendanceInput>): Promise<void> {
  coordinator(request);
  await db.transaction().execute(async (trx) => {
    const session = await trx.selectFrom('improvement_session').select('id').where('id', '=', sessionId).where('network_id', '=', networkId).executeTakeFirst();
    if (!session) throw new AppError('not_found');
    const teams = new Set((await teamsOf(trx, { networkIds: [networkId] })).map((t) => t.id));
    const wrong = input.teamIds.findIndex((t) => !teams.has(t));
    if (wrong >= 0) throw invalid(`body.teamIds.${wrong}`, 'unknown_team');
    await trx.deleteFrom('improvement_attendance').where('session_id', '=', sessionId).execute();
    const ids = [...new Set(input.teamIds)];
    if (ids.length > 0) await trx.insertInto('improvement_attendance').values(ids.map((t) => ({ session_id: sessionId, team_id: t }))).execute();
    await audit(trx, request, { type: 'improvement_network', id: networkId }, 'improvement.attendance.record', { sessionId, teamIds: ids });
  });
}

async function checkIndicator(trx: Transaction<DB>, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const found = await trx.selectFrom('indicator').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw invalid('body.indicatorId', 'unknown_indicator');
}

/** A team's one project, by its members or coach. */
export async function createProject(db: Kysely<DB>, request: FastifyRequest, teamId: string, input: In<typeof ProjectInput>): Promise<string> {
  const actor = improvementActor(request);
  return db.transaction().execute(async (trx) => {
    const [team] = await teamsOf(trx, { teamId });
    if (!team) throw new AppError('not_found');
    if (!isOnTeam(actor, team)) refuseNotOnTeam(request, { type: 'improvement_network', id: team.networkId, organisationId: team.organisationId }, 'improvement.project.create', { teamId });
    if (await trx.selectFrom('improvement_project').select('id').where('team_id', '=', teamId).executeTakeFirst()) throw new AppError('conflict', { details: [{ path: 'params.id', message: 'team_has_project' }] });
    await checkIndicator(trx, input.indicatorId);
    const at = now(request);
    const { id } = await trx.insertInto('improvement_project').values({ team_id: teamId, title: input.title, aim_what: input.aimWhat, aim_how_much: input.aimHowMuch, aim_by: input.aimBy, indicator_id: input.indicatorId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, request, { type: 'improvement_project', id, organisationId: team.organisationId }, 'improvement.project.create', { teamId, after: input });
    return id;
  });
}

export async function updateProject(db: Kysely<DB>, request: FastifyRequest, id: string, change: In<typeof ProjectUpdate>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { team } = await editableProject(trx, request, id, 'improvement.project.update');
    await checkIndicator(trx, change.indicatorId);
    await trx.updateTable('improvement_project').set({ title: change.title, aim_what: change.aimWhat, aim_how_much: change.aimHowMuch, aim_by: change.aimBy, indicator_id: change.indicatorId, updated_at: now(request) }).where('id', '=', id).execute();
    await audit(trx, request, { type: 'improvement_project', id, organisationId: team.organisationId }, 'improvement.project.update', { after: change });
  });
}

export async function addDriver(db: Kysely<DB>, request: FastifyRequest, id: string, input: In<typeof DriverInput>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { team } = await editableProject(trx, request, id, 'improvement.driver.create');
    if (input.parentId) {
      const parent = await trx.selectFrom('improvement_driver').select(['id', 'parent_id']).where('id', '=', input.parentId).where('project_id', '=', id).executeTakeFirst();
      // Two levels only: a secondary driver hangs under a primary one.
      if (!parent || parent.parent_id !== null) throw invalid('body.parentId', 'unknown_primary_driver');
    }
    const { id: driverId } = await trx.insertInto('improvement_driver').values({ project_id: id, parent_id: input.parentId, title: input.title }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, request, { type: 'improvement_project', id, organisationId: team.organisationId }, 'improvement.driver.create', { driverId, after: input });
  });
}

export async function addChangeIdea(db: Kysely<DB>, request: FastifyRequest, id: string, input: In<typeof ChangeIdeaInput>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { team } = await editableProject(trx, request, id, 'improvement.change_idea.create');
    const driver = await trx.selectFrom('improvement_driver').select('id').where('id', '=', input.driverId).where('project_id', '=', id).executeTakeFirst();
    if (!driver) throw invalid('body.driverId', 'unknown_driver');
    const { id: ideaId } = await trx.insertInto('improvement_change_idea').values({ project_id: id, driver_id: input.driverId, title: input.title }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, request, { type: 'improvement_project', id, organisationId: team.organisationId }, 'improvement.change_idea.create', { changeIdeaId: ideaId, after: input });
  });
}

export async function addMeasure(db: Kysely<DB>, request: FastifyRequest, id: string, input: In<typeof MeasureInput>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { team } = await editableProject(trx, request, id, 'improvement.measure.create');
    const { id: measureId } = await trx.insertInto('improvement_measure').values({ project_id: id, name: input.name, role: input.role, definition: input.definition, kind: input.kind, frequency: input.frequency, phase_starts: input.phaseStarts, created_at: now(request) }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, request, { type: 'improvement_project', id, organisationId: team.organisationId }, 'improvement.measure.create', { measureId, after: input });
    return measureId;
  });
}

/** Marks the phase changes from which the control limits are recomputed. */
export async function setPhases(db: Kysely<DB>, request: FastifyRequest, measureId: string, phaseStarts: string[]): Promise<void> {
  const projectId = await measureProject(db, measureId);
  await db.transaction().execute(async (trx) => {
    const { team } = await editableProject(trx, request, projectId, 'improvement.measure.update');
    const sorted = [...new Set(phaseStarts)].sort();
    await trx.updateTable('improvement_measure').set({ phase_starts: sorted }).where('id', '=', measureId).execute();
    await audit(trx, request, { type: 'improvement_project', id: projectId, organisationId: team.organisationId }, 'improvement.measure.update', { measureId, phaseStarts: sorted });
  });
}

type Entry = In<typeof ValueEntry>;

/** Why an entry does not fit the measure's kind, or null. */
export function entryError(kind: string, e: Entry): string | null {
  if (kind === 'proportion') {
    if (e.numerator === null || e.denominator === null) return 'numerator_and_denominator_required';
    if (e.value !== null) return 'value_not_allowed';
    return e.numerator > e.denominator ? 'numerator_above_denominator' : null;
  }
  if (e.value === null) return 'value_required';
  return e.numerator !== null || e.denominator !== null ? 'fraction_not_allowed' : null;
}

/** Writes values, one per period (normalised to the week's Monday or the month's first day); a period again replaces its value. */
export async function writeValues(trx: Transaction<DB>, request: FastifyRequest, measureId: string, entries: readonly Entry[], action: 'improvement.values.record' | 'improvement.values.import'): Promise<number> {
  const projectId = await measureProject(trx, measureId);
  const { team } = await editableProject(trx, request, projectId, action);
  const m = await trx.selectFrom('improvement_measure').select(['kind', 'frequency']).where('id', '=', measureId).executeTakeFirstOrThrow();
  const bad = entries.findIndex((e) => entryError(m.kind, e) !== null);
  if (bad >= 0) throw invalid(`body.values.${bad}`, entryError(m.kind, entries[bad]!)!);
  const at = now(request);
  const rows = new Map(entries.map((e) => [periodOf(e.period, m.frequency), e]));
  for (const [period, e] of rows) {
    const row = { value: e.value, numerator: e.numerator, denominator: e.denominator, updated_at: at };
    await trx.insertInto('improvement_value').values({ measure_id: measureId, period_start: period, ...row }).onConflict((oc) => oc.columns(['measure_id', 'period_start']).doUpdateSet(row)).execute();
  }
  await audit(trx, request, { type: 'improvement_project', id: projectId, organisationId: team.organisationId }, action, { measureId, periods: [...rows.keys()] });
  return rows.size;
}

async function checkIdea(trx: Transaction<DB>, projectId: string, ideaId: string): Promise<void> {
  const idea = await trx.selectFrom('improvement_change_idea').select('id').where('id', '=', ideaId).where('project_id', '=', projectId).executeTakeFirst();
  if (!idea) throw invalid('body.changeIdeaId', 'unknown_change_idea');
}

export async function addPdsa(db: Kysely<DB>, request: FastifyRequest, id: string, input: In<typeof PdsaInput>): Promise<void> {
  const actor = improvementActor(request);
  await db.transaction().execute(async (trx) => {
    const { team } = await editableProject(trx, request, id, 'improvement.pdsa.create');
    await checkIdea(trx, id, input.changeIdeaId);
    const at = now(request);
    const { id: pdsaId } = await trx.insertInto('improvement_pdsa').values({ project_id: id, change_idea_id: input.changeIdeaId, title: input.title, plan: input.plan, prediction: input.prediction, do_notes: input.doNotes, study: input.study, act: input.act, starts_on: input.startsOn, ends_on: input.endsOn, created_by: actor.userId, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    await audit(trx, request, { type: 'improvement_project', id, organisationId: team.organisationId }, 'improvement.pdsa.create', { pdsaId, after: input });
  });
}

export async function updatePdsa(db: Kysely<DB>, request: FastifyRequest, id: string, pdsaId: string, change: In<typeof PdsaUpdate>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { team } = await editableProject(trx, request, id, 'improvement.pdsa.update');
    const cycle = await trx.selectFrom('improvement_pdsa').select(['starts_on', 'act', 'ends_on']).where('id', '=', pdsaId).where('project_id', '=', id).executeTakeFirst();
    if (!cycle) throw new AppError('not_found');
    if (change.endsOn && change.endsOn < cycle.starts_on) throw invalid('body.endsOn', 'ends_before_start');
    await trx.updateTable('improvement_pdsa').set({ do_notes: change.doNotes, study: change.study, act: change.act, ends_on: change.endsOn, prediction: change.prediction, plan: change.plan, updated_at: now(request) }).where('id', '=', pdsaId).execute();
    await audit(trx, request, { type: 'improvement_project', id, organisationId: team.organisationId }, 'improvement.pdsa.update', { pdsaId, before: { act: cycle.act, endsOn: cycle.ends_on }, after: change });
  });
}
