import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { stockholmDate, type GoalEvaluation, type PlanContents } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { addYears } from './dates.ts';
import { planCreatorCandidates } from './plan-creators.ts';

/**
 * The county's plans beside the demo family's (issue 14, point 8): about 300 plans in every state
 * (being prepared, established, a change proposed, closed with a reason), with their revisions,
 * the team's and the family's evaluations of the goals, and meetings held or booked. Each plan is
 * on a consent in force that covers the plan, names its creator's organisation and counts for the
 * child (given by both guardians, or by the one guardian a child has, before 18), and was not
 * entered by the creator, who is on the child's team on their own organisation's basis: the gate
 * lets the plan's people read it. A child has one to three plans (a child's plan and a SIP may run
 * side by side; the first of three was closed long ago). The fixed demo logins create none of them, so their inboxes stay as the tests know them.
 * Written set-based: one INSERT per table, whatever the number of plans.
 */

const dayMs = 86_400_000;
export const countyPlanTarget = 300;

interface Creator {
  child_id: string;
  given_name: string;
  consent_id: string;
  user_id: string;
  display_name: string;
  organisation_id: string;
  unit_id: string | null;
  secrecy_domain_id: string;
  /** Whether the consent names a region as well: the plan can be a SIP with both principals' parts. */
  names_region: boolean;
}

type State = 'draft' | 'established' | 'proposed' | 'closed';
/** The plans' states in turn, so that every state is common; a child's first of three plans is closed. */
const states: readonly State[] = ['established', 'draft', 'proposed', 'closed', 'established', 'proposed', 'draft', 'established'];
const closeReasons = ['goals_reached', 'no_longer_needed', 'moved', 'family_declined'] as const;

/** What the plans are about, in turn: a need, its goal in the child's words, and the municipality's action. */
const themes = [
  { need: 'Stöd för att komma till skolan varje dag', areas: ['achieving', 'included'], goal: 'Närvaron är minst 90 procent varje vecka', words: 'Jag är i skolan', area: 'achieving', action: 'Samtal med kurator varje vecka', organisation: 'Elevhälsan' },
  { need: 'Sammanhang med andra barn på fritiden', areas: ['included', 'active'], goal: 'Deltar i en fritidsaktivitet varje vecka', words: 'Jag är med på något', area: 'active', action: 'Introduktion på fritidsgården med en kontaktperson', organisation: 'Fritidsgården' },
  { need: 'Bättre sömn och mindre oro', areas: ['healthy', 'safe'], goal: 'Sover minst åtta timmar fem nätter av sju', words: 'Jag sover bättre', area: 'healthy', action: 'Föräldrastöd i grupp', organisation: 'Familjecentralen' },
  { need: 'Stöd i läsning och skrivning', areas: ['achieving'], goal: 'Läser en bok i månaden med stöd', words: 'Jag läser mer', area: 'achieving', action: 'Anpassningar och specialpedagogiskt stöd', organisation: 'Skolan' },
] as const;
const evaluations: GoalEvaluation[] = [
  { team: 'partly_reached', child: 'reached', guardians: 'partly_reached', note: 'Det går åt rätt håll.' },
  { team: 'reached', child: 'reached', guardians: 'reached', note: 'Målet är nått.' },
  { team: 'not_reached', child: 'partly_reached', guardians: null, note: 'Vi behöver pröva något annat.' },
];

export async function seedCountyPlans(trx: Transaction<DB>, now: Date, skip: { childIds: readonly string[]; usernames: readonly string[] }): Promise<void> {
  const creators = await eligibleCreators(trx, now, skip);
  if (creators.length === 0) return;
  const ago = (days: number) => new Date(now.getTime() - days * dayMs);
  const day = (offset: number) => stockholmDate(new Date(now.getTime() + offset * dayMs));
  const plans: Record<string, unknown>[] = [];
  const revisions: Record<string, unknown>[] = [];
  const meetings: Record<string, unknown>[] = [];
  const perChild = Math.floor(countyPlanTarget / creators.length);
  const extra = countyPlanTarget % creators.length;
  for (const [i, c] of creators.entries()) {
    const count = Math.min(3, perChild + (i < extra ? 1 : 0));
    for (let n = 0; n < count; n += 1) {
      const current = !(count === 3 && n === 0);
      const state: State = current ? states[plans.length % states.length]! : 'closed';
      // Earlier plans a year or more back; the current one started in the last months.
      const startedDaysAgo = current ? 30 + ((i * 7 + n * 23) % 100) : 500 + (i % 60);
      const at = (k: number) => ago(startedDaysAgo - k * 10);
      const sip = c.names_region && (i + n) % 3 === 0;
      const planId = randomUUID();
      const theme = themes[(i + n) % themes.length]!;
      // An open plan's next follow-up is ahead (none is due: the demo's inboxes and their notice
      // sweep stay those of the fixed logins); a closed one's was a month after it started.
      const followUpOn = current ? day(14 + ((i * 5 + n) % 45)) : day(30 - startedDaysAgo);
      const base = contentsFor(c, theme, sip, (offset) => day(offset - startedDaysAgo), followUpOn);
      // Revision 1 is the first draft; 2 the plan as it was established at its meeting; 3 the
      // team's and the family's evaluation at the follow-up: waiting for the family's approval,
      // or the last word before the plan was closed.
      const complete: PlanContents = { ...base, guardianViews: 'Vi vill veta vem som gör vad.' };
      const evaluated: PlanContents = { ...complete, goals: complete.goals.map((g) => ({ ...g, evaluation: evaluations[(i + n) % evaluations.length]! })) };
      const contents = state === 'draft' ? (i % 2 === 0 ? [base] : [base, complete]) : state === 'established' ? [base, complete] : [base, complete, evaluated];
      for (const [k, revision] of contents.entries()) {
        revisions.push({ plan_id: planId, number: k + 1, based_on: k === 0 ? null : k, contents: JSON.stringify(revision), note: k === 2 ? 'Uppföljning' : '', organisation_id: c.organisation_id, unit_id: c.unit_id, secrecy_domain_id: c.secrecy_domain_id, author_id: c.user_id, saved_at: at(k) });
      }
      const established = state !== 'draft';
      const establishedAt = new Date(at(1).getTime() + 3_600_000);
      plans.push({
        id: planId, child_id: c.child_id, kind: sip ? 'sip' : 'child_plan', consent_id: c.consent_id, organisation_id: c.organisation_id, unit_id: c.unit_id, secrecy_domain_id: c.secrecy_domain_id, created_by: c.user_id, created_at: at(0),
        head_revision: contents.length,
        in_force_revision: established ? 2 : null,
        established_at: established ? establishedAt : null,
        established_by: established ? c.user_id : null,
        ...(state === 'closed' ? { closed_at: current ? ago((startedDaysAgo - 20) / 2) : ago(startedDaysAgo - 150), closed_by: c.user_id, close_reason: closeReasons[(i + n) % closeReasons.length]!, close_note: '' } : {}),
      });
      // The meeting where the plan was established, held; an open plan's next one is booked for some.
      if (established) meetings.push(meetingRow(planId, c, at(1), { held: true, notes: 'Vi gick igenom planen tillsammans med familjen.', decisions: 'Planen fastställdes. Insatserna börjar enligt planen.' }));
      if (state !== 'closed' && i % 2 === 0) meetings.push(meetingRow(planId, c, new Date(now.getTime() + (10 + (i % 30)) * dayMs), { held: false, notes: '', decisions: '' }));
    }
  }
  await trx.insertInto('plan').values(plans as never).execute();
  await trx.insertInto('plan_revision').values(revisions as never).execute();
  if (meetings.length > 0) await trx.insertInto('plan_meeting').values(meetings as never).execute();
}

