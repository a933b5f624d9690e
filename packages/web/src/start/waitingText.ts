import type { WaitingItem } from '@samsyn/core';
import type { TFunction } from 'i18next';

type Kinds = {
  [K in WaitingItem['kind']]: {
    text: (item: Extract<WaitingItem, { kind: K }>, t: TFunction) => string;
    /** Where it is handled: a path in the app, or an anchor on the start page. */
    link: (item: Extract<WaitingItem, { kind: K }>, childId: string) => string | null;
  };
};

/**
 * Each kind of "what waits" in words and where it is handled. A later issue adds a kind to
 * core's `WaitingItem` and its line here; the list, its sort and its export follow.
 */
export const waitingKinds: Kinds = {
  handover_to_answer: { text: (_, t) => t('start.waiting.handover_to_answer'), link: () => '/child/handovers' },
  handover_awaiting_receiver: { text: (_, t) => t('start.waiting.handover_awaiting_receiver'), link: () => '/child/handovers' },
  unread_notices: { text: (item, t) => t('start.waiting.unread_notices', { count: item.count }), link: () => '#notices-heading' },
  // The same words whatever lies behind the signal: the record is where the named person takes it further.
  early_signal: { text: (item, t) => t('start.waiting.early_signal', { suggestion: t(`concerns.earlySignal.${item.suggestion}`) }), link: (_, childId) => `/child/${childId}` },
  new_self_rating: { text: (item, t) => t(`start.waiting.new_self_rating.${item.respondent}`, { count: item.count }), link: (_, childId) => `/child/${childId}?open=wellbeing` },
  report_feedback: { text: (item, t) => t(`start.waiting.report_feedback.${item.feedback}`), link: () => '/reports/sent' },
};

export function waitingText(item: WaitingItem, t: TFunction): string {
  return (waitingKinds[item.kind].text as (item: WaitingItem, t: TFunction) => string)(item, t);
}

export function waitingLink(item: WaitingItem, childId: string): string | null {
  return (waitingKinds[item.kind].link as (item: WaitingItem, childId: string) => string | null)(item, childId);
}
