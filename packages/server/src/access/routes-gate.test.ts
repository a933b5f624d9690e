import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/harness.ts';
import { loadConfig } from '../config.ts';
import { benchRoutesWanted } from '../main.ts';
import { stockholmDate } from '@samsyn/core';
import { auditOf, userIdOf } from '../test/fixtures.ts';
import { contents as planContents } from '../plans/fixtures.ts';

/**
 * Every API route the server registers (hidden ones too, not only those in the OpenAPI
 * document) is here, in one of three lists. A new route that is in none of them fails this
 * test until someone decides which it is.
 */

// Routes that never return a child's data.
const noChildData = new Set([
  'GET /api/health',
  'GET /api/auth/csrf',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'GET /api/auth/me/history',
  'POST /api/auth/password',
  'GET /api/organisations',
  'GET /api/units',
  'GET /api/units/{id}',
  'POST /api/units',
  'PATCH /api/units/{id}',
  'GET /api/secrecy-domains',
  'POST /api/secrecy-domains',
  'PATCH /api/secrecy-domains/{id}',
  'POST /api/units/{id}/secrecy-domain',
  'GET /api/units/{id}/secrecy-domain-history',
  'GET /api/users',
  'GET /api/users/{id}',
  'POST /api/users',
  'PATCH /api/users/{id}',
  'POST /api/admin/audit/verifications',
  'GET /api/admin/audit/verifications/{id}',
  // Retention: counts, dates and ids, never a child's data (system administrators only).
  'GET /api/admin/retention/rules',
  'PATCH /api/admin/retention/rules/{id}',
  'GET /api/admin/retention/dry-run',
  'POST /api/admin/retention/runs',
  'GET /api/admin/retention/tombstones',
  'GET /api/legal-grounds',
  'GET /api/emergency-access/legal-grounds',
  'GET /api/secrecy-domains/directory',
  // The indicator catalogue and Kolada's statistics: aggregates, no child's data.
  'GET /api/indicators',
  'GET /api/indicators/{id}',
  'POST /api/indicators',
  'PATCH /api/indicators/{id}',
  'POST /api/indicators/{id}/kpi-title-confirmation',
  'GET /api/kolada/values',
  'GET /api/kolada/imports',
  'POST /api/kolada/imports',
  'POST /api/kolada/imports/fetch',
  // Targets and yearly series of an indicator: aggregates only (indicators/target-routes.ts).
  'GET /api/indicators/{id}/targets',
  'POST /api/indicators/{id}/targets',
  'PATCH /api/indicators/{id}/targets/{targetId}',
  'DELETE /api/indicators/{id}/targets/{targetId}',
  'GET /api/indicators/{id}/series',
  // Local statistics (CSV, Excel): aggregates only (indicators/local-routes.ts).
  'POST /api/indicators/{id}/local-imports/preview',
  'POST /api/indicators/{id}/local-imports',
  'GET /api/indicators/{id}/local-imports',
  'GET /api/local-imports/{id}',
  'GET /api/indicators/{id}/local-values',
  // Surveys: anonymous respondents, figures suppressed below the threshold (surveys/routes.ts).
  'GET /api/surveys',
  'POST /api/surveys',
  'PUT /api/surveys/{id}',
  'PUT /api/surveys/{id}/indicators',
  'GET /api/surveys/{id}/imports',
  'POST /api/surveys/{id}/imports',
  'GET /api/survey-imports/{id}',
  'GET /api/survey-estimates/schools',
  'GET /api/open/survey-indicators',
  'GET /api/open/survey-estimates',
  'GET /api/open/child-level-indicators/{id}',
  // School profiles: a school's suppressed survey figures and Kolada results, no child's data (schools/routes.ts).
  'GET /api/schools',
  'GET /api/schools/{unitId}/profile',
  'GET /api/schools/{unitId}/profile/pdf',
  // Which Kolada unit a school is: a directory, administrators only (schools/kolada-ou-routes.ts).
  'GET /api/schools/kolada-ous',
  'PUT /api/schools/{unitId}/kolada-ou',
  'DELETE /api/schools/{unitId}/kolada-ou',
  'GET /api/wellbeing/models',
  'POST /api/wellbeing/models',
  'GET /api/needs-assessment/configs',
  'POST /api/needs-assessment/configs',
  'GET /api/openapi.json',
  // The start page's counts and marking one's own notices read: numbers and ids of notices only.
  'GET /api/start/counts',
  'POST /api/notices/{id}/read',
  'POST /api/notices/read',
  // Marking one's own inbox items: keys only.
  'POST /api/inbox/mark',
  'GET /api/child-registration/options',
  'GET /api/register-imports',
  'GET /api/register-imports/{id}',
  'POST /api/register-imports/{id}/discard',
  'GET /api/intake/places',
  'GET /api/early-signal-rules',
  'PATCH /api/early-signal-rules/default',
  'PATCH /api/early-signal-rules/{organisationId}',
  // Action plans (Verksamhet): the operations level, no child's data (action-plans.test.ts proves who edits).
  'GET /api/action-plans',
  'POST /api/action-plans',
  'GET /api/action-plans/tasks',
  'GET /api/action-plans/people',
  'GET /api/action-plans/{id}',
  'PATCH /api/action-plans/{id}',
  'POST /api/action-plans/{id}/sub-goals',
  'PATCH /api/action-plans/{id}/sub-goals/{subGoalId}',
  'POST /api/action-plans/{id}/activities',
  'PATCH /api/action-plans/{id}/activities/{activityId}',
  'GET /api/action-plans/{id}/activities/{activityId}/reviews',
  'POST /api/action-plans/{id}/activities/{activityId}/reviews',
  'POST /api/action-plans/{id}/rounds',
  'POST /api/action-plans/{id}/rounds/{roundId}/close',
  'GET /api/action-plans/{id}/export.xlsx',
  'GET /api/action-plans/{id}/export.pdf',
  // A plan's child-rights impact assessment: about groups of children, never one child.
  'GET /api/action-plans/{id}/impact-assessment',
  'POST /api/action-plans/{id}/impact-assessment',
  // Forums, reference groups and public pages: no child's data (forums.test.ts and public-pages.test.ts prove who edits and publishes).
  'GET /api/forums',
  'POST /api/forums',
  'GET /api/forums/contacts',
  'GET /api/forums/contacts.csv',
  'GET /api/forums/{id}',
  'POST /api/forums/{id}/members',
  'POST /api/forums/{id}/organisations',
  'POST /api/forums/{id}/meetings',
  'GET /api/forums/{id}/meetings/{meetingId}',
  'PATCH /api/forums/{id}/meetings/{meetingId}',
  'POST /api/forums/{id}/meetings/{meetingId}/decisions',
  'GET /api/forums/{id}/decisions/{decisionId}/impact-assessment',
  'POST /api/forums/{id}/decisions/{decisionId}/impact-assessment',
  'POST /api/forums/{id}/decisions/{decisionId}/take',
  'POST /api/forums/{id}/views',
  'POST /api/forums/{id}/views/{viewId}/response',
  'GET /api/public-pages',
  'POST /api/public-pages',
  'POST /api/public-pages/{id}/versions',
  'POST /api/public-pages/{id}/withdraw',
  'GET /api/public-pages/feedback',
  // The newsletter: aggregates only, never a child's data (newsletter.test.ts proves who composes, publishes and sends).
  'GET /api/newsletter/issues',
  'POST /api/newsletter/issues',
  'PATCH /api/newsletter/issues/{id}',
  'GET /api/newsletter/issues/{id}/preview',
  'POST /api/newsletter/issues/{id}/publish',
  'POST /api/newsletter/issues/{id}/withdraw',
  'POST /api/newsletter/issues/{id}/send',
  // Workspaces and agreements: no child's data; a placement is named by a case reference, never an identity
  // number (workspaces.test.ts and agreements.test.ts prove who edits and who reads).
  'GET /api/workspaces',
  'POST /api/workspaces',
  'GET /api/workspaces/{id}',
  'PATCH /api/workspaces/{id}',
  'POST /api/workspaces/{id}/members',
  'PATCH /api/workspaces/{id}/members/{userId}',
  'POST /api/workspaces/{id}/members/{userId}/remove',
  'POST /api/workspaces/{id}/join-requests',
  'POST /api/workspaces/{id}/join-requests/{requestId}/answer',
  'POST /api/workspaces/{id}/notices/read',
  'POST /api/workspaces/{id}/posts',
  'POST /api/workspaces/{id}/documents',
  'POST /api/workspaces/{id}/documents/{documentId}/versions',
  'GET /api/workspaces/{id}/documents/{documentId}/versions/{version}',
  'POST /api/workspaces/{id}/meetings',
  'PATCH /api/workspaces/{id}/meetings/{meetingId}',
  'GET /api/agreements',
  'POST /api/agreements',
  'PUT /api/agreements/{id}/owners',
  'GET /api/agreements/reminders',
  'GET /api/agreements/placements',
  'POST /api/agreements/placements',
  'PUT /api/agreements/placements/{id}/costs',
  'GET /api/agreements/training',
  'PUT /api/agreements/training',
  'GET /api/agreements/export',
  'GET /api/agreements/placements/export',
  'GET /api/agreements/training/export',
  'POST /api/agreements/{id}/versions',
  'GET /api/agreements/{id}',
  // Improvement work (learning networks, projects, measures): team figures, no child's data (improvement.test.ts proves who edits).
  'GET /api/improvement/networks',
  'POST /api/improvement/networks',
  'GET /api/improvement/networks/{id}',
  'POST /api/improvement/networks/{id}/teams',
  'POST /api/improvement/networks/{id}/sessions',
  'POST /api/improvement/networks/{id}/sessions/{sessionId}/attendance',
  'PATCH /api/improvement/teams/{id}',
  'POST /api/improvement/teams/{id}/project',
  'GET /api/improvement/coach',
  'GET /api/improvement/projects/{id}',
  'PATCH /api/improvement/projects/{id}',
  'POST /api/improvement/projects/{id}/drivers',
  'POST /api/improvement/projects/{id}/change-ideas',
  'POST /api/improvement/projects/{id}/measures',
  'POST /api/improvement/projects/{id}/pdsa',
  'PATCH /api/improvement/projects/{id}/pdsa/{pdsaId}',
  'GET /api/improvement/measures/{id}',
  'PATCH /api/improvement/measures/{id}',
  'POST /api/improvement/measures/{id}/values',
  'POST /api/improvement/measures/{id}/import',
  'GET /api/improvement/indicator-projects',
  'GET /api/improvement/indicators/{indicatorId}/projects',
  // The social-investment fund (Verksamhet): no child's data (fund/fund.test.ts proves who decides).
  'GET /api/fund',
  'GET /api/fund/{id}',
  'POST /api/fund/applications',
  'GET /api/fund/applications/{id}',
  'PATCH /api/fund/applications/{id}',
  'POST /api/fund/applications/{id}/submit',
  'GET /api/fund/applications/{id}/impact-assessment',
  'POST /api/fund/applications/{id}/impact-assessment',
  'POST /api/fund/applications/{id}/decision',
  'POST /api/fund/applications/{id}/disbursements',
  'POST /api/fund/applications/{id}/reports',
  'GET /api/fund/applications/{id}/calculation',
  'PATCH /api/fund/applications/{id}/calculation',
  'GET /api/fund/applications/{id}/calculation.pdf',
]);

