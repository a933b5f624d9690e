/**
 * Who may change agreements, placements and training records (operations level, no child's
 * data). Every professional reads the library and the training shares. A collaboration
 * coordinator creates agreements for parties that include their organisation; an agreement's
 * owners and its parties' coordinators edit it. A joint placement's costs are read and changed by
 * the coordinators of its region or municipality (analysts of those read): finance figures stay
 * with the parties. A training record is changed by a coordinator or an organisation administrator
 * of the unit's organisation, or the unit's manager.
 */
export interface AgreementActor {
  userId: string;
  kind: 'professional' | 'citizen';
  roles: readonly { organisationId: string; unitId?: string | null; role: string }[];
}

const has = (actor: AgreementActor, roles: readonly string[], organisationId: string) => actor.kind === 'professional' && actor.roles.some((r) => roles.includes(r.role) && r.organisationId === organisationId);

export const canReadOperations = (actor: AgreementActor) => actor.kind === 'professional' && actor.roles.length > 0;
export const isCoordinator = (actor: AgreementActor) => actor.kind === 'professional' && actor.roles.some((r) => r.role === 'collaboration_coordinator');

export function canCreateAgreement(actor: AgreementActor, partyOrganisationIds: readonly string[]): boolean {
  return partyOrganisationIds.some((o) => has(actor, ['collaboration_coordinator'], o));
}

export function canEditAgreement(actor: AgreementActor, agreement: { ownerUserIds: readonly string[]; partyOrganisationIds: readonly string[] }): boolean {
  if (actor.kind !== 'professional') return false;
  return agreement.ownerUserIds.includes(actor.userId) || canCreateAgreement(actor, agreement.partyOrganisationIds);
}

export function canEditPlacement(actor: AgreementActor, placement: { regionId: string; municipalityId: string }): boolean {
  return has(actor, ['collaboration_coordinator'], placement.regionId) || has(actor, ['collaboration_coordinator'], placement.municipalityId);
}

export function canReadPlacement(actor: AgreementActor, placement: { regionId: string; municipalityId: string }): boolean {
  return canEditPlacement(actor, placement) || has(actor, ['analyst'], placement.regionId) || has(actor, ['analyst'], placement.municipalityId);
}

export function canEditTraining(actor: AgreementActor, unit: { id: string; organisationId: string }): boolean {
  if (has(actor, ['collaboration_coordinator', 'org_admin'], unit.organisationId)) return true;
  return actor.kind === 'professional' && actor.roles.some((r) => r.role === 'unit_manager' && r.unitId === unit.id);
}
