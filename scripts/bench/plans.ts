/**
 * Saving a plan revision (issue 14): the gated write — the child's lock, the gate's facts and
 * decision, the revision, the head's move and the audit entry in one transaction — beside the same
 * write without gate and log (a bench-only route), its ceiling, at 20 connections.
 *
 * A save must name the revision it was edited from, so a fixed body would be refused as a
 * conflict after the first. Each scenario has a pool of plans of its own: every request takes a
 * plan no other request is saving, on its current head, and moves the head on a 201. The pool is
 * large enough that no plan collects more revisions than a real one would during the run.
 */
import type { AutocannonRequest } from './autocannon.ts';
import { login, type Scenario, type Session } from './scenarios.ts';
import { progress } from './util.ts';

const username = 'socialworker';
const connections = 20;
const poolSize = 120;

interface PoolPlan {
  id: string;
  head: number;
  busy: boolean;
}

export async function planScenarios(session: Session): Promise<Scenario[]> {
  const password = process.env.SAMSYN_DEMO_PASSWORD || 'samsyn-demo';
  const [lead, child] = await Promise.all([login(session.baseUrl, username, password), login(session.baseUrl, 'child', password)]);
  const self = (await child.getJson<{ id: string; relation: string }[]>('/api/me/children')).find((c) => c.relation === 'self');
  if (!self) throw new Error('the demo child `child` does not see herself in /api/me/children');
  const list = await lead.getJson<{ consentOptions: { id: string }[] }>(`/api/children/${self.id}/plans`);
  const consentId = list.consentOptions[0]?.id;
  if (!consentId) throw new Error(`${username} may start no plan for the demo child: no consent names them`);
  progress(`plan scenarios: creating 2 × ${poolSize} plans for the demo child as ${username}`);
  const contents = planContents();
  const gated = await createPool(lead, self.id, consentId, contents);
  const ungated = await createPool(lead, self.id, consentId, contents);
  const headers = { cookie: lead.cookie, 'x-csrf-token': lead.csrfToken, 'content-type': 'application/json' };
  const revisions = (planId: string) => `/api/children/${self.id}/plans/${planId}/revisions`;
  return [
    { name: 'plan-revision', method: 'POST', path: revisions(gated[0]!.id), headers, connections, requests: saves(gated, headers, contents, revisions), baselines: ['plan-revision-ungated'] },
    { name: 'plan-revision-ungated', method: 'POST', path: `/api/bench${revisions(ungated[0]!.id)}/ungated`, headers, connections, requests: saves(ungated, headers, contents, (id) => `/api/bench${revisions(id)}/ungated`), baselines: ['me'] },
  ];
}

async function createPool(lead: Session, childId: string, consentId: string, contents: Record<string, unknown>): Promise<PoolPlan[]> {
  const pool: PoolPlan[] = [];
  for (let i = 0; i < poolSize; i++) {
    const response = await fetch(`${lead.baseUrl}/api/children/${childId}/plans`, {
      method: 'POST',
      headers: { cookie: lead.cookie, 'x-csrf-token': lead.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'child_plan', consentId, contents: { ...contents, title: `Benchplan ${i + 1}` } }),
      signal: AbortSignal.timeout(15_000),
    });
    if (response.status !== 201) throw new Error(`creating a bench plan: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
    const view = (await response.json()) as { id: string; headRevision: number };
    pool.push({ id: view.id, head: view.headRevision, busy: false });
  }
  return pool;
}

/**
 * The one request autocannon repeats, made anew each time: the next plan that is not being
 * saved, on its head. Each save changes one goal's child's words, so it is a real change.
 */
function saves(pool: PoolPlan[], headers: Record<string, string>, contents: Record<string, unknown>, path: (planId: string) => string): AutocannonRequest[] {
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
        return { ...request, path: path(plan.id), headers, body: JSON.stringify({ baseRevision: plan.head, contents: { ...contents, childViews: `Sparning ${counter}` } }) };
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
