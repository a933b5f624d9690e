import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { InvitationKind } from '../db/schema-plan-meetings.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** A plan's meetings, in time order. */
export async function meetingsOf(db: Db, planId: string, meetingId?: string) {
  let query = db.selectFrom('plan_meeting').selectAll().where('plan_id', '=', planId);
  if (meetingId) query = query.where('id', '=', meetingId);
  return query.orderBy('starts_at').orderBy('id').execute();
}
export type MeetingRow = Awaited<ReturnType<typeof meetingsOf>>[number];

/** The invitees of these meetings, with their names and (for a professional) the organisation they are on the team for. */
export async function inviteesOf(db: Db, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_invitation as i')
    .leftJoin('app_user as u', 'u.id', 'i.invitee_user_id')
    .select(['i.id', 'i.meeting_id', 'i.kind', 'i.invitee_user_id', 'i.external_name', 'i.external_email', 'i.sent_at', 'i.delivered_at', 'i.read_at', 'i.reply', 'i.reply_comment', 'i.replied_at', 'i.attendance', 'u.display_name', 'u.email'])
    .where('i.meeting_id', 'in', [...meetingIds])
    .orderBy('i.sent_at')
    .orderBy('i.id')
    .execute();
}
export type InviteeRow = Awaited<ReturnType<typeof inviteesOf>>[number];

export async function insertMeeting(trx: Transaction<DB>, m: { planId: string; childId: string; startsAt: string; place: string; digitalLink: string; organisationId: string; secrecyDomainId: string; userId: string; at: Date }): Promise<string> {
  const row = await trx
    .insertInto('plan_meeting')
    .values({ plan_id: m.planId, child_id: m.childId, starts_at: m.startsAt, place: m.place, digital_link: m.digitalLink, held_at: null, organisation_id: m.organisationId, secrecy_domain_id: m.secrecyDomainId, created_by: m.userId, created_at: m.at, updated_by: m.userId, updated_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertInvitation(trx: Transaction<DB>, i: { meetingId: string; planId: string; childId: string; kind: InvitationKind; userId: string | null; externalName: string; externalEmail: string; by: string; at: Date }): Promise<string> {
  const row = await trx
    .insertInto('meeting_invitation')
    .values({ meeting_id: i.meetingId, plan_id: i.planId, child_id: i.childId, kind: i.kind, invitee_user_id: i.userId, external_name: i.externalName, external_email: i.externalEmail, sent_by: i.by, sent_at: i.at, delivered_at: i.at, read_at: null, reply: null, replied_at: null, attendance: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** One invitation with its meeting and plan, as its invitee opens it. */
export async function invitationOf(db: Db, childId: string, invitationId: string) {
  return db
    .selectFrom('meeting_invitation as i')
    .innerJoin('plan_meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('plan as p', 'p.id', 'i.plan_id')
    .innerJoin('app_user as s', 's.id', 'i.sent_by')
    .select(['i.id', 'i.child_id', 'i.plan_id', 'i.meeting_id', 'i.kind', 'i.invitee_user_id', 'i.sent_at', 'i.read_at', 'i.reply', 'i.reply_comment', 'i.replied_at', 'm.starts_at', 'm.place', 'm.digital_link', 'm.held_at', 'p.kind as plan_kind', 'p.closed_at', 's.display_name as sent_by_name'])
    .where('i.child_id', '=', childId)
    .where('i.id', '=', invitationId)
    .executeTakeFirst();
}
export type InvitationRow = NonNullable<Awaited<ReturnType<typeof invitationOf>>>;

/** The receipt: the first time the invitee opens it. */
export async function markRead(db: Db, invitationId: string, at: Date): Promise<void> {
  await db.updateTable('meeting_invitation').set({ read_at: at }).where('id', '=', invitationId).where('read_at', 'is', null).execute();
}

/** The family's users of this child: the guardians with an account, and the child's own. */
export async function familyUsersOf(db: Db, childId: string) {
  const guardians = await db.selectFrom('child_guardian as cg').innerJoin('guardian as g', 'g.id', 'cg.guardian_id').innerJoin('app_user as u', 'u.id', 'g.user_id').select(['u.id', 'u.display_name']).where('cg.child_id', '=', childId).execute();
  const child = await db.selectFrom('child as c').innerJoin('app_user as u', 'u.id', 'c.user_id').select(['u.id', 'u.display_name']).where('c.id', '=', childId).executeTakeFirst();
  return { guardians, child: child ?? null };
}
