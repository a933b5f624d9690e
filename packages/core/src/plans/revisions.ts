import type { ConsentRules } from '../access/consent.ts';
import { missingSipContents, type SipContent } from './sip-contents.ts';
import type { PlanContents, PlanKind, PlanRevisionRead, PlanStatus, PlanView, RevisionState } from './schema.ts';

/**
 * Revisions and the family's approval. Every save is kept as a revision of the whole plan; the
 * plan's row only points at its head and at the revision in force. What a revision *is* (draft,
 * in force, proposed, superseded) is derived from those pointers, never stored.
 */

export interface RevisionPointers {
  status: PlanStatus;
  headRevision: number;
  inForceRevision: number | null;
}

export function revisionState(plan: RevisionPointers, revision: number): RevisionState {
  if (plan.inForceRevision === null) return plan.status === 'draft' && revision === plan.headRevision ? 'draft' : 'superseded';
  if (revision === plan.inForceRevision) return 'in_force';
  if (plan.status === 'established' && revision === plan.headRevision && revision > plan.inForceRevision) return 'proposed';
  return 'superseded';
}

/** A SIP's statutory contents as the plan holds them: needs, each principal's part, others' part, huvudansvar. */
/**
 * The revision `wanted` of a plan's view with its contents, or, where the view carries none for
 * it, the newest that it does carry (the view holds the contents of the head, the one in force
 * and, where the caller may read neither, the newest they may read).
 */
export function revisionWithContents(plan: Pick<PlanView, 'revisions'>, wanted: number): PlanRevisionRead | undefined {
  return carriedRevision(plan, (r) => r.number === wanted) ?? carriedRevision(plan, () => true);
}

/** The first revision of a plan's view that `which` picks and whose contents the view carries (the head's, the one in force's, the proposal's). */
export function carriedRevision(plan: Pick<PlanView, 'revisions'>, which: (r: PlanView['revisions'][number]) => boolean): PlanRevisionRead | undefined {
  return plan.revisions.find((r): r is PlanRevisionRead => r.contents !== null && which(r));
}

export function sipContentsMissing(kind: PlanKind, contents: PlanContents): SipContent[] {
  if (kind !== 'sip') return [];
  const of = (part: string) => contents.actions.filter((a) => a.part === part).map((a) => a.what);
  return missingSipContents({
    interventionsNeeded: contents.needs.map((n) => n.description),
    municipalityInterventions: of('municipality'),
    regionInterventions: of('region'),
    othersInterventions: of('others'),
    noOthersTakePart: contents.noOthersTakePart,
    overallResponsibility: contents.coordination.overallResponsibility,
  });
}

export interface FamilyFacts {
  /** The child's guardians (ids of guardian rows). */
  guardianIds: readonly string[];
  childAge: number;
}

export interface FamilyApproval {
  by: 'guardian' | 'child';
  guardianId: string | null;
  decision: 'approved' | 'commented';
}

/**
 * Who must still approve a proposed change, by the rules consent follows: under joint custody both
 * guardians (one, with `either_guardian` or a single guardian), no guardian from 18, and the child
 * from the age their own consent counts. A comment is not an approval.
 */
export function approvalsWaitingFor(family: FamilyFacts, approvals: readonly FamilyApproval[], rules: ConsentRules): ('guardian' | 'child')[] {
  const approved = approvals.filter((a) => a.decision === 'approved');
  const waiting: ('guardian' | 'child')[] = [];
  if (family.childAge < 18 && family.guardianIds.length > 0) {
    const guardiansApproved = new Set(approved.filter((a) => a.by === 'guardian' && a.guardianId !== null && family.guardianIds.includes(a.guardianId)).map((a) => a.guardianId));
    const needed = rules.jointCustody === 'either_guardian' ? 1 : family.guardianIds.length;
    if (guardiansApproved.size < needed) waiting.push('guardian');
  }
  if (family.childAge >= rules.childConsentFromAge && !approved.some((a) => a.by === 'child')) waiting.push('child');
  return waiting;
}

/** One difference between two revisions, by a path a reader can follow (`goals.g1.wording`). */
export interface PlanChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

type Item = { id: string } & Record<string, unknown>;
const lists = ['needs', 'goals', 'actions'] as const;

/**
 * What changed from `from` to `to`: the plan's own fields, and in its lists each item followed by
 * its id, so a goal moved in the list is not a change and a goal's new wording is one.
 */
export function diffPlanContents(from: PlanContents, to: PlanContents): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const key of ['title', 'childViews', 'guardianViews', 'noOthersTakePart', 'nextFollowUpOn'] as const) compare(key, from[key], to[key], changes);
  compare('coordination.overallResponsibility', from.coordination.overallResponsibility, to.coordination.overallResponsibility, changes);
  compare('coordination.planningLeadUserId', from.coordination.planningLeadUserId, to.coordination.planningLeadUserId, changes);
  for (const list of lists) {
    const before = new Map((from[list] as readonly Item[]).map((i) => [i.id, i]));
    const after = new Map((to[list] as readonly Item[]).map((i) => [i.id, i]));
    for (const [id, item] of before) if (!after.has(id)) changes.push({ path: `${list}.${id}`, kind: 'removed', before: item, after: null });
    for (const [id, item] of after) {
      const old = before.get(id);
      if (!old) {
        changes.push({ path: `${list}.${id}`, kind: 'added', before: null, after: item });
        continue;
      }
      for (const field of new Set([...Object.keys(old), ...Object.keys(item)])) if (field !== 'id') compare(`${list}.${id}.${field}`, old[field], item[field], changes);
    }
  }
  return changes;
}

function compare(path: string, before: unknown, after: unknown, into: PlanChange[]): void {
  if (!same(before ?? null, after ?? null)) into.push({ path, kind: 'changed', before: before ?? null, after: after ?? null });
}

/** Equal values: plain ones as they are, lists and objects whatever the order of their keys (most of a plan's fields are plain). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return stable(a) === stable(b);
}

/** JSON with sorted keys: PostgreSQL's jsonb gives an object's keys back in an order of its own. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
