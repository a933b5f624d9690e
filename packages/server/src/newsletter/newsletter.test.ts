import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockholmDate, type ActionPlanView, type NewsletterIssueSummary } from '@samsyn/core';
import { addDays } from '../demo/dates.ts';
import { county } from '../demo/county.ts';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { pdfText } from '../test/pdf.ts';
import { startTestSmtp, type TestSmtp } from '../test/smtp.ts';

let t: TestApp;
let smtp: TestSmtp;
let coordinator: TestClient;
let owner: string;
let today: string;
let plan: ActionPlanView;

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await createTestApp({ smtp: smtp.config });
  coordinator = await t.loginAs('coordinator');
  owner = (await t.database.db.selectFrom('organisation').select('id').where('name', '=', county.municipalities[0].name).executeTakeFirstOrThrow()).id;
  today = stockholmDate(t.app.services.clock.now());
  plan = (await coordinator.post('/api/action-plans', { title: 'Plan i nyhetsbrevet', ownerOrganisationId: owner, periodStart: today, periodEnd: addDays(today, 300), priorityArea: 'other', overallGoal: 'Alla barn klarar skolan.', template: 'general' })).json() as ActionPlanView;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const visit = (url: string) => t.app.inject({ method: 'GET', url });
const survey = { type: 'survey', indicatorId: 'lhu.mar-bra', area: '9905', gender: 'K' } as const;
const issueInput = (slug: string, blocks: unknown[] = [{ type: 'text', heading: 'Hej', text: 'Nytt från samverkan.' }, survey, { type: 'action_plan', planId: plan.id }]) => ({ ownerOrganisationId: owner, title: `Nyhetsbrev ${slug}`, slug, issueDate: today, blocks });

async function published(slug: string): Promise<NewsletterIssueSummary> {
  const created = await coordinator.post('/api/newsletter/issues', issueInput(slug));
  expect(created.statusCode).toBe(201);
  const res = await coordinator.post(`/api/newsletter/issues/${(created.json() as NewsletterIssueSummary).id}/publish`);
  expect(res.statusCode).toBe(200);
  return res.json() as NewsletterIssueSummary;
}

/** The cells of the upper-secondary column (the demo's small cell: girls in 9905, year 2) in a page's survey table. */
function smallCells(html: string): string[] {
  const table = html.slice(html.indexOf('Andel elever som mår bra'), html.indexOf('Handlingsplan:'));
  return [...table.matchAll(/<tr><th scope="row">\d{4}<\/th>(.*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td>(.*?)<\/td>/g)].at(-1)![1]!);
}

describe('the demo', () => {
  it('has two published issues, each with a chart block and an action plan, dated before today, the later one sent', async () => {
    const { issues } = (await coordinator.get('/api/newsletter/issues')).json() as { issues: NewsletterIssueSummary[] };
    const demo = issues.filter((i) => i.slug === 'nyhetsbrev-hosten' || i.slug === 'nyhetsbrev-vintern');
    expect(demo.map((i) => i.state)).toEqual(['published', 'published']);
    for (const issue of demo) {
      expect(issue.issueDate < today).toBe(true);
      expect(issue.blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['survey', 'action_plan']));
      const page = await visit(issue.path!);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Andel elever som mår bra');
      expect(page.body).toContain('Handlingsplan:');
    }
    expect(demo.find((i) => i.slug === 'nyhetsbrev-vintern')!.sentCount).toBe(2);
  });
});

