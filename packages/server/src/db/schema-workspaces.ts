import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 0028: workspaces, agreements, joint placements and training (issue 16). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns come back as strings from pg and PGlite; the queries convert them. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface WorkspaceTables {
  workspace: {
    id: Generated<string>;
    name: string;
    description: Generated<string>;
    open_to_join: Generated<boolean>;
    belongs_to_kind: 'forum' | 'working_group' | 'learning_network' | 'project' | null;
    belongs_to_id: string | null;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  workspace_member: { workspace_id: string; user_id: string; organisation_id: string; role: 'owner' | 'member'; added_by: string; added_at: Timestamp; notices_read_at: Timestamp | null };
  workspace_join_request: { id: Generated<string>; workspace_id: string; user_id: string; message: Generated<string>; state: 'pending' | 'accepted' | 'declined'; requested_at: Timestamp; answered_by: string | null; answered_at: Timestamp | null };
  workspace_notice: { id: Generated<string>; workspace_id: string; kind: 'post' | 'document_version' | 'meeting' | 'member_added' | 'join_requested' | 'join_answered' | 'feedback'; subject_id: string | null; title: string; actor_id: string | null; created_at: Timestamp };
  workspace_post: { id: Generated<string>; workspace_id: string; author_id: string; body: string; created_at: Timestamp };
  workspace_document: { id: Generated<string>; workspace_id: string; title: string; created_by: string; created_at: Timestamp; updated_at: Timestamp };
  workspace_document_version: { document_id: string; version: number; file_name: string; media_type: string; size_bytes: number; sha256: string; content: Buffer | Uint8Array; note: Generated<string>; uploaded_by: string; uploaded_at: Timestamp };
  workspace_meeting: { id: Generated<string>; workspace_id: string; title: string; starts_at: Timestamp; ends_at: Timestamp; location: Generated<string>; agenda: Generated<string>; created_by: string; created_at: Timestamp; updated_at: Timestamp };
  agreement: { id: Generated<string>; title: string; kind: 'guideline' | 'agreement' | 'routine'; description: Generated<string>; valid_from: ColumnType<string, string, string>; valid_until: ColumnType<string | null, string | null, string | null>; revision_due_on: ColumnType<string, string, string>; remind_days: Generated<number>; created_by: string; created_at: Timestamp; updated_at: Timestamp };
  agreement_party: { agreement_id: string; organisation_id: string };
  agreement_owner: { agreement_id: string; user_id: string };
  agreement_version: { agreement_id: string; version: number; summary: string; content: Generated<string>; decided_on: ColumnType<string, string, string>; recorded_by: string; recorded_at: Timestamp };
  joint_placement: { id: Generated<string>; case_reference: string; region_id: string; municipality_id: string; region_share_percent: Numeric; starts_on: ColumnType<string, string, string>; ends_on: ColumnType<string | null, string | null, string | null>; agreement_id: string | null; created_by: string; created_at: Timestamp; updated_at: Timestamp };
  joint_placement_cost: { placement_id: string; year: number; amount: Numeric };
  training_course: { id: string; name_sv: string; name_en: string; target_percent: number };
  training_record: { unit_id: string; course_id: string; staff_count: number; completed_count: number; recorded_on: ColumnType<string, string, string>; recorded_by: string };
}
