/**
 * Saving a plan revision (issue 14): the gated write — the child's lock, the gate's facts and
 * decision, the revision, the head's move and the audit entry in one transaction — beside the same
 * write without gate and log (a bench-only route), its ceiling, at 20 connections.
 *
 * A save must name the revision it was edited from, so a fixed body would be refused as a
 * conflict after the first. Each scenario has a pool of plans of its own: every request takes a
 * plan no other request is saving, on its current head, and moves the head on a 201.
 */
import type { AutocannonRequest } from './autocannon.ts';
import { login, type Scenario, type Session } from './scenarios.ts';
import { progress } from './util.ts';

const username = 'counsellor';
const connections = 20;
/** Children the pool's plans are spread over: one child's writes queue on the child's lock, as they must. */
const childrenWanted = 40;
const plansPerChild = 2;

interface PoolPlan {
  id: string;
  childId: string;
  head: number;
  busy: boolean;
}

/**
 * The plans are spread over many children, as real saves are: every write to one child takes
 * that child's lock (the gate's), so 20 saves to one child's plans would only queue. The demo's
 * `counsellor` is on about 200 teams, many with a consent in force that shares the plan with her
 * municipality; she starts plans there through the API.
 */
export async function planScenarios(session: Session): Promise<Scenario[]> {
  const password = process.env.SAMSYN_DEMO_PASSWORD || 'samsyn-demo';
  const counsellor = await login(session.baseUrl, username, password);
  const { children } = await counsellor.getJson<{ children: { childId: string }[] }>('/api/start/children');
  const contents = planContents();
  // By round: each child's first plan, then each child's second, so consecutive requests meet different children.
  const rounds: { gated: PoolPlan[]; ungated: PoolPlan[] }[] = Array.from({ length: plansPerChild }, () => ({ gated: [], ungated: [] }));
  let found = 0;
  for (const { childId } of children) {
    if (found >= childrenWanted) break;
    const list = await counsellor.getJson<{ consentOptions: { id: string }[] }>(`/api/children/${childId}/plans`);
    const consentId = list.consentOptions[0]?.id;
    if (!consentId) continue;
    found += 1;
    for (const round of rounds) {
      round.gated.push(await createPlan(counsellor, childId, consentId, contents));
      round.ungated.push(await createPlan(counsellor, childId, consentId, contents));
    }
  }
  const gated = rounds.flatMap((r) => r.gated);
  const ungated = rounds.flatMap((r) => r.ungated);
  if (gated.length < connections * 2) throw new Error(`${username} could start plans for only ${gated.length / plansPerChild} children; the bench wants ${connections}`);
  progress(`plan scenarios use the session of ${username}: 2 × ${gated.length} plans over ${gated.length / plansPerChild} children`);
  const headers = { cookie: counsellor.cookie, 'x-csrf-token': counsellor.csrfToken, 'content-type': 'application/json' };
  const revisions = (p: PoolPlan) => `/api/children/${p.childId}/plans/${p.id}/revisions`;
  const ceiling = (p: PoolPlan) => `/api/bench/children/${p.childId}/plans/${p.id}/revisions/ungated`;
  return [
    { name: 'plan-revision', method: 'POST', path: revisions(gated[0]!), headers, connections, requests: saves(gated, headers, contents, revisions), baselines: ['plan-revision-ungated'] },
    { name: 'plan-revision-ungated', method: 'POST', path: ceiling(ungated[0]!), headers, connections, requests: saves(ungated, headers, contents, ceiling), baselines: ['me'] },
  ];
}

async function createPlan(lead: Session, childId: string, consentId: string, contents: Record<string, unknown>): Promise<PoolPlan> {
  const response = await fetch(`${lead.baseUrl}/api/children/${childId}/plans`, {
    method: 'POST',
    headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'child_plan', consentId, contents }),
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status !== 201) throw new Error(`creating a bench plan: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  const view = (await response.json()) as { id: string; headRevision: number };
  return { id: view.id, childId, head: view.headRevision, busy: false };
}

/**
 * The one request autocannon repeats, made anew each time: the next plan that is not being
 * saved, on its head. Each save changes one goal's child's words, so it is a real change.
 */
function saves(pool: PoolPlan[], headers: Record<string, string>, contents: Record<string, unknown>, path: (plan: PoolPlan) => string): AutocannonRequest[] {
  let next = 0;
  let counter = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request, context) => {
        let plan: PoolPlan | undefined;
        for (let tries = 0; tries < pool.length && !plan; tries++) {
          const candidate = pool[next]!;
          next = (next + 1) % pool.length;
          if (!candidate.busy) plan = candidate;
        }
        if (!plan) throw new Error('every bench plan is being saved: the pool is smaller than the connections');
        plan.busy = true;
        context.plan = plan;
        counter += 1;
        return { ...request, path: path(plan), headers, body: JSON.stringify({ baseRevision: plan.head, contents: { ...contents, childViews: `Sparning ${counter}` } }) };
      },
      onResponse: (status, _body, context) => {
        const plan = context.plan as PoolPlan | undefined;
        if (!plan) return;
        if (status === 201) plan.head += 1;
        plan.busy = false;
      },
    },
  ];
}

/** A plan of realistic size: two needs, two goals, three interventions. */
function planContents(): Record<string, unknown> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const action = (id: string, part: string, what: string) => ({ id, goalId: 'g1', what, part, organisationName: 'Socialtjänsten Exempelstad', responsible: 'Sixten Socialsekreterare', startsOn: day(0), endsOn: day(90), onHoldSince: null, closedOn: null });
  return {
    title: 'Benchplan',
    childViews: 'Jag vill orka gå till skolan.',
    guardianViews: 'Vi vill att alla pratar med varandra.',
    needs: [
      { id: 'n1', description: 'Stöd för att komma till skolan varje dag', areas: ['achieving', 'included'] },
      { id: 'n2', description: 'Behandling för sömnproblem', areas: ['healthy'] },
    ],
    goals: [
      { id: 'g1', needId: 'n1', wording: 'Närvaron är minst 90 procent varje vecka', childWords: 'Jag är i skolan', area: 'achieving', targetDate: day(120), evaluation: null },
      { id: 'g2', needId: 'n2', wording: 'Sover minst sju timmar fem nätter av sju', childWords: 'Jag sover bättre', area: 'healthy', targetDate: day(90), evaluation: null },
    ],
    actions: [action('a1', 'municipality', 'Familjebehandling varannan vecka'), action('a2', 'municipality', 'Mentor i skolan'), action('a3', 'others', 'Anpassad studiegång')],
    noOthersTakePart: false,
    coordination: { overallResponsibility: null, planningLeadUserId: null },
    nextFollowUpOn: day(30),
  };
}
