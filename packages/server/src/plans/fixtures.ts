import { stockholmDate, type PlanContents } from '@samsyn/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Test fixtures of the plans area: contents a form could send, dated relative to the clock. */

export function contents(now: Date, over: Partial<PlanContents> = {}): PlanContents {
  const day = (offset: number) => stockholmDate(new Date(now.getTime() + offset * 86_400_000));
  return {
    title: 'Plan för prov',
    childViews: 'Jag vill vara med på idrotten.',
    guardianViews: 'Vi vill veta vem som gör vad.',
    needs: [{ id: 'n1', description: 'Stöd i skolan', areas: ['achieving'] }],
    goals: [{ id: 'g1', needId: 'n1', wording: 'Närvaro minst 90 procent', childWords: 'Jag är i skolan', area: 'achieving', targetDate: day(90), evaluation: null }],
    actions: [],
    noOthersTakePart: false,
    coordination: { overallResponsibility: null, planningLeadUserId: null },
    nextFollowUpOn: day(30),
    ...over,
  };
}

/** The contents a SIP needs by law: both principals' parts, others' part and the overall responsibility. */
export function completeSip(now: Date, over: Partial<PlanContents> = {}): PlanContents {
  const base = contents(now);
  const day = (offset: number) => stockholmDate(new Date(now.getTime() + offset * 86_400_000));
  const action = (id: string, part: 'municipality' | 'region' | 'others', what: string) => ({ id, goalId: 'g1', what, part, organisationName: 'Org', responsible: 'Någon', startsOn: day(0), endsOn: day(60), onHoldSince: null, closedOn: null });
  return {
    ...base,
    actions: [action('a1', 'municipality', 'Familjestöd'), action('a2', 'region', 'Samtal på BUP'), action('a3', 'others', 'Anpassningar i skolan')],
    coordination: { overallResponsibility: 'municipality', planningLeadUserId: null },
    ...over,
  };
}

/** The demo SIP of the demo child (see demo/plans.ts). */
export async function demoSipId(db: Kysely<DB>, childId: string): Promise<string> {
  return (await db.selectFrom('plan').select('id').where('child_id', '=', childId).where('kind', '=', 'sip').orderBy('created_at').executeTakeFirstOrThrow()).id;
}

/** The demo child's consent in the e-service: the municipality as a whole shares wellbeing, concerns and the plan. */
export async function municipalConsentId(db: Kysely<DB>, childId: string): Promise<string> {
  const row = await db.selectFrom('consent').select('id').where('child_id', '=', childId).where('recorded_by_professional', 'is', null).where('method', '=', 'digital').orderBy('recorded_at').executeTakeFirstOrThrow();
  return row.id;
}
