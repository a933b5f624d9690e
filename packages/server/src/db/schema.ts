import type { ColumnType, Generated } from 'kysely';
import type { AreaAnswer, NoticeKind, OrganisationKind, Role, SecrecyDomainKind, Sector, WheelModelContent } from '@samsyn/core';
import type { NeedsConfigContent, NeedsProposal, NeedsStoredContent } from '@samsyn/core';
import type { WorkspaceTables } from './schema-workspaces.ts';
import type { PlanMeetingTables } from './schema-plan-meetings.ts';
import type { ChildLevelIndicatorTables } from './schema-child-level-indicators.ts';
import type { PopulationTargetTables } from './schema-population-targets.ts';
import type { SchoolTables } from './schema-schools.ts';

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
  /** Skolverket's skolenhetskod (8 digits), how a pupil register names the unit. */
  school_unit_code: string | null;
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

/** Retention rules (gallring): per category and secrecy domain kind, with a default and the legal reference (migration 0010). */
export interface RetentionRuleTable {
  id: string;
  category: 'record_entry' | 'disclosure' | 'audit_log';
  /** Null: the category's rule for every domain kind without one of its own. */
  secrecy_domain_kind: SecrecyDomainKind | null;
  starts_from: 'child_last_activity' | 'recorded';
  default_years: number;
  /** The organisation's own decision; null: the default holds. */
  years: number | null;
  legal_reference: string;
  updated_at: Date | null;
  updated_by: string | null;
}

export interface RetentionRunTable {
  id: Generated<string>;
  started_at: Date;
  finished_at: Date | null;
  started_by: string | null;
  status: 'running' | 'done' | 'failed';
  summary: Generated<unknown>;
  error: string | null;
}

/** What was erased, when, under which rule; no content. */
export interface RetentionTombstoneTable {
  id: Generated<string>;
  run_id: string;
  rule_id: string;
  category: string;
  subject: string;
  child_id: string | null;
  secrecy_domain_id: string | null;
  recorded_at: Date | null;
  erased_at: Date;
}

