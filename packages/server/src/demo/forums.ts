import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { ImpactAssessmentAnswers } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { serverSecret } from '../http/secrets.ts';
import { publishIn } from '../public-pages/service.ts';
import { county } from './county.ts';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';

/**
 * The demo's forums (issue 16 point 7): a political steering group, Exempelstad's theme group for
 * children and its reference group of five user organisations, each with a year of monthly meetings
 * (and two to come) with the standing item "this meeting's article of the Convention", decisions
 * linked to the demo action plan, views from the reference group with the theme group's response,
 * and two published pages (the plan's progress, a news item). Dated from the seed day.
 */

const userOrganisations = ['Autism- och Aspergerföreningen Exempellän', 'FUB Exempelstad', 'Föreningen Psykisk Hälsa Ung', 'Attention Exempellän'];
// Articles that recur on the agenda, one per meeting.
const articles = [3, 12, 2, 6, 19, 28, 31, 24, 29, 23, 39, 27, 15, 42];

const assessed = ImpactAssessmentAnswers.parse({
  affectedChildren: 'Barn och unga 6–18 år i Exempelstad.',
  viewsGathered: 'Referensgruppens föreningar har frågat sina unga medlemmar; ungdomsrådet har yttrat sig.',
  principles: { best_interests: 'Stödet kommer tidigare.', non_discrimination: 'Gäller barn med och utan diagnos.', life_and_development: 'Bättre skolgång och hälsa.', right_to_be_heard: 'De ungas synpunkter har ändrat förslaget.' },
  consequences: 'Fler barn får samordnat stöd i tid.',
  alternatives: 'Att vänta till nästa budgetår.',
  conclusion: 'Beslutet är förenligt med barnets bästa.',
});

async function userOf(trx: Transaction<DB>, username: string) {
  const u = await trx.selectFrom('app_user as u').innerJoin('user_role as r', 'r.user_id', 'u.id').select(['u.id', 'r.organisation_id']).where('u.username', '=', username).executeTakeFirstOrThrow();
  return { id: u.id, organisationId: u.organisation_id };
}

async function partnerOrganisations(trx: Transaction<DB>, now: Date, regionId: string): Promise<{ id: string; name: string }[]> {
  const fristad = await trx.selectFrom('organisation').select(['id', 'name']).where('name', '=', county.partners[1].name).executeTakeFirstOrThrow();
  const added = await trx
    .insertInto('organisation')
    .values(userOrganisations.map((name) => ({ name, kind: 'partner' as const, partner_type: 'non_profit' as const, organisation_number: null, municipality_code: null, county_code: county.region.countyCode, region_id: regionId, created_at: now })))
    .returning(['id', 'name'])
    .execute();
  return [fristad, ...added];
}

interface DemoForum { name: string; kind: 'steering_group' | 'theme_group' | 'reference_group'; level: 'political' | 'officer' | 'user'; purpose: string; decisions: string[] }

const forums: DemoForum[] = [
  { name: 'Styrgruppen Barn och unga', kind: 'steering_group', level: 'political', purpose: 'Politisk styrgrupp för samverkan mellan region och kommuner kring barn och unga.', decisions: ['Styrgruppen fastställer handlingsplanen för året.', 'Uppföljningen redovisas för styrgruppen varje kvartal.'] },
  { name: 'Temagrupp barn och unga Exempelstad', kind: 'theme_group', level: 'officer', purpose: 'Tjänstemannagrupp som driver handlingsplanen för barn och unga.', decisions: ['Läxhjälpen utökas till två fritidsgårdar.', 'Frånvarotrappan följs upp i varje skola.'] },
  { name: 'Referensgrupp brukarorganisationer', kind: 'reference_group', level: 'user', purpose: 'Brukarorganisationer som för fram barns, ungas och familjers synpunkter till temagruppen.', decisions: ['Referensgruppen samlar ungas synpunkter inför varje möte.'] },
];

