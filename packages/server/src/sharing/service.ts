import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { decideDisclosure, partyOf, stockholmDate, type DisclosureInput, type DisclosureRefusal, type DisclosureView } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { organisationNames } from '../consent/queries.ts';
import { invalid, refusal } from '../consent/refusals.ts';
import { AppError } from '../http/errors.ts';
import { legalGroundFacts } from '../legal-grounds/queries.ts';
import { disclosureOf, disclosuresOf, domainBelongsTo, insertDisclosure, type DisclosureRow } from './queries.ts';

/**
 * A ledger entry as the caller may see it. Its free text can describe the information itself, so
 * it is shown only when the caller may read every category of it as the disclosing
 * organisation's information, decided on the gate's facts as the record decides its entries.
 * An entry with no category (identity or contact details only) is as readable as the ledger.
 */
export function toDisclosureView(access: ChildAccess, d: DisclosureRow): DisclosureView {
  const written = { organisationId: d.from_organisation_id, secrecyDomainId: d.from_secrecy_domain_id, unitId: null, writtenAt: new Date(d.decided_at) };
  const readable = d.categories.every((c) => access.decide('read', c, written).allow);
  return {
    id: d.id,
    decision: d.decision,
    fromOrganisation: { id: d.from_organisation_id, name: d.from_name },
    toOrganisation: { id: d.to_organisation_id, name: d.to_name },
    toSecrecyDomain: d.to_secrecy_domain_id ? { id: d.to_secrecy_domain_id, name: d.to_domain_name ?? '' } : null,
    categories: d.categories,
    what: readable ? d.what : null,
    reason: readable ? d.reason : null,
    redacted: !readable,
    legalGround:
      d.legal_ground_code && d.ground_kind
        ? { code: d.legal_ground_code, kind: d.ground_kind, titleSv: d.ground_title_sv ?? '', titleEn: d.ground_title_en ?? '', reference: d.ground_reference ?? '' }
        : null,
    consentId: d.consent_id,
    decidedBy: { id: d.decided_by, displayName: d.decided_by_name },
    decidedAt: (d.decided_at instanceof Date ? d.decided_at : new Date(d.decided_at)).toISOString(),
  };
}

export async function listDisclosures(request: FastifyRequest, access: ChildAccess): Promise<DisclosureView[]> {
  return (await disclosuresOf(request.server.services.db, access.childId)).map((d) => toDisclosureView(access, d));
}

/**
 * The organisation a disclosure comes from: the one named, or the caller's only professional
 * organisation. Undefined lets the gate refuse a caller who works for none.
 */
export function fromOrganisation(request: FastifyRequest, input: DisclosureInput): string | undefined {
  const own = [...new Set((request.actor?.roles ?? []).filter((r) => r.role === 'professional').map((r) => r.organisationId))];
  if (input.fromOrganisationId) return input.fromOrganisationId;
  if (own.length > 1) throw invalid('body.fromOrganisationId', 'required_with_several_organisations');
  return own[0];
}

const refusals: Record<DisclosureRefusal, () => AppError> = {
  same_organisation: () => invalid('body.toSecrecyDomainId', 'same_organisation_needs_domain'),
  same_secrecy_domain: () => invalid('body.toSecrecyDomainId', 'same_secrecy_domain'),
  no_ground_for_sharing: () => invalid('body.legalGroundCode', 'sharing_needs_legal_ground_or_consent'),
  unknown_legal_ground: () => invalid('body.legalGroundCode', 'unknown_legal_ground'),
  unknown_consent: () => invalid('body.consentId', 'unknown_consent'),
  legal_ground_not_applicable: () => refusal('forbidden', 'legal_ground_not_applicable'),
  consent_does_not_cover: () => refusal('forbidden', 'consent_does_not_cover'),
};

/**
 * Records a disclosure or a decision not to disclose. The gate has allowed the first category
 * for the caller's organisation; every other category must be the caller's to share too.
 */
export async function recordDisclosure(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: DisclosureInput, fromOrganisationId: string): Promise<DisclosureView> {
  const { config } = request.server.services;
  const { now } = access;
  const sharer = access.membership;
  if (sharer?.organisationId !== fromOrganisationId) throw refusal('forbidden', 'not_in_care_team_for_organisation');
  const fromDomain = partyOf(sharer, now).domainId;
  // What a professional shares is their own domain's information: without a domain they share nothing.
  const notOwn = fromDomain === null ? input.categories : input.categories.filter((c) => !access.decide('write', c).allow);
  if (notOwn.length > 0) throw new AppError('access_denied', { details: { reason: 'no_consent_for_category', categories: notOwn } });
  const names = await organisationNames(trx, [input.toOrganisationId]);
  if (!names.has(input.toOrganisationId)) throw invalid('body.toOrganisationId', 'unknown_organisation');
  if (input.toSecrecyDomainId && !(await domainBelongsTo(trx, input.toSecrecyDomainId, input.toOrganisationId))) {
    throw invalid('body.toSecrecyDomainId', 'unknown_secrecy_domain');
  }
  const ground = input.legalGroundCode ? await legalGroundFacts(trx, input.legalGroundCode) : undefined;
  const decision = decideDisclosure({
    decision: input.decision,
    fromOrganisationId,
    fromDomainId: fromDomain,
    toOrganisationId: input.toOrganisationId,
    toDomainId: input.toSecrecyDomainId ?? null,
    categories: input.categories,
    legalGroundCode: input.legalGroundCode,
    legalGround: ground,
    consentId: input.consentId,
    consent: input.consentId ? access.child.consents.find((c) => c.id === input.consentId) : undefined,
    child: { birthDate: access.child.birthDate, guardianCount: access.child.guardianCount },
    rules: config.consentRules,
    now,
    today: stockholmDate(now),
  });
  if (!decision.ok) throw refusals[decision.reason]();
  const id = await (async () => {
    const disclosureId = await insertDisclosure(trx, {
      childId: access.childId,
      decision: input.decision,
      fromOrganisationId,
      toOrganisationId: input.toOrganisationId,
      toSecrecyDomainId: input.toSecrecyDomainId ?? null,
      categories: [...new Set(input.categories)],
      what: input.what,
      reason: input.reason,
      legalGroundCode: input.legalGroundCode ?? null,
      consentId: input.consentId ?? null,
      decidedBy: access.actor.userId,
      fromSecrecyDomainId: fromDomain ?? '',
      decidedAt: now,
    });
    await access.logWrite(trx, { disclosureId, decision: input.decision, toOrganisationId: input.toOrganisationId, toSecrecyDomainId: input.toSecrecyDomainId ?? null, categories: input.categories, legalGroundCode: input.legalGroundCode ?? null, consentId: input.consentId ?? null });
    return disclosureId;
  })();
  const row = await disclosureOf(trx, access.childId, id);
  if (!row) throw new AppError('not_found');
  return toDisclosureView(access, row);
}
