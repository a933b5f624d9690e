import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { partyOf, stockholmDate, type ConcernInput, type ConcernList, type ConcernView, type EntryFacts } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { invalid } from '../consent/refusals.ts';
import { concernsOf, insertConcern, type ConcernRow } from './queries.ts';

/** What the gate weighs about a concern: where and when it was written, as for any record entry. */
export function concernFacts(c: Pick<ConcernRow, 'organisation_id' | 'secrecy_domain_id' | 'unit_id' | 'created_at'>): EntryFacts {
  return { organisationId: c.organisation_id, secrecyDomainId: c.secrecy_domain_id, unitId: c.unit_id, writtenAt: new Date(c.created_at) };
}

/**
 * The concerns the caller may read, each decided by the gate with the category `concern` on
 * where and when it was written: one's own domain's without consent, another domain's only under
 * a consent naming both domains and covering concerns. The rest are left out without a trace.
 */
export async function listConcerns(request: FastifyRequest, access: ChildAccess): Promise<ConcernList> {
  const rows = await concernsOf(request.server.services.db, access.childId);
  const concerns = rows.flatMap((c) => {
    const d = access.decide('read', 'concern', concernFacts(c));
    return d.allow ? [toConcernView(c, d.basis)] : [];
  });
  return { concerns, sharedFromOthers: access.sharedFromOtherDomains('concern'), mayRecord: access.decide('write', 'concern').allow };
}

/**
 * Records a concern in the writer's own secrecy domain and unit, inside the gate's transaction:
 * the gate has allowed a write of `concern` for a team member with a domain.
 */
export async function recordConcern(trx: Transaction<DB>, access: ChildAccess, input: ConcernInput): Promise<ConcernView> {
  const member = access.membership;
  const domainId = member ? partyOf(member, access.now).domainId : null;
  if (!member || domainId === null) throw new AppError('access_denied', { details: { reason: 'no_secrecy_domain' } });
  const today = stockholmDate(access.now);
  const occurredOn = input.occurredOn ?? today;
  if (occurredOn > today) throw invalid('body.occurredOn', 'date_in_future');
  const id = await insertConcern(trx, {
    childId: access.childId,
    organisationId: member.organisationId,
    unitId: member.unitId,
    secrecyDomainId: domainId,
    authorId: access.actor.userId,
    areas: input.areas,
    description: input.description,
    level: input.level,
    source: input.source,
    occurredOn,
    at: access.now,
  });
  await access.logWrite(trx, { concernId: id, secrecyDomainId: domainId, level: input.level });
  const row = (await concernsOf(trx, access.childId)).find((c) => c.id === id);
  if (!row) throw new AppError('not_found');
  return toConcernView(row, 'own_organisation');
}

function toConcernView(c: ConcernRow, basis: ConcernView['basis']): ConcernView {
  return {
    id: c.id,
    areas: c.areas,
    description: c.description,
    level: c.level,
    source: c.source,
    occurredOn: c.occurred_on,
    recordedAt: new Date(c.created_at).toISOString(),
    authorName: c.author_name,
    organisationName: c.organisation_name,
    secrecyDomainName: c.secrecy_domain_name,
    basis,
  };
}
