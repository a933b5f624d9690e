import type { ColumnType, Generated } from 'kysely';
import type { NoticeKind, OrganisationKind, Role, SecrecyDomainKind, Sector } from '@samsyn/core';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  partner_type: 'police' | 'non_profit' | 'private_provider' | null;
  organisation_number: string | null;
  municipality_code: string | null;
  county_code: string | null;
  region_id: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
}

export interface UnitTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  sector: Sector;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  kind: Generated<'professional' | 'citizen'>;
  username: string;
  display_name: string;
  email: string | null;
  title: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LocalCredentialTable {
  user_id: string;
  password_hash: string;
  changed_at: Timestamp;
  /** The administrator who set this password (a one-time reset); null once the owner chose it. */
  reset_by: string | null;
}

export interface UserIdentityTable {
  provider: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
}

export interface UserRoleTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  unit_id: string | null;
  role: Role;
  /** Who granted the role (null before 0004); a role granted by its holder never counts for reading. */
  granted_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  auth_method: 'local' | 'oidc';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  client_ip: string | null;
  user_agent: string | null;
  /** The administrator whose reset password started this session, for log review. */
  password_reset_by: string | null;
  must_change_password: Generated<boolean>;
}

export interface LoginThrottleTable {
  scope: 'account' | 'address' | 'password';
  key: string;
  failures: number;
  next_at: Timestamp;
  last_failure_at: Timestamp;
}

export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  request_hash: string;
  response_status: number | null;
  response_body: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ServerSecretTable {
  name: string;
  value: string;
}

export interface AuditLogTable {
  seq: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  outcome: 'success' | 'failure' | 'denied';
  organisation_id: string | null;
  request_id: string | null;
  client_ip: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  seq: string;
  hash: string;
}

