/**
 * "Mina barn" for a professional with about 200 children (the demo's `counsellor`): the gated
 * list (one statement for the list and each child's facts version, the gate's facts kept from the
 * first look, one compact audit entry naming every child through the group commit) beside the same
 * statement and view without gate and log, its ceiling. The facts are loaded at the warm-up's first
 * look and kept while no child's version moves, as for a professional who opens her start page all day.
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
