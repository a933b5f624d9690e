import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  decideHandoverAnswer,
  decideHandoverBasis,
  decideHandoverBasisAtAcceptance,
  decideHandoverProposal,
  decideTeamAddition,
  endsAtHandover,
  handoverStatus,
  candidateQueryMinLength,
  possibleTeamBases,
  stockholmDate,
  type CareTeamAddInput,
  type CareTeamCandidate,
  type CareTeamCandidateList,
  type CareTeamEntry,
  type CareTeamMemberView,
  type HandoverInput,
  type HandoverRefusal,
  type HandoverStatus,
  type HandoverView,
  type PolicyChild,
  type TeamAdditionRefusal,
  type TeamBasisInput,
} from '@samsyn/core';
import { loadPolicyChild } from '../access/facts.ts';
import type { ChildAccess } from '../access/gate.ts';
import { canonicalId, decideEach, lockChild, logRefusal } from '../access/gate.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { findChildRow } from '../children/queries.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { invalid, refusal } from '../consent/refusals.ts';
import { legalGroundFacts } from '../legal-grounds/queries.ts';
import { currentDomainOfUnit } from '../secrecy-domains/queries.ts';
import {
  answerHandover,
  currentMembers,
  endMembers,
  handover,
  handoversAwaiting,
  handoversDecidedWith,
  insertHandover,
  insertMember,
  pendingHandoverExists,
  professionalPlaces,
  professionalRoles,
  professionalsMatching,
  teamOf,
  unitOf,
  type BasisColumns,
  type HandoverRow,
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
export function toMemberView(m: Pick<MemberFields, 'id' | 'user_id' | 'display_name' | 'title' | 'organisation_id' | 'organisation_name' | 'unit_name' | 'role' | 'basis' | 'starts_at' | 'ends_at'>): CareTeamMemberView {
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

const teamRefusals: Record<TeamAdditionRefusal, () => AppError> = {
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
async function basisFacts(db: Db, request: FastifyRequest, child: PolicyChild, basis: TeamBasisInput, now: Date) {
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
function basisColumns(basis: TeamBasisInput): BasisColumns {
  return {
    basis: basis.kind,
    consentId: basis.kind === 'consent' ? basis.consentId : null,
    legalGroundCode: basis.kind === 'legal_duty' ? basis.legalGroundCode : null,
  };
}

/** The basis a handover was proposed on. The table's checks keep the consent or ground beside its kind; a row without one would name nothing, and be refused. */
function storedBasis(h: Pick<HandoverRow, 'basis' | 'consent_id' | 'legal_ground_code'>): TeamBasisInput {
  switch (h.basis) {
    case 'own_organisation':
      return { kind: 'own_organisation' };
    case 'consent':
      return { kind: 'consent', consentId: h.consent_id ?? '' };
    case 'legal_duty':
      return { kind: 'legal_duty', legalGroundCode: h.legal_ground_code ?? '' };
  }
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

const handoverRefusals: Record<HandoverRefusal, () => AppError> = {
  not_named_person: () => refusal('forbidden', 'not_named_person'),
  not_receiver: () => refusal('forbidden', 'not_receiver'),
  receiver_not_professional_there: () => invalid('body.toOrganisationId', 'receiver_not_professional_there'),
  receiver_is_named_person: () => refusal('conflict', 'receiver_is_named_person'),
  handover_pending: () => refusal('conflict', 'handover_pending'),
  not_pending: () => refusal('conflict', 'not_pending'),
};

/**
 * The named person (or, with none, the lead professional) proposes the next named person, on the
 * basis the receiver will join the team on: weighed now by the rule of any addition, the
 * proposer as adder, and again when the receiver accepts.
 */
export async function proposeHandover(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: HandoverInput): Promise<HandoverView> {
  const proposer = access.membership;
  if (!proposer) throw refusal('forbidden', 'not_named_person');
  const receiverRoles = await professionalRoles(trx, input.toUserId);
  const receiverOrganisationIds = receiverRoles.map((r) => r.organisation_id);
  const receiverDomainId = receiverRoles.find((r) => r.organisation_id === input.toOrganisationId)?.secrecy_domain_id ?? null;
  const facts = await basisFacts(trx, request, access.child, input.basis, access.now);
  const id = await (async () => {
    const team = await currentMembers(trx, access.childId, access.now);
    const named = team.find((m) => m.role === 'named_person');
    const decision = decideHandoverProposal({
      proposer: { userId: proposer.userId, teamRole: proposer.role },
      currentNamedPersonUserId: named?.user_id ?? null,
      receiver: { userId: input.toUserId, professionalOrganisationIds: receiverOrganisationIds },
      toOrganisationId: input.toOrganisationId,
      pendingExists: await pendingHandoverExists(trx, access.childId),
    });
    if (!decision.ok) throw handoverRefusals[decision.reason]();
    const basis = decideHandoverBasis({
      ...facts,
      adderOrganisationId: proposer.organisationId,
      candidate: { userId: input.toUserId, organisationId: input.toOrganisationId, professionalOrganisationIds: receiverOrganisationIds, domainId: receiverDomainId },
      currentTeam: team.map((m) => ({ userId: m.user_id, role: m.role })),
    });
    if (!basis.ok) throw teamRefusals[basis.reason]();
    const handoverId = await insertHandover(trx, {
      childId: access.childId,
      lifeStage: input.lifeStage,
      fromUserId: named?.user_id ?? null,
      toUserId: input.toUserId,
      toOrganisationId: input.toOrganisationId,
      ...basisColumns(input.basis),
      note: input.note ?? null,
      proposedBy: access.actor.userId,
      proposedAt: access.now,
    });
    const proposed = { toUserId: input.toUserId, toOrganisationId: input.toOrganisationId, lifeStage: input.lifeStage, basis: input.basis };
    await access.logWrite(trx, { handoverId, proposed });
    return handoverId;
  })();
  const row = await handover(trx, id);
  if (!row) throw new AppError('not_found');
  return toHandoverView(row, null);
}

function toHandoverView(h: HandoverRow, childName: HandoverView['childName']): HandoverView {
  const acceptedAt = h.accepted_at ? new Date(h.accepted_at) : null;
  const declinedAt = h.declined_at ? new Date(h.declined_at) : null;
  return {
    id: h.id,
    childId: h.child_id,
    childName,
    lifeStage: h.life_stage,
    from: h.from_user_id ? { id: h.from_user_id, displayName: h.from_name ?? '' } : null,
    to: { id: h.to_user_id, displayName: h.to_name },
    toOrganisation: { id: h.to_organisation_id, name: h.to_organisation_name },
    basis: h.basis,
    consentId: h.consent_id,
    legalGroundCode: h.legal_ground_code,
    note: h.note,
    proposedBy: { id: h.proposed_by, displayName: h.proposed_by_name },
    proposedAt: iso(h.proposed_at),
    status: handoverStatus({ acceptedAt, declinedAt }),
    acceptedAt: acceptedAt?.toISOString() ?? null,
    declinedAt: declinedAt?.toISOString() ?? null,
  };
}

/**
 * The most decided handovers one listing shows: the recent ones a person needs to follow up;
 * each row asks the gate, and older ones stay in the child's team history.
 */
export const decidedLimit = 50;

/**
 * The caller's handovers: those waiting for their answer first, then the decided ones they took
 * part in. Every row names a child, so the gate is asked once per child (a listing) and each
 * child gets one entry for this request, allowed or refused. The child's name and the note (free
 * text about the child) show only where the gate lets the caller read the record; a pending
 * handover's note is addressed to its receiver, who is often not yet on the team, so they see it
 * too, and that look is logged as well (reason `handover_receiver`). A named person who has left
 * the team sees the child's id and life stage only.
 */
export async function callersHandovers(request: FastifyRequest, status: HandoverStatus | 'all'): Promise<HandoverView[]> {
  const { db } = request.server.services;
  const userId = requireActor(request.actor).userId;
  const rows = [
    ...(status === 'pending' || status === 'all' ? await handoversAwaiting(db, userId) : []),
    ...(status === 'pending' ? [] : await handoversDecidedWith(db, userId, status, decidedLimit)),
  ];
  const addressedToCaller = (h: HandoverRow) => h.to_user_id === userId && h.accepted_at === null && h.declined_at === null;
  const rowsOf = (childId: string) => rows.filter((h) => canonicalId(h.child_id) === childId);
  const answers = await decideEach(request, rows.map((h) => h.child_id), 'read', 'record', {
    auditAction: 'child.handover.list',
    detailsFor: (childId) => ({ handoverIds: rowsOf(childId).map((h) => h.id) }),
    areaBasis: (childId) => (rowsOf(childId).some(addressedToCaller) ? 'handover_receiver' : null),
  });
  return Promise.all(
    rows.map(async (h) => {
      const readable = answers.get(canonicalId(h.child_id))?.allow === true;
      const view = toHandoverView(h, readable ? await childName(request, h.child_id) : null);
      return { ...view, note: readable || addressedToCaller(h) ? view.note : null };
    }),
  );
}

async function childName(request: FastifyRequest, childId: string): Promise<HandoverView['childName']> {
  const child = await findChildRow(request.server.services.db, childId);
  // A protected identity never shows its name in a list.
  return child && child.protected_identity === null ? { givenName: child.given_name, familyName: child.family_name } : null;
}

/**
 * The receiver answers. Accepting ends the current named person's membership (and any earlier
 * membership of the receiver: a role change is end + add) and starts the receiver's as named
 * person for the receiving organisation, on the basis the handover was proposed on, when that
 * still holds. The receiver is often not yet in the team, so the gate cannot speak for them: the
 * handover is the basis. As for any write (see `withChildWrite`), the child's lock, the facts,
 * the decision, the change and its entry share one transaction, so a consent withdrawn an
 * instant before the acceptance is seen and the acceptance refused; a refusal is logged.
 */
export async function answer(request: FastifyRequest, handoverId: string, reply: 'accept' | 'decline'): Promise<HandoverView> {
  const { db, clock } = request.server.services;
  const actor = requireActor(request.actor);
  const found = await handover(db, handoverId);
  if (!found) throw new AppError('not_found');
  const action = `child.handover.${reply}` as const;
  let refusalDetails: Record<string, unknown> = {};
  try {
    await db.transaction().execute(async (trx) => {
      await lockChild(trx, found.child_id);
      const now = clock.now();
      const h = (await handover(trx, handoverId))!;
      const roles = await professionalRoles(trx, actor.userId);
      const decision = decideHandoverAnswer({
        actorUserId: actor.userId,
        answer: reply,
        handover: { toUserId: h.to_user_id, toOrganisationId: h.to_organisation_id, acceptedAt: h.accepted_at, declinedAt: h.declined_at },
        actorProfessionalOrganisationIds: roles.map((r) => r.organisation_id),
      });
      if (!decision.ok) {
        refusalDetails = { reason: decision.reason };
        throw handoverRefusals[decision.reason]();
      }
      const basis = storedBasis(h);
      if (reply === 'accept') {
        const holds = await basisHoldsAtAcceptance(trx, request, h, basis, roles, now);
        // The receiver stays out of the team and the handover waits: they decline it, and the
        // named person may propose again on a basis that holds.
        if (!holds.ok) {
          refusalDetails = { ...basisColumns(basis), reason: holds.reason };
          throw refusal('forbidden', 'handover_basis_lapsed');
        }
      }
      await applyAnswer(trx, request, h, reply, basis, roles, now);
    });
  } catch (error) {
    if (error instanceof AppError) await logRefusal(request, found.child_id, action, error, { category: 'care_team', handoverId, ...refusalDetails }, found.to_organisation_id);
    throw error;
  }
  const row = await handover(db, handoverId);
  if (!row) throw new AppError('not_found');
  return toHandoverView(row, null);
}

async function applyAnswer(trx: Transaction<DB>, request: FastifyRequest, h: HandoverRow, reply: 'accept' | 'decline', basis: TeamBasisInput, roles: Awaited<ReturnType<typeof professionalRoles>>, now: Date): Promise<void> {
  const actor = requireActor(request.actor);
  const base = { ...auditFrom(request), action: `child.handover.${reply}` as const, subjectType: 'child', subjectId: h.child_id, organisationId: h.to_organisation_id };
  if (!(await answerHandover(trx, h.id, reply, now))) throw refusal('conflict', 'not_pending');
  if (reply === 'decline') {
    await appendAudit(trx, [{ ...base, outcome: 'success', details: { category: 'care_team', ...basisColumns(basis), handoverId: h.id, declined: true } }], now);
    return;
  }
  const ending = (await currentMembers(trx, h.child_id, now)).filter((m) => endsAtHandover({ userId: m.user_id, role: m.role }, actor.userId)).map((m) => m.id);
  await endMembers(trx, ending, actor.userId, now);
  const memberId = await insertMember(trx, {
    childId: h.child_id,
    userId: actor.userId,
    organisationId: h.to_organisation_id,
    unitId: roles.find((r) => r.organisation_id === h.to_organisation_id)?.unit_id ?? null,
    role: 'named_person',
    ...basisColumns(basis),
    addedBy: h.proposed_by,
    startsAt: now,
  });
  const details = { category: 'care_team', ...basisColumns(basis), reason: 'named_person_handover', handoverId: h.id, endedMemberIds: ending, memberId, lifeStage: h.life_stage };
  await appendAudit(trx, [{ ...base, outcome: 'success', details }], now);
}

/**
 * Whether the basis a handover was proposed on still holds as the receiver accepts: a consent
 * may have been withdrawn or have run out since, a legal ground may have ceased to apply. Read
 * inside the accepting transaction, after the child's lock.
 */
async function basisHoldsAtAcceptance(trx: Transaction<DB>, request: FastifyRequest, h: HandoverRow, basis: TeamBasisInput, receiverRoles: Awaited<ReturnType<typeof professionalRoles>>, now: Date) {
  const receiverOrganisationIds = receiverRoles.map((r) => r.organisation_id);
  const domainId = receiverRoles.find((r) => r.organisation_id === h.to_organisation_id)?.secrecy_domain_id ?? null;
  const [child, team] = await Promise.all([loadPolicyChild(trx, h.child_id, h.to_user_id), currentMembers(trx, h.child_id, now)]);
  if (!child) throw new AppError('not_found');
  return decideHandoverBasisAtAcceptance({
    ...(await basisFacts(trx, request, child, basis, now)),
    candidate: { userId: h.to_user_id, organisationId: h.to_organisation_id, professionalOrganisationIds: receiverOrganisationIds, domainId },
    currentTeam: team.map((m) => ({ userId: m.user_id, role: m.role })),
  });
}
