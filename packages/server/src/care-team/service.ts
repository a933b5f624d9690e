import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  decideTeamAddition,
  candidateQueryMinLength,
  possibleTeamBases,
  stockholmDate,
  type CareTeamAddInput,
  type CareTeamCandidate,
  type CareTeamCandidateList,
  type CareTeamEntry,
  type CareTeamMemberView,
  type PolicyChild,
  type TeamAdditionRefusal,
  type TeamBasisInput,
} from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { invalid, refusal } from '../consent/refusals.ts';
import { legalGroundFacts } from '../legal-grounds/queries.ts';
import { currentDomainOfUnit } from '../secrecy-domains/queries.ts';
import {
  currentMembers,
  endMembers,
  insertMember,
  professionalPlaces,
  professionalRoles,
  professionalsMatching,
  teamOf,
  unitOf,
  type BasisColumns,
  type TeamRow,
} from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export async function listTeam(request: FastifyRequest, access: ChildAccess, history: boolean): Promise<CareTeamEntry[]> {
  const rows = await teamOf(request.server.services.db, access.childId, { history, now: access.now });
  return rows.map((m) => toEntry(m, access.now));
}

/** A membership from a plain row (timestamps as Date) or from JSON (as text). */
type MemberFields = Omit<TeamRow, 'starts_at' | 'ends_at'> & { starts_at: Date | string; ends_at: Date | string | null };

/** A membership as the child's record shows it. */
export function toMemberView(m: Pick<MemberFields, 'id' | 'user_id' | 'display_name' | 'title' | 'organisation_id' | 'organisation_name' | 'unit_name' | 'role' | 'basis' | 'starts_at' | 'ends_at' | 'basis_lapsed_on'>): CareTeamMemberView {
  return {
    id: m.id,
    userId: m.user_id,
    displayName: m.display_name,
    title: m.title,
    organisationId: m.organisation_id,
    organisationName: m.organisation_name,
    unitName: m.unit_name,
    role: m.role,
    basis: m.basis,
    startsAt: iso(m.starts_at),
    endsAt: m.ends_at ? iso(m.ends_at) : null,
    basisLapsedOn: m.basis_lapsed_on,
  };
}

/** A membership as the team page shows it: with its ground, whether it is current, and who changed it. */
function toEntry(m: TeamRow, now: Date): CareTeamEntry {
  return {
    ...toMemberView(m),
    unitId: m.unit_id,
    consentId: m.consent_id,
    legalGroundCode: m.legal_ground_code,
    current: new Date(m.starts_at) <= now && (m.ends_at === null || now < new Date(m.ends_at)),
    addedBy: m.added_by ? { id: m.added_by, displayName: m.added_by_name ?? '' } : null,
    endedBy: m.ended_by ? { id: m.ended_by, displayName: m.ended_by_name ?? '' } : null,
  };
}

export const teamRefusals: Record<TeamAdditionRefusal, () => AppError> = {
  not_a_professional_there: () => invalid('body.organisationId', 'not_a_professional_there'),
  unknown_consent: () => invalid('body.basis.consentId', 'unknown_consent'),
  unknown_legal_ground: () => invalid('body.basis.legalGroundCode', 'unknown_legal_ground'),
  already_in_team: () => refusal('conflict', 'already_in_team'),
  role_taken: () => refusal('conflict', 'role_taken'),
  own_organisation_mismatch: () => refusal('forbidden', 'own_organisation_mismatch'),
  consent_does_not_cover: () => refusal('forbidden', 'consent_does_not_cover'),
  legal_ground_not_applicable: () => refusal('forbidden', 'legal_ground_not_applicable'),
};

/**
 * What a basis is weighed on besides the people: the consent it names (only this child's), the
 * legal ground, the child, the rules and the clock. Read before the change's transaction opens.
 */
export async function basisFacts(db: Db, request: FastifyRequest, child: PolicyChild, basis: TeamBasisInput, now: Date) {
  const { config } = request.server.services;
  return {
    basis,
    consent: basis.kind === 'consent' ? child.consents.find((c) => c.id === basis.consentId) : undefined,
    legalGround: basis.kind === 'legal_duty' ? await legalGroundFacts(db, basis.legalGroundCode) : undefined,
    child: { birthDate: child.birthDate, guardianCount: child.guardianCount },
    rules: config.consentRules,
    now,
    today: stockholmDate(now),
  };
}

/** A basis as a membership or a handover stores it. */
export function basisColumns(basis: TeamBasisInput): BasisColumns {
  return {
    basis: basis.kind,
    consentId: basis.kind === 'consent' ? basis.consentId : null,
    legalGroundCode: basis.kind === 'legal_duty' ? basis.legalGroundCode : null,
  };
}

