import type { Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import type { DB } from '../db/schema.ts';
import { county } from './county.ts';

/**
 * The demo's workspaces (issue 16, point 1), dated from the seed's clock:
 * - the theme group's workspace (closed): owner `coordinator`; members from Norrvik, the region's
 *   child psychiatry, a school and the non-profit Föreningen Fristad; notices, a thread, a document
 *   with two versions, meetings past and coming;
 * - a learning network's workspace, open to join: owner `samordnare.norrvik`, `coordinator` a
 *   member; `outsider` may ask to join;
 * - the Västbus group's workspace (closed): owner `samordnare.region`, the region's coordinator
 *   (a demo login added here: the county had no coordinator at the region).
 */
export async function seedWorkspaces(trx: Transaction<DB>, input: { now: Date; passwordHash: string }): Promise<void> {
  const { now } = input;
  await addRegionCoordinator(trx, input);
  const u = await users(trx, ['coordinator', 'samordnare.norrvik', 'samordnare.region', 'teacher', 'psychologist', 'nurse']);
  const fristad = await nonProfitMember(trx);
  const theme = await workspace(trx, now, { name: 'Temagrupp barn och unga', description: 'Arbetsyta för stadens temagrupp för barn: handlingsplan, möten och underlag.', open: false, kind: 'working_group', owner: u.coordinator! });
  for (const [user, role] of [[u['samordnare.norrvik']!, 'owner'], [u.teacher!, 'member'], [u.psychologist!, 'member'], [fristad, 'member']] as const) await member(trx, theme, user, role, u.coordinator!.id, at(now, -80));
  await posts(trx, now, theme, [
    [u.coordinator!, -40, 'Välkomna till temagruppens arbetsyta. Underlag inför nästa möte ligger under Dokument.'],
    [u.psychologist!, -39, 'Tack! BUP tar med statistik över väntetider till mötet.'],
    [fristad, -12, 'Föreningen har samlat synpunkter från unga i stödgrupperna, vi delar dem på mötet.'],
    [u.teacher!, -2, 'Skolan har läst förslaget till delmål 2 och har några frågor om uppföljningen.'],
  ]);
  const doc = await document(trx, theme, 'Verksamhetsplan temagruppen', u.coordinator!.id, at(now, -30));
  await version(trx, theme, doc, 1, 'verksamhetsplan-v1.txt', 'Verksamhetsplan, utkast 1.\nMål: fler barn fullföljer skolan.\n', 'Första utkastet', u.coordinator!, at(now, -30));
  await version(trx, theme, doc, 2, 'verksamhetsplan-v2.txt', 'Verksamhetsplan, utkast 2.\nMål: fler barn fullföljer skolan.\nNytt: referensgruppens synpunkter.\n', 'Efter referensgruppens synpunkter', u['samordnare.norrvik']!, at(now, -5));
  await meeting(trx, now, theme, 'Temagruppens möte', at(now, -21), 'Stadshuset, sal 3', 'Dagens artikel ur barnkonventionen: artikel 12.', u.coordinator!.id);
  await meeting(trx, now, theme, 'Temagruppens möte', at(now, 14), 'Stadshuset, sal 3', 'Uppföljning av handlingsplanen.', u.coordinator!.id);
  await meeting(trx, now, theme, 'Temagruppens möte', at(now, 56), 'Digitalt', 'Referensgruppen deltar.', u.coordinator!.id);
  // The coordinator has read what came before the last week: the newer notices count as unread.
  await trx.updateTable('workspace_member').set({ notices_read_at: at(now, -7) }).where('workspace_id', '=', theme).where('user_id', '=', u.coordinator!.id).execute();

  const network = await workspace(trx, now, { name: 'Lärande nätverk: fullföljda studier', description: 'Nätverk för skolor och elevhälsa som arbetar med närvaro och fullföljda studier. Öppet att gå med i.', open: true, kind: 'learning_network', owner: u['samordnare.norrvik']! });
  await member(trx, network, u.coordinator!, 'member', u['samordnare.norrvik']!.id, at(now, -60));
  await posts(trx, now, network, [[u['samordnare.norrvik']!, -20, 'Nästa träff handlar om tidiga signaler på frånvaro.']]);
  await meeting(trx, now, network, 'Nätverksträff', at(now, 21), 'Norrviks skola', 'Tidiga signaler på frånvaro.', u['samordnare.norrvik']!.id);

  const vastbus = await workspace(trx, now, { name: 'Västbus-gruppen', description: 'Region och kommuner om de gemensamma riktlinjerna för barn med behov av samordnat stöd.', open: false, kind: 'forum', owner: u['samordnare.region']! });
  await member(trx, vastbus, u.coordinator!, 'member', u['samordnare.region']!.id, at(now, -100));
  await member(trx, vastbus, u['samordnare.norrvik']!, 'member', u['samordnare.region']!.id, at(now, -100));
  await meeting(trx, now, vastbus, 'Revision av riktlinjerna', at(now, 10), 'Regionens hus', 'Riktlinjerna ska revideras: förslag från kommunerna.', u['samordnare.region']!.id);
}

type Person = { id: string; name: string; organisationId: string };
const at = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);

