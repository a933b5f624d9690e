import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { administeredOrganisations, canAdministerOrganisation, isAdministrator, type KoladaOuLink } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom, deniedEntry } from '../audit/context.ts';
import { appendAudit } from '../audit/writer.ts';
import { AppError } from '../http/errors.ts';
import type { Actor } from '../http/types.ts';
import { findSchoolUnit, type SchoolUnit } from './queries.ts';
import { isUniqueViolation } from '../db/errors.ts';

/**
 * Which Kolada unit (ou) a school unit is (table school_unit_kolada_ou, migration 0038). Kolada's
 * ou list names no skolenhetskod, so an administrator of the school's organisation (or a system
 * administrator) says it once; the school profile then shows the unit's Kolada results. A
 * directory of units and Kolada ids: no child's data, so no child gate; each change is logged.
 */

type Db = Kysely<DB> | Transaction<DB>;

function links(db: Db) {
  return db
    .selectFrom('unit as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .leftJoin('school_unit_kolada_ou as k', 'k.unit_id', 'u.id')
    .select((eb) => [
      'u.id as unitId', 'u.name', 'u.organisation_id as organisationId', 'o.name as organisation', 'u.school_unit_code as schoolUnitCode', 'k.kolada_ou as koladaOu',
      eb.selectFrom('kolada_value as v').select((v) => v.fn.countAll<string>().as('n')).whereRef('v.ou', '=', 'k.kolada_ou').as('koladaValues'),
    ])
    .where('u.sector', '=', 'school');
}

const toLink = (r: { unitId: string; name: string; organisationId: string; organisation: string; schoolUnitCode: string | null; koladaOu: string | null; koladaValues: string | number | null }): KoladaOuLink => ({ ...r, koladaValues: Number(r.koladaValues ?? 0) });

/** The school units of the organisations the caller administers (all for a system administrator), by organisation and name. */
export async function koladaOuLinks(db: Kysely<DB>, actor: Actor): Promise<KoladaOuLink[]> {
  if (!isAdministrator(actor)) throw new AppError('forbidden');
  const scope = administeredOrganisations(actor);
  let q = links(db);
  if (scope !== 'all') q = q.where('u.organisation_id', 'in', scope);
  return (await q.orderBy('o.name').orderBy('u.name').execute()).map(toLink);
}

async function linkOf(db: Db, unitId: string): Promise<KoladaOuLink> {
  return toLink(await links(db).where('u.id', '=', unitId).executeTakeFirstOrThrow());
}

/**
 * The school unit an administrator of its organisation changes: 404 when it is no school unit,
 * 403 when not theirs. A refused change is logged as denied, under the action it tried.
 */
async function administeredSchool(request: FastifyRequest, actor: Actor, unitId: string, action: KoladaOuAction): Promise<SchoolUnit> {
  const school = await findSchoolUnit(request.server.services.db, unitId);
  if (!school) throw new AppError('not_found');
  if (!canAdministerOrganisation(actor, school.organisationId)) {
    throw new AppError('forbidden', { refusal: deniedEntry(request, action, { type: 'unit', id: unitId, organisationId: school.organisationId }, 'not_an_administrator') });
  }
  return school;
}

type KoladaOuAction = 'school.kolada_ou.set' | 'school.kolada_ou.remove';

const taken = (unitId: string) => new AppError('conflict', { details: [{ path: 'body.koladaOu', message: 'kolada_ou_taken', unitId }] });

/** Sets (or changes) a school unit's Kolada ou. One ou is one school: a second school asking for it gets 409. */
export async function setKoladaOu(request: FastifyRequest, actor: Actor, unitId: string, koladaOu: string): Promise<KoladaOuLink> {
  const { db, clock } = request.server.services;
  const school = await administeredSchool(request, actor, unitId, 'school.kolada_ou.set');
  const at = clock.now();
  try {
    return await db.transaction().execute(async (trx) => {
      const holder = await trx.selectFrom('school_unit_kolada_ou').select('unit_id').where('kolada_ou', '=', koladaOu).executeTakeFirst();
      if (holder && holder.unit_id !== unitId) throw taken(holder.unit_id);
      const before = await trx.selectFrom('school_unit_kolada_ou').select('kolada_ou').where('unit_id', '=', unitId).forUpdate().executeTakeFirst();
      await trx.insertInto('school_unit_kolada_ou').values({ unit_id: unitId, kolada_ou: koladaOu }).onConflict((oc) => oc.column('unit_id').doUpdateSet({ kolada_ou: koladaOu })).execute();
      await appendAudit(trx, [{ ...auditFrom(request), action: 'school.kolada_ou.set', subjectType: 'unit', subjectId: unitId, organisationId: school.organisationId, outcome: 'success', details: { before: before?.kolada_ou ?? null, after: koladaOu } }], at);
      return linkOf(trx, unitId);
    });
  } catch (error) {
    // Two schools asking for the same ou at once: the unique index decides, and the loser hears why.
    if (isUniqueViolation(error)) {
      const holder = await db.selectFrom('school_unit_kolada_ou').select('unit_id').where('kolada_ou', '=', koladaOu).executeTakeFirst();
      throw taken(holder?.unit_id ?? '');
    }
    throw error;
  }
}

/** Removes a school unit's Kolada ou; the profile then shows no Kolada results. Removing none changes nothing and logs nothing. */
export async function removeKoladaOu(request: FastifyRequest, actor: Actor, unitId: string): Promise<void> {
  const { db, clock } = request.server.services;
  const school = await administeredSchool(request, actor, unitId, 'school.kolada_ou.remove');
  const at = clock.now();
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('school_unit_kolada_ou').where('unit_id', '=', unitId).returning('kolada_ou').executeTakeFirst();
    if (!removed) return;
    await appendAudit(trx, [{ ...auditFrom(request), action: 'school.kolada_ou.remove', subjectType: 'unit', subjectId: unitId, organisationId: school.organisationId, outcome: 'success', details: { before: removed.kolada_ou, after: null } }], at);
  });
}
