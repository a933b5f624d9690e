import type { AdminActor } from '../admin/policy.ts';

/**
 * Who may do what in improvement work. No child's data, so the child gate is not asked:
 * - a collaboration coordinator (of any organisation) creates networks, adds teams, names
 *   coaches and members, and keeps the schedule of learning sessions;
 * - a team's members and its coach edit the team's project, measures, values and PDSA cycles
 *   (anyone else gets 403 not_team_member);
 * - reading: coordinators read every network; members of a network's organisations with the
 *   professional, unit manager or analyst role read it; coaches and members read their own.
 * Citizens reach nothing here.
 */

export interface ImprovementActor extends AdminActor {
  userId: string;
  kind: 'professional' | 'citizen';
}

export interface TeamParties {
  coachUserId: string | null;
  memberUserIds: readonly string[];
}

const readingRoles = new Set(['professional', 'unit_manager', 'analyst', 'collaboration_coordinator']);

export function isImprovementCoordinator(actor: ImprovementActor): boolean {
  return actor.kind === 'professional' && actor.roles.some((r) => r.role === 'collaboration_coordinator');
}

/** Reads the network whose teams come from these organisations, or where the caller is on a team. */
export function canReadNetwork(actor: ImprovementActor, organisationIds: readonly string[], teams: readonly TeamParties[]): boolean {
  if (actor.kind !== 'professional') return false;
  if (isImprovementCoordinator(actor)) return true;
  if (teams.some((t) => isOnTeam(actor, t))) return true;
  return actor.roles.some((r) => readingRoles.has(r.role) && organisationIds.includes(r.organisationId));
}

export function isOnTeam(actor: ImprovementActor, team: TeamParties): boolean {
  return actor.kind === 'professional' && (team.coachUserId === actor.userId || team.memberUserIds.includes(actor.userId));
}

/** Only the team's members and its coach edit its project. */
export function canEditProject(actor: ImprovementActor, team: TeamParties): boolean {
  return isOnTeam(actor, team);
}
