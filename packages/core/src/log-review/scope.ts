/**
 * Whose log a reviewer may review (loggkontroll): a unit manager reviews the people of the
 * units they manage, a collaboration coordinator those of their organisation. The same scope
 * decides whose emergency accesses land in a reviewer's queue.
 */
export interface ReviewScope {
  unitIds: string[];
  organisationIds: string[];
}

export function reviewScope(roles: readonly { organisationId: string; unitId: string | null; role: string }[]): ReviewScope {
  const unitIds = roles.filter((r) => r.role === 'unit_manager' && r.unitId !== null).map((r) => r.unitId as string);
  const organisationIds = roles.filter((r) => r.role === 'collaboration_coordinator').map((r) => r.organisationId);
  return { unitIds: [...new Set(unitIds)], organisationIds: [...new Set(organisationIds)] };
}

export function isReviewer(scope: ReviewScope): boolean {
  return scope.unitIds.length > 0 || scope.organisationIds.length > 0;
}

/** Whether something that happened at a unit of an organisation is in the reviewer's scope. */
export function inReviewScope(scope: ReviewScope, place: { organisationId: string; unitId: string | null }): boolean {
  return scope.organisationIds.includes(place.organisationId) || (place.unitId !== null && scope.unitIds.includes(place.unitId));
}
