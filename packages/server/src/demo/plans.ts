import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import { stockholmDate, type PlanActionItem, type PlanContents } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { planCreatorCandidates } from './plan-creators.ts';
import { seedCountyPlans } from './plan-county.ts';
import { seedSipMeeting } from './plan-meetings.ts';

/**
 * Plans in the demo county, dated from the services' clock at seeding:
 * - the demo child Ebba's SIP, on the family's signed consent that lets the municipality and the
 *   region share the plan: started and led by `socialworker` (social services), the region's
 *   part written by `psychologist` (BUP), established a month ago, and a change `psychologist`
 *   proposed three days ago that waits for the guardians' approval (`guardian`, and Göran, who has
 *   no account). `teacher` entered that consent, so it never makes her a participant. Its next
 *   meeting is next month, with its summons and invitations (`plan-meetings.ts`);
 * - a handful of child's plans for other children, in every state (draft, established, a change
 *   proposed, closed with a reason), each on a consent in force that names its creator;
 * - about 300 more plans across the county, with revisions, evaluations and meetings (`plan-county.ts`).
 */

const dayMs = 86_400_000;

interface Place { userId: string; displayName: string; organisationId: string; unitId: string; secrecyDomainId: string }

export async function seedPlans(trx: Transaction<DB>, now: Date, fixedLogins: readonly string[]): Promise<void> {
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * dayMs - hours * 3_600_000);
  const day = (offset: number) => stockholmDate(new Date(now.getTime() + offset * dayMs));
  const staff = await placesOf(trx, ['socialworker', 'psychologist']);
  const { socialworker, psychologist } = staff;
  const ebba = await trx.selectFrom('child as c').innerJoin('app_user as u', 'u.id', 'c.user_id').select('c.id').where('u.username', '=', 'child').executeTakeFirstOrThrow();
  const consent = await trx.selectFrom('consent').select('id').where('child_id', '=', ebba.id).where(sql<boolean>`categories = ARRAY['plan']::text[]`).where(sql<boolean>`${psychologist.organisationId}::uuid = ANY (organisation_ids)`).executeTakeFirstOrThrow();

  const action = (id: string, what: string, part: PlanActionItem['part'], organisationName: string, responsible: string, startsIn: number, endsIn: number, goalId: string | null = 'g-school'): PlanActionItem => ({ id, goalId, what, part, organisationName, responsible, startsOn: day(startsIn), endsOn: day(endsIn), onHoldSince: null, closedOn: null });
  const draft: PlanContents = {
    title: 'SIP för Ebba',
    childViews: 'Jag vill orka gå till skolan och ha någon att prata med när det känns tungt.',
    guardianViews: 'Vi vill att skolan, socialtjänsten och BUP pratar med varandra så att vi slipper berätta allt flera gånger.',
    needs: [
      { id: 'n-school', description: 'Stöd för att komma till skolan varje dag', areas: ['achieving', 'included'] },
      { id: 'n-mood', description: 'Behandling för nedstämdhet och sömnproblem', areas: ['healthy', 'safe'] },
    ],
    goals: [
      { id: 'g-school', needId: 'n-school', wording: 'Närvaron är minst 90 procent varje vecka under vårterminen', childWords: 'Jag är i skolan och hinner med', area: 'achieving', targetDate: day(120), evaluation: null },
      { id: 'g-sleep', needId: 'n-mood', wording: 'Ebba sover minst sju timmar fem nätter av sju', childWords: 'Jag sover bättre', area: 'healthy', targetDate: day(90), evaluation: null },
    ],
    actions: [action('a-family', 'Familjebehandling varannan vecka', 'municipality', 'Socialtjänsten Exempelstad', socialworker.displayName, -35, 85)],
    noOthersTakePart: false,
    coordination: { overallResponsibility: null, planningLeadUserId: socialworker.userId },
    nextFollowUpOn: null,
  };
  const withRegion: PlanContents = { ...draft, actions: [...draft.actions, action('a-bup', 'Samtalskontakt på BUP var tredje vecka', 'region', 'BUP Exempellän', psychologist.displayName, -30, 90, 'g-sleep')] };
  const established: PlanContents = {
    ...withRegion,
    actions: [...withRegion.actions, action('a-school', 'Anpassad studiegång och en mentor att vända sig till', 'others', 'Centrumskolan Exempelstad F–9', 'Mentor på skolan', -30, 150)],
    coordination: { overallResponsibility: 'municipality', planningLeadUserId: socialworker.userId },
    nextFollowUpOn: day(26),
  };
  // The proposed change: BUP meets Ebba more often, and the first goal's evaluation so far.
  const proposed: PlanContents = {
    ...established,
    actions: established.actions.map((a) => (a.id === 'a-bup' ? { ...a, what: 'Samtalskontakt på BUP varannan vecka, och en sömnskola i grupp' } : a)),
    goals: established.goals.map((g) => (g.id === 'g-school' ? { ...g, evaluation: { team: 'partly_reached', child: 'partly_reached', guardians: null, note: 'Närvaron har ökat till 85 procent.' } } : g)),
  };
  const sip = await insertPlan(trx, { childId: ebba.id, kind: 'sip', consentId: consent.id, by: socialworker, at: ago(40) });
  await insertRevisions(trx, sip, [
    { by: socialworker, at: ago(40), contents: draft, note: '' },
    { by: psychologist, at: ago(35), contents: withRegion, note: 'BUP:s del' },
    { by: socialworker, at: ago(30, 2), contents: established, note: 'Fastställd vid SIP-mötet' },
    { by: psychologist, at: ago(3), contents: proposed, note: 'Tätare samtal och sömnskola' },
  ]);
  await trx.updateTable('plan').set({ head_revision: 4, in_force_revision: 3, established_at: ago(30), established_by: socialworker.userId }).where('id', '=', sip).execute();
  await seedSipMeeting(trx, now, { planId: sip, childId: ebba.id, lead: socialworker });
  await seedOtherPlans(trx, now, ebba.id);
  // The demo family's children (Ebba's brother Olle has no plan) are the tests' own.
  const family = await trx.selectFrom('child_guardian as g').innerJoin('child_guardian as s', 's.guardian_id', 'g.guardian_id').select('s.child_id').distinct().where('g.child_id', '=', ebba.id).execute();
  await seedCountyPlans(trx, now, { childIds: family.map((f) => f.child_id), usernames: fixedLogins });
}

async function insertPlan(trx: Transaction<DB>, p: { childId: string; kind: 'sip' | 'child_plan'; consentId: string; by: Place; at: Date }): Promise<string> {
  const row = await trx
    .insertInto('plan')
    .values({ child_id: p.childId, kind: p.kind, consent_id: p.consentId, organisation_id: p.by.organisationId, unit_id: p.by.unitId, secrecy_domain_id: p.by.secrecyDomainId, created_by: p.by.userId, created_at: p.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertRevisions(trx: Transaction<DB>, planId: string, revisions: { by: Place; at: Date; contents: PlanContents; note: string }[]): Promise<void> {
  await trx
    .insertInto('plan_revision')
    .values(revisions.map((r, i) => ({ plan_id: planId, number: i + 1, based_on: i === 0 ? null : i, contents: JSON.stringify(r.contents), note: r.note, organisation_id: r.by.organisationId, unit_id: r.by.unitId, secrecy_domain_id: r.by.secrecyDomainId, author_id: r.by.userId, saved_at: r.at })))
    .execute();
}

/** States for the other plans, in the order the children are found: one of each, then again. */
const states = ['established', 'draft', 'proposed', 'closed', 'established', 'draft'] as const;

/**
 * Child's plans for other children: each on a consent in force, given by both guardians, that
 * covers the plan and names the creator's organisation (and that the creator did not enter).
 */
async function seedOtherPlans(trx: Transaction<DB>, now: Date, skipChildId: string): Promise<void> {
  const today = stockholmDate(now);
  const rows = await planCreatorCandidates(trx, today)
    .where('c.id', '!=', skipChildId)
    .where('k.given_by', '=', 'both_guardians')
    .limit(200)
    .execute();
  const picked = [...new Map(rows.map((r) => [r.child_id, r])).values()].slice(0, states.length);
  const ago = (days: number) => new Date(now.getTime() - days * dayMs);
  const day = (offset: number) => stockholmDate(new Date(now.getTime() + offset * dayMs));
  for (const [i, r] of picked.entries()) {
    const by: Place = { userId: r.user_id, displayName: r.display_name, organisationId: r.organisation_id, unitId: r.unit_id!, secrecyDomainId: r.secrecy_domain_id };
    const state = states[i]!;
    const base: PlanContents = {
      title: `Plan för ${r.given_name}`,
      childViews: 'Jag vill ha kompisar att vara med på rasterna.',
      guardianViews: '',
      needs: [{ id: 'n1', description: 'Stöd i att hitta sammanhang med andra barn', areas: ['included', 'respected'] }],
      goals: [{ id: 'g1', needId: 'n1', wording: 'Deltar i en fritidsaktivitet varje vecka', childWords: 'Jag är med på något', area: 'active', targetDate: day(100 + i * 10), evaluation: null }],
      actions: [{ id: 'a1', goalId: 'g1', what: 'Introduktion på fritidsgården med en kontaktperson', part: 'municipality', organisationName: 'Fritidsgården', responsible: by.displayName, startsOn: day(-20), endsOn: day(60), onHoldSince: null, closedOn: null }],
      noOthersTakePart: true,
      coordination: { overallResponsibility: null, planningLeadUserId: by.userId },
      nextFollowUpOn: day(30 + i),
    };
    const changed: PlanContents = { ...base, goals: base.goals.map((g) => ({ ...g, evaluation: { team: 'partly_reached', child: 'reached', guardians: 'partly_reached', note: '' } })) };
    const planId = await insertPlan(trx, { childId: r.child_id, kind: 'child_plan', consentId: r.consent_id, by, at: ago(60 - i) });
    const revisions = state === 'draft' ? [base] : [base, changed];
    await insertRevisions(trx, planId, revisions.map((contents, n) => ({ by, at: ago(50 - i - n * 10), contents, note: '' })));
    if (state === 'draft') continue;
    const inForce = state === 'proposed' ? 1 : 2;
    await trx.updateTable('plan').set({ head_revision: revisions.length, in_force_revision: inForce, established_at: ago(45 - i), established_by: by.userId, ...(state === 'closed' ? { closed_at: ago(5), closed_by: by.userId, close_reason: 'goals_reached' as const, close_note: 'Målen är nådda.' } : {}) }).where('id', '=', planId).execute();
  }
}

async function placesOf<K extends string>(trx: Transaction<DB>, usernames: readonly K[]): Promise<Record<K, Place>> {
  const rows = await trx
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'r.unit_id').on('d.valid_to', 'is', null))
    .select(['u.username', 'u.display_name', 'r.user_id', 'r.organisation_id', 'r.unit_id', 'd.secrecy_domain_id'])
    .where('u.username', 'in', usernames)
    .where('r.role', '=', 'professional')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.username, { userId: r.user_id, displayName: r.display_name, organisationId: r.organisation_id, unitId: r.unit_id!, secrecyDomainId: r.secrecy_domain_id }])) as Record<K, Place>;
}
