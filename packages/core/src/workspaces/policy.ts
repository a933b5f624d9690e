import type { WorkspaceMemberRole } from './schema.ts';

/**
 * Who may do what in a workspace. No child's data, so the child gate is not asked: membership
 * is the rule. Any professional creates a workspace (and owns it); members read and edit it, its
 * documents, thread and meetings; owners also manage members and answer join requests. A
 * non-member sees an open workspace's name only and may ask to join. Citizens reach none.
 */

export interface WorkspaceActor {
  kind: 'professional' | 'citizen';
  roles: readonly { organisationId: string; role: string }[];
}

const isProfessional = (actor: WorkspaceActor) => actor.kind === 'professional' && actor.roles.length > 0;

export function canEditWorkspace(actor: WorkspaceActor, myRole: WorkspaceMemberRole | null): boolean {
  return isProfessional(actor) && myRole !== null;
}

export function canManageMembers(actor: WorkspaceActor, myRole: WorkspaceMemberRole | null): boolean {
  return isProfessional(actor) && myRole === 'owner';
}

export function canRequestJoin(actor: WorkspaceActor, workspace: { openToJoin: boolean }, myRole: WorkspaceMemberRole | null, pending: boolean): boolean {
  return isProfessional(actor) && workspace.openToJoin && myRole === null && !pending;
}
