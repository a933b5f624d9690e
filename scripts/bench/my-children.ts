/**
 * "Mina barn" for a professional with about 200 children (the demo's `counsellor`): the gated
 * list (one statement for the list, one for the gate's facts, one compact audit entry naming every child through
 * the group commit) beside the same statement and view without gate and log, its ceiling.
 */
import { login, type Scenario, type Session } from './scenarios.ts';
import { progress } from './util.ts';

const username = 'counsellor';

export async function myChildrenScenarios(session: Session): Promise<Scenario[]> {
  const counsellor = await login(session.baseUrl, username, process.env.SAMSYN_DEMO_PASSWORD || 'samsyn-demo');
  const { children } = await counsellor.getJson<{ children: unknown[] }>('/api/start/children');
  if (children.length < 150) throw new Error(`${username} has ${children.length} children on her teams; the demo gives her about 200`);
  progress(`my-children scenarios use the session of ${username} (${children.length} children)`);
  const headers = { cookie: counsellor.cookie };
  return [
    { name: 'my-children', method: 'GET', path: '/api/start/children', headers, baselines: ['my-children-ungated'] },
    { name: 'my-children-ungated', method: 'GET', path: '/api/bench/start/children/ungated', headers, baselines: ['me'] },
  ];
}
