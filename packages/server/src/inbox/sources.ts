import type { Kysely } from 'kysely';
import { decidePlan, inboxKey, proposedRevision, stockholmDate, type InboxKind, type PlanAccessFacts, type PlanContents } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { earlySignalsFor } from '../concerns/early-signals.ts';
import { openPlansFor, planFacts, type PlanRow } from '../plans/queries.ts';
import { invitedProfessionally, inviteeBasis, openRowsForAll } from '../plans/meeting-invitations.ts';

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

/** The children whose plans may hold something for the user: their current team, their wards, themselves. */
type NearPlan = PlanRow & { child_id: string };

/** What a sweep's sources share: the open plans near each user, loaded once for all the sources that read them. */
export interface SweepFacts {
  near(): Promise<Map<string, NearPlan[]>>;
}

/**
 * A source of inbox items: one function per area, asked for many users at once (the notice
 * sweep asks for everyone), so that it reads its rows in a few statements, not a few per user.
 */
export type InboxSource = (db: Kysely<DB>, users: readonly InboxUser[], now: Date, facts: SweepFacts) => Promise<Map<string, InboxCandidate[]>>;

/** The children each of these citizens stands for now: their wards, and themselves. */
async function familiesOf(db: Kysely<DB>, userIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const families = new Map<string, Set<string>>(userIds.map((id) => [id, new Set<string>()]));
  if (userIds.length === 0) return families;
  const wards = db.selectFrom('child_guardian as cg').innerJoin('guardian as g', 'g.id', 'cg.guardian_id').select(['g.user_id', 'cg.child_id']).where('g.user_id', 'in', [...userIds]);
  const rows = await wards.union(db.selectFrom('child').select(['user_id', 'id as child_id']).where('user_id', 'in', [...userIds])).execute();
  for (const r of rows) if (r.user_id) families.get(r.user_id)?.add(r.child_id);
  return families;
}

async function plansNear(db: Kysely<DB>, users: readonly InboxUser[], now: Date): Promise<Map<string, NearPlan[]>> {
  const userIds = users.map((u) => u.userId);
  if (userIds.length === 0) return new Map();
  const [team, families] = await Promise.all([
    db.selectFrom('care_team_member').select(['user_id', 'child_id']).where('user_id', 'in', userIds).where('starts_at', '<=', now).where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)])).execute(),
    familiesOf(db, userIds),
  ]);
  const childIds = new Map<string, string[]>([...families].map(([id, children]) => [id, [...children]]));
  for (const r of team) childIds.get(r.user_id)?.push(r.child_id);
  return openPlansFor(db, childIds);
}

const mayRead = (row: PlanRow) => (facts: PlanAccessFacts) => decidePlan(facts, planFacts(row)).read;
const planLink = (row: NearPlan, user: InboxUser) => (user.kind === 'citizen' ? `/my-children/${row.child_id}` : `/child/${row.child_id}/plans/${row.id}`);

/** A source that looks at each user's open plans near them, for the users of one kind. */
function fromPlans(kind: InboxUser['kind'], items: (row: NearPlan, user: InboxUser, now: Date) => InboxCandidate[]): InboxSource {
  return async (_db, users, now, facts) => {
    const near = users.some((u) => u.kind === kind) ? await facts.near() : new Map<string, NearPlan[]>();
    return new Map(users.map((u) => [u.userId, u.kind === kind ? (near.get(u.userId) ?? []).flatMap((row) => items(row, u, now)) : []]));
  };
}

/** A follow-up that is due: the head's next follow-up date is today or past, for the planning lead (the team, when none is named). */
export const followUpsDue: InboxSource = fromPlans('professional', (row, user, now) => {
  const head = row.head_contents as PlanContents;
  const lead = head.coordination.planningLeadUserId;
  if (!head.nextFollowUpOn || head.nextFollowUpOn > stockholmDate(now) || (lead !== null && lead !== user.userId)) return [];
  return [{ key: inboxKey('follow_up_due', row.id, head.nextFollowUpOn), kind: 'follow_up_due' as const, date: head.nextFollowUpOn, childId: row.child_id, subject: head.title, link: planLink(row, user), visible: mayRead(row) }];
});

