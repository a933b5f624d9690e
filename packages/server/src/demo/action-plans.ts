import type { Transaction } from 'kysely';
import { activityStatus, countStatuses, recurringCheckIns, startOfStockholmDay, type ActivityStatus, type RoundReport } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { county } from './county.ts';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';

/**
 * The demo's action plan (issue 16): Exempelstad's plan for children and young people, shared
 * with the region and Föreningen Fristad, with 3 sub-goals and 10 activities in every state
 * (2 not started, 2 ongoing, 2 soon late, 1 late, 1 on hold, 2 closed), a year of dated
 * reviews, three closed follow-up rounds with their reports and one open round. Every date is
 * relative to the seed day; the follow-up links to catalogue indicators only where the catalogue
 * already holds them (the population area seeds it).
 */

interface DemoActivity {
  title: string;
  /** Days from the seed day. */
  start: number;
  end: number;
  closed?: number;
  onHold?: number;
  org: 'municipality1' | 'region' | 'partner2';
  person?: string;
  how: string;
  when: string;
  /** Kolada KPIs the follow-up reads, when the catalogue has them. */
  kpis?: string[];
  communication: { audience: string; channel: string; when: string }[];
}

const term = { audience: 'Temagruppen barn och unga', channel: 'Möte', when: 'Varje termin' };

const goals: { title: string; description: string; activities: DemoActivity[] }[] = [
  {
    title: 'Fler unga fullföljer skolan',
    description: 'Andelen behöriga till gymnasiet ökar med 2 procentenheter per år.',
    activities: [
      { title: 'Gemensam frånvarotrappa i alla skolor', start: -330, end: -60, closed: -70, org: 'municipality1', person: 'manager', how: 'Andel elever med hög frånvaro', when: 'Per termin', kpis: ['N15419'], communication: [term, { audience: 'Vårdnadshavare', channel: 'Skolans webbplats', when: 'Vid terminsstart' }] },
      { title: 'Läxhjälp och studiestöd på fritidsgården', start: -200, end: 120, org: 'municipality1', person: 'teacher', how: 'Antal deltagare och deras betyg', when: 'Kvartalsvis', communication: [term] },
      { title: 'Stöd i övergången från årskurs 9 till gymnasiet', start: 30, end: 200, org: 'municipality1', how: 'Andel som påbörjar gymnasiet', when: 'Efter höstterminens start', kpis: ['N17461'], communication: [{ audience: 'Elever i årskurs 9 och vårdnadshavare', channel: 'Föräldramöte', when: 'Höstterminen' }] },
      { title: 'Uppsökande kontakt inom aktivitetsansvaret', start: -150, end: 7, org: 'municipality1', person: 'socialworker', how: 'Andel kontaktade inom fyra veckor', when: 'Månadsvis', communication: [term] },
    ],
  },
  {
    title: 'Barn och unga mår bättre psykiskt',
    description: 'Fler unga svarar att de mår bra i Liv och hälsa ung.',
    activities: [
      { title: 'Första hjälpen till psykisk hälsa för personal i skola och fritid', start: -240, end: -10, org: 'municipality1', person: 'nurse', how: 'Andel utbildad personal per enhet', when: 'Efter varje utbildningstillfälle', communication: [{ audience: 'Rektorer och enhetschefer', channel: 'Nyhetsbrev', when: 'Inför varje termin' }] },
      { title: 'Samordnad väg in mellan elevhälsa och BUP', start: -100, end: 250, org: 'region', person: 'psychologist', how: 'Väntetid till första kontakt', when: 'Kvartalsvis', communication: [term, { audience: 'Unga och vårdnadshavare', channel: 'Webbplats', when: 'När vägen in öppnar' }] },
      { title: 'Stödgrupper för barn i familjer med missbruk', start: -180, end: 90, onHold: -30, org: 'partner2', how: 'Antal grupper och deltagare', when: 'Per termin', communication: [term] },
    ],
  },
  {
    title: 'Fler barn och unga rör sig varje dag',
    description: 'Alla elever har minst 30 minuters rörelse under skoldagen.',
    activities: [
      { title: 'Rörelse i skoldagen', start: -120, end: 3, org: 'municipality1', person: 'teacher', how: 'Andel klasser med daglig rörelse', when: 'Per termin', communication: [term] },
      { title: 'Lovaktiviteter tillsammans med föreningslivet', start: -300, end: -20, closed: -25, org: 'partner2', how: 'Antal deltagare per lov', when: 'Efter varje lov', communication: [{ audience: 'Barn och unga', channel: 'Skolornas kanaler och affischer', when: 'Två veckor före varje lov' }] },
      { title: 'Kartläggning av fysisk aktivitet i Liv och hälsa ung', start: 60, end: 300, org: 'region', person: 'analyst', how: 'Andel som är fysiskt aktiva minst 60 minuter om dagen', when: 'När enkäten redovisas', communication: [term] },
    ],
  },
];

