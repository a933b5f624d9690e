import type { FastifyRequest } from 'fastify';
import { ageOn, approvalsWaitingFor, type AccessDecision, type PolicyActor, type PolicyChild, decidePlan, isFamilyStanding, planFieldsFor, proposedRevision, revisionState, sipContentsMissing, stockholmDate, type PlanAccessFacts, type PlanContents, type PlanDecision, type PlanRevisionView, type PlanSummary, type PlanView } from '@samsyn/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { readsOlderRevisions, revisionShown } from './revision-history.ts';
import { approvalsOf, guardiansOf, planFacts, planStatus, principalNames, revisionOf, revisionPage, revisionsOf, userNames, type PlanRow, type RevisionRow } from './queries.ts';

type Db = Kysely<DB> | Transaction<DB>;
const iso = (d: Date | string) => new Date(d).toISOString();

/** What the plan's views need of the gate's answer: a read's access, or an action's (the family's approval). */
export interface PlanGateAnswer {
  childId: string;
  actor: PolicyActor;
  child: PolicyChild;
  now: Date;
  decision: AccessDecision;
}

/** The plan rule's facts from the gate's access: the same facts and instant the gate decided on. */
export function planAccessFacts(request: FastifyRequest, access: Omit<PlanGateAnswer, 'childId'>): PlanAccessFacts {
  return { actor: access.actor, child: access.child, now: access.now, rules: request.server.services.config.consentRules, record: access.decision };
}

export type ReadableDecision = Extract<PlanDecision, { read: true }>;

/** A plan as a list shows it, with the head's title and follow-up date and a SIP's missing contents. */
export function toSummary(row: PlanRow, decision: ReadableDecision): PlanSummary {
  const facts = planFacts(row);
  const head = row.head_contents as PlanContents;
  const family = isFamilyStanding(decision.standing);
  const fields = planFieldsFor(decision.standing);
  // Nothing of a draft's contents reaches the family, not even its title (`family_preparing`).
  const contents = fields.includes('contents');
  // The family sees the plan as it stands in force; the team sees the head it works on.
  return {
    id: row.id,
    kind: row.kind,
    status: planStatus(row),
    title: contents ? head.title : '',
    consentId: row.consent_id,
    organisationName: row.organisation_name,
    secrecyDomainName: row.secrecy_domain_name,
    createdAt: iso(row.created_at),
    establishedAt: row.established_at ? iso(row.established_at) : null,
    closedAt: row.closed_at ? iso(row.closed_at) : null,
    closeReason: row.close_reason,
    closeNote: row.close_note,
    headRevision: row.head_revision,
    inForceRevision: row.in_force_revision,
    proposedRevision: proposedRevision(facts),
    nextFollowUpOn: contents ? head.nextFollowUpOn : null,
    missingSipContents: family ? [] : sipContentsMissing(row.kind, head),
    actions: decision.actions,
    fields,
  };
}

/**
 * The whole plan as the caller may read it: each revision decided by the gate on where and when
 * it was written (the team), or the revision in force and the proposal (the family). The
 * family's answers are shown by relation only, never by name.
 */
export async function toPlanView(db: Db, request: FastifyRequest, access: PlanGateAnswer, row: PlanRow, decision: ReadableDecision, readable?: (revision: RevisionRow) => boolean): Promise<PlanView> {
  const f = planAccessFacts(request, access);
  const facts = planFacts(row);
  // The newest revisions and the one in force: older ones are read a page at a time (revision-history.ts).
  const window = { from: Math.max(1, row.head_revision - revisionPage + 1), to: row.head_revision, also: row.in_force_revision };
  const [revisions, approvals, guardians] = await Promise.all([revisionsOf(db, row.id, window), approvalsOf(db, row.id), guardiansOf(db, access.childId)]);
  const family = isFamilyStanding(decision.standing);
  const fields = planFieldsFor(decision.standing);
  const shown = revisions.filter(revisionShown(f, facts, decision, readable));
  const contents = await contentsShown(db, row, shown);
  const proposal = proposedRevision(facts);
  const age = ageOn(access.child.birthDate, stockholmDate(access.now));
  const ofProposal = approvals.filter((a) => a.revision === proposal).map((a) => ({ by: a.given_as, guardianId: a.guardian_id, decision: a.decision }));
  const waitingFor = proposal === null ? [] : approvalsWaitingFor({ guardianIds: guardians.map((g) => g.id), childAge: age }, ofProposal, f.rules);
  // The family is told who leads: the named planning lead, else the one who started the plan.
  const lead = family ? (facts.planningLeadUserId ?? facts.createdBy) : facts.planningLeadUserId;
  const [names, principals] = await Promise.all([userNames(db, lead ? [lead] : []), fields.includes('principals') ? principalsOf(db, access, row) : []]);
  return {
    ...toSummary(row, decision),
    revisions: shown.map((r) => ({ ...revisionView(r, revisionState(facts, r.number)), contents: contents.get(r.number) ?? null })),
    olderRevisionsBefore: window.from > 1 && readsOlderRevisions(decision) ? window.from : null,
    approvals: approvals.filter((a) => fields.includes('contents') && (!family || a.revision === proposal || a.revision === facts.inForceRevision)).map((a) => ({ revision: a.revision, by: a.given_as, decision: a.decision, comment: a.comment, at: iso(a.at) })),
    waitingFor,
    planningLeadName: lead ? (names.get(lead) ?? null) : null,
    principals,
  };
}

/** A revision as the views show it, without its contents. */
export function revisionView(r: RevisionRow, state: PlanRevisionView['state']): Omit<PlanRevisionView, 'contents'> {
  return { number: r.number, basedOn: r.based_on, state, savedAt: iso(r.saved_at), authorName: r.author_name, organisationName: r.organisation_name, secrecyDomainName: r.secrecy_domain_name, note: r.note };
}

/**
 * Which of the shown revisions carry their contents in the plan's view: the head (its contents
 * come with the plan's row), the one in force (and so the proposal, which is the head), and, where
 * the caller may read neither, the newest they may read. Any other is read on its own
 * (GET …/revisions/{number}), so a plan's view does not grow with its history.
 */
async function contentsShown(db: Db, row: PlanRow, shown: readonly RevisionRow[]): Promise<Map<number, PlanContents>> {
  const contents = new Map<number, PlanContents>();
  for (const r of shown) {
    if (r.number === row.head_revision) contents.set(r.number, row.head_contents as PlanContents);
    else if (r.contents !== null) contents.set(r.number, r.contents as PlanContents);
  }
  const newest = shown[0];
  if (contents.size === 0 && newest) {
    const read = await revisionOf(db, row.id, newest.number);
    if (read) contents.set(newest.number, read.contents as PlanContents);
  }
  return contents;
}

/** The principals taking part, for the family: the organisations the plan's consent names, by itself or through a secrecy domain. */
async function principalsOf(db: Db, access: PlanGateAnswer, row: PlanRow): Promise<string[]> {
  const consent = access.child.consents.find((c) => c.id === row.consent_id);
  return consent ? principalNames(db, consent.organisationIds, consent.domainIds) : [];
}

/** The plan's rule on one row, on the gate's facts. */
export function decideRow(request: FastifyRequest, access: Omit<PlanGateAnswer, 'childId'>, row: PlanRow): PlanDecision {
  return decidePlan(planAccessFacts(request, access), planFacts(row));
}