/** Adds a member when the rule in core allows it, inside the gate's locked transaction (see `withChildWrite`). */
export async function addMember(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: CareTeamAddInput): Promise<CareTeamEntry> {
  const adder = access.membership;
  if (!adder) throw refusal('forbidden', 'not_in_care_team');
  const roles = await professionalRoles(trx, input.userId);
  if (input.unitId) {
    const unit = await unitOf(trx, input.unitId);
    if (unit?.organisation_id !== input.organisationId) throw invalid('body.unitId', 'unit_not_in_organisation');
  }
  const unitId = input.unitId ?? roles.find((r) => r.organisation_id === input.organisationId)?.unit_id ?? null;
  const domainId = await currentDomainOfUnit(trx, unitId);
  const facts = await basisFacts(trx, request, access.child, input.basis, access.now);
  const memberId = await (async () => {
    const team = await currentMembers(trx, access.childId, access.now);
    const decision = decideTeamAddition({
      ...facts,
      adderOrganisationId: adder.organisationId,
      candidate: { userId: input.userId, organisationId: input.organisationId, professionalOrganisationIds: roles.map((r) => r.organisation_id), domainId },
      role: input.role,
      currentTeam: team.map((m) => ({ userId: m.user_id, role: m.role })),
    });
    if (!decision.ok) throw teamRefusals[decision.reason]();
    const id = await insertMember(trx, {
      childId: access.childId,
      userId: input.userId,
      organisationId: input.organisationId,
      unitId,
      role: input.role,
      ...basisColumns(input.basis),
      addedBy: access.actor.userId,
      startsAt: access.now,
    });
    await access.logWrite(trx, { memberId: id, added: { userId: input.userId, organisationId: input.organisationId, role: input.role, basis: input.basis } });
    return id;
  })();
  return memberView(trx, access.childId, memberId, access.now);
}

/** The most people one search shows: enough to pick from, too few to list a whole organisation. */
const candidateLimit = 20;

/**
 * Colleagues the named person or lead professional may add (or hand over to): active
 * professionals matching the text, each place they work with the bases open there, decided by
 * the same rule as the addition. The gate allowed a change of the team, which it does not log
 * until the change is made; a search changes nothing, so its answer is logged here.
 */
export async function findCandidates(request: FastifyRequest, access: ChildAccess, text: string): Promise<CareTeamCandidateList> {
  const adder = access.membership;
  if (!adder || adder.role === 'member') throw new AppError('access_denied', { details: { reason: 'not_team_coordinator' } });
  const found = text.length < candidateQueryMinLength ? { candidates: [], more: false } : await candidatesMatching(request, access, adder.organisationId, text);
  await access.logAllowed();
  return found;
}

async function candidatesMatching(request: FastifyRequest, access: ChildAccess, adderOrganisationId: string, text: string): Promise<CareTeamCandidateList> {
  const { db, config, clock } = request.server.services;
  // One more than is shown tells whether there are more: the answer says so, and the user narrows the search.
  const matching = await professionalsMatching(db, text, candidateLimit + 1);
  const people = matching.slice(0, candidateLimit);
  const places = await professionalPlaces(db, people.map((p) => p.id));
  const now = clock.now();
  const facts = { adderOrganisationId, child: { birthDate: access.child.birthDate, guardianCount: access.child.guardianCount }, rules: config.consentRules, now, today: stockholmDate(now), consents: access.child.consents };
  const team = new Set(access.child.careTeam.filter((m) => m.startsAt <= now && (m.endsAt === null || now < m.endsAt)).map((m) => m.userId));
  const candidates = people.map((p): CareTeamCandidate => {
    const own = places.filter((pl) => pl.user_id === p.id);
    const organisationIds = own.map((pl) => pl.organisation_id);
    return {
      userId: p.id,
      displayName: p.display_name,
      username: p.username,
      title: p.title,
      inTeam: team.has(p.id),
      places: own.map((pl) => ({
        organisationId: pl.organisation_id,
        organisationName: pl.organisation_name,
        unitId: pl.unit_id,
        unitName: pl.unit_name,
        bases: possibleTeamBases({ ...facts, candidate: { userId: p.id, organisationId: pl.organisation_id, professionalOrganisationIds: organisationIds, domainId: pl.secrecy_domain_id } }),
      })),
    };
  });
  return { candidates, more: matching.length > candidateLimit };
}

async function memberView(db: Db, childId: string, memberId: string, now: Date): Promise<CareTeamEntry> {
  const row = (await teamOf(db, childId, { history: true, now })).find((m) => m.id === memberId);
  if (!row) throw new AppError('not_found');
  return toEntry(row, now);
}

/** Ends a membership; the row stays as history with its end and who ended it. */
export async function endMember(trx: Transaction<DB>, access: ChildAccess, memberId: string): Promise<CareTeamEntry> {
  const member = (await teamOf(trx, access.childId, { history: true, now: access.now })).find((m) => m.id === memberId);
  if (!member) throw new AppError('not_found');
  if (member.ends_at !== null && new Date(member.ends_at) <= access.now) throw refusal('conflict', 'already_ended');
  await endMembers(trx, [memberId], access.actor.userId, access.now);
  await access.logWrite(trx, { memberId, ended: { userId: member.user_id, organisationId: member.organisation_id, role: member.role } });
  return memberView(trx, access.childId, memberId, access.now);
}

