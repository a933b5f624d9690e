import type { NoticeKind, NoticeView } from '@samsyn/core';
import type { TFunction } from 'i18next';

/** "Ebba Vårdnadshavare", or "ett barn" where the gate does not let the reader see the name. */
export function noticeChild(notice: NoticeView, t: TFunction): string {
  const name = notice.child?.name;
  return name ? `${name.givenName} ${name.familyName}` : t('notices.aChild');
}

/** One notice in words, in the UI language: the kind's sentence with who did it and about which child. */
export function noticeText(notice: NoticeView, t: TFunction): string {
  return t(`notices.kinds.${notice.kind}`, { actor: notice.actor?.displayName ?? t('notices.someone'), child: noticeChild(notice, t) });
}

/** Where a notice leads: the page on which its matter is handled, where there is one. */
export function noticeLink(notice: NoticeView): string | null {
  const handover: readonly NoticeKind[] = ['handover_proposed', 'handover_withdrawn', 'handover_accepted', 'handover_declined', 'named_person_stays_member'];
  if (handover.includes(notice.kind)) return '/child/handovers';
  if (notice.kind === 'emergency_access_to_review') return '/operations/log-review';
  // The record itself only where the reader may see who the child is.
  return notice.child?.name ? `/child/${notice.child.id}` : null;
}
