import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { canEditProject, canReadNetwork, isImprovementCoordinator, type AuditAction, type ImprovementActor, type TeamParties } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom, deniedEntry } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';

/**
 * Who is asking and what they may reach: the network and its teams are loaded once, core's
 * policy answers, and every change writes its audit entry inside its own transaction.
 */

type Db = Kysely<DB> | Transaction<DB>;

export interface TeamRecord extends TeamParties {
  id: string;
  networkId: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

export function improvementActor(request: FastifyRequest): ImprovementActor {
  const actor = requireActor(request.actor);
  if (actor.kind !== 'professional') throw new AppError('forbidden');
  return { userId: actor.userId, kind: actor.kind, roles: actor.roles };
}

export function coordinator(request: FastifyRequest): ImprovementActor {
  const actor = improvementActor(request);
  if (!isImprovementCoordinator(actor)) throw new AppError('forbidden');
  return actor;
}

export async function teamsOf(db: Db, where: { networkIds?: string[]; teamId?: string }): Promise<TeamRecord[]> {
  let q = db.selectFrom('improvement_team as t').innerJoin('organisation as o', 'o.id', 't.organisation_id').select(['t.id', 't.network_id', 't.name', 't.organisation_id', 'o.name as organisation_name', 't.coach_user_id']).orderBy('t.name');
  if (where.networkIds) {
    if (where.networkIds.length === 0) return [];
    q = q.where('t.network_id', 'in', where.networkIds);
  }
  if (where.teamId) q = q.where('t.id', '=', where.teamId);
  const rows = await q.execute();
  const members = rows.length === 0 ? [] : await db.selectFrom('improvement_team_member').select(['team_id', 'user_id']).where('team_id', 'in', rows.map((r) => r.id)).execute();
  return rows.map((r) => ({ id: r.id, networkId: r.network_id, name: r.name, organisationId: r.organisation_id, organisationName: r.organisation_name, coachUserId: r.coach_user_id, memberUserIds: members.filter((m) => m.team_id === r.id).map((m) => m.user_id) }));
}

export function readsNetwork(actor: ImprovementActor, teams: readonly TeamRecord[]): boolean {
  return canReadNetwork(actor, [...new Set(teams.map((t) => t.organisationId))], teams);
}

/** The network's teams when the caller reads it: 404 when there is none, 403 otherwise. */
export async function readableNetwork(db: Db, request: FastifyRequest, networkId: string): Promise<{ actor: ImprovementActor; teams: TeamRecord[] }> {
  const actor = improvementActor(request);
  const network = await db.selectFrom('improvement_network').select('id').where('id', '=', networkId).executeTakeFirst();
  if (!network) throw new AppError('not_found');
  const teams = await teamsOf(db, { networkIds: [networkId] });
  if (!readsNetwork(actor, teams)) throw new AppError('forbidden');
  return { actor, teams };
}

export interface ProjectAccess {
  actor: ImprovementActor;
  team: TeamRecord;
  projectId: string;
  canEdit: boolean;
}

/** The project's team when the caller reads it (its network's readers). */
export async function readableProject(db: Db, request: FastifyRequest, projectId: string): Promise<ProjectAccess> {
  const project = await db.selectFrom('improvement_project').select(['id', 'team_id']).where('id', '=', projectId).executeTakeFirst();
  if (!project) throw new AppError('not_found');
  const [team] = await teamsOf(db, { teamId: project.team_id });
  const { actor } = await readableNetwork(db, request, team!.networkId);
  return { actor, team: team!, projectId, canEdit: canEditProject(actor, team!) };
}

/**
 * As readableProject, and only for the team's members and coach (403 not_team_member, logged as a
 * refusal of the change tried); locks the project row.
 */
export async function editableProject(trx: Transaction<DB>, request: FastifyRequest, projectId: string, action: AuditAction): Promise<ProjectAccess> {
  const access = await readableProject(trx, request, projectId);
  if (!access.canEdit) refuseNotOnTeam(request, { type: 'improvement_project', id: projectId, organisationId: access.team.organisationId }, action);
  await trx.selectFrom('improvement_project').select('id').where('id', '=', projectId).forUpdate().executeTakeFirst();
  return access;
}

export async function measureProject(db: Db, measureId: string): Promise<string> {
  const m = await db.selectFrom('improvement_measure').select('project_id').where('id', '=', measureId).executeTakeFirst();
  if (!m) throw new AppError('not_found');
  return m.project_id;
}

export async function audit(trx: Transaction<DB>, request: FastifyRequest, subject: { type: 'improvement_network' | 'improvement_project'; id: string; organisationId?: string | null }, action: AuditAction, details: Record<string, unknown>): Promise<void> {
  await appendAudit(trx, [{ ...auditFrom(request), action, subjectType: subject.type, subjectId: subject.id, organisationId: subject.organisationId ?? null, outcome: 'success', details }], request.server.services.clock.now());
}

/** A change by someone who is not on the team: 403 not_team_member, its refusal logged once the transaction has rolled back. */
export function refuseNotOnTeam(request: FastifyRequest, subject: { type: 'improvement_network' | 'improvement_project'; id: string; organisationId: string }, action: AuditAction, details: Record<string, unknown> = {}): never {
  const entry = deniedEntry(request, action, subject, 'not_team_member');
  throw new AppError('not_team_member', { refusal: { ...entry, details: { ...details, ...entry.details } } });
}

export const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });
