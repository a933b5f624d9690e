import type { Kysely, Transaction } from 'kysely';
import {
  needsContentProblems,
  readableRevisions,
  revisionRefusal,
  stockholmDate,
  type EntryFacts,
  type NeedsAssessmentInput,
  type NeedsAssessmentList,
  type NeedsAssessmentSummary,
  type NeedsAssessmentView,
  type NeedsConfigVersion,
  type NeedsRevisionInput,
  type NeedsRevisionView,
} from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import type { ChildAccess } from '../access/gate.ts';
import { AppError } from '../http/errors.ts';
import { invalid, refusal } from '../consent/refusals.ts';
import { ownPlace } from '../wellbeing/service.ts';
import { assessmentHead, configVersionById, configVersionsByIds, insertAssessment, insertRevision, revisionsOf, type ConfigVersionRow, type RevisionRow } from './queries.ts';

/**
 * The needs assessment is an entry of the information category `wellbeing`, like the wheel's
 * assessments: the same consent ("wellbeing, concerns and the plan") shares it across domains,
 * and the emergency grounds that open the wheel open it.
 */
const category = 'wellbeing' as const;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function toConfigVersion(row: ConfigVersionRow): NeedsConfigVersion {
  return { id: row.id, version: row.version, content: row.content, note: row.note, createdAt: iso(row.created_at), createdBy: row.created_by_name ?? null };
}

/** Where and when a revision was written: what the gate weighs, as for a record entry. */
export function revisionFacts(r: Pick<RevisionRow, 'organisation_id' | 'secrecy_domain_id' | 'unit_id' | 'created_at'>): EntryFacts {
  return { organisationId: r.organisation_id, secrecyDomainId: r.secrecy_domain_id, unitId: r.unit_id, writtenAt: new Date(r.created_at) };
}

function toRevisionView(r: RevisionRow): NeedsRevisionView {
  return {
    id: r.id,
    revision: r.revision,
    status: r.status,
    configVersionId: r.config_version_id,
    configVersion: r.config_version,
    occurredOn: r.occurred_on,
    subAreas: r.content.subAreas,
    matrix: r.content.matrix,
    questions: r.content.questions,
    summary: r.summary,
    proposal: r.proposal,
    authorName: r.author_name,
    organisationName: r.organisation_name,
    createdAt: iso(r.created_at),
  };
}

/** The revisions of each assessment the caller may read, newest first; assessments with none are left out without a trace. */
function readableByAssessment(rows: readonly RevisionRow[], access: ChildAccess) {
  const groups = new Map<string, RevisionRow[]>();
  for (const r of rows) groups.set(r.assessment_id, [...(groups.get(r.assessment_id) ?? []), r]);
  return [...groups.values()].flatMap((group) => {
    const readable = readableRevisions(group, (r) => access.decide('read', category, revisionFacts(r)));
    return readable.length > 0 ? [readable] : [];
  });
}

/** Whether the caller may write one: a professional the gate lets write `wellbeing` (the family gives its view on the wheel instead). */
function mayRecord(access: ChildAccess): boolean {
  return access.actor.citizen === undefined && access.decide('write', category).allow;
}

function currentDomainOf(access: ChildAccess): string | null {
  try {
    return ownPlace(access).secrecyDomainId;
  } catch {
    return null;
  }
}

export async function listAssessments(db: Kysely<DB>, access: ChildAccess): Promise<NeedsAssessmentList> {
  const assessments = readableByAssessment(await revisionsOf(db, access.childId), access).map((readable): NeedsAssessmentSummary => {
    const latest = readable[0]!;
    const finals = readable.filter((r) => r.status === 'final');
    return {
      id: latest.assessment_id,
      status: latest.status,
      revision: latest.revision,
      occurredOn: latest.occurred_on,
      proposal: latest.proposal,
      summary: latest.summary,
      authorName: latest.author_name,
      organisationName: latest.assessment_organisation_name,
      secrecyDomainName: latest.secrecy_domain_name,
      configVersion: latest.config_version,
      createdAt: iso(readable.at(-1)!.created_at),
      updatedAt: iso(latest.created_at),
      finalisedAt: finals.length > 0 ? iso(finals.at(-1)!.created_at) : null,
      basis: latest.basis,
    };
  });
  assessments.sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.updatedAt.localeCompare(a.updatedAt));
  return { assessments, sharedFromOthers: access.sharedFromOtherDomains(category), mayRecord: mayRecord(access) };
}

