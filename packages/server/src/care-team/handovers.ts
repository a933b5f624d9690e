import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  decideHandoverAnswer,
  decideHandoverBasis,
  decideHandoverBasisAtAcceptance,
  decideHandoverProposal,
  decideHandoverWithdrawal,
  endsAtHandover,
  handoverStatus,
  staysAsMember,
  type HandoverInput,
  type HandoverRefusal,
  type HandoverStatus,
  type HandoverView,
  type TeamBasisInput,
} from '@samsyn/core';
import { loadPolicyChild } from '../access/facts.ts';
import type { ChildAccess } from '../access/gate.ts';
import { decideEach, lockChild } from '../access/gate.ts';
import { canonicalId } from '../access/ids.ts';
import { logRefusal } from '../access/refusals.ts';
import { appendAudit } from '../audit/writer.ts';
import { auditFrom } from '../audit/context.ts';
import { findChildRow } from '../children/queries.ts';
import { AppError } from '../http/errors.ts';
import { requireActor } from '../http/types.ts';
import { invalid, refusal } from '../consent/refusals.ts';
import { addNotices, type NewNotice } from '../notices/service.ts';
import { currentMembers, endMembers, insertMember, professionalRoles } from './queries.ts';
import { decideHandover, handover, handoversDecidedWith, handoversPendingWith, insertHandover, pendingHandoverExists, type HandoverRow } from './handover-queries.ts';
import { basisColumns, basisFacts, teamRefusals } from './service.ts';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

const handoverRefusals: Record<HandoverRefusal, () => AppError> = {
  not_named_person: () => refusal('forbidden', 'not_named_person'),
  not_receiver: () => refusal('forbidden', 'not_receiver'),
  not_proposer: () => refusal('forbidden', 'not_proposer'),
  receiver_not_professional_there: () => invalid('body.toOrganisationId', 'receiver_not_professional_there'),
  previous_named_person_choice_required: () => invalid('body.previousNamedPerson', 'previous_named_person_choice_required'),
  receiver_is_named_person: () => refusal('conflict', 'receiver_is_named_person'),
  handover_pending: () => refusal('conflict', 'handover_pending'),
  not_pending: () => refusal('conflict', 'not_pending'),
};

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

/**
 * The named person (or, with none, the lead professional) proposes the next named person, on the
 * basis the receiver will join the team on: weighed now by the rule of any addition, the
 * proposer as adder, and again when the receiver accepts. The proposer says whether the named
 * person handing over stays on as a member. The receiver is told (a notice), in the same transaction.
 */
export async function proposeHandover(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, input: HandoverInput): Promise<HandoverView> {
  const proposer = access.membership;
  if (!proposer) throw refusal('forbidden', 'not_named_person');
  const receiverRoles = await professionalRoles(trx, input.toUserId);
  const receiverOrganisationIds = receiverRoles.map((r) => r.organisation_id);
  const receiverDomainId = receiverRoles.find((r) => r.organisation_id === input.toOrganisationId)?.secrecy_domain_id ?? null;
  const facts = await basisFacts(trx, request, access.child, input.basis, access.now);
  const team = await currentMembers(trx, access.childId, access.now);
  const named = team.find((m) => m.role === 'named_person');
  const decision = decideHandoverProposal({
    proposer: { userId: proposer.userId, teamRole: proposer.role },
    currentNamedPersonUserId: named?.user_id ?? null,
    receiver: { userId: input.toUserId, professionalOrganisationIds: receiverOrganisationIds },
    toOrganisationId: input.toOrganisationId,
    pendingExists: await pendingHandoverExists(trx, access.childId),
    previousNamedPerson: input.previousNamedPerson,
  });
  if (!decision.ok) throw handoverRefusals[decision.reason]();
  const basis = decideHandoverBasis({
    ...facts,
    adderOrganisationId: proposer.organisationId,
    candidate: { userId: input.toUserId, organisationId: input.toOrganisationId, professionalOrganisationIds: receiverOrganisationIds, domainId: receiverDomainId },
    currentTeam: team.map((m) => ({ userId: m.user_id, role: m.role })),
  });
  if (!basis.ok) throw teamRefusals[basis.reason]();
  const previousStaysMember = named ? input.previousNamedPerson === 'stays_member' : null;
  const handoverId = await insertHandover(trx, {
    childId: access.childId,
    lifeStage: input.lifeStage,
    fromUserId: named?.user_id ?? null,
    toUserId: input.toUserId,
    toOrganisationId: input.toOrganisationId,
    ...basisColumns(input.basis),
    note: input.note ?? null,
    previousStaysMember,
    proposedBy: access.actor.userId,
    proposedAt: access.now,
  });
  const proposed = { toUserId: input.toUserId, toOrganisationId: input.toOrganisationId, lifeStage: input.lifeStage, basis: input.basis, previousStaysMember };
  await access.logWrite(trx, { handoverId, proposed });
  const about = { childId: access.childId, subjectId: handoverId, actorId: access.actor.userId, details: { lifeStage: input.lifeStage } };
  const told: NewNotice[] = [{ ...about, recipientId: input.toUserId, kind: 'handover_proposed' }];
  // A named person who did not propose it themselves is told what was chosen for them.
  if (named && named.user_id !== access.actor.userId) told.push({ ...about, recipientId: named.user_id, kind: 'handover_proposed', details: { lifeStage: input.lifeStage, previousStaysMember } });
  await addNotices(trx, told, access.now);
  const row = await handover(trx, handoverId);
  if (!row) throw new AppError('not_found');
  return toHandoverView(row, null, access.actor.userId);
}