export interface AuditVerificationTable {
  id: Generated<string>;
  started_by: string | null;
  started_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  status: 'running' | 'done' | 'failed';
  verified: ColumnType<string, string | number | undefined, string | number>;
  total: ColumnType<string, string | number | undefined, string | number>;
  report: unknown;
  error: string | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

type DateColumn = ColumnType<string, string, string>;
type InfoCategoryCode = 'wellbeing' | 'plan' | 'concern' | 'school' | 'health' | 'social_services';
type ProtectedLevel = 'sekretessmarkering' | 'skyddad_folkbokforing' | 'fingerade_personuppgifter';

export interface LegalGroundTable {
  code: string;
  kind: 'consent' | 'duty_to_report' | 'necessary_disclosure' | 'emergency' | 'care_team';
  title_sv: string;
  title_en: string;
  reference: string;
  valid_from: Generated<string>;
  valid_to: string | null;
  /** The sectors the ground fits (an emergency form offers only these); empty: every sector. */
  sectors: ColumnType<string[], string[] | undefined, string[]>;
  /** One line saying when the ground applies. */
  explanation_sv: Generated<string>;
  explanation_en: Generated<string>;
}

export interface ChildTable {
  id: Generated<string>;
  identity_number: string;
  identity_kind: 'personnummer' | 'samordningsnummer' | 'reservnummer';
  given_name: string;
  family_name: string;
  birth_date: DateColumn;
  sex: 'female' | 'male' | null;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  home_organisation_id: string;
  school_unit_id: string | null;
  protected_identity: ProtectedLevel | null;
  user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GuardianTable {
  id: Generated<string>;
  identity_number: string;
  given_name: string;
  family_name: string;
  phone: string | null;
  email: string | null;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  protected_identity: ProtectedLevel | null;
  user_id: string | null;
  created_at: Timestamp;
}

export interface ChildGuardianTable {
  child_id: string;
  guardian_id: string;
}

export interface ConsentTable {
  id: Generated<string>;
  child_id: string;
  given_by: 'guardian' | 'both_guardians' | 'child';
  guardian_ids: ColumnType<string[], string[] | undefined, string[]>;
  method: 'written' | 'digital' | 'verbal';
  note: string | null;
  organisation_ids: ColumnType<string[], string[], string[]>;
  categories: ColumnType<InfoCategoryCode[], InfoCategoryCode[], InfoCategoryCode[]>;
  valid_from: DateColumn;
  valid_to: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_note: string | null;
  /** Parties by single secrecy domain; organisation_ids name whole organisations. */
  domain_ids: ColumnType<string[], string[] | undefined, string[]>;
  exclusions: ColumnType<ConsentExclusionRow[], string | undefined, string>;
  /** The professional who recorded it for the family; null when the family gave it themselves. */
  recorded_by_professional: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A consent's exclusion as stored (jsonb): entries of these categories written there are not shared. */
export interface ConsentExclusionRow {
  scope: 'organisation' | 'secrecy_domain' | 'unit';
  id: string;
  categories: InfoCategoryCode[];
}

export interface SecrecyDomainTable {
  id: Generated<string>;
  organisation_id: string;
  kind: SecrecyDomainKind;
  name: string;
  legal_reference: string;
  sectors: ColumnType<Sector[], Sector[] | undefined, Sector[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnitSecrecyDomainTable {
  unit_id: string;
  secrecy_domain_id: string;
  valid_from: Date | string;
  valid_to: Date | null;
  changed_by: string | null;
}

export interface CareTeamMemberTable {
  id: Generated<string>;
  child_id: string;
  user_id: string;
  organisation_id: string;
  unit_id: string | null;
  role: 'named_person' | 'lead_professional' | 'member';
  basis: 'own_organisation' | 'consent' | 'legal_duty';
  consent_id: string | null;
  legal_ground_code: string | null;
  starts_at: Timestamp;
  ends_at: Date | null;
  added_by: string | null;
  ended_by: string | null;
}

export interface EmergencyAccessTable {
  id: Generated<string>;
  child_id: string;
  user_id: string;
  organisation_id: string;
  unit_id: string | null;
  reason: string;
  legal_ground_code: string;
  starts_at: Timestamp;
  expires_at: Date;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_outcome: 'justified' | 'unjustified' | null;
  review_comment: string | null;
}

export interface NamedPersonHandoverTable {
  id: Generated<string>;
  child_id: string;
  life_stage: 'maternity_care' | 'child_health_care' | 'preschool' | 'school' | 'youth_follow_up';
  from_user_id: string | null;
  to_user_id: string;
  to_organisation_id: string;
  note: string | null;
  proposed_by: string;
  proposed_at: Timestamp;
  accepted_at: Date | null;
  declined_at: Date | null;
  /** A pending proposal its proposer took back: when, and by whom. */
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  /** Whether the named person handing over stays on the team as a member; null when there was none. */
  previous_stays_member: boolean | null;
  /** The receiver's basis for joining the team, as a member's; rows from before 0003 default to the own organisation. */
  basis: Generated<'own_organisation' | 'consent' | 'legal_duty'>;
  consent_id: string | null;
  legal_ground_code: string | null;
}

export interface DisclosureTable {
  id: Generated<string>;
  child_id: string;
  decision: 'shared' | 'not_shared';
  from_organisation_id: string;
  from_secrecy_domain_id: string;
  to_organisation_id: string;
  categories: ColumnType<InfoCategoryCode[], InfoCategoryCode[], InfoCategoryCode[]>;
  what: string;
  reason: string;
  legal_ground_code: string | null;
  consent_id: string | null;
  decided_by: string;
  decided_at: Timestamp;
}

export interface RecordEntryTable {
  id: Generated<string>;
  child_id: string;
  category: InfoCategoryCode;
  organisation_id: string;
  author_id: string;
  occurred_on: DateColumn;
  title: string;
  body: Generated<string>;
  created_at: Timestamp;
  /** The unit and secrecy domain it was written in. */
  unit_id: string | null;
  secrecy_domain_id: string;
}

export interface NoticeTable {
  id: Generated<string>;
  recipient_id: string;
  kind: NoticeKind;
  child_id: string | null;
  subject_id: string | null;
  actor_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Date;
  read_at: Date | null;
}

export interface DB {
  legal_ground: LegalGroundTable;
  child: ChildTable;
  guardian: GuardianTable;
  child_guardian: ChildGuardianTable;
  consent: ConsentTable;
  care_team_member: CareTeamMemberTable;
  emergency_access: EmergencyAccessTable;
  named_person_handover: NamedPersonHandoverTable;
  disclosure: DisclosureTable;
  record_entry: RecordEntryTable;
  notice: NoticeTable;
  secrecy_domain: SecrecyDomainTable;
  unit_secrecy_domain: UnitSecrecyDomainTable;
  organisation: OrganisationTable;
  unit: UnitTable;
  app_user: AppUserTable;
  local_credential: LocalCredentialTable;
  user_identity: UserIdentityTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  idempotency_key: IdempotencyKeyTable;
  server_secret: ServerSecretTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  audit_verification: AuditVerificationTable;
  schema_migration: SchemaMigrationTable;
}