describe('an issue', () => {
  it('is composed, previewed live and published by a coordinator; the page opens without login, with no script and no cookie', async () => {
    const issue = await published('nyhetsbrev-1');
    expect(issue).toMatchObject({ state: 'published', path: '/public/nyhetsbrev-1', pdfPath: '/public/newsletter/nyhetsbrev-1/pdf' });
    const sv = await visit('/public/nyhetsbrev-1');
    expect(sv.statusCode).toBe(200);
    expect(sv.headers['set-cookie']).toBeUndefined();
    expect(sv.body).not.toContain('<script');
    expect(sv.body).toContain('Nytt från samverkan.');
    expect(sv.body).toContain('Andel elever som mår bra');
    expect(sv.body).toContain('Alla barn klarar skolan.');
    expect((await visit('/public/nyhetsbrev-1?lang=en')).body).toContain('Share of pupils who feel well');
    const preview = await coordinator.get(`/api/newsletter/issues/${issue.id}/preview?lang=en`);
    expect(preview.json().html).toContain('Too few answers');
    const logged = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', 'in', [issue.id, issue.publicPageId!]).orderBy('seq').execute();
    expect(logged.map((l) => l.action)).toEqual(['newsletter.issue.create', 'public_page.publish']);
  });

  it('keeps suppression: the small cell shows "för få svar" and never its figure, on the page or in the PDF', async () => {
    await published('nyhetsbrev-dolt');
    const html = (await visit('/public/nyhetsbrev-dolt')).body;
    const cells = smallCells(html);
    expect(cells.length).toBeGreaterThan(0);
    // Every wave's small cell is its reason, never a figure.
    for (const c of cells) expect(c).toMatch(/^(För få svar|Dolt \(skydd mot uträkning\))$/);
    const pdf = await visit('/public/newsletter/nyhetsbrev-dolt/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Nyhetsbrev nyhetsbrev-dolt');
    expect(text).toContain('För få svar');
    expect(text).toContain('Alla barn klarar skolan.');
    expect(text.match(/För få svar|Dolt/g)!.length).toBeGreaterThanOrEqual(cells.length);
    expect(await pdfText((await visit('/public/newsletter/nyhetsbrev-dolt/pdf?lang=en')).rawPayload)).toContain('Too few answers');
  });

  it('is a frozen snapshot once published, and a withdrawn issue answers 404 (page and PDF)', async () => {
    const issue = await published('nyhetsbrev-fryst');
    expect((await coordinator.patch(`/api/action-plans/${plan.id}`, { overallGoal: 'Ett ändrat mål.' })).statusCode).toBe(200);
    expect((await visit('/public/nyhetsbrev-fryst')).body).toContain('Alla barn klarar skolan.');
    expect((await visit('/public/nyhetsbrev-fryst')).body).not.toContain('Ett ändrat mål.');
    expect(await pdfText((await visit('/public/newsletter/nyhetsbrev-fryst/pdf')).rawPayload)).not.toContain('Ett ändrat mål.');
    expect((await coordinator.get(`/api/newsletter/issues/${issue.id}/preview`)).json().html).toContain('Ett ändrat mål.');
    expect((await coordinator.post(`/api/newsletter/issues/${issue.id}/publish`)).json().error.code).toBe('newsletter_state');
    const withdrawn = (await coordinator.post(`/api/newsletter/issues/${issue.id}/withdraw`)).json() as NewsletterIssueSummary;
    expect(withdrawn.state).toBe('withdrawn');
    expect((await visit('/public/nyhetsbrev-fryst')).statusCode).toBe(404);
    expect((await visit('/public/newsletter/nyhetsbrev-fryst/pdf')).statusCode).toBe(404);
    // Published again: a new version, from the data as it stands now.
    expect((await coordinator.post(`/api/newsletter/issues/${issue.id}/publish`)).json().state).toBe('published');
    expect((await visit('/public/nyhetsbrev-fryst')).body).toContain('Ett ändrat mål.');
  });

  it('is changed by its coordinator: blocks reordered and removed, a block that points nowhere refused', async () => {
    const issue = (await coordinator.post('/api/newsletter/issues', issueInput('nyhetsbrev-andras'))).json() as NewsletterIssueSummary;
    const [text, , planBlock] = issue.blocks;
    const changed = await coordinator.patch(`/api/newsletter/issues/${issue.id}`, { title: 'Nytt namn', blocks: [planBlock, text] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Nytt namn', blocks: [{ type: 'action_plan' }, { type: 'text' }], state: 'draft' });
    const html = (await coordinator.get(`/api/newsletter/issues/${issue.id}/preview`)).json().html as string;
    expect(html.indexOf('Handlingsplan:')).toBeLessThan(html.indexOf('Nytt från samverkan.'));
    expect(html).not.toContain('Andel elever som mår bra');
    const nowhere = await coordinator.patch(`/api/newsletter/issues/${issue.id}`, { blocks: [{ type: 'action_plan', planId: '00000000-0000-4000-8000-000000000000' }] });
    expect(nowhere.statusCode).toBe(404);
    expect((await coordinator.get('/api/newsletter/issues')).json().issues.find((i: NewsletterIssueSummary) => i.id === issue.id).blocks).toHaveLength(2);
    const logged = await t.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', issue.id).where('outcome', '=', 'success').orderBy('seq').execute();
    expect(logged.map((l) => l.action)).toEqual(['newsletter.issue.create', 'newsletter.issue.update']);
  });

  it('is changed only while not on show, is published only from its own route, and never takes a public page’s slug', async () => {
    const issue = await published('nyhetsbrev-las');
    const edit = await coordinator.patch(`/api/newsletter/issues/${issue.id}`, { title: 'Ett nytt namn' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({ code: 'newsletter_state', details: [{ message: 'published' }] });
    expect((await coordinator.post(`/api/newsletter/issues/${issue.id}/withdraw`)).statusCode).toBe(200);
    expect((await coordinator.patch(`/api/newsletter/issues/${issue.id}`, { title: 'Ett nytt namn' })).statusCode).toBe(200);
    // The generic publishing route would make a second page for the issue, which its withdrawal would not take down.
    const generic = await coordinator.post('/api/public-pages', { kind: 'newsletter', sourceId: issue.id, slug: 'andra-sidan', title: 'x', ownerOrganisationId: owner });
    expect(generic.statusCode).toBe(400);
    const page = await coordinator.post('/api/public-pages', { kind: 'news', slug: 'upptagen-adress', title: 'En nyhet', body: 'Text.', ownerOrganisationId: owner });
    expect(page.statusCode).toBe(201);
    const clash = await coordinator.post('/api/newsletter/issues', issueInput('upptagen-adress'));
    expect(clash.statusCode).toBe(400);
    expect(clash.json().error.details).toEqual([expect.objectContaining({ path: 'body.slug', message: 'slug_taken' })]);
  });

  it('is composed, published and sent by coordinators of its organisation only; every refusal is logged', async () => {
    const issue = (await coordinator.post('/api/newsletter/issues', issueInput('nyhetsbrev-roller'))).json() as NewsletterIssueSummary;
    for (const username of ['teacher', 'nurse', 'outsider', 'orgadmin', 'sysadmin', 'analyst', 'samordnare.region', 'guardian', 'child']) {
      const client = await t.loginAs(username);
      expect((await client.post('/api/newsletter/issues', issueInput(`nej-${username.replace('.', '-')}`))).statusCode, username).toBe(403);
      expect((await client.patch(`/api/newsletter/issues/${issue.id}`, { title: 'Nej' })).statusCode, username).toBe(403);
      expect((await client.post(`/api/newsletter/issues/${issue.id}/publish`)).statusCode, username).toBe(403);
      expect((await client.post(`/api/newsletter/issues/${issue.id}/send`)).statusCode, username).toBe(403);
      expect((await client.get(`/api/newsletter/issues/${issue.id}/preview`)).statusCode, username).toBe(403);
      expect((await client.post(`/api/newsletter/issues/${issue.id}/withdraw`)).statusCode, username).toBe(403);
      const denied = await t.database.db.selectFrom('audit_log').select('action').where('actor_username', '=', username).where('outcome', '=', 'denied').where('subject_type', '=', 'newsletter_issue').execute();
      expect(denied.map((d) => d.action).sort(), username).toEqual(['newsletter.issue.create', 'newsletter.issue.send', 'newsletter.issue.update', 'newsletter.issue.update', 'public_page.publish', 'public_page.withdraw']);
    }
    expect((await (await t.loginAs('teacher')).get('/api/newsletter/issues')).json()).toMatchObject({ issues: [], canCompose: false });
    expect((await t.client().post('/api/newsletter/issues', issueInput('anonym'))).statusCode).toBe(401);
    const mine = (await coordinator.get('/api/newsletter/issues')).json();
    expect(mine.canCompose).toBe(true);
    expect(mine.issues.map((i: NewsletterIssueSummary) => i.slug)).toContain('nyhetsbrev-roller');
  });
});
