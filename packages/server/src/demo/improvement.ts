import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { periodOf } from '../improvement/charts.ts';
import { county } from './county.ts';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';
import { Random } from './random.ts';

/**
 * The demo's improvement work (issue 17): two learning networks with 8 teams in all, each team's
 * project with a driver diagram, three measures and 104 weeks of values up to last week, and PDSA
 * cycles. Half the teams adopted a change 40 weeks ago and their outcome shifts upward after it
 * (a real long-run signal, with the phase change marked); the others vary at random around one
 * level. `teacher` is a member of Exempelstad's team; `psychologist` coaches four teams across
 * both networks. Every date is relative to the seed day.
 */

interface DemoTeam { name: string; org: string; coachLogin?: string; memberLogins?: string[]; shift: boolean; base: number }

const networks: { name: string; priorityArea: 'completed_studies' | 'mental_health'; ageGroup: '13-18' | '0-5'; description: string; teams: DemoTeam[] }[] = [
  {
    name: 'Bästa platsen att växa upp – närvaro',
    priorityArea: 'completed_studies',
    ageGroup: '13-18',
    description: 'Skolor, fritid, socialtjänst och hälso- och sjukvård testar förändringar för att fler unga ska vara i skolan.',
    teams: [
      { name: 'Centrumskolan Exempelstad', org: county.municipalities[0].name, coachLogin: 'psychologist', memberLogins: ['teacher', 'nurse'], shift: true, base: 0.78 },
      { name: 'Norrviks högstadium', org: county.municipalities[1].name, coachLogin: 'psychologist', shift: true, base: 0.74 },
      { name: 'BUP Exempellän', org: county.region.name, coachLogin: 'psychologist', shift: false, base: 0.6 },
      { name: 'Sjöbacka skola och fritid', org: county.municipalities[2].name, shift: false, base: 0.8 },
      { name: 'Fristad läxhjälp', org: county.partners[1].name, shift: true, base: 0.7 },
    ],
  },
  {
    name: 'Trygg start 0–5',
    priorityArea: 'mental_health',
    ageGroup: '0-5',
    description: 'Förskola, barnhälsovård och socialtjänst arbetar med tidiga insatser för de yngsta.',
    teams: [
      { name: 'Åsberga familjecentral', org: county.municipalities[3].name, coachLogin: 'psychologist', shift: true, base: 0.55 },
      { name: 'Lindmo förskolor', org: county.municipalities[4].name, shift: false, base: 0.65 },
      { name: 'Sjöbacka barnhälsovård', org: county.municipalities[2].name, shift: false, base: 0.5 },
    ],
  },
];

const weeks = 104;
const adoptedWeeksAgo = 40;

