import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { stockholmDate, type NewsletterBlock } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { serverSecret } from '../http/secrets.ts';
import { publishIn } from '../public-pages/service.ts';
import { addDays } from './dates.ts';

/**
 * The demo's newsletter (issue 17 point 6): two published issues of Exempelstad's coordinator,
 * each with a chart block (the wellbeing survey's suppressed estimates) and an action plan's
 * progress, dated 45 and 5 days before the seed day; the second one was mailed. Three synthetic
 * subscribers at example.se, two of them confirmed. Published through the public pages' own code
 * from a stand-in request, as the forum seed publishes its pages.
 */

const subscribers = [
  { email: 'prenumerant.ett@example.se', lang: 'sv', confirmed: true },
  { email: 'subscriber.two@example.se', lang: 'en', confirmed: true },
  { email: 'obekraftad@example.se', lang: 'sv', confirmed: false },
] as const;

export async function seedNewsletter(trx: Transaction<DB>, now: Date): Promise<void> {
  const coordinator = await trx.selectFrom('app_user as u').innerJoin('user_role as r', 'r.user_id', 'u.id').select(['u.id', 'r.organisation_id']).where('u.username', '=', 'coordinator').executeTakeFirstOrThrow();
  const org = coordinator.organisation_id!;
  const plan = await trx.selectFrom('action_plan').select('id').where('owner_organisation_id', '=', org).orderBy('created_at').executeTakeFirst();
  const funded = await trx.selectFrom('fund_application').select('id').where('status', 'in', ['granted', 'granted_with_conditions']).orderBy('title').executeTakeFirst();
  const chart: NewsletterBlock = { type: 'survey', indicatorId: 'lhu.mar-bra', area: '9905', gender: 'T' };
  const today = stockholmDate(now);
  const issues: { slug: string; title: string; days: number; sent: boolean; blocks: NewsletterBlock[] }[] = [
    {
      slug: 'nyhetsbrev-hosten', title: 'Nyhetsbrev: hösten i samverkan', days: -45, sent: false,
      blocks: [{ type: 'text', heading: 'Lärande nätverk i gång', text: 'Åtta team från skola, fritid, socialtjänst och hälso- och sjukvård testar förändringar i små cykler.' }, chart, ...(plan ? [{ type: 'action_plan', planId: plan.id } as const] : [])],
    },
    {
      slug: 'nyhetsbrev-vintern', title: 'Nyhetsbrev: vintern i samverkan', days: -5, sent: true,
      blocks: [{ type: 'text', heading: 'Resultat att vara stolta över', text: 'Flera team ser nu signaler i sina körscheman. Här är läget för handlingsplanen och ett av fondens projekt.' }, ...(plan ? [{ type: 'action_plan', planId: plan.id } as const] : []), chart, ...(funded ? [{ type: 'fund_story', applicationId: funded.id } as const] : [])],
    },
  ];
  const key = await serverSecret(trx as unknown as Kysely<DB>, 'public-feedback');
  for (const issue of issues) {
    const at = new Date(now.getTime() + issue.days * 86_400_000);
    // The snapshot code reads who publishes, the clock and the suppression threshold from a request; the seed has none.
    const request = {
      id: 'demo-seed', ip: null, headers: {},
      actor: { userId: coordinator.id, username: 'coordinator', kind: 'professional', mustChangePassword: false, roles: [{ role: 'collaboration_coordinator', organisationId: org, unitId: null, grantedBy: null }] },
      server: { services: { clock: { now: () => at }, config: { suppressionThreshold: 10 } } },
    } as unknown as FastifyRequest;
    const { id } = await trx.insertInto('newsletter_issue').values({ owner_organisation_id: org, title: issue.title, slug: issue.slug, issue_date: addDays(today, issue.days), blocks: JSON.stringify(issue.blocks), created_by: coordinator.id, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    const pageId = await publishIn(trx, request, key, { kind: 'newsletter', sourceId: id, slug: issue.slug, title: issue.title, body: '', ownerOrganisationId: org, ownerForumId: null });
    const sent = issue.sent ? { sent_at: at, sent_count: subscribers.filter((s) => s.confirmed).length } : {};
    await trx.updateTable('newsletter_issue').set({ public_page_id: pageId, ...sent }).where('id', '=', id).execute();
  }
  await trx.insertInto('newsletter_subscriber').values(subscribers.map((s, i) => ({ owner_organisation_id: org, email: s.email, token: randomBytes(32).toString('base64url'), lang: s.lang, confirmed_at: s.confirmed ? new Date(now.getTime() - (60 - i) * 86_400_000) : null, created_at: new Date(now.getTime() - (61 - i) * 86_400_000) }))).execute();
}
