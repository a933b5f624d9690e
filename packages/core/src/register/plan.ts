/**
 * What importing one row would do to the register: create the child, change some of their
 * identity data (a move, a new school, a new guardian), or nothing. Pure, so the preview and
 * the run decide alike, and running the same file twice changes nothing the second time.
 *
 * Rules (docs/register-import.md):
 * - an empty value in the file never clears a stored one (a file that lacks an address says
 *   nothing about it); clearing is an identity correction;
 * - a protected identity is raised by a file, never lowered: lifting a protection is a decision
 *   for a person, made as a correction;
 * - guardians in the file that the child does not have are added; a guardian the file does not
 *   name is kept (custody ends by a decision, not by a missing column).
 */
import { protectedIdentityLevels, type ProtectedIdentityLevel } from '../children/schema.ts';
import type { RegisterRow } from './columns.ts';

/** The identity data the register holds for a child, as stored. */
export interface RegisteredChild {
  givenName: string;
  familyName: string;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  schoolUnitId: string | null;
  protectedIdentity: ProtectedIdentityLevel | null;
  guardianIdentityNumbers: readonly string[];
}

export const changeFields = ['given_name', 'family_name', 'street_address', 'postal_code', 'city', 'school_unit', 'protected_identity'] as const;
export type ChangeField = (typeof changeFields)[number];

export interface FieldChange {
  field: ChangeField;
  /** The stored value (ids for the school unit); the preview never shows it. */
  from: string | null;
  to: string;
}

export type RowPlan =
  | { outcome: 'create'; guardiansToAdd: RegisterRow['guardians'] }
  | { outcome: 'change' | 'unchanged'; changes: FieldChange[]; guardiansToAdd: RegisterRow['guardians'] };

const rank = (level: ProtectedIdentityLevel | null): number => (level === null ? -1 : protectedIdentityLevels.indexOf(level));

/** `schoolUnitId`: the file's school unit resolved to a unit id by the server (null when the file names none). */
export function planRow(row: RegisterRow, schoolUnitId: string | null, existing: RegisteredChild | null): RowPlan {
  if (!existing) return { outcome: 'create', guardiansToAdd: row.guardians };
  const changes: FieldChange[] = [];
  const compare = (field: ChangeField, stored: string | null, stated: string | null) => {
    if (stated !== null && stated !== stored) changes.push({ field, from: stored, to: stated });
  };
  compare('given_name', existing.givenName, row.givenName);
  compare('family_name', existing.familyName, row.familyName);
  compare('street_address', existing.streetAddress, row.streetAddress);
  compare('postal_code', existing.postalCode, row.postalCode);
  compare('city', existing.city, row.city);
  compare('school_unit', existing.schoolUnitId, schoolUnitId);
  if (rank(row.protectedIdentity) > rank(existing.protectedIdentity)) compare('protected_identity', existing.protectedIdentity, row.protectedIdentity);
  const known = new Set(existing.guardianIdentityNumbers);
  const guardiansToAdd = row.guardians.filter((g) => !known.has(g.identityNumber));
  const outcome = changes.length > 0 || guardiansToAdd.length > 0 ? 'change' : 'unchanged';
  return { outcome, changes, guardiansToAdd };
}