export async function seedForums(trx: Transaction<DB>, now: Date): Promise<void> {
  const today = demoDay(now);
  const coordinator = await userOf(trx, 'coordinator');
  const manager = await userOf(trx, 'manager');
  const region = (await trx.selectFrom('organisation').select('id').where('kind', '=', 'region').executeTakeFirstOrThrow()).id;
  const partners = await partnerOrganisations(trx, now, region);
  const plan = await trx.selectFrom('action_plan').select('id').orderBy('created_at').executeTakeFirst();
  const activities = plan ? await trx.selectFrom('action_plan_activity').select(['id', 'sub_goal_id']).where('plan_id', '=', plan.id).orderBy('position').execute() : [];
  const ids: string[] = [];
  for (const [f, forum] of forums.entries()) {
    const { id } = await trx.insertInto('forum').values({ name: forum.name, kind: forum.kind, level: forum.level, purpose: forum.purpose, organisation_id: coordinator.organisationId, parent_forum_id: forum.kind === 'reference_group' ? ids[1]! : null, created_by: coordinator.id, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    ids.push(id);
    await trx.insertInto('forum_member').values([{ forum_id: id, user_id: coordinator.id, organisation_id: coordinator.organisationId, role: 'secretary' }, { forum_id: id, user_id: manager.id, organisation_id: manager.organisationId, role: forum.kind === 'steering_group' ? 'chair' : 'member' }]).execute();
    const orgs = forum.kind === 'reference_group' ? partners : [{ id: coordinator.organisationId, name: '' }, { id: region, name: '' }];
    await trx.insertInto('forum_organisation').values(orgs.map((o, i) => ({ forum_id: id, organisation_id: o.id, contact_name: `Kontaktperson ${i + 1} ${forum.kind === 'reference_group' ? 'förening' : 'förvaltning'}`, contact_email: `kontakt${f}${i}@exempellan.example`, contact_phone: `010-000 0${f}${i}`, contact_for: forum.kind === 'reference_group' ? 'Ungas och familjers synpunkter' : 'Handlingsplanen och uppföljningen' }))).execute();
    // Monthly for the past year, and two meetings to come.
    for (let m = -12; m <= 2; m += 1) {
      const heldOn = addDays(today, m * 30 + f * 3);
      const past = heldOn < today;
      const agenda = [{ title: `Mötets artikel i barnkonventionen: artikel ${articles[m + 12]}`, standing: true, crcArticle: articles[m + 12]! }, { title: 'Uppföljning av handlingsplanen', standing: true, crcArticle: null }, { title: 'Övriga frågor', standing: false, crcArticle: null }];
      const attendance = past ? [{ name: 'Kim Samordnare', organisationId: coordinator.organisationId, present: true }, { name: 'Maja Rektor', organisationId: manager.organisationId, present: m % 3 !== 0 }] : [];
      const { id: meetingId } = await trx.insertInto('forum_meeting').values({ forum_id: id, held_on: heldOn, title: `${forum.name} ${heldOn}`, agenda: JSON.stringify(agenda), minutes: past ? `Protokoll: artikel ${articles[m + 12]} diskuterades. Handlingsplanen följdes upp.` : '', attendance: JSON.stringify(attendance), created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      if (!past || m % 2 !== 0) continue;
      const text = forum.decisions[(m + 12) / 2 % forum.decisions.length]!;
      const activity = activities[(m + 12 + f) % Math.max(activities.length, 1)];
      const taken = m < -1;
      const decidedAt = new Date(now.getTime() + m * 30 * 86_400_000);
      const { id: decisionId } = await trx.insertInto('forum_decision').values({ forum_id: id, meeting_id: meetingId, text, action_plan_id: plan?.id ?? null, sub_goal_id: activity?.sub_goal_id ?? null, activity_id: activity?.id ?? null, state: taken ? 'taken' : 'proposed', taken_by: taken ? coordinator.id : null, taken_at: taken ? decidedAt : null, created_at: decidedAt }).returning('id').executeTakeFirstOrThrow();
      // Taken decisions have their assessment done (or not needed, with a reason); the last one waits for its assessment.
      if (taken) await trx.insertInto('child_rights_assessment').values({ subject_kind: 'decision', subject_id: decisionId, state: m % 4 === 0 ? 'done' : 'not_needed', answers: JSON.stringify(assessed), not_needed_reason: m % 4 === 0 ? null : 'Beslutet gäller mötesformer, inte barnen.', decided_by: coordinator.id, decided_at: decidedAt, created_by: coordinator.id, created_at: decidedAt, updated_at: decidedAt }).execute();
    }
  }
  await trx.insertInto('forum_view').values([
    { reference_group_id: ids[2]!, forum_id: ids[1]!, subject: 'Läxhjälpen', view: 'Unga med NPF vill ha lugnare lokaler och fasta tider.', children_views_how: 'Samtal med 12 unga i Attention och en enkät till FUB:s ungdomsgrupp.', response: 'Temagruppen tar in det i aktiviteten om läxhjälp.', responded_by: coordinator.id, responded_at: now, created_by: coordinator.id, created_at: new Date(now.getTime() - 40 * 86_400_000) },
    { reference_group_id: ids[2]!, forum_id: ids[1]!, subject: 'Skolfrånvaro', view: 'Föräldrar vill bli kontaktade tidigare vid frånvaro.', children_views_how: 'Fokusgrupp med fem unga i Autism- och Aspergerföreningen.', response: null, responded_by: null, responded_at: null, created_by: coordinator.id, created_at: new Date(now.getTime() - 5 * 86_400_000) },
  ]).execute();
  await publishDemoPages(trx, now, coordinator, plan?.id ?? null, ids[1]!);
}

/** The published pages: made as a coordinator would, through the publishing code, from a stand-in request. */
async function publishDemoPages(trx: Transaction<DB>, now: Date, coordinator: { id: string; organisationId: string }, planId: string | null, forumId: string): Promise<void> {
  const key = await serverSecret(trx as unknown as Kysely<DB>, 'public-feedback');
  // The snapshot code reads who publishes and the clock from a request; the seed has none.
  const request = {
    id: 'demo-seed', ip: null, headers: {},
    actor: { userId: coordinator.id, username: 'coordinator', kind: 'professional', mustChangePassword: false, roles: [{ role: 'collaboration_coordinator', organisationId: coordinator.organisationId, unitId: null, grantedBy: null }] },
    server: { services: { clock: { now: () => now } } },
  } as unknown as FastifyRequest;
  const owner = { ownerOrganisationId: coordinator.organisationId, ownerForumId: forumId };
  if (planId) await publishIn(trx, request, key, { kind: 'action_plan', sourceId: planId, slug: 'handlingsplan-barn-och-unga', title: 'Handlingsplan för barn och unga i Exempelstad', body: 'Så här går arbetet med handlingsplanen. Sidan uppdateras efter varje uppföljning.', ...owner });
  await publishIn(trx, request, key, { kind: 'news', sourceId: null, slug: 'nyhet-referensgrupp', title: 'Referensgruppen välkomnar fler föreningar', body: 'Temagruppens referensgrupp har nu fem brukarorganisationer.\n\nHör av dig via formuläret om din förening vill vara med.', ...owner });
  await publishIn(trx, request, key, { kind: 'forum_decisions', sourceId: forumId, slug: 'temagruppens-beslut', title: 'Temagruppens beslut', body: '', ...owner });
}