/** The anchor of an erased prefix of the audit log; written by the owner only. */
export interface AuditErasureTable {
  through_seq: ColumnType<string, string, never>;
  through_hash: string;
  checkpoint_at: Date;
  checkpoint_mac: string;
  entries: ColumnType<string, string | number, never>;
  rule_id: string;
  run_id: string | null;
  erased_at: Date;
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
  created_by: string | null;
  created_via: 'professional' | 'register_import' | null;
  /** Migration 0049: the version of the child's gate facts, moved by triggers on every change to them (access/facts-cache.ts). */
  gate_version: Generated<string>;
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
  /** The receiving secrecy domain: required within one organisation. */
  to_secrecy_domain_id: string | null;
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

export type WellbeingRespondentCode = 'professional' | 'child' | 'guardian';

export interface WellbeingModelVersionTable {
  id: Generated<string>;
  version: number;
  /** Validated by core's WheelModelContent before it is written. */
  content: ColumnType<WheelModelContent, string, never>;
  note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface WellbeingAssessmentTable {
  id: Generated<string>;
  child_id: string;
  model_version_id: string;
  respondent: WellbeingRespondentCode;
  via: 'professional' | 'meeting' | 'code' | 'own_pages';
  occurred_on: DateColumn;
  organisation_id: string;
  unit_id: string | null;
  secrecy_domain_id: string;
  recorded_by: string;
  answers: ColumnType<AreaAnswer[], string, never>;
  important: Generated<string>;
  created_at: Timestamp;
}

/** A version of the needs assessment's sub-areas (0017). */
export interface NeedsAssessmentConfigVersionTable {
  id: Generated<string>;
  version: number;
  /** Validated by core's NeedsConfigContent before it is written. */
  content: ColumnType<NeedsConfigContent, string, never>;
  note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

/** A needs assessment: the child's, in one secrecy domain; what it says is in its revisions. */
export interface NeedsAssessmentTable {
  id: Generated<string>;
  child_id: string;
  organisation_id: string;
  secrecy_domain_id: string;
  created_by: string;
  created_at: Timestamp;
}

/** One revision of a needs assessment (a draft or final), never updated. */
export interface NeedsAssessmentVersionTable {
  id: Generated<string>;
  assessment_id: string;
  child_id: string;
  revision: number;
  status: 'draft' | 'final';
  config_version_id: string;
  occurred_on: DateColumn;
  content: ColumnType<NeedsStoredContent, string, never>;
  summary: Generated<string>;
  proposal: NeedsProposal | null;
  organisation_id: string;
  unit_id: string | null;
  secrecy_domain_id: string;
  author_id: string;
  created_at: Timestamp;
}

export interface WellbeingSelfRatingCodeTable {
  id: Generated<string>;
  child_id: string;
  respondent: 'child' | 'guardian';
  code_hash: string;
  issued_by: string;
  organisation_id: string;
  unit_id: string | null;
  secrecy_domain_id: string;
  issued_at: Timestamp;
  expires_at: Timestamp;
  opened_at: Timestamp | null;
  form_token_hash: string | null;
  form_expires_at: Timestamp | null;
  submitted_at: Timestamp | null;
  assessment_id: string | null;
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

/** A user's own marks on one inbox item, by its stable key, and when its notice was e-mailed (inbox/). */
export interface InboxItemTable {
  user_id: string;
  key: string;
  first_seen_at: Date;
  read_at: Date | null;
  done_at: Date | null;
  notified_at: Date | null;
}

/** What a professional last saw of a child ("Mina barn"): the wheel, or their own reports' receipts. */
export interface AttentionSeenTable {
  user_id: string;
  child_id: string;
  subject: 'wellbeing' | 'reports';
  seen_at: Timestamp;
}

export interface IndicatorTable {
  id: string;
  name_sv: string;
  name_en: string;
  description_sv: Generated<string>;
  description_en: Generated<string>;
  unit: 'percent' | 'count' | 'rate_per_1000' | 'mean';
  direction: 'higher_is_better' | 'lower_is_better';
  priority_area: 'completed_studies' | 'mental_health' | 'physical_activity' | 'other';
  source_kind: 'kolada' | 'survey' | 'samsyn' | 'local';
  source_ref: string;
  pupil_basis: 'home_municipality' | 'municipal_schools' | null;
  breakdowns: ColumnType<string[], string[], string[]>;
  owner_organisation_id: string;
  /** null: registered by Samsyn itself (its child-level indicators, migration 0046). */
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface KoladaImportTable {
  id: Generated<string>;
  imported_by: string;
  imported_at: Date;
  source: string;
  value_count: number;
  added: number;
  revised: number;
  unchanged: number;
  kpi_count: number;
  municipality_count: number;
  rejected: ColumnType<unknown, string, string>;
  revisions: ColumnType<unknown, string, string>;
  renamed_kpis: ColumnType<unknown, string, string>;
}

export interface KoladaKpiTable {
  id: string;
  title: string;
  description: string;
  is_divided_by_gender: boolean;
  has_ou_data: boolean;
  municipality_type: string | null;
  operating_area: string | null;
  publication_date: string | null;
  title_changed_from: string | null;
  last_import_id: string;
}

export interface KoladaMunicipalityTable {
  id: string;
  title: string;
  type: string | null;
}

export interface KoladaValueTable {
  kpi: string;
  municipality: string;
  ou: string;
  period: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  status: 'ok' | 'confidential' | 'not_applicable' | 'missing';
  count: number | null;
  import_id: string;
}

export interface KoladaValueRevisionTable {
  id: Generated<string>;
  kpi: string;
  municipality: string;
  ou: string;
  period: number;
  gender: string;
  value: number | null;
  status: string;
  count: number | null;
  import_id: string;
  replaced_by_import_id: string;
  replaced_at: Date;
}

export type IdentityChangeField = 'identity_number' | 'given_name' | 'family_name' | 'protected_identity' | 'street_address' | 'postal_code' | 'city' | 'school_unit' | 'guardian_added';

/** One changed field of a child's identity data, appended only (a correction or a register import). */
export interface ChildIdentityChangeTable {
  id: Generated<string>;
  child_id: string;
  field: IdentityChangeField;
  old_value: string | null;
  new_value: string | null;
  source: 'correction' | 'register_import';
  reason: string;
  register_import_id: string | null;
  changed_by: string;
  changed_at: Timestamp;
}

export interface RegisterImportTable {
  id: Generated<string>;
  organisation_id: string;
  imported_by: string;
  file_name: string;
  file_sha256: string;
  status: 'previewed' | 'running' | 'done' | 'discarded' | 'failed';
  total_rows: number;
  processed_rows: Generated<number>;
  created_count: Generated<number>;
  changed_count: Generated<number>;
  unchanged_count: Generated<number>;
  error_count: Generated<number>;
  previewed_at: Timestamp;
  accepted_at: Date | null;
  finished_at: Date | null;
}

export interface RegisterImportRowTable {
  import_id: string;
  row_number: number;
  data: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  errors: ColumnType<unknown[], string | undefined, string>;
}

type WellbeingAreaCode = 'safe' | 'healthy' | 'achieving' | 'nurtured' | 'active' | 'respected' | 'responsible' | 'included';

/** A concern (oro): an entry of its writer's secrecy domain and unit, read with the category 'concern'. */
export interface ConcernTable {
  id: Generated<string>;
  child_id: string;
  organisation_id: string;
  unit_id: string | null;
  secrecy_domain_id: string;
  author_id: string;
  areas: ColumnType<WellbeingAreaCode[], WellbeingAreaCode[], WellbeingAreaCode[]>;
  description: string;
  level: 'observation' | 'concern' | 'serious_concern';
  source: 'own_observation' | 'child' | 'guardian' | 'other_person';
  occurred_on: DateColumn;
  created_at: Timestamp;
}

/** The early-signal rule: the county's default (organisation_id null) or a home municipality's own. */
export interface EarlySignalRuleTable {
  id: Generated<string>;
  organisation_id: string | null;
  min_concerns: number;
  min_domains: number;
  window_days: number;
  updated_at: Generated<Date>;
}

/** The unit that is a municipality's social services intake (mottagning). */
export interface IntakeUnitTable {
  organisation_id: string;
  unit_id: string;
}

/** A report of concern to social services (orosanmälan), received at the intake of the child's home municipality. */
export interface ReportOfConcernTable {
  id: Generated<string>;
  child_id: string;
  intake_organisation_id: string;
  intake_unit_id: string;
  reporter_id: string;
  reporter_organisation_id: string;
  reporter_unit_id: string | null;
  legal_ground_code: string;
  areas: ColumnType<WellbeingAreaCode[], WellbeingAreaCode[] | undefined, WellbeingAreaCode[]>;
  description: string;
  immediate_danger: Generated<boolean>;
  sent_at: Timestamp;
  received_at: Timestamp;
}

/** One of intake's steps on a report, recorded once. */
export interface ReportStepTable {
  id: Generated<string>;
  report_id: string;
  step: 'protection_assessment' | 'initial_assessment';
  outcome: 'immediate_protection_needed' | 'no_immediate_protection_needed' | 'investigation_opened' | 'investigation_not_opened' | 'investigation_ongoing';
  note: string | null;
  decided_by: string;
  decided_at: Timestamp;
}

export interface ActionPlanTable {
  id: Generated<string>;
  title: string;
  owner_organisation_id: string;
  /** A forum owner, once forums exist (issue 16, point 3); null while an organisation owns the plan alone. */
  owner_forum_id: string | null;
  period_start: ColumnType<string, string, string>;
  period_end: ColumnType<string, string, string>;
  priority_area: 'completed_studies' | 'mental_health' | 'physical_activity' | 'other';
  overall_goal: string;
  soon_late_days: Generated<number>;
  template: 'general' | 'suicide_prevention' | 'school_completion' | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface ActionPlanOrganisationTable {
  plan_id: string;
  organisation_id: string;
}

export interface ActionPlanSubGoalTable {
  id: Generated<string>;
  plan_id: string;
  position: number;
  title: string;
  description: Generated<string>;
}

export interface ActionPlanActivityTable {
  id: Generated<string>;
  plan_id: string;
  sub_goal_id: string;
  position: number;
  title: string;
  description: Generated<string>;
  responsible_organisation_id: string;
  responsible_user_id: string | null;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  check_in_dates: ColumnType<string[], string[] | undefined, string[]>;
  follow_up_how: Generated<string>;
  follow_up_when: Generated<string>;
  communication: ColumnType<{ audience: string; channel: string; when: string }[], string | undefined, string>;
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  on_hold_since: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Date;
  updated_at: Date;
}

export interface ActionPlanActivityIndicatorTable {
  activity_id: string;
  indicator_id: string;
}

export interface ActionPlanRoundTable {
  id: Generated<string>;
  plan_id: string;
  opened_by: string;
  opened_at: Date;
  due_on: ColumnType<string, string, string>;
  closed_by: string | null;
  closed_at: Date | null;
  report: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ActionPlanReviewTable {
  id: Generated<string>;
  plan_id: string;
  activity_id: string;
  reviewed_on: ColumnType<string, string, never>;
  at: Date;
  status: 'not_started' | 'ongoing' | 'soon_late' | 'late' | 'on_hold' | 'closed';
  action: 'close' | 'hold' | 'resume' | null;
  comment: string;
  reviewed_by: string;
  round_id: string | null;
}

export interface ActionPlanRoundTaskTable {
  round_id: string;
  activity_id: string;
  assignee_organisation_id: string;
  assignee_user_id: string | null;
  done_at: Date | null;
  review_id: string | null;
}

export interface ChildRightsAssessmentTable {
  id: Generated<string>;
  subject_kind: 'action_plan' | 'decision' | 'fund_application';
  subject_id: string;
  state: 'draft' | 'done' | 'not_needed';
  answers: ColumnType<unknown, string, string>;
  not_needed_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

// Forums, reference groups and public pages (migration 0027, issue 16 points 3 and 6).
export interface ForumTable {
  id: Generated<string>;
  name: string;
  kind: 'steering_group' | 'theme_group' | 'reference_group' | 'working_group';
  level: 'political' | 'officer' | 'user';
  purpose: Generated<string>;
  organisation_id: string;
  parent_forum_id: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface ForumMemberTable {
  forum_id: string;
  user_id: string;
  organisation_id: string;
  role: 'chair' | 'secretary' | 'member';
}

export interface ForumOrganisationTable {
  forum_id: string;
  organisation_id: string;
  contact_name: string;
  contact_email: Generated<string>;
  contact_phone: Generated<string>;
  contact_for: Generated<string>;
}

export interface ForumMeetingTable {
  id: Generated<string>;
  forum_id: string;
  held_on: ColumnType<string, string, string>;
  title: string;
  agenda: ColumnType<unknown, string | undefined, string>;
  minutes: Generated<string>;
  attendance: ColumnType<unknown, string | undefined, string>;
  created_at: Date;
  updated_at: Date;
}

export interface ForumDecisionTable {
  id: Generated<string>;
  forum_id: string;
  meeting_id: string;
  text: string;
  action_plan_id: string | null;
  sub_goal_id: string | null;
  activity_id: string | null;
  state: 'proposed' | 'taken';
  taken_by: string | null;
  taken_at: Date | null;
  created_at: Date;
}

export interface ForumViewTable {
  id: Generated<string>;
  reference_group_id: string;
  forum_id: string;
  meeting_id: string | null;
  subject: string;
  view: string;
  children_views_how: Generated<string>;
  response: string | null;
  responded_by: string | null;
  responded_at: Date | null;
  created_by: string;
  created_at: Date;
}

export interface PublicPageTable {
  id: Generated<string>;
  slug: string;
  kind: string;
  source_id: string | null;
  owner_organisation_id: string;
  owner_forum_id: string | null;
  title: string;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  created_by: string;
  created_at: Date;
}

export interface PublicPageVersionTable {
  page_id: string;
  version: number;
  data: ColumnType<unknown, string, string>;
  html_sv: string;
  html_en: string;
  published_by: string;
  published_at: Date;
}

export interface PublicFeedbackTable {
  id: Generated<string>;
  page_id: string;
  page_version: number;
  owner_organisation_id: string;
  owner_forum_id: string | null;
  message: string;
  reply_to: Generated<string>;
  received_at: Date;
}

export interface NewsletterIssueTable {
  id: Generated<string>;
  owner_organisation_id: string;
  title: string;
  slug: string;
  issue_date: ColumnType<string, string, string>;
  blocks: ColumnType<unknown, string | undefined, string>;
  public_page_id: string | null;
  sent_at: Date | null;
  sent_count: number | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewsletterSubscriberTable {
  id: Generated<string>;
  owner_organisation_id: string;
  email: string;
  token: string;
  lang: Generated<'sv' | 'en'>;
  confirmed_at: Date | null;
  created_at: Date;
}

export interface NewsletterDeliveryTable {
  issue_id: string;
  subscriber_id: string;
  sent_at: Date | null;
}

export interface SurveyTable {
  id: string;
  name_sv: string;
  name_en: string;
  grades: ColumnType<string[], string[], string[]>;
  questions: ColumnType<unknown, string, string>;
  owner_organisation_id: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface SurveyIndicatorTable {
  indicator_id: string;
  survey_id: string;
  question_id: string;
  counting_answers: ColumnType<number[], number[], number[]>;
}

export interface SurveyImportTable {
  id: Generated<string>;
  survey_id: string;
  file_name: string;
  file_sha256: string;
  status: 'reading' | 'saving' | 'done' | 'failed' | 'replaced';
  imported_by: string;
  started_at: Date;
  finished_at: Date | null;
  questions: ColumnType<string[], string[], string[]>;
  years: ColumnType<number[], number[] | undefined, number[]>;
  total_rows: number;
  processed_rows: Generated<number>;
  imported_rows: Generated<number>;
  rejected_rows: Generated<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  failure: string | null;
}

export interface SurveyRespondentTable {
  import_id: string;
  year: number;
  municipality: string;
  school_unit: string | null;
  grade: string;
  gender: 'K' | 'M' | 'X';
  weight: number;
  answers: ColumnType<(number | null)[], (number | null)[], (number | null)[]>;
}

export interface SurveyAggregateTable {
  import_id: string;
  year: number;
  municipality: string;
  gender: 'K' | 'M' | 'X';
  grade: string;
  question: number;
  answer: number;
  respondents: number;
  weight_sum: number;
  weight_squared_sum: number;
}

/** Migration 0048: an indicator's base cells in one import, as parallel arrays (surveys/indicator-cells.ts). */
export interface SurveyIndicatorCellsTable {
  indicator_id: string;
  import_id: string;
  cells: Record<string, unknown[]>;
  sums: Uint8Array;
}

export interface ImprovementNetworkTable {
  id: Generated<string>;
  name: string;
  priority_area: 'completed_studies' | 'mental_health' | 'physical_activity' | 'other';
  age_group: '0-5' | '6-12' | '13-18' | '0-18';
  description: Generated<string>;
  workspace_id: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface ImprovementTeamTable {
  id: Generated<string>;
  network_id: string;
  organisation_id: string;
  name: string;
  coach_user_id: string | null;
  created_at: Date;
}

export interface ImprovementTeamMemberTable {
  team_id: string;
  user_id: string;
}

export interface ImprovementSessionTable {
  id: Generated<string>;
  network_id: string;
  held_on: ColumnType<string, string, string>;
  title: string;
}

export interface ImprovementAttendanceTable {
  session_id: string;
  team_id: string;
}

export interface ImprovementProjectTable {
  id: Generated<string>;
  team_id: string;
  title: string;
  aim_what: string;
  aim_how_much: string;
  aim_by: ColumnType<string, string, string>;
  indicator_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface ImprovementDriverTable {
  id: Generated<string>;
  project_id: string;
  parent_id: string | null;
  title: string;
}

export interface ImprovementChangeIdeaTable {
  id: Generated<string>;
  project_id: string;
  driver_id: string;
  title: string;
}

export interface ImprovementMeasureTable {
  id: Generated<string>;
  project_id: string;
  name: string;
  role: 'outcome' | 'process' | 'balancing';
  definition: string;
  kind: 'count' | 'mean' | 'proportion';
  frequency: 'weekly' | 'monthly';
  phase_starts: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Date;
}

export interface ImprovementValueTable {
  measure_id: string;
  period_start: ColumnType<string, string, string>;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  updated_at: Date;
}

export interface ImprovementPdsaTable {
  id: Generated<string>;
  project_id: string;
  change_idea_id: string;
  title: string;
  plan: string;
  prediction: string;
  do_notes: Generated<string>;
  study: Generated<string>;
  act: 'adopt' | 'adapt' | 'abandon' | null;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface FundTable {
  id: Generated<string>;
  name: string;
  owner_organisation_id: string;
  description: Generated<string>;
  created_at: Date;
  updated_at: Date;
}

export interface FundBudgetYearTable {
  fund_id: string;
  year: number;
  amount: number;
}

export interface FundCallTable {
  id: Generated<string>;
  fund_id: string;
  title: string;
  description: Generated<string>;
  opens_on: ColumnType<string, string, string>;
  closes_on: ColumnType<string, string, string>;
  created_at: Date;
}

export interface FundApplicationTable {
  id: Generated<string>;
  call_id: string;
  title: string;
  applicant_organisation_id: string;
  target_group: string;
  age_from: number;
  age_to: number;
  intervention: string;
  expected_effects: string;
  status: 'draft' | 'submitted' | 'granted' | 'granted_with_conditions' | 'rejected';
  project_start: ColumnType<string | null, string | null | undefined, string | null>;
  project_end: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface FundApplicationPartnerTable {
  application_id: string;
  organisation_id: string;
}

export interface FundApplicationBudgetTable {
  application_id: string;
  year: number;
  amount: number;
}

export interface FundApplicationIndicatorTable {
  application_id: string;
  indicator_id: string;
}

export interface FundDecisionTable {
  application_id: string;
  outcome: 'granted' | 'granted_with_conditions' | 'rejected';
  reason: string;
  conditions: string | null;
  decided_by: string;
  decided_at: Date;
}

export interface FundDisbursementTable {
  id: Generated<string>;
  application_id: string;
  year: number;
  amount: ColumnType<number, number, never>;
  paid_on: ColumnType<string, string, never>;
  note: Generated<string>;
  recorded_by: string;
  recorded_at: Date;
}

export interface FundReportTable {
  id: Generated<string>;
  application_id: string;
  reported_on: ColumnType<string, string, string>;
  summary: string;
  indicator_values: ColumnType<{ indicatorId: string; period: string; value: number }[], string | undefined, string>;
  reported_by: string;
  created_at: Date;
}

export interface FundCalculationTable {
  application_id: string;
  input: ColumnType<unknown, string, string>;
  updated_by: string;
  updated_at: Date;
}

export interface DB extends WorkspaceTables, PlanMeetingTables, ChildLevelIndicatorTables, PopulationTargetTables, SchoolTables {
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
  indicator: IndicatorTable;
  kolada_import: KoladaImportTable;
  kolada_kpi: KoladaKpiTable;
  kolada_municipality: KoladaMunicipalityTable;
  kolada_value: KoladaValueTable;
  kolada_value_revision: KoladaValueRevisionTable;
  survey: SurveyTable;
  survey_indicator: SurveyIndicatorTable;
  survey_import: SurveyImportTable;
  survey_respondent: SurveyRespondentTable;
  survey_aggregate: SurveyAggregateTable;
  survey_indicator_cells: SurveyIndicatorCellsTable;
  action_plan: ActionPlanTable;
  action_plan_organisation: ActionPlanOrganisationTable;
  action_plan_sub_goal: ActionPlanSubGoalTable;
  action_plan_activity: ActionPlanActivityTable;
  action_plan_activity_indicator: ActionPlanActivityIndicatorTable;
  action_plan_round: ActionPlanRoundTable;
  action_plan_review: ActionPlanReviewTable;
  action_plan_round_task: ActionPlanRoundTaskTable;
  improvement_network: ImprovementNetworkTable;
  improvement_team: ImprovementTeamTable;
  improvement_team_member: ImprovementTeamMemberTable;
  improvement_session: ImprovementSessionTable;
  improvement_attendance: ImprovementAttendanceTable;
  improvement_project: ImprovementProjectTable;
  improvement_driver: ImprovementDriverTable;
  improvement_change_idea: ImprovementChangeIdeaTable;
  improvement_measure: ImprovementMeasureTable;
  improvement_value: ImprovementValueTable;
  improvement_pdsa: ImprovementPdsaTable;
  child_rights_assessment: ChildRightsAssessmentTable;
  fund: FundTable;
  fund_budget_year: FundBudgetYearTable;
  fund_call: FundCallTable;
  fund_application: FundApplicationTable;
  fund_application_partner: FundApplicationPartnerTable;
  fund_application_budget: FundApplicationBudgetTable;
  fund_application_indicator: FundApplicationIndicatorTable;
  fund_decision: FundDecisionTable;
  fund_disbursement: FundDisbursementTable;
  fund_report: FundReportTable;
  fund_calculation: FundCalculationTable;
  forum: ForumTable;
  forum_member: ForumMemberTable;
  forum_organisation: ForumOrganisationTable;
  forum_meeting: ForumMeetingTable;
  forum_decision: ForumDecisionTable;
  forum_view: ForumViewTable;
  public_page: PublicPageTable;
  public_page_version: PublicPageVersionTable;
  public_feedback: PublicFeedbackTable;
  newsletter_issue: NewsletterIssueTable;
  newsletter_subscriber: NewsletterSubscriberTable;
  newsletter_delivery: NewsletterDeliveryTable;
  child_identity_change: ChildIdentityChangeTable;
  register_import: RegisterImportTable;
  register_import_row: RegisterImportRowTable;
  concern: ConcernTable;
  early_signal_rule: EarlySignalRuleTable;
  intake_unit: IntakeUnitTable;
  report_of_concern: ReportOfConcernTable;
  report_step: ReportStepTable;
  plan: PlanTable;
  plan_revision: PlanRevisionTable;
  plan_approval: PlanApprovalTable;
  plan_preparation: PlanPreparationTable;
  plan_preparation_note: PlanPreparationNoteTable;
  wellbeing_model_version: WellbeingModelVersionTable;
  wellbeing_assessment: WellbeingAssessmentTable;
  wellbeing_self_rating_code: WellbeingSelfRatingCodeTable;
  needs_assessment_config_version: NeedsAssessmentConfigVersionTable;
  needs_assessment: NeedsAssessmentTable;
  needs_assessment_version: NeedsAssessmentVersionTable;
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
  audit_erasure: AuditErasureTable;
  retention_rule: RetentionRuleTable;
  retention_run: RetentionRunTable;
  retention_tombstone: RetentionTombstoneTable;
  schema_migration: SchemaMigrationTable;
  attention_seen: AttentionSeenTable;
  inbox_item: InboxItemTable;
}

/** A child's plan or a SIP (migration 0022): its consent, where it was started, and pointers to its head and the revision in force. */
export interface PlanTable {
  id: Generated<string>;
  child_id: string;
  kind: 'child_plan' | 'sip';
  consent_id: string;
  organisation_id: string;
  unit_id: string | null;
  secrecy_domain_id: string;
  created_by: string;
  created_at: Timestamp;
  head_revision: Generated<number>;
  in_force_revision: number | null;
  established_at: Date | null;
  established_by: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  close_reason: 'goals_reached' | 'no_longer_needed' | 'family_declined' | 'moved' | 'other' | null;
  close_note: Generated<string>;
}

/** One saved revision of a plan: the whole contents, written in its author's secrecy domain. */
export interface PlanRevisionTable {
  plan_id: string;
  number: number;
  based_on: number | null;
  contents: ColumnType<unknown, string, never>;
  note: Generated<string>;
  organisation_id: string;
  unit_id: string | null;
  secrecy_domain_id: string;
  author_id: string;
  saved_at: Timestamp;
}

/** A guardian's or the child's answer to a proposed revision. */
export interface PlanPreparationTable {
  id: Generated<string>;
  plan_id: string;
  user_id: string;
  given_as: 'guardian' | 'child';
  voice: 'guardian' | 'child';
  answers: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
}

/** A team member's preparation note for the plan's meeting: what they bring (migration 0037). */
export interface PlanPreparationNoteTable {
  id: Generated<string>;
  plan_id: string;
  child_id: string;
  author_id: string;
  organisation_id: string;
  secrecy_domain_id: string;
  brings: string;
  updated_at: Timestamp;
}

export interface PlanApprovalTable {
  id: Generated<string>;
  plan_id: string;
  revision: number;
  user_id: string;
  given_as: 'guardian' | 'child';
  guardian_id: string | null;
  decision: 'approved' | 'commented';
  comment: Generated<string>;
  at: Timestamp;
}