// The OpenAPI document does not describe itself.
const undocumented = new Set(['GET /api/openapi.json']);

// Routes about many children or found by another id: each asks the gate per child (or, for
// log review and the emergency queue, shows no name and is itself logged); their area tests
// prove both sides.
const gatedPerChild = new Set([
  'POST /api/children/search',
  'GET /api/me/children',
  'GET /api/handovers',
  'POST /api/handovers/{id}/accept',
  'POST /api/handovers/{id}/decline',
  'POST /api/handovers/{id}/withdraw',
  'GET /api/log-review',
  'GET /api/log-review/export.csv',
  'GET /api/emergency-access/review',
  'POST /api/emergency-access/{id}/review',
  'POST /api/emergency-access',
  'GET /api/start/children',
  'GET /api/start/emergency-reviews',
  'GET /api/notices',
  'GET /api/inbox',
  // The caller's own open summonses and invitations: ids and times only, one list look (plans/meetings.test.ts).
  'GET /api/me/meeting-invitations',
  // A new record (one entry for the child it creates), the register's lookup (the register gate),
  // and a register file's preview and run (one entry per child compared, created or changed).
  'POST /api/children',
  'POST /api/child-registration/lookup',
  'POST /api/register-imports',
  'POST /api/register-imports/{id}/accept',
  'GET /api/early-signals',
  'GET /api/reports-of-concern/sent',
  'GET /api/intake/reports',
  'GET /api/intake/reports/{id}',
  'POST /api/intake/reports/{id}/steps',
  // Found by a one-time code: each leaves one entry for the code's child (see wellbeing.test.ts).
  'POST /api/self-rating/open',
  'POST /api/self-rating/submit',
]);

