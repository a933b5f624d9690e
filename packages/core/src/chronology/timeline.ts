import type { DenyReason } from '../access/policy.ts';
import { wellbeingRespondents, type WellbeingRespondent } from '../wellbeing/assessment.ts';
import type { ChronologyEvent, ChronologyEventType, ChronologyFilters, ChronologyOrder, ChronologyView, NotShownReason, OverviewAssessment } from './schema.ts';

/**
 * The chronology's pure parts: which refusals are counted as "not shown", and the filters, order,
 * page and facets of the events the gate let through. The server decides each event with the gate
 * first; nothing here decides access.
 */

/**
 * Which refusals of an entry the chronology counts, and as what. Counted: an entry of another
 * secrecy domain that no consent opens to this reader ("samtycke saknas"), and one an emergency
 * access's legal ground does not open. Never counted: what is not shown to the family at all
 * (`not_shared_with_citizens`; the family's chronology is of the team and the consents, not a
 * window on how much professionals write), and any refusal this list does not name.
 */
export function notShownReasonOf(reason: DenyReason): NotShownReason | null {
  if (reason === 'no_consent_for_category' || reason === 'other_secrecy_domain' || reason === 'no_secrecy_domain') return 'no_consent';
  if (reason === 'emergency_ground_does_not_cover') return 'emergency_ground';
  return null;
}

/** The counts by reason, in a fixed order, leaving out reasons with none. */
export function countNotShown(reasons: readonly (NotShownReason | null)[]): ChronologyView['notShown'] {
  const counts = new Map<NotShownReason, number>();
  for (const r of reasons) if (r !== null) counts.set(r, (counts.get(r) ?? 0) + 1);
  return (['no_consent', 'emergency_ground'] as const).flatMap((reason) => (counts.get(reason) ? [{ reason, count: counts.get(reason)! }] : []));
}

/** Whether an event passes the filters: its organisation, its secrecy domain, its type, its day within `from`–`to`. */
export function matchesFilters(event: ChronologyEvent, filters: ChronologyFilters): boolean {
  if (filters.organisation && event.organisation?.id !== filters.organisation) return false;
  if (filters.secrecyDomain && event.secrecyDomain?.id !== filters.secrecyDomain) return false;
  if (filters.types && !filters.types.includes(event.type)) return false;
  if (filters.from && event.occurredOn < filters.from) return false;
  if (filters.to && event.occurredOn > filters.to) return false;
  return true;
}

/** Newest first by day, then by the instant, then by id (a total order, so pages never overlap); `oldest` is its exact reverse. */
export function sortEvents(events: readonly ChronologyEvent[], order: ChronologyOrder): ChronologyEvent[] {
  const sign = order === 'newest' ? -1 : 1;
  return [...events].sort((a, b) => sign * (compare(a.occurredOn, b.occurredOn) || compare(a.at, b.at) || compare(a.id, b.id)));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One page (1-based) of the sorted events; a page past the end is empty. */
export function pageOf<T>(events: readonly T[], page: number, pageSize: number): T[] {
  return events.slice((page - 1) * pageSize, page * pageSize);
}

/** The organisations, secrecy domains and types among the events the caller may see: what the filters offer, sorted by name. */
export function facetsOf(events: readonly ChronologyEvent[]): ChronologyView['facets'] {
  const organisations = new Map<string, string>();
  const domains = new Map<string, string>();
  const types = new Set<ChronologyEventType>();
  for (const e of events) {
    if (e.organisation) organisations.set(e.organisation.id, e.organisation.name);
    if (e.secrecyDomain) domains.set(e.secrecyDomain.id, e.secrecyDomain.name);
    types.add(e.type);
  }
  const named = (m: Map<string, string>) => [...m].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'sv') || compare(a.id, b.id));
  return { organisations: named(organisations), secrecyDomains: named(domains), types: [...types].sort() };
}

/**
 * The latest assessment from each respondent among the wellbeing events the caller may see, in the
 * respondents' order (professional, child, guardian): the overview's wheel.
 */
export function latestAssessments(events: readonly ChronologyEvent[]): OverviewAssessment[] {
  const latest = new Map<WellbeingRespondent, ChronologyEvent>();
  for (const e of events) {
    const respondent = e.details.respondent;
    if (e.type !== 'wellbeing' || !respondent) continue;
    const seen = latest.get(respondent);
    if (!seen || e.occurredOn > seen.occurredOn || (e.occurredOn === seen.occurredOn && e.at > seen.at)) latest.set(respondent, e);
  }
  return wellbeingRespondents.flatMap((r) => {
    const e = latest.get(r);
    if (!e || !e.details.modelVersionId) return [];
    const ratings = (e.details.areas ?? []).map((area, i) => ({ area, rating: e.details.ratings?.[i] ?? null }));
    return [{ id: e.id, respondent: r, occurredOn: e.occurredOn, recordedAt: e.at, modelVersionId: e.details.modelVersionId, ratings, organisationName: e.organisation?.name ?? null, secrecyDomainName: e.secrecyDomain?.name ?? null, recordedBy: e.by }];
  });
}