/** An open action (neither closed nor on hold) naming the user as its responsible person. */
export const actionsAssigned: InboxSource = fromPlans('professional', (row, user) =>
  (row.head_contents as PlanContents).actions
    .filter((a) => a.responsibleUserId === user.userId && a.closedOn === null && a.onHoldSince === null)
    .map((a) => ({ key: inboxKey('action_assigned', `${row.id}.${a.id}`, 1), kind: 'action_assigned' as const, date: a.startsOn, childId: row.child_id, subject: a.what, link: planLink(row, user), visible: mayRead(row) })),
);

/** A proposed change the user has yet to approve; the plan's policy says whether they are one who approves. */
export const approvalsWaiting: InboxSource = fromPlans('citizen', (row, user) => {
  const proposal = proposedRevision(planFacts(row));
  if (proposal === null || row.approved_by_caller) return [];
  const visible = (facts: PlanAccessFacts) => {
    const d = decidePlan(facts, planFacts(row));
    return d.read && d.actions.includes('approve');
  };
  return [{ key: inboxKey('approval_waiting', row.id, proposal), kind: 'approval_waiting' as const, childId: row.child_id, subject: (row.head_contents as PlanContents).title, link: planLink(row, user), visible }];
});

/** The early-signal suggestions of the user's start page (named person); the suggestion reveals no concern. Still asked per professional. */
export const earlySignals: InboxSource = async (db, users, now) => {
  const byUser = new Map<string, InboxCandidate[]>();
  for (const u of users) {
    const signals = u.kind === 'professional' ? await earlySignalsFor(db, u.userId, { now }) : [];
    byUser.set(u.userId, signals.map((s) => ({ key: inboxKey('early_signal', s.childId, 1), kind: 'early_signal' as const, childId: s.childId, subject: '', link: `/child/${s.childId}` })));
  }
  return byUser;
};

/**
 * The caller's open summonses and invitations (the family's own is an invitation), dated by the
 * meeting's day. A professional invited who is not on the team sees theirs on the invitee's own
 * basis, as `GET /api/me/meeting-invitations` does; the family's stands on the gate.
 * One statement for all the users, and one for the invited citizens' families.
 */
export const meetingInvitations: InboxSource = async (db, users, now) => {
  const rows = await openRowsForAll(db, users.map((u) => u.userId), now);
  const invitees = new Set(rows.map((r) => r.invitee_user_id));
  // A family's invitation counts (in the badge, in the notice mail) only while the user stands for the child.
  const families = await familiesOf(db, users.filter((u) => u.kind === 'citizen' && invitees.has(u.userId)).map((u) => u.userId));
  const byUser = new Map<string, InboxCandidate[]>(users.map((u) => [u.userId, []]));
  const kindOf = new Map(users.map((u) => [u.userId, u.kind]));
  for (const r of rows) {
    const userId = r.invitee_user_id!;
    const userKind = kindOf.get(userId)!;
    if (userKind === 'citizen' && !families.get(userId)?.has(r.child_id)) continue;
    const kind = r.kind === 'summons' ? ('summons' as const) : ('invitation' as const);
    const link = userKind === 'citizen' ? `/my-children/${r.child_id}` : `/child/${r.child_id}/meeting-invitations/${r.id}`;
    byUser.get(userId)!.push({ key: inboxKey(kind, r.id, 1), kind, date: stockholmDate(new Date(r.starts_at)), childId: r.child_id, subject: '', link, ...(invitedProfessionally(r.kind, userKind) ? { areaBasis: inviteeBasis } : {}) });
  }
  return byUser;
};

/** The registry of sources. */
export const inboxSources: InboxSource[] = [followUpsDue, actionsAssigned, approvalsWaiting, earlySignals, meetingInvitations];

/** Every source's items for each of these users (one key once); the open plans near them are read once for all. */
export async function collectCandidatesForAll(db: Kysely<DB>, users: readonly InboxUser[], now: Date): Promise<Map<string, InboxCandidate[]>> {
  let near: Promise<Map<string, NearPlan[]>> | undefined;
  const facts: SweepFacts = { near: () => (near ??= plansNear(db, users, now)) };
  const answers = await Promise.all(inboxSources.map((s) => s(db, users, now, facts)));
  return new Map(users.map((u) => {
    const all = answers.flatMap((a) => a.get(u.userId) ?? []);
    return [u.userId, [...new Map(all.map((c) => [c.key, c])).values()]];
  }));
}

export async function collectCandidates(db: Kysely<DB>, user: InboxUser, now: Date): Promise<InboxCandidate[]> {
  return (await collectCandidatesForAll(db, [user], now)).get(user.userId) ?? [];
}