// Every route under /api/children/{id} is probed: it must leave a gate entry for the child.
const sampleBodies: Record<string, (ids: Ids) => unknown> = {
  'POST /api/children/{id}/consents': (ids) => ({ givenBy: 'both_guardians', guardianIds: [], method: 'written', organisationIds: [ids.organisationId], categories: ['school'], validFrom: stockholmDate(t.app.services.clock.now()) }),
  'POST /api/children/{id}/consents/{consentId}/withdraw': () => ({}),
  'POST /api/children/{id}/care-team': (ids) => ({ userId: ids.userId, organisationId: ids.organisationId, role: 'member', basis: { kind: 'own_organisation' } }),
  'POST /api/children/{id}/care-team/{memberId}/end': () => ({}),
  'POST /api/children/{id}/handovers': (ids) => ({ toUserId: ids.userId, toOrganisationId: ids.organisationId, lifeStage: 'school', previousNamedPerson: 'stays_member' }),
  'POST /api/children/{id}/disclosures': (ids) => ({ decision: 'not_shared', toOrganisationId: ids.organisationId, categories: ['school'], what: 'Skolans anteckningar', reason: 'Inget samtycke' }),
  'POST /api/children/{id}/identity-corrections': () => ({ city: 'Provstad', reason: 'Prov av grinden' }),
  'POST /api/children/{id}/concerns': () => ({ areas: ['safe'], description: 'Oro under rasterna.', level: 'observation', source: 'own_observation' }),
  'POST /api/children/{id}/reports-of-concern': () => ({ description: 'Barnet berättar om bråk hemma.' }),
  'POST /api/children/{id}/wellbeing': () => ({ respondent: 'child', occurredOn: stockholmDate(t.app.services.clock.now()), modelVersionId: realIds.modelVersionId, answers: [{ area: 'safe', rating: 4, strengths: 'Probe', worries: '' }], important: '' }),
  'POST /api/children/{id}/wellbeing/codes': () => ({ respondent: 'child' }),
  'POST /api/children/{id}/needs-assessments': () => needsProbe(),
  'POST /api/children/{id}/needs-assessments/{assessmentId}/revisions': () => ({ ...needsProbe(), basedOn: 2 }),
  'POST /api/children/{id}/emergency-access': () => ({ reason: 'Akut fara för barnets hälsa, behöver se planen.', legalGroundCode: 'brb_necessity' }),
  'POST /api/children/{id}/plans': () => ({ kind: 'child_plan', consentId: realIds.consentId, contents: planContents(t.app.services.clock.now()) }),
  'POST /api/children/{id}/plans/{planId}/revisions': () => ({ baseRevision: 4, contents: planContents(t.app.services.clock.now()) }),
  'POST /api/children/{id}/plans/{planId}/establish': () => ({ revision: 4 }),
  'POST /api/children/{id}/plans/{planId}/close': () => ({ reason: 'goals_reached', note: '' }),
  'POST /api/children/{id}/plans/{planId}/approvals': () => ({ revision: 4, decision: 'approved', comment: '' }),
  'POST /api/children/{id}/plans/{planId}/preparation': () => ({ voice: 'child', answers: {}, submit: false }),
  'POST /api/children/{id}/plans/{planId}/preparation-notes': () => ({ brings: 'Probe' }),
  'POST /api/children/{id}/sip-requests': () => ({ reason: 'Probe' }),
  'POST /api/children/{id}/sip-requests/{requestId}/answer': () => ({ answer: 'refused', reason: 'Probe' }),
  'POST /api/children/{id}/plans/{planId}/meetings': () => ({ startsAt: new Date(t.app.services.clock.now().getTime() + 7 * 86_400_000).toISOString(), place: 'Probe', digitalLink: '' }),
  'PATCH /api/children/{id}/plans/{planId}/meetings/{meetingId}': () => ({ notes: 'Probe' }),
  'POST /api/children/{id}/plans/{planId}/meetings/{meetingId}/invitations': (ids) => ({ kind: 'invitation', userId: ids.userId }),
  'POST /api/children/{id}/meeting-invitations/{invitationId}/reply': () => ({ reply: 'coming', comment: '' }),
};

