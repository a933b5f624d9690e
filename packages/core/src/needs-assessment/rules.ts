import type { AccessBasis } from '../children/schema.ts';
import { subAreasOf, type NeedsConfigContent } from './config.ts';
import { matrixQuadrants, type NeedsAssessmentContent, type NeedsStatus } from './schema.ts';

/** Why the content does not fit the configuration version it names (the server answers 400 with these). */
export function needsContentProblems(config: Pick<NeedsConfigContent, 'sides'>, content: Pick<NeedsAssessmentContent, 'subAreas' | 'matrix'>): { path: string; message: string }[] {
  const known = new Set(subAreasOf(config).map((s) => s.code));
  const problems = content.subAreas.flatMap((a, i) => (known.has(a.code) ? [] : [{ path: `body.subAreas.${i}.code`, message: 'unknown_sub_area' }]));
  for (const q of matrixQuadrants) {
    content.matrix[q].factors.forEach((code, k) => {
      if (!known.has(code)) problems.push({ path: `body.matrix.${q}.factors.${k}`, message: 'unknown_sub_area' });
    });
  }
  return problems;
}

/**
 * The revisions of one assessment a reader sees, each decided by the gate as an entry of where and
 * when it was written. A draft is the writer's domain's work in progress: it is read inside that
 * domain (basis `own_organisation`) and never shared further, by consent or emergency access, until
 * it is made final. Newest first, as given.
 */
export function readableRevisions<T extends { status: NeedsStatus }>(revisions: readonly T[], decide: (revision: T) => { allow: boolean; basis: AccessBasis | null }): (T & { basis: AccessBasis })[] {
  return revisions.flatMap((r) => {
    const d = decide(r);
    if (!d.allow || d.basis === null) return [];
    if (r.status === 'draft' && d.basis !== 'own_organisation') return [];
    return [{ ...r, basis: d.basis }];
  });
}

/**
 * Why a new revision cannot be saved on `basedOn`, or null when it can: it must be written in the
 * assessment's own secrecy domain (history stays one domain's entry) and on the latest revision,
 * so two writers never overwrite each other's work unseen.
 */
export function revisionRefusal(assessment: { secrecyDomainId: string; latestRevision: number }, writer: { secrecyDomainId: string | null }, basedOn: number): 'other_secrecy_domain' | 'stale_version' | null {
  if (writer.secrecyDomainId !== assessment.secrecyDomainId) return 'other_secrecy_domain';
  if (basedOn !== assessment.latestRevision) return 'stale_version';
  return null;
}
