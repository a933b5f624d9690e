import type { Role } from '../users/schema.ts';

/**
 * Who opens a school unit's profile (issue 15, item 8): the school's own people — its head teacher
 * (unit manager) and its professionals — and the student-health team of the same organisation,
 * who work with its pupils; and, as for every breakdown finer than the public ones (surveys'
 * `canReadFineBreakdowns`), analysts and system administrators. No one else: not another
 * school's teacher, not social services or health care, not an organisation administrator or a
 * coordinator (administration is not the school's work), not a citizen. The profile holds no
 * child's data, only suppressed figures; the rule keeps a school's own results with the school.
 */
export interface SchoolProfileActorRole {
  organisationId: string;
  unitId: string | null;
  role: Role;
  /** The sector of the role's unit, when it has one. */
  unitSector: string | null;
}

export interface SchoolProfileTarget {
  unitId: string;
  organisationId: string;
}

export type SchoolProfileReason = 'analyst' | 'school_staff' | 'student_health' | null;

/** Why the actor may open the profile, or null when they may not. */
export function schoolProfileAccess(roles: readonly SchoolProfileActorRole[], school: SchoolProfileTarget): SchoolProfileReason {
  if (roles.some((r) => r.role === 'analyst' || r.role === 'system_admin')) return 'analyst';
  const works = roles.filter((r) => r.role === 'professional' || r.role === 'unit_manager');
  if (works.some((r) => r.unitId === school.unitId)) return 'school_staff';
  if (works.some((r) => r.unitSector === 'student_health' && r.organisationId === school.organisationId)) return 'student_health';
  return null;
}