/** A final needs assessment in the current configuration's words (see needs-assessment.test.ts). */
const needsProbe = () => ({
  occurredOn: stockholmDate(t.app.services.clock.now()),
  configVersionId: realIds.needsConfigId,
  status: 'final',
  subAreas: [{ code: 'learning', strengths: 'Probe', challenges: '' }],
  matrix: Object.fromEntries(['resilience_protective', 'resilience_adverse', 'vulnerability_protective', 'vulnerability_adverse'].map((q) => [q, { text: '', factors: [] }])),
  questions: { obstacles: 'Probe', information: '', my_action: '', organisation_action: '', others_help: '' },
  summary: 'Probe',
  proposal: 'call_meeting',
});

interface Ids {
  childId: string;
  userId: string;
  organisationId: string;
}

/** Every demo login (password in test/constants.ts): each route is probed as each of them. */
const demoRoles = ['sysadmin', 'orgadmin', 'manager', 'coordinator', 'analyst', 'teacher', 'nurse', 'socialworker', 'psychologist', 'outsider', 'guardian', 'child', 'intake'] as const;

const placeholder = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let outsider: TestClient;
let ids: Ids;
let routes: { method: string; path: string }[];
let childIds: Set<string>;
/** Real ids of the demo child's things, so the probes reach past "not found" where they can. */
let realIds: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  outsider = await t.loginAs('outsider');
  const child = await db.selectFrom('child').innerJoin('app_user', 'app_user.id', 'child.user_id').select('child.id').where('app_user.username', '=', 'child').executeTakeFirstOrThrow();
  const me = (await outsider.get('/api/auth/me')).json() as { id: string; roles: { organisationId: string }[] };
  ids = { childId: child.id, userId: me.id, organisationId: me.roles[0]!.organisationId };
  routes = t.app.apiRoutes.map((r) => {
    const [method, path] = r.split(' ') as [string, string];
    return { method, path };
  });
  childIds = new Set((await db.selectFrom('child').select('id').execute()).map((c) => c.id));
  const [consent, member, handover] = await Promise.all([
    db.selectFrom('consent').select('id').where('child_id', '=', child.id).executeTakeFirst(),
    db.selectFrom('care_team_member').select('id').where('child_id', '=', child.id).executeTakeFirst(),
    db.selectFrom('named_person_handover').select('id').where('child_id', '=', child.id).executeTakeFirst(),
  ]);
  const report = await db.selectFrom('report_of_concern').select('id').orderBy('received_at', 'desc').executeTakeFirst();
  realIds = { consentId: consent?.id ?? placeholder, memberId: member?.id ?? placeholder, handover: handover?.id ?? placeholder, report: report?.id ?? placeholder };
  const plan = await db.selectFrom('plan').select('id').where('child_id', '=', child.id).orderBy('created_at').executeTakeFirst();
  const model = await db.selectFrom('wellbeing_model_version').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow();
  realIds = { consentId: consent?.id ?? placeholder, memberId: member?.id ?? placeholder, handover: handover?.id ?? placeholder, modelVersionId: model.id };
  const needsConfig = await db.selectFrom('needs_assessment_config_version').select('id').orderBy('version', 'desc').executeTakeFirstOrThrow();
  const needsAssessment = await db.selectFrom('needs_assessment_version').select('assessment_id').where('child_id', '=', child.id).where('revision', '=', 2).executeTakeFirst();
  Object.assign(realIds, { needsConfigId: needsConfig.id, assessmentId: needsAssessment?.assessment_id ?? placeholder });
  realIds.planId = plan?.id ?? placeholder;
  // A plan's older revision, read on its own.
  realIds.number = '1';
  // Handover rows the gate refuses but the list still shows: one waiting for the manager (not on
  // the team: the note is theirs, logged as such), one the analyst declined (the child's id only).
  const [teacher, manager, analyst] = await Promise.all(['teacher', 'manager', 'analyst'].map((u) => userIdOf(db, u)));
  const row = { child_id: child.id, life_stage: 'school' as const, from_user_id: teacher!, to_organisation_id: ids.organisationId, note: 'Probe', proposed_by: teacher! };
  await db.insertInto('named_person_handover').values([{ ...row, to_user_id: manager! }, { ...row, to_user_id: analyst!, declined_at: new Date() }]).execute();
});
afterAll(() => t.close());

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const isChildRoute = (r: { path: string }) => r.path.startsWith('/api/children/{id}');