const comments = [
  'Arbetet går enligt plan.',
  'Avstämt med de ansvariga enheterna; inga hinder.',
  'Något försenat på grund av personalbrist, åtgärdat.',
  'Bra uppslutning, fler enheter vill delta.',
  'Behöver stöd från styrgruppen om resurser.',
  'Genomfört enligt plan denna period.',
];

const soonLateDays = 14;
const rounds = [-270, -180, -90];

export async function seedActionPlans(trx: Transaction<DB>, now: Date): Promise<void> {
  const today = demoDay(now);
  const day = (offset: number) => addDays(today, offset);
  const at = (offset: number, hour = 10) => new Date(startOfStockholmDay(day(offset)).getTime() + hour * 3_600_000);
  const org = async (name: string) => (await trx.selectFrom('organisation').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const user = async (username: string) => (await trx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const orgs = { municipality1: await org(county.municipalities[0].name), region: await org(county.region.name), partner2: await org(county.partners[1].name) };
  const coordinator = await user('coordinator');
  const people = new Map<string, string>();
  for (const a of goals.flatMap((g) => g.activities)) if (a.person && !people.has(a.person)) people.set(a.person, await user(a.person));
  const indicators = new Map((await trx.selectFrom('indicator').select(['id', 'source_ref']).where('source_kind', '=', 'kolada').execute()).map((i) => [i.source_ref, i.id]));

  const { id: planId } = await trx
    .insertInto('action_plan')
    .values({ title: 'Handlingsplan för barn och unga i Exempelstad', owner_organisation_id: orgs.municipality1, period_start: day(-365), period_end: day(365), priority_area: 'mental_health', overall_goal: 'Alla barn och unga i Exempelstad ska ha goda förutsättningar att må bra, lära och utvecklas.', soon_late_days: soonLateDays, template: null, created_by: coordinator, created_at: at(-365), updated_at: at(-3) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('action_plan_organisation').values([{ plan_id: planId, organisation_id: orgs.region }, { plan_id: planId, organisation_id: orgs.partner2 }]).execute();

  const activities: (DemoActivity & { id: string; subGoal: string; reviewer: string })[] = [];
  for (const [g, goal] of goals.entries()) {
    const { id: subGoalId } = await trx.insertInto('action_plan_sub_goal').values({ plan_id: planId, position: g + 1, title: goal.title, description: goal.description }).returning('id').executeTakeFirstOrThrow();
    for (const [i, a] of goal.activities.entries()) {
      const { id } = await trx
        .insertInto('action_plan_activity')
        .values({
          plan_id: planId, sub_goal_id: subGoalId, position: i + 1, title: a.title, responsible_organisation_id: orgs[a.org], responsible_user_id: a.person ? people.get(a.person)! : null,
          starts_on: day(a.start), ends_on: day(a.end), check_in_dates: recurringCheckIns(day(a.start), day(a.end), 3), follow_up_how: a.how, follow_up_when: a.when,
          communication: JSON.stringify(a.communication), closed_on: a.closed !== undefined ? day(a.closed) : null, on_hold_since: a.onHold !== undefined ? day(a.onHold) : null, created_at: at(-365), updated_at: at(-3),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const links = (a.kpis ?? []).map((k) => indicators.get(k)).filter((x): x is string => x !== undefined);
      if (links.length > 0) await trx.insertInto('action_plan_activity_indicator').values(links.map((indicator_id) => ({ activity_id: id, indicator_id }))).execute();
      activities.push({ ...a, id, subGoal: goal.title, reviewer: a.person ? people.get(a.person)! : coordinator });
    }
  }

  // The status an activity had on a day, with its closing or hold only from the day they came.
  const statusOn = (a: DemoActivity, offset: number): ActivityStatus =>
    activityStatus({ start: day(a.start), end: day(a.end), closedOn: a.closed !== undefined && a.closed <= offset ? day(a.closed) : null, onHoldSince: a.onHold !== undefined && a.onHold <= offset ? day(a.onHold) : null }, day(offset), soonLateDays);
  const running = (a: DemoActivity, offset: number) => !['not_started', 'closed'].includes(statusOn(a, offset));
  type Review = { activity: (typeof activities)[number]; offset: number; action: 'close' | 'hold' | null; roundId: string | null };
  const reviews: Review[] = [];
  // A check-in review every 30 days of a running activity, over the past year, and its closing or hold.
  for (const a of activities) {
    for (let offset = Math.max(a.start + 30, -360); offset < 0; offset += 30) if (running(a, offset) && offset !== a.closed && offset !== a.onHold) reviews.push({ activity: a, offset, action: null, roundId: null });
    if (a.closed !== undefined) reviews.push({ activity: a, offset: a.closed, action: 'close', roundId: null });
    if (a.onHold !== undefined) reviews.push({ activity: a, offset: a.onHold, action: 'hold', roundId: null });
  }
  // Three closed quarterly rounds (opened, reported five days later, closed after two weeks) and one open since three days.
  for (const opened of [...rounds, -3]) {
    const open = opened === -3;
    const { id: roundId } = await trx.insertInto('action_plan_round').values({ plan_id: planId, opened_by: coordinator, opened_at: at(opened, 9), due_on: day(opened + 14) }).returning('id').executeTakeFirstOrThrow();
    const tasks = activities.filter((a) => running(a, opened));
    // In the open round only the region's activity has been reported so far: the teacher's wait.
    const reporting = open ? tasks.filter((a) => a.org === 'region') : tasks;
    for (const a of reporting) reviews.push({ activity: a, offset: open ? -2 : opened + 5, action: null, roundId });
    await trx.insertInto('action_plan_round_task').values(tasks.map((a) => ({ round_id: roundId, activity_id: a.id, assignee_organisation_id: orgs[a.org], assignee_user_id: a.person ? people.get(a.person)! : null }))).execute();
    if (!open) {
      const closedOn = opened + 14;
      const rows = activities.map((a) => ({ activityId: a.id, subGoal: a.subGoal, activity: a.title, status: statusOn(a, closedOn), reported: tasks.includes(a), comment: tasks.includes(a) ? comments[(a.start + opened + 600) % comments.length]! : null, by: null }));
      const report: RoundReport = { closedOn: day(closedOn), counts: countStatuses(rows.map((r) => r.status)), rows };
      await trx.updateTable('action_plan_round').set({ closed_by: coordinator, closed_at: at(closedOn, 15), report: JSON.stringify(report) }).where('id', '=', roundId).execute();
    }
  }
  // Ordered by day and the activity's place in the plan, never by its random id: the same demo every time.
  reviews.sort((x, y) => x.offset - y.offset || activities.indexOf(x.activity) - activities.indexOf(y.activity));
  for (const [n, r] of reviews.entries()) {
    const status = statusOn(r.activity, r.offset);
    const comment = r.action === 'close' ? 'Aktiviteten är genomförd och avslutas.' : r.action === 'hold' ? 'Pausas i väntan på ny finansiering.' : comments[(n * 7 + r.offset + 600) % comments.length]!;
    const { id } = await trx
      .insertInto('action_plan_review')
      .values({ plan_id: planId, activity_id: r.activity.id, reviewed_on: day(r.offset), at: at(r.offset, 11), status, action: r.action, comment, reviewed_by: r.activity.reviewer, round_id: r.roundId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.roundId) await trx.updateTable('action_plan_round_task').set({ done_at: at(r.offset, 11), review_id: id }).where('round_id', '=', r.roundId).where('activity_id', '=', r.activity.id).execute();
  }
}
