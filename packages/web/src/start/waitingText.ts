import type { WaitingItem } from '@samsyn/core';
import type { TFunction } from 'i18next';

/**
 * Each kind of "what waits" in words and where it is handled. A later issue adds a kind to
 * core's `WaitingItem` and its line here; the list, its sort and its export follow.
 */
export const waitingKinds: { [K in WaitingItem['kind']]: { text: (item: Extract<WaitingItem, { kind: K }>, t: TFunction) => string; link: string | null } } = {
  handover_to_answer: { text: (_, t) => t('start.waiting.handover_to_answer'), link: '/child/handovers' },
  handover_awaiting_receiver: { text: (_, t) => t('start.waiting.handover_awaiting_receiver'), link: '/child/handovers' },
  unread_notices: { text: (item, t) => t('start.waiting.unread_notices', { count: item.count }), link: '#notices-heading' },
};

export function waitingText(item: WaitingItem, t: TFunction): string {
  return (waitingKinds[item.kind].text as (item: WaitingItem, t: TFunction) => string)(item, t);
}

export function waitingLink(item: WaitingItem): string | null {
  return waitingKinds[item.kind].link;
}
