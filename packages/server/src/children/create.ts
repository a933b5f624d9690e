/**
 * A professional adds a child to Samsyn: the record, its guardians, and the creator as the
 * team's first member on the basis of their own organisation — in one transaction with its
 * audit entry. There is no child yet for the gate to weigh, so core's `decideChildCreation`
 * decides; from the next request on, the creator reaches the record through the gate like
 * everyone else.
 */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import {
  createReserveNumber,
  decideChildCreation,
  formatIdentityNumber,
  homeMunicipalityChoice,
  maskIdentityNumber,
  MAX_RESERVE_SEQUENCE,
  parseIdentityNumber,
  RESERVE_NUMBER_PREFIX,
  stockholmDate,
  type ChildCreateInput,
  type ParsedIdentityNumber,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { loadPolicyActor } from '../access/facts.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { insertMember } from '../care-team/queries.ts';
import { linkGuardians } from './guardians.ts';

const invalid = (path: string, message: string) => new AppError('validation_failed', { details: [{ path, message }] });

export function parseOrRefuse(value: string, path: string, now: Date): ParsedIdentityNumber {
  const parsed = parseIdentityNumber(value, { referenceDate: now });
  if (!parsed.ok) throw invalid(path, `identity_number_${parsed.code}`);
  return parsed;
}

export async function createChild(request: FastifyRequest, input: ChildCreateInput): Promise<{ id: string; identityNumber: string; identityKind: ParsedIdentityNumber['kind'] }> {
  const { db, audit, clock } = request.server.services;
  const actorFacts = requireActor(request.actor);
  const now = clock.now();
  const actor = await loadPolicyActor(db, actorFacts);
  const base = { ...auditFrom(request), action: 'child.create' as const, subjectType: 'child' };
  const refuse = async (error: AppError, details: Record<string, unknown>) => {
    await audit.append({ ...base, subjectId: null, outcome: error.status === 403 ? 'denied' : 'failure', details: { code: error.code, ...details } });
    return error;
  };

  // Where the creator works: the organisation named, or their only professional place.
  const places = actorFacts.roles.filter((r) => r.role === 'professional');
  const place = input.organisationId ? places.find((r) => r.organisationId === input.organisationId) : places.length === 1 ? places[0] : undefined;
  if (!place) throw await refuse(places.length > 1 ? invalid('body.organisationId', 'required') : new AppError('forbidden', { details: { reason: 'not_a_professional' } }), { reason: places.length > 1 ? 'organisation_required' : 'not_a_professional' });
  const organisation = await db.selectFrom('organisation').select(['id', 'kind', 'county_code']).where('id', '=', place.organisationId).executeTakeFirstOrThrow();
  const decision = decideChildCreation(actor, organisation);
  if (!decision.allow) throw await refuse(new AppError('forbidden', { details: { reason: decision.reason } }), { reason: decision.reason });

  const municipalities = await db.selectFrom('organisation').select(['id', 'county_code as countyCode']).where('kind', '=', 'municipality').where('active', '=', true).execute();
  const choice = homeMunicipalityChoice({ id: organisation.id, kind: organisation.kind, countyCode: organisation.county_code }, municipalities);
  const homeOrganisationId = 'fixed' in choice ? choice.fixed : input.homeOrganisationId;
  if ('fixed' in choice ? input.homeOrganisationId !== undefined && input.homeOrganisationId !== choice.fixed : !homeOrganisationId || !choice.choose.includes(homeOrganisationId)) {
    throw await refuse(invalid('body.homeOrganisationId', 'home_municipality_not_offered'), { reason: 'home_municipality_not_offered' });
  }

  let number: ParsedIdentityNumber | null = null;
  try {
    if (input.identity.kind === 'number') {
      number = parseOrRefuse(input.identity.identityNumber, 'body.identity.identityNumber', now);
      if (number.kind === 'reservnummer') throw invalid('body.identity.identityNumber', 'reserve_number_given_by_samsyn');
    } else if (input.identity.birthDate > stockholmDate(now)) {
      throw invalid('body.identity.birthDate', 'identity_number_future');
    }
    const guardianNumbers = input.guardians.map((g, i) => parseOrRefuse(g.identityNumber, `body.guardians.${i}.identityNumber`, now).normalized);
    guardianNumbers.forEach((n, i) => {
      if (n === number?.normalized) throw invalid(`body.guardians.${i}.identityNumber`, 'guardian_is_child');
      if (guardianNumbers.indexOf(n) !== i) throw invalid(`body.guardians.${i}.identityNumber`, 'guardian_twice');
    });
    if (input.schoolUnitId) {
      const school = await db.selectFrom('unit').select('id').where('id', '=', input.schoolUnitId).where('active', '=', true).where('sector', 'in', ['preschool', 'school']).executeTakeFirst();
      if (!school) throw invalid('body.schoolUnitId', 'not_a_school_unit');
    }
    const guardians = input.guardians.map((g, i) => ({ ...g, identityNumber: guardianNumbers[i]! }));

    const created = await db.transaction().execute(async (trx) => {
      const identity = number ?? (await nextReserveNumber(trx, input.identity.kind === 'reserve' ? input.identity.birthDate : ''));
      const existing = await trx.selectFrom('child').select('id').where('identity_number', '=', identity.normalized).executeTakeFirst();
      // Nothing about the existing record leaves here: the searcher's own basis decides what the search shows.
      if (existing) return { exists: true as const };
      const child = await trx
        .insertInto('child')
        .values({
          identity_number: identity.normalized,
          identity_kind: identity.kind,
          given_name: input.givenName,
          family_name: input.familyName,
          birth_date: identity.birthDate,
          sex: identity.kind === 'reservnummer' ? (input.identity.kind === 'reserve' ? input.identity.sex : null) : identity.sex,
          street_address: input.streetAddress ?? null,
          postal_code: normalizePostalCode(input.postalCode),
          city: input.city ?? null,
          home_organisation_id: homeOrganisationId!,
          school_unit_id: input.schoolUnitId ?? null,
          protected_identity: input.protectedIdentity,
          created_by: actorFacts.userId,
          created_via: 'professional',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await linkGuardians(trx, child.id, guardians);
      await insertMember(trx, { childId: child.id, userId: actorFacts.userId, organisationId: place.organisationId, unitId: place.unitId, role: input.role, basis: 'own_organisation', consentId: null, legalGroundCode: null, addedBy: actorFacts.userId, startsAt: now });
      await appendAudit(trx, [{
        ...base,
        subjectId: child.id,
        organisationId: place.organisationId,
        outcome: 'success',
        details: { category: 'record', basis: 'own_organisation', role: input.role, identityKind: identity.kind, homeOrganisationId, guardians: guardians.length, flagged: input.protectedIdentity !== null },
      }], now);
      return { exists: false as const, id: child.id, identity };
    });
    if (created.exists) throw new AppError('child_exists', { details: { reason: 'child_exists' } });
    return { id: created.id, identityNumber: formatIdentityNumber(created.identity.normalized), identityKind: created.identity.kind };
  } catch (error) {
    if (error instanceof AppError) await refuse(error, { reason: error.code === 'child_exists' ? 'child_exists' : 'invalid', ...(number ? { identityNumber: maskIdentityNumber(number.normalized) } : {}) });
    throw error;
  }
}

/** `12345` → `123 45`, as addresses are stored. */
export function normalizePostalCode(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/\s/g, '');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}

/** The first free reserve number for a birth date; the child's lock is not needed: the unique number is the guard. */
async function nextReserveNumber(trx: Transaction<DB>, birthDate: string): Promise<ParsedIdentityNumber & { kind: 'reservnummer' }> {
  const prefix = `${RESERVE_NUMBER_PREFIX}${birthDate.replaceAll('-', '')}`;
  const taken = new Set((await trx.selectFrom('child').select('identity_number').where('identity_number', 'like', `${prefix}%`).execute()).map((r) => r.identity_number));
  for (let sequence = 0; sequence <= MAX_RESERVE_SEQUENCE; sequence += 1) {
    const normalized = createReserveNumber({ birthDate, sequence });
    if (!taken.has(normalized)) return { ok: true, kind: 'reservnummer', normalized, birthDate, sex: null };
  }
  throw new AppError('conflict', { details: { reason: 'reserve_numbers_exhausted' } });
}
