import type { ColumnType, Generated } from 'kysely';
import type { OrganisationKind, Role, Sector } from '@samsyn/core';

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
}

export interface LoginAttemptTable {
  id: Generated<string>;
  username: string;
  client_ip: string;
  success: boolean;
  at: Timestamp;
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

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

export interface DB {
  organisation: OrganisationTable;
  unit: UnitTable;
  app_user: AppUserTable;
  local_credential: LocalCredentialTable;
  user_identity: UserIdentityTable;
  user_role: UserRoleTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  server_secret: ServerSecretTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  schema_migration: SchemaMigrationTable;
}
