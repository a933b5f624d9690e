import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { sheetWords, type ActivityStatus, type PublicPageKind, type PublishInput } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import { planView } from '../action-plans/service.ts';
import { decisionsOf } from '../forums/service.ts';
import { contactsOf } from '../forums/contacts.ts';
import { esc, paragraphs, type Lang } from './html.ts';
import { newsletterKind } from '../newsletter/kind.ts';

/**
 * One small interface per kind of published content. `snapshot` reads what the page shows at
 * publish time (only that: the page never reads the database again); `render` turns it into the
 * page's body in one language. A new kind (a newsletter issue, issue 17) is one more entry here
 * and one more value of `publicPageKinds` in core.
 */
export interface PublishableKind {
  /** Whether a source (plan, forum) is required, and that it exists; answers the data to keep. */
  snapshot(db: Kysely<DB>, request: FastifyRequest, input: Pick<PublishInput, 'sourceId' | 'body' | 'title'>): Promise<unknown>;
  render(data: unknown, lang: Lang): string;
}

const words = {
  sv: { plan: 'Handlingsplan', period: 'Period', goal: 'Övergripande mål', activity: 'Aktivitet', responsible: 'Ansvarig', ends: 'Slutdatum', status: 'Status', decisions: 'Beslut', date: 'Datum', decision: 'Beslut', planRow: 'Handlingsplan', organisation: 'Organisation', contact: 'Kontaktperson', email: 'E-post', phone: 'Telefon', for: 'Kontakta för', none: 'Inga ännu.' },
  en: { plan: 'Action plan', period: 'Period', goal: 'Overall goal', activity: 'Activity', responsible: 'Responsible', ends: 'End date', status: 'Status', decisions: 'Decisions', date: 'Date', decision: 'Decision', planRow: 'Action plan', organisation: 'Organisation', contact: 'Contact person', email: 'E-mail', phone: 'Phone', for: 'Contact for', none: 'None yet.' },
} as const;

const need = (id: string | null): string => {
  if (!id) throw new AppError('validation_failed', { details: [{ path: 'body.sourceId', message: 'required' }] });
  return id;
};

function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], none: string): string {
  if (rows.length === 0) return `<p>${esc(none)}</p>`;
  return `<div class="scroll" role="region" tabindex="0" aria-label="${esc(caption)}"><table><caption>${esc(caption)}</caption><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

interface PlanData { intro: string; periodStart: string; periodEnd: string; overallGoal: string; subGoals: { title: string; activities: { title: string; responsible: string; endsOn: string; status: string }[] }[] }

const actionPlan: PublishableKind = {
  async snapshot(db, request, input) {
    const plan = await planView(db, request, need(input.sourceId));
    // Only what the public page shows is kept: no reviews, no people's names.
    return {
      intro: input.body, periodStart: plan.periodStart, periodEnd: plan.periodEnd, overallGoal: plan.overallGoal,
      subGoals: plan.subGoals.map((g) => ({ title: g.title, activities: g.activities.map((a) => ({ title: a.title, responsible: a.responsibleOrganisation.name, endsOn: a.endsOn, status: a.status })) })),
    } satisfies PlanData;
  },
  render(raw, lang) {
    const d = raw as PlanData;
    const w = words[lang];
    const goals = d.subGoals.map((g) => `<h2>${esc(g.title)}</h2>${table(g.title, [w.activity, w.responsible, w.ends, w.status], g.activities.map((a) => [a.title, a.responsible, a.endsOn, sheetWords(lang).statuses[a.status as ActivityStatus]]), w.none)}`).join('');
    return `${paragraphs(d.intro)}<dl><dt>${w.period}</dt><dd>${esc(d.periodStart)} – ${esc(d.periodEnd)}</dd><dt>${w.goal}</dt><dd>${esc(d.overallGoal)}</dd></dl>${goals}`;
  },
};

interface DecisionData { intro: string; decisions: { heldOn: string; text: string; plan: string }[] }

const forumDecisions: PublishableKind = {
  async snapshot(db, _request, input) {
    const forumId = need(input.sourceId);
    if (!(await db.selectFrom('forum').select('id').where('id', '=', forumId).executeTakeFirst())) throw new AppError('not_found');
    // Only decisions marked as taken are published: a proposal is not yet the forum's word.
    const decisions = await decisionsOf(db, { forumId, taken: true });
    return { intro: input.body, decisions: decisions.map((d) => ({ heldOn: d.heldOn, text: d.text, plan: [d.actionPlan?.name, d.subGoal?.name, d.activity?.name].filter(Boolean).join(' › ') })) } satisfies DecisionData;
  },
  render(raw, lang) {
    const d = raw as DecisionData;
    const w = words[lang];
    return `${paragraphs(d.intro)}<h2>${w.decisions}</h2>${table(w.decisions, [w.date, w.decision, w.planRow], d.decisions.map((x) => [x.heldOn, x.text, x.plan]), w.none)}`;
  },
};

interface ContactData { intro: string; contacts: { organisation: string; contact: string; email: string; phone: string; for: string }[] }

const forumContacts: PublishableKind = {
  async snapshot(db, _request, input) {
    const rows = await contactsOf(db, { forumId: need(input.sourceId), sort: 'organisation' });
    return { intro: input.body, contacts: rows.map((r) => ({ organisation: r.organisation.name, contact: r.contactName, email: r.contactEmail, phone: r.contactPhone, for: r.contactFor })) } satisfies ContactData;
  },
  render(raw, lang) {
    const d = raw as ContactData;
    const w = words[lang];
    return `${paragraphs(d.intro)}${table(w.contact, [w.organisation, w.contact, w.email, w.phone, w.for], d.contacts.map((c) => [c.organisation, c.contact, c.email, c.phone, c.for]), w.none)}`;
  },
};

const news: PublishableKind = {
  snapshot(_db, _request, input) {
    if (input.body.length === 0) throw new AppError('validation_failed', { details: [{ path: 'body.body', message: 'required' }] });
    return Promise.resolve({ body: input.body });
  },
  render(raw) {
    return paragraphs((raw as { body: string }).body);
  },
};

export const publishableKinds: Record<PublicPageKind, PublishableKind> = { action_plan: actionPlan, forum_decisions: forumDecisions, forum_contacts: forumContacts, news, newsletter: newsletterKind };
