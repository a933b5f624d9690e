import type { FastifyRequest } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { stockholmDate, type InboxItemView, type InboxMarkInput } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { decideEach } from '../access/gate.ts';
import { canonicalId } from '../access/ids.ts';
import { requireActor } from '../http/types.ts';
import { findChildRow } from '../children/queries.ts';
import { collectCandidates, collectCandidatesForAll, type InboxCandidate, type InboxUser } from './sources.ts';

type Marks = Map<string, { first_seen_at: Date; read_at: Date | null; done_at: Date | null }>;

async function marksOf(db: Kysely<DB>, userId: string): Promise<Marks> {
  const rows = await db.selectFrom('inbox_item').select(['key', 'first_seen_at', 'read_at', 'done_at']).where('user_id', '=', userId).execute();
  return new Map(rows.map((r) => [r.key, r]));
}

/** Remembers the items seen for the first time (their date, when they have none of their own). */
async function remember(db: Kysely<DB>, userId: string, keys: readonly string[], now: Date): Promise<void> {
  if (keys.length === 0) return;
  await db.insertInto('inbox_item').values(keys.map((key) => ({ user_id: userId, key, first_seen_at: now }))).onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()).execute();
}

const userOf = (request: FastifyRequest): InboxUser => {
  const actor = requireActor(request.actor);
  return { userId: actor.userId, kind: actor.kind };
};

/**
 * The caller's inbox: every source's items, one `decideEach` over the children they name (one
 * entry for the look, naming each child), and an item whose child the gate refuses, or whose
 * plan the caller may no longer read, is dropped.
 */
export async function inboxFor(request: FastifyRequest): Promise<InboxItemView[]> {
  const { db, clock, config } = request.server.services;
  const user = userOf(request);
  const now = clock.now();
  const candidates = await collectCandidates(db, user, now);
  const childIds = candidates.flatMap((c) => (c.childId ? [c.childId] : []));
  // Each child's items, grouped once (not searched once per child).
  const byChild = new Map<string, InboxCandidate[]>();
  for (const c of candidates) if (c.childId !== null) byChild.set(canonicalId(c.childId), [...(byChild.get(canonicalId(c.childId)) ?? []), c]);
  const of = (id: string) => byChild.get(id) ?? [];
  const answers = await decideEach(request, childIds, 'read', 'record', {
    auditAction: 'child.inbox.list',
    detailsFor: (id) => ({ inbox: of(id).map((c) => c.key) }),
    // An item of the area's own (a summons to someone not on the team) shows where the gate refuses.
    areaBasis: (id) => of(id).find((c) => c.areaBasis)?.areaBasis ?? null,
  });
  const allowed = (c: InboxCandidate) => c.childId !== null && answers.get(canonicalId(c.childId))?.allow === true;
  const shown = candidates.filter((c) => {
    if (c.childId === null) return true;
    const answer = answers.get(canonicalId(c.childId));
    if (answer?.allow !== true) return c.areaBasis !== undefined && answer?.byArea === c.areaBasis;
    return c.visible ? c.visible({ actor: answer.access.actor, child: answer.access.child, now: answer.access.now, rules: config.consentRules, record: answer.access.decision }) : true;
  });
  await remember(db, user.userId, shown.map((c) => c.key), now);
  const marks = await marksOf(db, user.userId);
  const names = new Map<string, InboxItemView['childName']>();
  // The child's name only where the gate let the caller read the record.
  for (const id of new Set(shown.filter(allowed).flatMap((c) => (c.childId ? [c.childId] : [])))) {
    const row = await findChildRow(db, id);
    names.set(id, row && row.protected_identity === null ? { givenName: row.given_name, familyName: row.family_name } : null);
  }
  return shown.map((c) => toView(c, marks, names, now)).sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key));
}

