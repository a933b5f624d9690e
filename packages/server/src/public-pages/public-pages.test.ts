import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type ActionPlanView, type PublicPageSummary } from '@samsyn/core';
import { addDays } from '../demo/dates.ts';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';

let t: TestApp;
let coordinator: TestClient;
let owner: string;
let plan: ActionPlanView;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.loginAs('coordinator');
  owner = (await t.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
  const today = stockholmDate(t.app.services.clock.now());
  plan = (await coordinator.post('/api/action-plans', { title: 'Plan att publicera', ownerOrganisationId: owner, periodStart: today, periodEnd: addDays(today, 300), priorityArea: 'other', overallGoal: 'Alla barn klarar skolan.', template: 'general' })).json() as ActionPlanView;
});
afterAll(() => t.close());

const visit = (url: string) => t.app.inject({ method: 'GET', url });
const tokenIn = (html: string) => /name="token" value="([^"]+)"/.exec(html)![1]!;
const send = (slug: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url: `/public/${slug}/feedback`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

async function publishPlan(slug: string): Promise<PublicPageSummary> {
  const res = await coordinator.post('/api/public-pages', { kind: 'action_plan', sourceId: plan.id, slug, title: 'Vår handlingsplan', body: 'Så går det för planen.', ownerOrganisationId: owner });
  expect(res.statusCode).toBe(201);
  return res.json() as PublicPageSummary;
}

describe('a public page', () => {
  it('is a snapshot a visitor opens without login, in Swedish and English, with no cookie and no script', async () => {
    await publishPlan('plan');
    const sv = await visit('/public/plan');
    expect(sv.statusCode).toBe(200);
    expect(sv.headers['content-type']).toMatch(/text\/html/);
    expect(sv.headers['set-cookie']).toBeUndefined();
    expect(sv.body).toContain('<html lang="sv">');
    expect(sv.body).toContain('Alla barn klarar skolan.');
    expect(sv.body).not.toContain('<script');
    const en = await visit('/public/plan?lang=en');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Overall goal');
    // A snapshot: a later change of the plan does not show until it is published again.
    await coordinator.patch(`/api/action-plans/${plan.id}`, { overallGoal: 'Ett ändrat mål.' });
    expect((await visit('/public/plan')).body).toContain('Alla barn klarar skolan.');
    expect((await visit('/public/plan')).body).not.toContain('Ett ändrat mål.');
  });

  it('keeps every version, and a withdrawn page answers 404', async () => {
    const page = await publishPlan('plan-versioner');
    const again = (await coordinator.post(`/api/public-pages/${page.id}/versions`, {})).json() as PublicPageSummary;
    expect(again.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await visit('/public/plan-versioner')).body).toContain('Ett ändrat mål.');
    const withdrawn = (await coordinator.post(`/api/public-pages/${page.id}/withdraw`)).json() as PublicPageSummary;
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect((await visit('/public/plan-versioner')).statusCode).toBe(404);
    expect((await visit('/public/plan-versioner?lang=en')).statusCode).toBe(404);
    expect((await visit('/public/finns-inte')).statusCode).toBe(404);
    const rows = await t.database.db.selectFrom('public_page_version').select('version').where('page_id', '=', page.id).execute();
    expect(rows).toHaveLength(2);
    const logged = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', page.id).orderBy('seq').execute();
    expect(logged.map((l) => l.action)).toEqual(['public_page.publish', 'public_page.publish', 'public_page.withdraw']);
  });

  it('is published and withdrawn by coordinators only: 403 for every other demo role and for a coordinator of another organisation', async () => {
    const page = await publishPlan('plan-roller');
    for (const username of ['teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'sysadmin', 'orgadmin', 'manager', 'analyst', 'samordnare.norrvik']) {
      const client = await t.loginAs(username);
      expect((await client.post('/api/public-pages', { kind: 'news', slug: `nyhet-${username.replace('.', '-')}`, title: 'Nej', body: 'Nej', ownerOrganisationId: owner })).statusCode, username).toBe(403);
      expect((await client.post(`/api/public-pages/${page.id}/withdraw`)).statusCode, username).not.toBe(200);
      expect((await client.get('/api/public-pages/feedback')).statusCode, username).toBe(username === 'samordnare.norrvik' ? 200 : 403);
    }
    expect((await (await t.loginAs('guardian')).get('/api/public-pages')).statusCode).toBe(403);
    expect((await t.client().post('/api/public-pages', {})).statusCode).toBe(401);
    expect((await visit('/public/plan-roller')).statusCode).toBe(200);
  });
});

describe('the feedback form', () => {
  it('takes a plain form POST with the page’s token, stores no address, and lands with the owner’s coordinators', async () => {
    const news = (await coordinator.post('/api/public-pages', { kind: 'news', slug: 'nyhet', title: 'Ny mötesplats', body: 'Temagruppen öppnar en mötesplats.\n\nVälkommen!', ownerOrganisationId: owner })).json() as PublicPageSummary;
    const html = (await visit('/public/nyhet')).body;
    expect(html).toContain('<p>Välkommen!</p>');
    expect((await send('nyhet', { token: 'fel', message: 'Hej' })).statusCode).toBe(400);
    expect((await send('nyhet', { token: tokenIn(html), message: '' })).statusCode).toBe(400);
    const sent = await send('nyhet', { token: tokenIn(html), message: 'När öppnar den?', replyTo: 'besok@example.org', lang: 'sv' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/public/nyhet?sent=1');
    expect(sent.headers['set-cookie']).toBeUndefined();
    expect((await visit('/public/nyhet?sent=1')).body).toContain('Tack!');
    const feedback = (await coordinator.get('/api/public-pages/feedback')).json().feedback;
    expect(feedback).toMatchObject([{ pageId: news.id, message: 'När öppnar den?', replyTo: 'besok@example.org' }]);
    const entry = await t.database.db.selectFrom('audit_log').select(['client_ip', 'actor_id']).where('action', '=', 'public_page.feedback.receive').executeTakeFirstOrThrow();
    expect(entry).toEqual({ client_ip: null, actor_id: null });
    expect((await (await t.loginAs('teacher')).get('/api/public-pages/feedback')).statusCode).toBe(403);
  });

  it('lands in the forum’s workspace when the forum owns the page: a notice there, the question for its members only', async () => {
    const forumId = (await t.database.db.selectFrom('forum').select('id').where('name', '=', 'Temagrupp barn och unga Exempelstad').executeTakeFirstOrThrow()).id;
    const workspaceId = (await t.database.db.selectFrom('workspace').select('id').where('belongs_to_id', '=', forumId).executeTakeFirstOrThrow()).id;
    const published = await coordinator.post('/api/public-pages', { kind: 'news', slug: 'temagruppen-fragar', title: 'Temagruppen vill veta', body: 'Vad saknar du?', ownerOrganisationId: owner, ownerForumId: forumId });
    expect(published.statusCode).toBe(201);
    const sent = await send('temagruppen-fragar', { token: tokenIn((await visit('/public/temagruppen-fragar')).body), message: 'Fler kvällsöppna fritidsgårdar.', lang: 'sv' });
    expect(sent.statusCode).toBe(303);
    const member = await t.loginAs('teacher');
    const view = (await member.get(`/api/workspaces/${workspaceId}`)).json();
    expect(view.feedback).toMatchObject([{ pageTitle: 'Temagruppen vill veta', message: 'Fler kvällsöppna fritidsgårdar.', replyTo: '' }]);
    expect(view.notices[0]).toMatchObject({ kind: 'feedback', title: 'Temagruppen vill veta', actor: null, unread: true });
    // Not a member: the workspace (and the question in it) is refused.
    expect((await (await t.loginAs('nurse')).get(`/api/workspaces/${workspaceId}`)).statusCode).toBe(403);
    // A page no forum owns leaves no notice in any workspace.
    const before = await t.database.db.selectFrom('workspace_notice').select('id').where('kind', '=', 'feedback').execute();
    await send('nyhet', { token: tokenIn((await visit('/public/nyhet')).body), message: 'En till fråga.', lang: 'sv' });
    expect(await t.database.db.selectFrom('workspace_notice').select('id').where('kind', '=', 'feedback').execute()).toHaveLength(before.length);
  });

  it('is throttled per page, and the limit holds under parallel requests', async () => {
    await coordinator.post('/api/public-pages', { kind: 'news', slug: 'nyhet-flod', title: 'Flod', body: 'Text.', ownerOrganisationId: owner });
    const token = tokenIn((await visit('/public/nyhet-flod')).body);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => send('nyhet-flod', { token, message: `Fråga ${i}` })));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 303)).toHaveLength(20);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
    const stored = await t.database.db.selectFrom('public_feedback as f').innerJoin('public_page as p', 'p.id', 'f.page_id').select('f.id').where('p.slug', '=', 'nyhet-flod').execute();
    expect(stored).toHaveLength(20);
  });
});
