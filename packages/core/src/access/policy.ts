import type { AccessBasis, CareTeamRole, ProtectedIdentityLevel } from '../children/schema.ts';
import type { Role } from '../users/schema.ts';
import type { DomainPeriod } from '../secrecy/domains.ts';
import type { ConsentFacts, ConsentRules } from './consent.ts';
import type { AccessFields, ChildAction } from './grants.ts';

export type { ConsentFacts, ConsentRules };

/**
 * The one policy gate for a child's data: a pure decision from facts the server loads.
 * Every route that touches a child's data asks it, and writes its answer to the audit log.
 * Besides yes or no it answers which fields the caller may see and which actions they may take,
 * so views and the web app never derive a rule of their own.
 *
 * This file holds the facts and the answer's shape. The gate itself is in three files:
 * - `child-decider.ts`: `decideAccess` and `childDecider`, the decider for one reader and one child
 *   (start here);
 * - `decisions.ts`: the answers for a citizen, a log reviewer and a professional without a place;
 * - `membership.ts`: the reader's place on the team, roles, and which consents count and cover an entry.
 */

export interface PolicyRole {
  organisationId: string;
  role: Role;
  /** Who granted the role; a role someone granted themselves never counts for reading. */
  grantedBy?: string | null;
}

export interface PolicyActor {
  userId: string;
  roles: readonly PolicyRole[];
  /** A citizen account: the children this person is guardian of, and the child they are. */
  citizen?: { guardianOf: readonly string[]; selfChildId: string | null };
}

export interface CareTeamFacts {
  userId: string;
  organisationId: string;
  /** The unit the member works from; its secrecy domain is the member's. */
  unitId: string | null;
  role: CareTeamRole;
  startsAt: Date;
  endsAt: Date | null;
  /** What allowed this member onto the team; a consent basis names the consent. */
  basis: 'own_organisation' | 'consent' | 'legal_duty';
  consentId: string | null;
  /** The periods the member's unit belonged to each secrecy domain (history: a unit can move). */
  secrecyDomains: readonly DomainPeriod[];
}

export interface EmergencyAccessFacts {
  userId: string;
  /** The organisation the access was opened for: the professional role must hold there at every read. */
  organisationId: string;
  startsAt: Date;
  expiresAt: Date;
  /** The legal ground it was opened on: the ground decides which information categories it opens. */
  legalGroundCode: string;
}

/** The child's pending handover of the named person, if any: one at a time. */
export interface PendingHandoverFacts {
  id: string;
  toUserId: string;
  proposedBy: string;
}

export interface PolicyChild {
  id: string;
  birthDate: string;
  guardianCount: number;
  protectedIdentity: ProtectedIdentityLevel | null;
  careTeam: readonly CareTeamFacts[];
  consents: readonly ConsentFacts[];
  emergencyAccesses: readonly EmergencyAccessFacts[];
  /** A pending handover: its receiver may preview it, its proposer withdraw it, nobody propose another. */
  pendingHandover?: PendingHandoverFacts | null;
}

export type AccessAction = 'read' | 'write' | 'review_log';

/**
 * Why the record is asked for: opened on purpose, shown in a list, or previewed by the receiver of
 * a pending handover (the child's name, the life stage and the note, nothing more).
 */
export type AccessPurpose = 'open_record' | 'list' | 'handover_preview';

/** A record entry asked about: where and when it was written. */
export interface EntryFacts {
  organisationId: string;
  secrecyDomainId: string;
  unitId: string | null;
  writtenAt: Date;
}

export interface AccessContext {
  now: Date;
  rules: ConsentRules;
  /** For information categories: the entry asked about (for a write, the entry about to be written). */
  entry?: EntryFacts;
  /** `open_record`: the professional opened this child's record on purpose. */
  purpose?: AccessPurpose;
}

export const denyReasons = [
  'not_guardian',
  'below_access_age',
  'not_shared_with_citizens',
  'analyst_no_identifiable_data',
  'administrator_no_child_data',
  'not_in_care_team',
  'team_consent_not_in_force',
  'no_consent_for_category',
  'other_secrecy_domain',
  'no_secrecy_domain',
  'emergency_is_read_only',
  'emergency_needs_professional_role',
  'emergency_ground_does_not_cover',
  'not_team_coordinator',
  'not_log_reviewer',
] as const;
export type DenyReason = (typeof denyReasons)[number];

export type AccessDecision =
  | { allow: true; basis: AccessBasis; reason: string; fields: AccessFields; actions: readonly ChildAction[]; flagged: boolean }
  | { allow: false; basis: null; reason: DenyReason; fields: AccessFields; actions: readonly ChildAction[]; flagged: boolean };

export { childDecider, decideAccess, sharedFromOtherDomains, type ChildDecider } from './child-decider.ts';
export { activeMembership, consentCountsFor, consentCoversEntry, emergencyOpens, holdsRole, partyOf } from './membership.ts';