function toView(c: InboxCandidate, marks: Marks, names: Map<string, InboxItemView['childName']>, now: Date): InboxItemView {
  const mark = marks.get(c.key);
  return {
    key: c.key,
    kind: c.kind,
    date: c.date ?? stockholmDate(mark?.first_seen_at ?? now),
    childId: c.childId,
    childName: c.childId ? (names.get(c.childId) ?? null) : null,
    subject: c.subject,
    link: c.link,
    read: Boolean(mark?.read_at) || Boolean(mark?.done_at),
    done: Boolean(mark?.done_at),
  };
}

/** Marks the caller's own items; it touches only the caller's rows, never a child's data. */
export async function markItems(request: FastifyRequest, input: InboxMarkInput): Promise<void> {
  const { db, clock } = request.server.services;
  const userId = requireActor(request.actor).userId;
  const now = clock.now();
  await remember(db, userId, input.keys, now);
  const set = { read: { read_at: now }, unread: { read_at: null }, done: { done_at: now }, not_done: { done_at: null } }[input.state];
  await db.updateTable('inbox_item').set(set).where('user_id', '=', userId).where('key', 'in', input.keys).execute();
}

/**
 * The navigation's count: items neither read nor done. Numbers only, so it asks no gate and logs
 * nothing; the sources are scoped to the user's own standing (team, lead, guardian, named person).
 */
export async function inboxUnreadCount(db: Kysely<DB>, user: InboxUser, now: Date): Promise<number> {
  const [candidates, marks] = await Promise.all([collectCandidates(db, user, now), marksOf(db, user.userId)]);
  return candidates.filter((c) => {
    const m = marks.get(c.key);
    return !m?.read_at && !m?.done_at;
  }).length;
}

/**
 * The notice e-mails: each user's new items, once each (remembered as `notified_at`), as one
 * mail without personal data. Sent after the rows are committed; a failed send is tried again.
 */
export async function sendInboxNotices(services: FastifyRequest['server']['services'], appUrl: string, only?: readonly string[]): Promise<number> {
  const { db, clock, mailer } = services;
  if (!mailer.enabled) return 0;
  const now = clock.now();
  let query = db.selectFrom('app_user').select(['id', 'kind', 'email']).where('active', '=', true).where('email', 'is not', null);
  // On demand (after a write, in tests): only the users the write concerns.
  if (only) query = query.where('id', 'in', only.length > 0 ? [...only] : ['00000000-0000-0000-0000-000000000000']);
  const users = await query.execute();
  // Set-based: every user's items in a few statements, remembered and checked for freshness at once.
  const candidates = await collectCandidatesForAll(db, users.map((u) => ({ userId: u.id, kind: u.kind })), now);
  const pairs = users.flatMap((u) => (candidates.get(u.id) ?? []).map((c) => ({ user_id: u.id, key: c.key, first_seen_at: now })));
  if (pairs.length === 0) return 0;
  for (let i = 0; i < pairs.length; i += 1000) await db.insertInto('inbox_item').values(pairs.slice(i, i + 1000)).onConflict((oc) => oc.columns(['user_id', 'key']).doNothing()).execute();
  const wanted = new Set(pairs.map((p) => `${p.user_id}|${p.key}`));
  const unsent = await db.selectFrom('inbox_item').select(['user_id', 'key']).where('user_id', 'in', [...new Set(pairs.map((p) => p.user_id))]).where('notified_at', 'is', null).where('done_at', 'is', null).execute();
  const fresh = new Map<string, string[]>();
  for (const r of unsent) if (wanted.has(`${r.user_id}|${r.key}`)) fresh.set(r.user_id, [...(fresh.get(r.user_id) ?? []), r.key]);
  let sent = 0;
  for (const u of users) {
    const keys = fresh.get(u.id);
    if (!keys) continue;
    const ok = await mailer.send({ to: u.email!, subject: 'Du har en ny uppgift i Samsyn', text: `Något väntar på dig i din inkorg i Samsyn. Logga in för att se det: ${appUrl}/inbox\n\nYou have a new task in Samsyn.` });
    if (!ok) continue;
    await db.updateTable('inbox_item').set({ notified_at: sql<Date>`${now.toISOString()}::timestamptz` }).where('user_id', '=', u.id).where('key', 'in', keys).execute();
    sent += 1;
  }
  return sent;
}
