import type { Kysely, Transaction } from 'kysely';
import { partyOf, type PlanPrincipal } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Where a principal's team member stands: the organisation and secrecy domain they act in now. */
export interface PrincipalPlace {
  principal: PlanPrincipal;
  organisationId: string;
  secrecyDomainId: string;
}

/**
 * The principal a team member acts for: the municipality's social services, or the region's
 * health care, by the secrecy domain of their unit now. Anyone else (the school, student health)
 * is neither, and may neither ask for a SIP nor answer one.
 */
export async function principalOf(db: Db, access: Pick<ChildAccess, 'membership' | 'now'>): Promise<PrincipalPlace | null> {
  const member = access.membership;
  const domainId = member ? partyOf(member, access.now).domainId : null;
  if (!member || !domainId) return null;
  const domain = await db.selectFrom('secrecy_domain').select('kind').where('id', '=', domainId).executeTakeFirst();
  const principal = domain?.kind === 'social_services' ? 'municipality' : domain?.kind === 'health_care' ? 'region' : null;
  return principal ? { principal, organisationId: member.organisationId, secrecyDomainId: domainId } : null;
}

/** The child's SIP requests with who asked and who answered, oldest first. */
export async function requestsOf(db: Db, childId: string, requestId?: string) {
  let query = db
    .selectFrom('sip_request as r')
    .innerJoin('app_user as u', 'u.id', 'r.requested_by')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .leftJoin('app_user as a', 'a.id', 'r.answered_by')
    .select(['r.id', 'r.from_principal', 'r.requested_at', 'r.reason', 'r.deadline_on', 'r.answered_at', 'r.answer', 'r.answer_reason', 'r.plan_id', 'u.display_name as requested_by_name', 'o.name as organisation_name', 'a.display_name as answered_by_name'])
    .where('r.child_id', '=', childId);
  if (requestId) query = query.where('r.id', '=', requestId);
  return query.orderBy('r.requested_at').orderBy('r.id').execute();
}
export type SipRequestRow = Awaited<ReturnType<typeof requestsOf>>[number];

export async function insertRequest(trx: Transaction<DB>, r: { childId: string; place: PrincipalPlace; userId: string; at: Date; reason: string; deadlineOn: string }): Promise<string> {
  const row = await trx
    .insertInto('sip_request')
    .values({ child_id: r.childId, from_principal: r.place.principal, organisation_id: r.place.organisationId, secrecy_domain_id: r.place.secrecyDomainId, requested_by: r.userId, requested_at: r.at, reason: r.reason, deadline_on: r.deadlineOn, answered_by: null, answered_at: null, answer: null, plan_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Answers an open request; false when it was answered meanwhile (the check and the answer are one statement). */
export async function answerRequestRow(trx: Transaction<DB>, id: string, a: { by: string; at: Date; answer: 'accepted' | 'refused'; reason: string; planId: string | null }): Promise<boolean> {
  const result = await trx.updateTable('sip_request').set({ answered_by: a.by, answered_at: a.at, answer: a.answer, answer_reason: a.reason, plan_id: a.planId }).where('id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
