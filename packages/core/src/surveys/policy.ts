import type { AdminActor } from '../admin/policy.ts';
import { canManageIndicators } from '../indicators/policy.ts';

/**
 * Who defines surveys and imports their microdata: whoever keeps the indicator catalogue (an
 * analyst for their organisations, a system administrator). The public breakdowns (year ×
 * county or municipality × gender × grade, suppressed) are open to anyone, without login;
 * anything finer (school units) is for analysts and system administrators.
 */
export function canManageSurveys(actor: AdminActor, organisationId?: string): boolean {
  return canManageIndicators(actor, organisationId);
}

export function canReadFineBreakdowns(actor: AdminActor | null): boolean {
  return actor !== null && actor.roles.some((r) => r.role === 'analyst' || r.role === 'system_admin');
}
