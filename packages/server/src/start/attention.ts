import { defaultEarlySignalRule, earlySignalFires, reporterFeedback, type EarlySignalRule, type WaitingItem } from '@samsyn/core';
import type { ListAnswer } from '../access/gate.ts';
import type { TeamChildRow } from './queries.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * What needs the caller's attention about one child in "Mina barn" (issue 13, point 7), from the
 * facts the list's one statement loaded and the gate's answer for the child:
 * - the early-signal suggestion, for the named person where the gate lets them read the record;
 * - the child's or a guardian's new self-ratings, each decided as a `wellbeing` entry, so only those
 *   the caller's basis lets them read count;
 * - intake's answer to the caller's own reports: the receipt is the reporter's own, as in "Mina
 *   orosanmälningar", so it shows whatever the gate says of the record now.
 */
export function attentionItems(r: TeamChildRow, answer: ListAnswer | undefined, now: Date): WaitingItem[] {
  const items: WaitingItem[] = [];
  if (answer?.allow === true) {
    if (r.role === 'named_person' && earlySignalFires(countedConcerns(r), ruleOf(r), now)) {
      items.push({ kind: 'early_signal', suggestion: 'consider_consent_for_meeting', proposals: ['call_meeting', 'start_plan'] });
    }
    items.push(...newSelfRatings(r, answer));
  }
  for (const report of r.report_feedback) {
    items.push({ kind: 'report_feedback', reportId: report.id, feedback: reporterFeedback(report.outcome ? [{ step: 'initial_assessment', outcome: report.outcome }] : []), since: iso(report.changed_at) });
  }
  return items;
}

function ruleOf(r: TeamChildRow): EarlySignalRule {
  if (r.min_concerns === null || r.min_domains === null || r.window_days === null) return defaultEarlySignalRule;
  return { minConcerns: r.min_concerns, minDomains: r.min_domains, windowDays: r.window_days };
}

function countedConcerns(r: TeamChildRow) {
  return r.signal_concerns.map((k) => ({ secrecyDomainId: k.secrecy_domain_id, recordedAt: new Date(k.created_at) }));
}

/** One item per respondent (the child, a guardian), with how many views and the latest one's time. */
function newSelfRatings(r: TeamChildRow, answer: Extract<ListAnswer, { allow: true }>): WaitingItem[] {
  const byRespondent = new Map<'child' | 'guardian', { count: number; latest: number }>();
  for (const a of r.self_ratings) {
    const facts = { organisationId: a.organisation_id, secrecyDomainId: a.secrecy_domain_id, unitId: a.unit_id, writtenAt: new Date(a.created_at) };
    if (!answer.access.decide('read', 'wellbeing', facts).allow) continue;
    const respondent = a.respondent as 'child' | 'guardian';
    const seen = byRespondent.get(respondent) ?? { count: 0, latest: 0 };
    byRespondent.set(respondent, { count: seen.count + 1, latest: Math.max(seen.latest, facts.writtenAt.getTime()) });
  }
  return (['child', 'guardian'] as const).flatMap((respondent) => {
    const found = byRespondent.get(respondent);
    return found ? [{ kind: 'new_self_rating' as const, respondent, count: found.count, latestAt: new Date(found.latest).toISOString() }] : [];
  });
}