/** One assessment as the caller may read it, with the configuration versions its revisions were made with; 404 when none is readable. */
export async function readAssessment(db: Kysely<DB> | Transaction<DB>, access: ChildAccess, assessmentId: string): Promise<NeedsAssessmentView> {
  const readable = readableByAssessment(await revisionsOf(db, access.childId, assessmentId), access)[0];
  if (!readable) throw new AppError('not_found');
  const configs = await configVersionsByIds(db, [...new Set(readable.map((r) => r.config_version_id))]);
  const latest = readable[0]!;
  return {
    id: assessmentId,
    secrecyDomainName: latest.secrecy_domain_name,
    organisationName: latest.assessment_organisation_name,
    revisions: readable.map(toRevisionView),
    configs: configs.map((c) => ({ id: c.id, version: c.version, content: c.content })),
    mayRevise: mayRecord(access) && currentDomainOf(access) === latest.secrecy_domain_id,
    basis: latest.basis,
  };
}

/** What every save checks: a professional's, dated between birth and today, in the words of a configuration version that exists. */
async function checkSave(trx: Transaction<DB>, access: ChildAccess, input: NeedsAssessmentInput | NeedsRevisionInput): Promise<void> {
  if (access.actor.citizen) throw new AppError('access_denied', { details: { reason: 'professionals_only' } });
  if (input.occurredOn > stockholmDate(access.now)) throw invalid('body.occurredOn', 'in_the_future');
  if (input.occurredOn < access.child.birthDate) throw invalid('body.occurredOn', 'before_birth');
  const config = await configVersionById(trx, input.configVersionId);
  if (!config) throw invalid('body.configVersionId', 'unknown_config_version');
  const problems = needsContentProblems(config.content, input);
  if (problems.length > 0) throw new AppError('validation_failed', { details: problems });
}

function revisionValues(input: NeedsAssessmentInput | NeedsRevisionInput) {
  return {
    status: input.status,
    configVersionId: input.configVersionId,
    occurredOn: input.occurredOn,
    content: { subAreas: input.subAreas, matrix: input.matrix, questions: input.questions },
    summary: input.summary,
    proposal: input.proposal,
  };
}

/** A new assessment, in the writer's own unit and secrecy domain, as its first revision, inside the gate's write. */
export async function createAssessment(trx: Transaction<DB>, access: ChildAccess, input: NeedsAssessmentInput): Promise<NeedsAssessmentView> {
  await checkSave(trx, access, input);
  const place = ownPlace(access);
  const assessmentId = await insertAssessment(trx, { childId: access.childId, organisationId: place.organisationId, secrecyDomainId: place.secrecyDomainId, createdBy: access.actor.userId, at: access.now });
  const id = await insertRevision(trx, { ...revisionValues(input), assessmentId, childId: access.childId, revision: 1, ...place, authorId: access.actor.userId, at: access.now });
  await access.logWrite(trx, { category, assessmentId, revisionId: id, revision: 1, status: input.status, secrecyDomainId: place.secrecyDomainId });
  return readAssessment(trx, access, assessmentId);
}

/**
 * The next revision of an assessment (continuing a draft, making it final, or changing a final
 * one): only in the assessment's own domain, and only on its latest revision (409 otherwise).
 * Nothing earlier is changed. An assessment the writer cannot read is not found.
 */
export async function reviseAssessment(trx: Transaction<DB>, access: ChildAccess, assessmentId: string, input: NeedsRevisionInput): Promise<NeedsAssessmentView> {
  await checkSave(trx, access, input);
  const head = await assessmentHead(trx, access.childId, assessmentId);
  if (!head || readableByAssessment(await revisionsOf(trx, access.childId, assessmentId), access).length === 0) throw new AppError('not_found');
  const place = ownPlace(access);
  const refused = revisionRefusal(head, place, input.basedOn);
  if (refused === 'other_secrecy_domain') throw new AppError('access_denied', { details: { reason: refused } });
  if (refused === 'stale_version') throw refusal('conflict', refused);
  const revision = head.latestRevision + 1;
  const id = await insertRevision(trx, { ...revisionValues(input), assessmentId, childId: access.childId, revision, ...place, authorId: access.actor.userId, at: access.now });
  await access.logWrite(trx, { category, assessmentId, revisionId: id, revision, status: input.status, secrecyDomainId: place.secrecyDomainId });
  return readAssessment(trx, access, assessmentId);
}
