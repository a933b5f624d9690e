import { countNotShown, facetsOf, infoCategories, latestAssessments, matchesFilters, notShownReasonOf, pageOf, sortEvents, stockholmDate, worksAtIntake, type AccessBasis, type AccessCategory, type AccessDecision, type ChildOverview, type ChronologyEvent, type ChronologyQuery, type ChronologyView, type NotShownReason } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import type { Actor } from '../http/types.ts';
import { readEvent, type ChronologySourceRow } from './columns.ts';
import type { LoadedChronology } from './queries.ts';

/** What the chronology may show of one event: the event with its basis, or why not and whether that is counted. */
export type Verdict = { shown: true; basis: AccessBasis } | { shown: false; counted: NotShownReason | null };
export type Judge = (row: ChronologySourceRow) => Verdict;

const infoSet: ReadonlySet<AccessCategory> = new Set(infoCategories);

/**
 * Each event decided as the record read decides its entries: by the gate's `decide`, on the
 * facts of this one read, with the entry's domain, unit and time of writing for an information
 * category. A report of concern is not the team's to read whatever their basis: its reporter sees
 * it, and intake staff at the unit it went to (reports/); to anyone else it is not there at all,
 * not even counted, since a count would tell the team, or the family, that someone has reported.
 */
export function gateJudge(access: ChildAccess, actor: Actor): Judge {
  const roles = actor.roles.map((r) => ({ role: r.role, unitId: r.unitId, grantedBy: r.grantedBy }));
  // The team's changes and the consents are decided by their category alone: the same question, the same answer.
  const byCategory = new Map<AccessCategory, Verdict>();
  const verdictOf = (decision: AccessDecision): Verdict => (decision.allow ? { shown: true, basis: decision.basis } : { shown: false, counted: notShownReasonOf(decision.reason) });
  return (row) => {
    if (row.category === null) {
      const own = row.reporterId === actor.userId || (row.intakeUnitId !== null && worksAtIntake(actor.userId, roles, row.intakeUnitId));
      return own ? { shown: true, basis: 'legal_duty' } : { shown: false, counted: null };
    }
    if (infoSet.has(row.category) && row.secrecyDomainId && row.organisationId && row.writtenAt) {
      return verdictOf(access.decide('read', row.category, { organisationId: row.organisationId, secrecyDomainId: row.secrecyDomainId, unitId: row.unitId, writtenAt: new Date(row.writtenAt) }));
    }
    let verdict = byCategory.get(row.category);
    if (!verdict) byCategory.set(row.category, (verdict = verdictOf(access.decide('read', row.category))));
    return verdict;
  };
}

export interface Judged {
  /** The events the caller may see, newest first. */
  visible: ChronologyEvent[];
  notShown: ChronologyView['notShown'];
}

/** Decides every event that has happened by `now`; the hidden ones leave only their count. */
export function judgeEvents(loaded: LoadedChronology, judge: Judge, now: Date): Judged {
  const visible: ChronologyEvent[] = [];
  const counted: (NotShownReason | null)[] = [];
  for (const tuple of loaded.events) {
    const row = readEvent(tuple);
    const at = new Date(row.at);
    // A membership ending, or a consent running out, on a later day has not happened yet.
    if (at > now) continue;
    const verdict = judge(row);
    if (!verdict.shown) {
      counted.push(verdict.counted);
      continue;
    }
    visible.push(toEvent(row, at, verdict.basis, loaded));
  }
  return { visible: sortEvents(visible, 'newest'), notShown: countNotShown(counted) };
}

function toEvent(row: ChronologySourceRow, at: Date, basis: AccessBasis, names: LoadedChronology): ChronologyEvent {
  const named = (id: string | null, from: Record<string, string>) => (id && from[id] !== undefined ? { id, name: from[id] } : null);
  return {
    id: row.id,
    type: row.type,
    change: row.change,
    occurredOn: row.occurredOn ?? stockholmDate(at),
    at: at.toISOString(),
    organisation: named(row.organisationId, names.organisations),
    secrecyDomain: named(row.secrecyDomainId, names.secrecy_domains),
    by: (row.byId && names.people[row.byId]) ?? null,
    basis,
    details: row.detail,
  };
}

/** The child's name where the gate's fields allow it: as the record shows it (a protected identity only to whom the gate lets see it). */
export function childNameOf(loaded: LoadedChronology, revealProtected: boolean): ChronologyView['childName'] {
  return revealProtected || loaded.protected_identity === null ? { givenName: loaded.given_name, familyName: loaded.family_name } : null;
}

/** One page of the events that match the filters, with the counts of what is not shown and the filters' choices. */
export function chronologyView(judged: Judged, query: ChronologyQuery, childName: ChronologyView['childName']): ChronologyView {
  const matching = judged.visible.filter((e) => matchesFilters(e, query));
  const sorted = query.order === 'newest' ? matching : sortEvents(matching, query.order);
  return {
    childName,
    events: pageOf(sorted, query.page, query.pageSize),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    order: query.order,
    notShown: judged.notShown,
    facets: facetsOf(judged.visible),
  };
}

/** The overview shows this many of the latest events and of the open concerns. */
export const overviewEvents = 20;

/**
 * The overview from the same judged events: the latest assessment of each respondent, the open
 * concerns, and the first page of the chronology. `shared` says, per category, whether another
 * domain's entries can reach the caller at all (the record's "not shown – no consent").
 */
export function overviewOf(judged: Judged, childName: ChronologyView['childName'], shared: (category: 'wellbeing' | 'concern') => boolean): ChildOverview {
  const concerns = judged.visible.filter((e) => e.type === 'concern');
  return {
    wheel: { latest: latestAssessments(judged.visible), sharedFromOthers: shared('wellbeing') },
    concerns: { open: concerns.slice(0, overviewEvents), total: concerns.length, sharedFromOthers: shared('concern') },
    chronology: chronologyView(judged, { order: 'newest', page: 1, pageSize: overviewEvents }, childName),
  };
}