function meetingRow(planId: string, c: Creator, startsAt: Date, m: { held: boolean; notes: string; decisions: string }): Record<string, unknown> {
  // A morning meeting in Swedish time.
  const starts = `${stockholmDate(startsAt)}T09:00:00+01:00`;
  return { plan_id: planId, child_id: c.child_id, starts_at: starts, place: 'Familjecentralen', digital_link: '', notes: m.notes, decisions: m.decisions, held_at: m.held ? new Date(starts) : null, organisation_id: c.organisation_id, secrecy_domain_id: c.secrecy_domain_id, created_by: c.user_id, created_at: startsAt, updated_by: c.user_id, updated_at: startsAt };
}

function contentsFor(c: Creator, theme: (typeof themes)[number], sip: boolean, day: (offset: number) => string, nextFollowUpOn: string): PlanContents {
  const action = (id: string, what: string, part: 'municipality' | 'region' | 'others', organisationName: string) => ({ id, goalId: 'g1', what, part, organisationName, responsible: c.display_name, startsOn: day(-10), endsOn: day(90), onHoldSince: null, closedOn: null });
  return {
    title: sip ? `SIP för ${c.given_name}` : `Plan för ${c.given_name}`,
    childViews: `${theme.words} och vill att de vuxna pratar med varandra.`,
    guardianViews: '',
    needs: [{ id: 'n1', description: theme.need, areas: [...theme.areas] }],
    goals: [{ id: 'g1', needId: 'n1', wording: theme.goal, childWords: theme.words, area: theme.area, targetDate: day(120), evaluation: null }],
    actions: sip
      ? [action('a1', theme.action, 'municipality', theme.organisation), action('a2', 'Samtalskontakt i regionens vård', 'region', 'Regionen'), action('a3', 'Anpassningar i skolan', 'others', 'Skolan')]
      : [action('a1', theme.action, 'municipality', theme.organisation)],
    noOthersTakePart: !sip,
    coordination: { overallResponsibility: sip ? 'municipality' : null, planningLeadUserId: c.user_id },
    nextFollowUpOn,
  };
}

/**
 * One creator per child without a plan: a team member on their own organisation's basis, writing
 * in a secrecy domain, named by a consent in force that covers the plan and counts for the child,
 * and that the member did not enter. In a stable order (identity number, user name, consent).
 */
async function eligibleCreators(trx: Transaction<DB>, now: Date, skip: { childIds: readonly string[]; usernames: readonly string[] }): Promise<Creator[]> {
  const today = stockholmDate(now);
  const rows = await planCreatorCandidates(trx, today)
    .select(sql<boolean>`EXISTS (SELECT 1 FROM organisation o WHERE o.id = ANY (k.organisation_ids) AND o.kind = 'region')`.as('names_region'))
    .where('c.birth_date', '>', addYears(today, -18))
    .$if(skip.childIds.length > 0, (q) => q.where('c.id', 'not in', skip.childIds))
    .where('u.username', 'not in', skip.usernames)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('plan as p').select('p.id').whereRef('p.child_id', '=', 'c.id'))))
    // Both guardians' consent counts; one guardian's only where the child has no other.
    .where((eb) => eb.or([eb('k.given_by', '=', 'both_guardians'), eb.and([eb('k.given_by', '=', 'guardian'), sql<boolean>`(SELECT count(*) FROM child_guardian g WHERE g.child_id = c.id) <= 1`])]))
    .execute();
  return [...new Map(rows.map((r) => [r.child_id, r])).values()];
}
