import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { SecrecyDomainCreate, SecrecyDomainUpdate, SecrecyDomainView, Sector } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { organisationExists } from '../organisations/queries.ts';
import { assertAdministers } from '../units/routes.ts';
import { findUnit } from '../units/queries.ts';
import {
  domainNameTaken,
  domainsCoveringSectors,
  findDomain,
  insertDomain,
  listDomains,
  lockDomainsOf,
  lockCurrentPeriod,
  startPeriod,
  updateDomain,
  type DomainRow,
} from './queries.ts';

/**
 * The rules of administering secrecy domains. Only an administrator of the domain's organisation
 * (or a system administrator) may change it; every change is audited in its own transaction,
 * with what it was before and after.
 */

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', { details: [{ path, message }] });
}

/**
 * A sector names the domain new units of that sector join (see placeUnitsInDefaultDomains), so
 * no two domains of an organisation may cover the same sector: the administrator takes it from
 * one domain before giving it to another.
 */
async function assertSectorsFree(trx: Parameters<typeof domainsCoveringSectors>[0], organisationId: string, sectors: readonly Sector[], exceptId?: string): Promise<void> {
  const taken = await domainsCoveringSectors(trx, organisationId, sectors, exceptId);
  if (taken.length > 0) {
    const details = taken.map((d) => ({ path: 'body.sectors', message: `covered by ${d.name}`, domainId: d.id, sectors: d.sectors.filter((s) => sectors.includes(s)) }));
    throw new AppError('conflict', { details });
  }
}

const unique = (sectors: readonly Sector[]): Sector[] => [...new Set(sectors)];

function describe(d: Pick<DomainRow, 'name' | 'legal_reference' | 'sectors'>) {
  return { name: d.name, legalReference: d.legal_reference, sectors: d.sectors };
}

async function viewOf(db: Parameters<typeof listDomains>[0], id: string): Promise<SecrecyDomainView> {
  const [view] = await listDomains(db, 'all', id);
  if (!view) throw new AppError('not_found');
  return view;
}

export async function createDomain(db: Kysely<DB>, request: FastifyRequest, actor: Actor, body: SecrecyDomainCreate): Promise<SecrecyDomainView> {
  if (!(await organisationExists(db, body.organisationId))) throw invalid('body.organisationId', 'unknown organisation');
  assertAdministers(actor, body.organisationId);
  const input = { ...body, sectors: unique(body.sectors) };
  const now = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    await lockDomainsOf(trx, input.organisationId);
    if (await domainNameTaken(trx, input.organisationId, input.name)) throw new AppError('conflict', { details: [{ path: 'body.name' }] });
    await assertSectorsFree(trx, input.organisationId, input.sectors);
    const id = await insertDomain(trx, input, now);
    await appendAudit(trx, [
      { ...auditFrom(request), action: 'secrecy_domain.create', subjectType: 'secrecy_domain', subjectId: id, organisationId: input.organisationId, outcome: 'success', details: { after: { kind: input.kind, name: input.name, legalReference: input.legalReference, sectors: input.sectors } } },
    ], now);
    return viewOf(trx, id);
  });
}

export async function changeDomain(db: Kysely<DB>, request: FastifyRequest, actor: Actor, id: string, body: SecrecyDomainUpdate): Promise<SecrecyDomainView> {
  const existing = await findDomain(db, id);
  if (!existing) throw new AppError('not_found');
  assertAdministers(actor, existing.organisation_id);
  const patch = body.sectors === undefined ? body : { ...body, sectors: unique(body.sectors) };
  const now = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    await lockDomainsOf(trx, existing.organisation_id);
    if (patch.name !== undefined && (await domainNameTaken(trx, existing.organisation_id, patch.name, id))) throw new AppError('conflict', { details: [{ path: 'body.name' }] });
    if (patch.sectors !== undefined) await assertSectorsFree(trx, existing.organisation_id, patch.sectors, id);
    await updateDomain(trx, id, patch, now);
    const after = await findDomain(trx, id);
    if (!after) throw new AppError('not_found');
    await appendAudit(trx, [
      { ...auditFrom(request), action: 'secrecy_domain.update', subjectType: 'secrecy_domain', subjectId: id, organisationId: existing.organisation_id, outcome: 'success', details: { before: describe(existing), after: describe(after) } },
    ], now);
    return viewOf(trx, id);
  });
}

/**
 * Moves a unit into another domain of its organisation from now on. Entries already written keep
 * the domain they were written in, and the gate judges each reader by the domain their unit was
 * in when the entry was written: a move never opens earlier entries to anyone.
 */
export async function moveUnit(db: Kysely<DB>, request: FastifyRequest, actor: Actor, unitId: string, domainId: string): Promise<SecrecyDomainView> {
  const unit = await findUnit(db, unitId);
  if (!unit) throw new AppError('not_found');
  assertAdministers(actor, unit.organisationId);
  const target = await findDomain(db, domainId);
  if (!target || target.organisation_id !== unit.organisationId) throw invalid('body.secrecyDomainId', 'not a secrecy domain of the unit’s organisation');
  const now = request.server.services.clock.now();
  return db.transaction().execute(async (trx) => {
    const current = await lockCurrentPeriod(trx, unitId);
    if (current?.secrecy_domain_id === domainId) throw new AppError('conflict', { details: [{ path: 'body.secrecyDomainId', message: 'the unit is already in this domain' }] });
    // A period must have a length: a second move in the same instant (or with the clock set back) would rewrite history.
    if (current && current.valid_from.getTime() >= now.getTime()) throw new AppError('conflict', { details: [{ path: 'body.secrecyDomainId', message: 'the unit was moved at this very time' }] });
    const from = current ? await findDomain(trx, current.secrecy_domain_id) : undefined;
    await startPeriod(trx, unitId, domainId, now, actor.userId);
    await appendAudit(trx, [
      {
        ...auditFrom(request),
        action: 'unit.secrecy_domain.move',
        subjectType: 'unit',
        subjectId: unitId,
        organisationId: unit.organisationId,
        outcome: 'success',
        details: { before: from ? { secrecyDomainId: from.id, name: from.name } : null, after: { secrecyDomainId: target.id, name: target.name }, from: now.toISOString() },
      },
    ], now);
    return viewOf(trx, domainId);
  });
}