function urlOf(route: { method: string; path: string }): string {
  // A page of a plan's older revisions names where it starts.
  if (route.method === 'GET' && route.path === '/api/children/{id}/plans/{planId}/revisions') return `${urlOf({ method: 'POST', path: route.path })}?before=3`;
  if (isChildRoute(route)) return route.path.replace('{id}', ids.childId).replace(/\{(\w+)\}/g, (_, name: string) => realIds[name] ?? placeholder);
  if (route.path.startsWith('/api/handovers/{id}')) return route.path.replace('{id}', realIds.handover!);
  if (route.path === '/api/handovers') return '/api/handovers?status=all';
  if (route.path.startsWith('/api/emergency-access/{id}')) return route.path.replace('{id}', realIds.emergencyAccess ?? placeholder);
  if (route.path.startsWith('/api/intake/reports/{id}')) return route.path.replace('{id}', realIds.report ?? placeholder);
  return route.path.replace(/\{\w+\}/g, placeholder);
}

/** The ids of children a response body shows, found as uuids among the children that exist. */
function childrenShown(body: string): Set<string> {
  return new Set((body.toLowerCase().match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []).filter((id) => childIds.has(id)));
}

describe('the policy gate guards every route with child data', () => {
  it('has every registered API route in exactly one list, and each in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    expect(routes.map(key).filter((k) => !documented.has(k) && !undocumented.has(k)), 'API routes missing from the OpenAPI document').toEqual([]);
    const unclassified = routes.filter((r) => !isChildRoute(r) && !noChildData.has(key(r)) && !gatedPerChild.has(key(r))).map(key);
    expect(unclassified, 'new routes must be classified here').toEqual([]);
    const stale = [...noChildData, ...gatedPerChild].filter((k) => !routes.some((r) => key(r) === k));
    expect(stale, 'listed routes that no longer exist').toEqual([]);
  });

  /**
   * The census: every route, as every demo role. Each request's entries are found by its own
   * x-request-id (unique per request, checked), so an entry another request left never counts.
   * Under /api/children/{id} each call leaves exactly one entry for the child, refusals
   * included; on every route no child has two entries from one request, and every child a
   * response shows has its entry.
   */
  it('leaves, for every route and every demo role, exactly one entry of its own request per child it touches', async () => {
    const childRoutes = routes.filter(isChildRoute);
    expect(childRoutes.length).toBeGreaterThanOrEqual(10);
    // An emergency access to review: the outsider's, opened through the API.
    const opened = await outsider.post(`/api/children/${ids.childId}/emergency-access`, sampleBodies['POST /api/children/{id}/emergency-access']!(ids));
    expect(opened.statusCode).toBe(201);
    realIds.emergencyAccess = opened.json().id;
    // Logging out ends the probing login's session: probed last.
    const probed = [...routes].sort((a, b) => Number(key(a) === 'POST /api/auth/logout') - Number(key(b) === 'POST /api/auth/logout'));
    const requestIds = new Set<string>();
    const problems: string[] = [];
    for (const role of demoRoles) {
      const client = await t.loginAs(role);
      for (const route of probed) {
        const body = route.method === 'GET' ? undefined : isChildRoute(route) ? (sampleBodies[key(route)]?.(ids) ?? expect.fail(`add a sample body for ${key(route)}`)) : {};
        const res = await client.request(route.method as 'GET', urlOf(route), body);
        const where = `${role} ${key(route)} → ${res.statusCode}`;
        if (res.statusCode >= 500) problems.push(`${where}: server error`);
        const requestId = String(res.headers['x-request-id']);
        if (requestIds.has(requestId)) problems.push(`${where}: x-request-id ${requestId} reused`);
        requestIds.add(requestId);
        const entries = await auditOf(t.database.db, res);
        if (entries.some((e) => e.request_id !== requestId)) problems.push(`${where}: an entry of another request`);
        const perChild = new Map<string, number>();
        for (const e of entries) if (e.subject_type === 'child' && e.subject_id) perChild.set(e.subject_id, (perChild.get(e.subject_id) ?? 0) + 1);
        for (const [child, n] of perChild) if (n !== 1) problems.push(`${where}: ${n} entries for child ${child}`);
        if (isChildRoute(route) && perChild.get(ids.childId) !== 1) problems.push(`${where}: no entry for the child`);
        for (const shown of childrenShown(res.body)) if (!perChild.has(shown)) problems.push(`${where}: shows child ${shown} without an entry`);
        // Outside the team, the outsider reads only on the emergency access opened above, logged as such, and never writes.
        if (role === 'outsider' && isChildRoute(route) && res.statusCode < 300) {
          const entry = entries.find((e) => e.subject_id === ids.childId);
          const basis = (entry?.details as { basis?: unknown } | null)?.basis;
          if (route.method !== 'GET' || basis !== 'emergency') problems.push(`${where}: the outsider succeeded on basis ${String(basis)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(requestIds.size).toBe(demoRoles.length * routes.length);
  }, 300_000);
});

describe('the benchmark’s ungated ceiling route', () => {
  it('does not exist unless the benchmark asks for it, and never in production', async () => {
    const res = await outsider.get(`/api/bench/children/${ids.childId}/ungated`);
    expect(res.statusCode).toBe(404);
    // No environment turns it on: only the bench's explicit flag, and never in production.
    expect(loadConfig({ SAMSYN_BENCH_ROUTES: 'true' }).benchRoutes).toBe(false);
    expect(benchRoutesWanted(['--bench-routes'], { production: false })).toBe(true);
    expect(benchRoutesWanted(['--bench-routes'], { production: true })).toBe(false);
    expect(benchRoutesWanted([], { production: false })).toBe(false);
  });

  it('when the bench asks for it, answers the same record view as the gated read', async () => {
    const bench = await createTestApp({ benchRoutes: true });
    try {
      const teacher = await bench.loginAs('teacher');
      const ungated = await teacher.get(`/api/bench/children/${ids.childId}/ungated`);
      expect(ungated.statusCode).toBe(200);
      const gated = (await teacher.get(`/api/children/${ids.childId}`)).json();
      expect(Object.keys(ungated.json()).sort()).toEqual(Object.keys(gated).sort());
      expect(ungated.json().categories.map((c: { category: string }) => c.category)).toEqual(gated.categories.map((c: { category: string }) => c.category));
    } finally {
      await bench.close();
    }
  });
});