function toHandoverView(h: HandoverRow, childName: HandoverView['childName'], callerId: string): HandoverView {
  const acceptedAt = h.accepted_at ? new Date(h.accepted_at) : null;
  const declinedAt = h.declined_at ? new Date(h.declined_at) : null;
  const withdrawnAt = h.withdrawn_at ? new Date(h.withdrawn_at) : null;
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
    status: handoverStatus({ acceptedAt, declinedAt, withdrawnAt }),
    acceptedAt: acceptedAt?.toISOString() ?? null,
    declinedAt: declinedAt?.toISOString() ?? null,
    withdrawnAt: withdrawnAt?.toISOString() ?? null,
    withdrawnBy: h.withdrawn_by ? { id: h.withdrawn_by, displayName: h.withdrawn_by_name ?? '' } : null,
    previousStaysMember: h.previous_stays_member,
    proposedByCaller: h.proposed_by === callerId,
  };
}

/** The child's pending handover as its team sees it on the record (the gate allowed reading the team). */
export function pendingHandoverView(row: HandoverRow | undefined, access: ChildAccess): HandoverView | null {
  return row ? toHandoverView(row, null, access.actor.userId) : null;
}

/**
 * The most decided handovers one listing shows: the recent ones a person needs to follow up;
 * each row asks the gate, and older ones stay in the child's team history.
 */
export const decidedLimit = 50;

const isPending = (h: HandoverRow) => h.accepted_at === null && h.declined_at === null && h.withdrawn_at === null;

/**
 * The caller's handovers: the pending ones waiting for their answer or proposed by them, then the
 * decided ones they took part in. Every row names a child, so the gate is asked once per child (a
 * listing) and each child gets one entry for this request, allowed or refused. The child's name
 * and the note (free text about the child) show only where the gate allows: a member of the team
 * reads them, and so does the receiver of the child's pending handover, whose being proposed is
 * the basis (`handover`, purpose `handover_preview`) to see exactly the name, the life stage and
 * the note before answering; that look is logged like any other. A named person who has left the
 * team sees the child's id and life stage only.
 */
export async function callersHandovers(request: FastifyRequest, status: HandoverStatus | 'all'): Promise<HandoverView[]> {
  const { db } = request.server.services;
  const userId = requireActor(request.actor).userId;
  const rows = [
    ...(status === 'pending' || status === 'all' ? await handoversPendingWith(db, userId) : []),
    ...(status === 'pending' ? [] : await handoversDecidedWith(db, userId, status, decidedLimit)),
  ];
  const addressedToCaller = (h: HandoverRow) => h.to_user_id === userId && isPending(h);
  const rowsOf = (childId: string) => rows.filter((h) => canonicalId(h.child_id) === childId);
  const answers = await decideEach(request, rows.map((h) => h.child_id), 'read', 'record', {
    auditAction: 'child.handover.list',
    detailsFor: (childId) => ({ handoverIds: rowsOf(childId).map((h) => h.id) }),
    purposeFor: (childId) => (rowsOf(childId).some(addressedToCaller) ? 'handover_preview' : 'list'),
  });
  return Promise.all(
    rows.map(async (h) => {
      const readable = answers.get(canonicalId(h.child_id))?.allow === true;
      const view = toHandoverView(h, readable ? await childName(request, h.child_id) : null, userId);
      return { ...view, note: readable ? view.note : null };
    }),
  );
}

async function childName(request: FastifyRequest, childId: string): Promise<HandoverView['childName']> {
  const child = await findChildRow(request.server.services.db, childId);
  // A protected identity never shows its name in a list.
  return child && child.protected_identity === null ? { givenName: child.given_name, familyName: child.family_name } : null;
}

type Decision = 'accept' | 'decline' | 'withdraw';

