import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 0030: SIP requests, a plan's meetings and their summonses and invitations (issue 14). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;

export type Principal = 'municipality' | 'region';
export type InvitationKind = 'summons' | 'invitation' | 'family';

export interface PlanMeetingTables {
  sip_request: {
    id: Generated<string>;
    child_id: string;
    from_principal: Principal;
    organisation_id: string;
    secrecy_domain_id: string;
    requested_by: string;
    requested_at: Timestamp;
    reason: Generated<string>;
    deadline_on: DateColumn;
    answered_by: string | null;
    answered_at: Timestamp | null;
    answer: 'accepted' | 'refused' | null;
    answer_reason: Generated<string>;
    plan_id: string | null;
  };
  plan_meeting: {
    id: Generated<string>;
    plan_id: string;
    child_id: string;
    starts_at: Timestamp;
    place: Generated<string>;
    digital_link: Generated<string>;
    notes: Generated<string>;
    decisions: Generated<string>;
    held_at: Timestamp | null;
    organisation_id: string;
    secrecy_domain_id: string;
    created_by: string;
    created_at: Timestamp;
    updated_by: string;
    updated_at: Timestamp;
  };
  meeting_invitation: {
    id: Generated<string>;
    meeting_id: string;
    plan_id: string;
    child_id: string;
    kind: InvitationKind;
    invitee_user_id: string | null;
    external_name: Generated<string>;
    external_email: Generated<string>;
    sent_by: string;
    sent_at: Timestamp;
    delivered_at: Timestamp;
    read_at: Timestamp | null;
    reply: 'coming' | 'not_coming' | null;
    reply_comment: Generated<string>;
    replied_at: Timestamp | null;
    attendance: 'present' | 'absent' | null;
  };
}
