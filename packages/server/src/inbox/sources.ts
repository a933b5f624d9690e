import type { Kysely } from 'kysely';
import { decidePlan, inboxKey, proposedRevision, stockholmDate, type InboxKind, type PlanAccessFacts, type PlanContents } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { earlySignalsFor } from '../concerns/early-signals.ts';
import { planFacts, plansOf, type PlanRow } from '../plans/queries.ts';
import { invitedProfessionally, inviteeBasis, openRowsFor } from '../plans/meeting-invitations.ts';

/** What waits for one user, before the gate: ids and codes, and how to ask whether it may still show. */
export interface InboxCandidate {
  key: string;
  kind: InboxKind;
  /** The day it is about; absent: the day the inbox first saw it. */
  date?: string;
  childId: string | null;
  subject: string;
  link: string;
  /** After the gate allowed the child: whether this item may show (a plan the caller may read). */
  visible?: (facts: PlanAccessFacts) => boolean;
  /** Where the gate refuses the child: the area's own reason to show the item anyway (ids and dates only, no name). */
  areaBasis?: string;
}

export interface InboxUser {
  userId: string;
  kind: 'professional' | 'citizen';
}

/** A source of inbox items: one function per area. */
export type InboxSource = (db: Kysely<DB>, user: InboxUser, now: Date) => Promise<InboxCandidate[]>;

/** The children whose plans may hold something for the user: their current team, their wards, themselves. */
type NearPlan = PlanRow & { child_id: string };

/** The children a citizen stands for now: their wards, and themselves. */
function familyOf(db: Kysely<DB>, userId: string) {
  const wards = db.selectFrom('child_guardian as cg').innerJoin('guardian as g', 'g.id', 'cg.guardian_id').select('cg.child_id').where('g.user_id', '=', userId);
  return wards.union(db.selectFrom('child').select('id as child_id').where('user_id', '=', userId));
}

async function plansNear(db: Kysely<DB>, user: InboxUser, now: Date): Promise<NearPlan[]> {
  const team = db.selectFrom('care_team_member').select('child_id').where('user_id', '=', user.userId).where('starts_at', '<=', now).where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]));
  const ids = (await team.union(familyOf(db, user.userId)).execute()).map((r) => r.child_id);
  const rows = await Promise.all([...new Set(ids)].map(async (id) => (await plansOf(db, id, user.userId)).map((r) => ({ ...r, child_id: id }))));
  return rows.flat().filter((r) => r.closed_at === null);
}

const mayRead = (row: PlanRow) => (facts: PlanAccessFacts) => decidePlan(facts, planFacts(row)).read;
const planLink = (row: NearPlan, user: InboxUser) => (user.kind === 'citizen' ? `/my-children/${row.child_id}` : `/child/${row.child_id}/plans/${row.id}`);

/** A follow-up that is due: the head's next follow-up date is today or past, for the planning lead (the team, when none is named). */
export const followUpsDue: InboxSource = async (db, user, now) => {
  if (user.kind !== 'professional') return [];
  const today = stockholmDate(now);
  return (await plansNear(db, user, now)).flatMap((row) => {
    const head = row.head_contents as PlanContents;
    const lead = head.coordination.planningLeadUserId;
    if (!head.nextFollowUpOn || head.nextFollowUpOn > today || (lead !== null && lead !== user.userId)) return [];
    return [{ key: inboxKey('follow_up_due', row.id, head.nextFollowUpOn), kind: 'follow_up_due' as const, date: head.nextFollowUpOn, childId: row.child_id, subject: head.title, link: planLink(row, user), visible: mayRead(row) }];
  });
};

/** An open action (neither closed nor on hold) naming the user as its responsible person. */
export const actionsAssigned: InboxSource = async (db, user, now) => {
  if (user.kind !== 'professional') return [];
  return (await plansNear(db, user, now)).flatMap((row) =>
    (row.head_contents as PlanContents).actions
      .filter((a) => a.responsibleUserId === user.userId && a.closedOn === null && a.onHoldSince === null)
      .map((a) => ({ key: inboxKey('action_assigned', `${row.id}.${a.id}`, 1), kind: 'action_assigned' as const, date: a.startsOn, childId: row.child_id, subject: a.what, link: planLink(row, user), visible: mayRead(row) })),
  );
};

/** A proposed change the user has yet to approve; the plan's policy says whether they are one who approves. */
export const approvalsWaiting: InboxSource = async (db, user, now) => {
  if (user.kind !== 'citizen') return [];
  return (await plansNear(db, user, now)).flatMap((row) => {
    const proposal = proposedRevision(planFacts(row));
    if (proposal === null || row.approved_by_caller) return [];
    const visible = (facts: PlanAccessFacts) => {
      const d = decidePlan(facts, planFacts(row));
      return d.read && d.actions.includes('approve');
    };
    return [{ key: inboxKey('approval_waiting', row.id, proposal), kind: 'approval_waiting' as const, childId: row.child_id, subject: (row.head_contents as PlanContents).title, link: planLink(row, user), visible }];
  });
};

/** The early-signal suggestions of the user's start page (named person); the suggestion reveals no concern. */
export const earlySignals: InboxSource = async (db, user, now) => {
  if (user.kind !== 'professional') return [];
  return (await earlySignalsFor(db, user.userId, { now })).map((s) => ({ key: inboxKey('early_signal', s.childId, 1), kind: 'early_signal' as const, childId: s.childId, subject: '', link: `/child/${s.childId}` }));
};

/**
 * The caller's open summonses and invitations (the family's own is an invitation), dated by the
 * meeting's day. A professional invited who is not on the team sees theirs on the invitee's own
 * basis, as `GET /api/me/meeting-invitations` does; the family's stands on the gate.
 */
export const meetingInvitations: InboxSource = async (db, user, now) => {
  const rows = await openRowsFor(db, user.userId, now);
  // A family's invitation counts (in the badge, in the notice mail) only while the user stands for the child.
  const family = user.kind === 'citizen' && rows.length > 0 ? new Set((await familyOf(db, user.userId).execute()).map((r) => r.child_id)) : null;
  return rows.filter((r) => family === null || family.has(r.child_id)).map((r) => {
    const kind = r.kind === 'summons' ? ('summons' as const) : ('invitation' as const);
    const link = user.kind === 'citizen' ? `/my-children/${r.child_id}` : `/child/${r.child_id}/meeting-invitations/${r.id}`;
    return { key: inboxKey(kind, r.id, 1), kind, date: stockholmDate(new Date(r.starts_at)), childId: r.child_id, subject: '', link, ...(invitedProfessionally(r.kind, user.kind) ? { areaBasis: inviteeBasis } : {}) };
  });
};

/** The registry of sources. */
export const inboxSources: InboxSource[] = [followUpsDue, actionsAssigned, approvalsWaiting, earlySignals, meetingInvitations];

export async function collectCandidates(db: Kysely<DB>, user: InboxUser, now: Date): Promise<InboxCandidate[]> {
  const all = (await Promise.all(inboxSources.map((s) => s(db, user, now)))).flat();
  return [...new Map(all.map((c) => [c.key, c])).values()];
}