async function userOf(trx: Transaction<DB>, username: string): Promise<string> {
  return (await trx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function staffOf(trx: Transaction<DB>, organisationId: string, count: number): Promise<string[]> {
  const rows = await trx.selectFrom('user_role').select('user_id').distinct().where('organisation_id', '=', organisationId).where('role', '=', 'professional').orderBy('user_id').limit(count).execute();
  return rows.map((r) => r.user_id);
}

export async function seedImprovement(trx: Transaction<DB>, now: Date): Promise<void> {
  const today = demoDay(now);
  const random = new Random(17);
  const creator = await userOf(trx, 'coordinator');
  const orgs = new Map((await trx.selectFrom('organisation').select(['id', 'name']).execute()).map((o) => [o.name, o.id]));
  const indicators = await trx.selectFrom('indicator').select(['id', 'priority_area']).orderBy('id').execute();
  const lastMonday = periodOf(addDays(today, -7), 'weekly');
  const firstMonday = addDays(lastMonday, -7 * (weeks - 1));
  for (const [n, net] of networks.entries()) {
    const { id: networkId } = await trx.insertInto('improvement_network').values({ name: net.name, priority_area: net.priorityArea, age_group: net.ageGroup, description: net.description, workspace_id: null, created_by: creator, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const teamIds: string[] = [];
    for (const team of net.teams) {
      const organisationId = orgs.get(team.org)!;
      const coach = team.coachLogin ? await userOf(trx, team.coachLogin) : ((await staffOf(trx, organisationId, 3))[2] ?? null);
      const members = team.memberLogins ? await Promise.all(team.memberLogins.map((l) => userOf(trx, l))) : (await staffOf(trx, organisationId, 2));
      const { id: teamId } = await trx.insertInto('improvement_team').values({ network_id: networkId, organisation_id: organisationId, name: team.name, coach_user_id: coach, created_at: now }).returning('id').executeTakeFirstOrThrow();
      teamIds.push(teamId);
      const distinctMembers = [...new Set(members)].filter((m) => m !== coach);
      if (distinctMembers.length > 0) await trx.insertInto('improvement_team_member').values(distinctMembers.map((u) => ({ team_id: teamId, user_id: u }))).execute();
      await seedProject(trx, { teamId, team, priorityArea: net.priorityArea, indicatorId: indicators.find((i) => i.priority_area === net.priorityArea)?.id ?? null, firstMonday, creator: members[0] ?? creator, now, random });
    }
    // Learning sessions every 13 weeks, two ahead; the past ones with most teams there.
    for (let s = 0; s < 10; s += 1) {
      const heldOn = addDays(today, -91 * (7 - s) + n * 7);
      const { id: sessionId } = await trx.insertInto('improvement_session').values({ network_id: networkId, held_on: heldOn, title: `Lärandeseminarium ${s + 1}` }).returning('id').executeTakeFirstOrThrow();
      const there = heldOn < today ? teamIds.filter(() => random.next() < 0.85) : [];
      if (there.length > 0) await trx.insertInto('improvement_attendance').values(there.map((t) => ({ session_id: sessionId, team_id: t }))).execute();
    }
  }
}

interface ProjectSeed { teamId: string; team: DemoTeam; priorityArea: string; indicatorId: string | null; firstMonday: string; creator: string; now: Date; random: Random }

async function seedProject(trx: Transaction<DB>, p: ProjectSeed): Promise<void> {
  const school = p.priorityArea === 'completed_studies';
  const aimBy = addDays(p.firstMonday, 7 * (weeks + 26));
  const { id: projectId } = await trx
    .insertInto('improvement_project')
    .values({ team_id: p.teamId, title: school ? 'Fler elever i skolan varje dag' : 'Fler familjer får stöd i tid', aim_what: school ? 'Andelen elever med minst 90 % närvaro' : 'Andelen familjer som får ett första samtal inom två veckor', aim_how_much: '+10 procentenheter', aim_by: aimBy, indicator_id: p.indicatorId, created_at: p.now, updated_at: p.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const driver = async (title: string, parent: string | null) => (await trx.insertInto('improvement_driver').values({ project_id: projectId, parent_id: parent, title }).returning('id').executeTakeFirstOrThrow()).id;
  const primary1 = await driver(school ? 'Relationen mellan elev och vuxen' : 'Tidig upptäckt', null);
  const primary2 = await driver(school ? 'Snabb reaktion på frånvaro' : 'Samordning mellan verksamheter', null);
  const secondary1 = await driver(school ? 'Mentorssamtal varje vecka' : 'Frågor om mående vid besök', primary1);
  const secondary2 = await driver(school ? 'Kontakt med hemmet samma dag' : 'En gemensam kontaktväg', primary2);
  const idea = async (title: string, driverId: string) => (await trx.insertInto('improvement_change_idea').values({ project_id: projectId, driver_id: driverId, title }).returning('id').executeTakeFirstOrThrow()).id;
  const idea1 = await idea(school ? 'Morgonmöte i mentorsgruppen' : 'Kort samtalsguide vid BVC-besök', secondary1);
  const idea2 = await idea(school ? 'Sms till vårdnadshavare vid första frånvaron' : 'Gemensam telefontid', secondary2);
  const week = (w: number) => addDays(p.firstMonday, 7 * w);
  const adopted = weeks - adoptedWeeksAgo;
  const cycles = [
    { idea: idea1, title: 'Första test i en klass', act: 'abandon' as const, start: 30, end: 34, study: 'Svårt att hinna med; förutsägelsen höll inte.' },
    { idea: idea2, title: 'Test med två mentorer', act: 'adapt' as const, start: 48, end: 54, study: 'Fungerade bättre med en fast tid.' },
    { idea: idea2, title: 'Hela arbetslaget', act: p.team.shift ? ('adopt' as const) : ('adapt' as const), start: adopted - 6, end: adopted, study: p.team.shift ? 'Närvaron steg tydligt; vi inför arbetssättet.' : 'Ingen tydlig förändring ännu.' },
    { idea: idea1, title: 'Nästa steg', act: null, start: weeks - 4, end: null, study: '' },
  ];
  for (const c of cycles) {
    await trx.insertInto('improvement_pdsa').values({ project_id: projectId, change_idea_id: c.idea, title: c.title, plan: 'Vem gör vad, var och när, och vilka data samlas in.', prediction: 'Andelen ökar med några procentenheter.', do_notes: c.end === null ? '' : 'Genomfört enligt plan.', study: c.study, act: c.act, starts_on: week(c.start), ends_on: c.end === null ? null : week(c.end), created_by: p.creator, created_at: p.now, updated_at: p.now }).execute();
  }
  const measure = async (name: string, role: 'outcome' | 'process' | 'balancing', kind: 'count' | 'mean' | 'proportion', definition: string, phases: string[]) =>
    (await trx.insertInto('improvement_measure').values({ project_id: projectId, name, role, kind, frequency: 'weekly', definition, phase_starts: phases, created_at: p.now }).returning('id').executeTakeFirstOrThrow()).id;
  const outcome = await measure(school ? 'Andel elever med minst 90 % närvaro' : 'Andel familjer med första samtal inom två veckor', 'outcome', 'proportion', 'Täljare: elever (familjer) som nått målet under veckan. Nämnare: alla inskrivna under veckan.', p.team.shift ? [week(adopted + 1)] : []);
  const process = await measure(school ? 'Antal mentorssamtal' : 'Antal samtal med guiden', 'process', 'count', 'Antal genomförda samtal under veckan, räknade från kalendern.', []);
  const balancing = await measure('Personalens upplevda arbetsbelastning (1–5)', 'balancing', 'mean', 'Medelvärdet av personalens svar på en femgradig skala, fredag varje vecka.', []);
  const rows: { measure_id: string; period_start: string; value: number | null; numerator: number | null; denominator: number | null; updated_at: Date }[] = [];
  for (let w = 0; w < weeks; w += 1) {
    const after = p.team.shift && w > adopted;
    const size = p.random.int(90, 130);
    const rate = Math.min(0.97, p.team.base + (after ? 0.09 : 0) + (p.random.next() - 0.5) * 0.08);
    rows.push({ measure_id: outcome, period_start: week(w), value: null, numerator: Math.round(rate * size), denominator: size, updated_at: p.now });
    rows.push({ measure_id: process, period_start: week(w), value: p.random.int(4, 12) + (after ? 6 : 0), numerator: null, denominator: null, updated_at: p.now });
    rows.push({ measure_id: balancing, period_start: week(w), value: Math.round((2.6 + p.random.next()) * 10) / 10, numerator: null, denominator: null, updated_at: p.now });
  }
  await trx.insertInto('improvement_value').values(rows).execute();
}
