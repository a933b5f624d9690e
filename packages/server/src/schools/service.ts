import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { countyArea, newcombeFromIntervals, schoolProfileAccess, stockholmDate, type AuditAction, type EstimateCell, type ProfileShare, type SchoolEstimateCell, type SchoolProfileReason, type SchoolProfileView, type SurveyGender } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { auditFrom } from '../audit/context.ts';
import { AppError } from '../http/errors.ts';
import { requireActor, type Actor } from '../http/types.ts';
import { estimates, schoolUnitEstimates, surveyIndicatorIndex } from '../surveys/service.ts';
import { findSchoolUnit, koladaOfMunicipality, koladaOfOu, listSchoolUnits, sectorsOfUnits, type SchoolUnit } from './queries.ts';

/**
 * A school unit's profile (issue 15, item 8): its pupils' survey results beside the municipality
 * and the county, its Kolada results, its own trend over the waves. The figures are the surveys'
 * own, suppressed as they are for analysts (the school's row of its municipality's schools table,
 * with the public table's hidden cells kept hidden), so a profile shows nothing an analyst could
 * not already see, and no set of profiles together gives a hidden cell away.
 */

/** The caller's roles as the profile's rule reads them: one query for all their units' sectors. */
async function profileRoles(db: Kysely<DB>, actor: Actor) {
  const sectors = await sectorsOfUnits(db, actor.roles.flatMap((r) => (r.unitId ? [r.unitId] : [])));
  return actor.roles.map((r) => ({ organisationId: r.organisationId, unitId: r.unitId, role: r.role, unitSector: r.unitId ? (sectors.get(r.unitId) ?? null) : null }));
}

async function accessOf(db: Kysely<DB>, actor: Actor, school: SchoolUnit): Promise<SchoolProfileReason> {
  return schoolProfileAccess(await profileRoles(db, actor), { unitId: school.unitId, organisationId: school.organisationId });
}

/**
 * The school the caller may open, or 404 (no such school unit) / 403 (not theirs). Every look and
 * every refusal is one entry in the log.
 */
export async function openSchool(request: FastifyRequest, unitId: string, action: AuditAction): Promise<{ school: SchoolUnit; reason: SchoolProfileReason }> {
  const { db, audit } = request.server.services;
  const actor = requireActor(request.actor);
  const school = await findSchoolUnit(db, unitId);
  if (!school) throw new AppError('not_found');
  const reason = await accessOf(db, actor, school);
  const entry = { ...auditFrom(request), action, subjectType: 'unit', subjectId: school.unitId, organisationId: school.organisationId };
  if (!reason) {
    await audit.append({ ...entry, outcome: 'denied', details: { reason: 'not_school_staff' } });
    throw new AppError('forbidden');
  }
  await audit.append({ ...entry, outcome: 'success', details: { reason } });
  return { school, reason };
}

/** The school units whose profile the caller may open (the same rule as `openSchool`). */
export async function openableSchools(db: Kysely<DB>, actor: Actor): Promise<SchoolUnit[]> {
  // Two queries however many schools: the list and the caller's units; the rule decides each in memory.
  const [all, roles] = await Promise.all([listSchoolUnits(db), profileRoles(db, actor)]);
  return all.filter((school) => schoolProfileAccess(roles, { unitId: school.unitId, organisationId: school.organisationId }) !== null);
}

const share = (c: EstimateCell | SchoolEstimateCell | undefined): ProfileShare => {
  if (!c) return { suppressed: true, reason: 'too_few' };
  return c.suppressed ? { suppressed: true, reason: c.reason } : { suppressed: false, proportion: c.proportion, lower: c.lower, upper: c.upper, respondents: c.respondents };
};

async function surveyPart(db: Kysely<DB>, school: SchoolUnit, threshold: number): Promise<SchoolProfileView['survey']> {
  const out: SchoolProfileView['survey'] = [];
  for (const indicator of await surveyIndicatorIndex(db)) {
    const view = await estimates(db, { indicator: indicator.id, grade: 'all' }, { threshold });
    const schoolCells = school.municipalityCode && school.schoolUnitCode ? (await schoolUnitEstimates(db, { indicator: indicator.id, municipality: school.municipalityCode }, { threshold })).cells.filter((c) => c.schoolUnit === school.schoolUnitCode) : [];
    const cellsOf = (year: number, gender: SurveyGender) => ({
      school: share(schoolCells.find((c) => c.year === year && c.gender === gender)),
      municipality: share(school.municipalityCode ? view.cells.find((c) => c.year === year && c.gender === gender && c.area === school.municipalityCode) : undefined),
      county: share(view.cells.find((c) => c.year === year && c.gender === gender && c.area === countyArea)),
    });
    const waves = view.years.map((year) => ({ year, ...cellsOf(year, 'T'), genders: (['K', 'M'] as const).map((gender) => ({ gender, ...cellsOf(year, gender) })) }));
    out.push({
      id: indicator.id,
      nameSv: indicator.nameSv,
      nameEn: indicator.nameEn,
      direction: indicator.direction as 'higher_is_better' | 'lower_is_better',
      priorityArea: indicator.priorityArea,
      waves: waves.map((w, i) => {
        const before = waves[i - 1];
        const change = before && !w.school.suppressed && !before.school.suppressed ? { fromYear: before.year, ...newcombeFromIntervals(w.school, before.school) } : null;
        return { ...w, change };
      }),
    });
  }
  return out;
}

async function koladaPart(db: Kysely<DB>, school: SchoolUnit): Promise<SchoolProfileView['kolada']> {
  if (!school.koladaOu) return [];
  const values = await koladaOfOu(db, school.koladaOu);
  const kpis = [...new Set(values.map((v) => v.kpi))];
  const municipal = school.municipalityCode ? await koladaOfMunicipality(db, school.municipalityCode, kpis) : new Map();
  return kpis.map((kpi) => {
    const rows = values.filter((v) => v.kpi === kpi);
    return { kpi, title: rows[0]!.title, years: rows.map((r) => ({ period: r.period, school: { value: r.value, status: r.status }, municipality: municipal.get(`${kpi}|${r.period}`) ?? null })) };
  });
}

export async function schoolProfile(request: FastifyRequest, school: SchoolUnit): Promise<SchoolProfileView> {
  const { db, config, clock } = request.server.services;
  const municipality = school.municipalityCode ? { code: school.municipalityCode, name: school.organisation } : null;
  return {
    school: { unitId: school.unitId, name: school.name, schoolUnitCode: school.schoolUnitCode, koladaOu: school.koladaOu, organisation: school.organisation, municipality },
    threshold: config.suppressionThreshold,
    survey: await surveyPart(db, school, config.suppressionThreshold),
    kolada: await koladaPart(db, school),
    generatedOn: stockholmDate(clock.now()),
  };
}