async function addRegionCoordinator(trx: Transaction<DB>, input: { now: Date; passwordHash: string }): Promise<void> {
  const region = await trx.selectFrom('organisation').select('id').where('name', '=', county.region.name).executeTakeFirstOrThrow();
  const { id } = await trx.insertInto('app_user').values({ username: 'samordnare.region', display_name: 'Rikard Regionsamordnare', title: 'Samverkanssamordnare', email: 'samordnare.region@exempellan.example', created_at: input.now, updated_at: input.now }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('local_credential').values({ user_id: id, password_hash: input.passwordHash, changed_at: input.now }).execute();
  await trx.insertInto('user_role').values({ user_id: id, organisation_id: region.id, unit_id: null, role: 'collaboration_coordinator' }).execute();
}

async function users(trx: Transaction<DB>, usernames: string[]): Promise<Record<string, Person>> {
  const rows = await trx.selectFrom('app_user as u').innerJoin('user_role as r', 'r.user_id', 'u.id').select(['u.username', 'u.id', 'u.display_name', 'r.organisation_id']).where('u.username', 'in', usernames).execute();
  return Object.fromEntries(rows.map((r) => [r.username, { id: r.id, name: r.display_name, organisationId: r.organisation_id }]));
}

/** The first staff member (by username, a stable key) of the non-profit partner. */
async function nonProfitMember(trx: Transaction<DB>): Promise<Person> {
  const row = await trx.selectFrom('app_user as u').innerJoin('user_role as r', 'r.user_id', 'u.id').innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select(['u.id', 'u.display_name', 'r.organisation_id']).where('o.partner_type', '=', 'non_profit').orderBy('u.username').limit(1).executeTakeFirstOrThrow();
  return { id: row.id, name: row.display_name, organisationId: row.organisation_id };
}

async function workspace(trx: Transaction<DB>, now: Date, w: { name: string; description: string; open: boolean; kind: 'forum' | 'working_group' | 'learning_network'; owner: Person }): Promise<string> {
  const created = at(now, -120);
  const { id } = await trx.insertInto('workspace').values({ name: w.name, description: w.description, open_to_join: w.open, belongs_to_kind: w.kind, belongs_to_id: null, created_by: w.owner.id, created_at: created, updated_at: at(now, -1) }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('workspace_member').values({ workspace_id: id, user_id: w.owner.id, organisation_id: w.owner.organisationId, role: 'owner', added_by: w.owner.id, added_at: created, notices_read_at: created }).execute();
  return id;
}

async function member(trx: Transaction<DB>, workspaceId: string, p: Person, role: 'owner' | 'member', by: string, when: Date): Promise<void> {
  await trx.insertInto('workspace_member').values({ workspace_id: workspaceId, user_id: p.id, organisation_id: p.organisationId, role, added_by: by, added_at: when, notices_read_at: when }).execute();
  await trx.insertInto('workspace_notice').values({ workspace_id: workspaceId, kind: 'member_added', subject_id: p.id, title: p.name, actor_id: by, created_at: when }).execute();
}

async function posts(trx: Transaction<DB>, now: Date, workspaceId: string, list: [Person, number, string][]): Promise<void> {
  for (const [author, days, body] of list) {
    const when = at(now, days);
    const { id } = await trx.insertInto('workspace_post').values({ workspace_id: workspaceId, author_id: author.id, body, created_at: when }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('workspace_notice').values({ workspace_id: workspaceId, kind: 'post', subject_id: id, title: body.slice(0, 80), actor_id: author.id, created_at: when }).execute();
  }
}

async function document(trx: Transaction<DB>, workspaceId: string, title: string, by: string, when: Date): Promise<string> {
  const { id } = await trx.insertInto('workspace_document').values({ workspace_id: workspaceId, title, created_by: by, created_at: when, updated_at: when }).returning('id').executeTakeFirstOrThrow();
  return id;
}

async function version(trx: Transaction<DB>, workspaceId: string, documentId: string, n: number, fileName: string, text: string, note: string, by: Person, when: Date): Promise<void> {
  const content = Buffer.from(text, 'utf8');
  await trx.insertInto('workspace_document_version').values({ document_id: documentId, version: n, file_name: fileName, media_type: 'text/plain', size_bytes: content.length, sha256: createHash('sha256').update(content).digest('hex'), content, note, uploaded_by: by.id, uploaded_at: when }).execute();
  await trx.updateTable('workspace_document').set({ updated_at: when }).where('id', '=', documentId).execute();
  await trx.insertInto('workspace_notice').values({ workspace_id: workspaceId, kind: 'document_version', subject_id: documentId, title: `${fileName} (v${n})`, actor_id: by.id, created_at: when }).execute();
}

async function meeting(trx: Transaction<DB>, now: Date, workspaceId: string, title: string, startsAt: Date, location: string, agenda: string, by: string): Promise<void> {
  const starts = new Date(Math.floor(startsAt.getTime() / 3_600_000) * 3_600_000);
  const ends = new Date(starts.getTime() + 2 * 3_600_000);
  // Planned a month ahead, and never later than the seed's day.
  const planned = new Date(Math.min(at(starts, -30).getTime(), now.getTime()));
  const { id } = await trx.insertInto('workspace_meeting').values({ workspace_id: workspaceId, title, starts_at: starts, ends_at: ends, location, agenda, created_by: by, created_at: planned, updated_at: planned }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('workspace_notice').values({ workspace_id: workspaceId, kind: 'meeting', subject_id: id, title, actor_id: by, created_at: planned }).execute();
}

/**
 * The theme group's workspace is the forum's own (seeded after the forums): a visitor's question on a
 * page the theme group publishes lands there as a notice, and its members read the questions there.
 */
export async function linkThemeWorkspace(trx: Transaction<DB>): Promise<void> {
  const forum = await trx.selectFrom('forum').select('id').where('name', '=', 'Temagrupp barn och unga Exempelstad').executeTakeFirstOrThrow();
  await trx.updateTable('workspace').set({ belongs_to_kind: 'forum', belongs_to_id: forum.id }).where('name', '=', 'Temagrupp barn och unga').execute();
}