/**
 * The receiver answers, or the proposer withdraws. Accepting ends the current named person's
 * membership (and any earlier membership of the receiver: a role change is end + add), starts the
 * named person's membership of the one handing over again as a member when that was chosen, and
 * starts the receiver's as named person, on the basis the handover was proposed on, when that still
 * holds. The receiver is often not yet in the team, so the gate cannot speak for them: the handover
 * is the basis. As for any write (see `withChildWrite`), the child's lock, the facts, the decision,
 * the change, its entry and its notices share one transaction; a refusal is logged.
 */
export async function decide(request: FastifyRequest, handoverId: string, reply: Decision): Promise<HandoverView> {
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
      const dates = { acceptedAt: h.accepted_at, declinedAt: h.declined_at, withdrawnAt: h.withdrawn_at };
      const roles = await professionalRoles(trx, actor.userId);
      const decision =
        reply === 'withdraw'
          ? decideHandoverWithdrawal({ actorUserId: actor.userId, handover: { ...dates, proposedBy: h.proposed_by } })
          : decideHandoverAnswer({
              actorUserId: actor.userId,
              answer: reply,
              handover: { ...dates, toUserId: h.to_user_id, toOrganisationId: h.to_organisation_id },
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
      await apply(trx, request, h, reply, basis, roles, now);
    });
  } catch (error) {
    if (error instanceof AppError) await logRefusal(request, found.child_id, action, error, { category: 'care_team', handoverId, ...refusalDetails }, found.to_organisation_id);
    throw error;
  }
  const row = await handover(db, handoverId);
  if (!row) throw new AppError('not_found');
  return toHandoverView(row, null, actor.userId);
}

async function apply(trx: Transaction<DB>, request: FastifyRequest, h: HandoverRow, reply: Decision, basis: TeamBasisInput, roles: Awaited<ReturnType<typeof professionalRoles>>, now: Date): Promise<void> {
  const actor = requireActor(request.actor);
  const base = { ...auditFrom(request), action: `child.handover.${reply}` as const, subjectType: 'child', subjectId: h.child_id, organisationId: h.to_organisation_id };
  if (!(await decideHandover(trx, h.id, reply, now, actor.userId))) throw refusal('conflict', 'not_pending');
  const about = { childId: h.child_id, subjectId: h.id, actorId: actor.userId, details: { lifeStage: h.life_stage } };
  // The proposer and the named person handing over hear of the answer; the receiver of a withdrawal.
  const involved = [...new Set([h.proposed_by, h.from_user_id, ...(reply === 'withdraw' ? [h.to_user_id] : [])].filter((u): u is string => u !== null))];
  if (reply !== 'accept') {
    const details = reply === 'decline' ? { category: 'care_team', handoverId: h.id, declined: true, ...basisColumns(basis) } : { category: 'care_team', handoverId: h.id, withdrawn: true };
    await appendAudit(trx, [{ ...base, outcome: 'success', details }], now);
    await addNotices(trx, involved.map((recipientId) => ({ ...about, recipientId, kind: reply === 'decline' ? 'handover_declined' : 'handover_withdrawn' })), now);
    return;
  }
  const previous = { receiverUserId: actor.userId, previousUserId: h.from_user_id, previousStaysMember: h.previous_stays_member };
  const endingRows = (await currentMembers(trx, h.child_id, now)).filter((m) => endsAtHandover({ userId: m.user_id, role: m.role }, actor.userId));
  const ending = endingRows.map((m) => m.id);
  await endMembers(trx, ending, actor.userId, now);
  // The named person handing over stays as a member when that was chosen: a role change is an end and an add.
  const staying = endingRows.find((m) => staysAsMember({ userId: m.user_id, role: m.role }, previous));
  const stayedMemberId = staying
    ? await insertMember(trx, {
        childId: h.child_id,
        userId: staying.user_id,
        organisationId: staying.organisation_id,
        unitId: staying.unit_id,
        role: 'member',
        basis: staying.basis,
        consentId: staying.consent_id,
        legalGroundCode: staying.legal_ground_code,
        addedBy: h.proposed_by,
        startsAt: now,
      })
    : null;
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
  const details = { category: 'care_team', ...basisColumns(basis), reason: 'named_person_handover', handoverId: h.id, endedMemberIds: ending, memberId, stayedMemberId, lifeStage: h.life_stage };
  await appendAudit(trx, [{ ...base, outcome: 'success', details }], now);
  const told: NewNotice[] = involved.map((recipientId) => ({ ...about, recipientId, kind: 'handover_accepted' }));
  if (h.from_user_id) told.push({ ...about, recipientId: h.from_user_id, kind: staying ? 'named_person_stays_member' : 'team_member_ended', details: { lifeStage: h.life_stage, previousStaysMember: staying !== undefined } });
  await addNotices(trx, told, now);
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
