import type { InviteeView } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { formatDate, stockholmInstant } from '../common/format.ts';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });

/** A meeting's time as Swedes write it, in Stockholm time: `2027-01-05 kl. 09:00`. */
export function meetingTime(iso: string, t: TFunction): string {
  return t('sipMeetings.at', { date: formatDate(iso), time: timeFormat.format(new Date(iso)) });
}

/** The receipt in words: delivered, then opened or not yet. */
export function receiptWords(i: InviteeView, t: TFunction): string {
  const delivered = t('sipMeetings.receipt.delivered', { date: formatDate(i.deliveredAt) });
  return `${delivered}, ${i.readAt ? t('sipMeetings.receipt.read', { date: formatDate(i.readAt) }) : t('sipMeetings.receipt.notRead')}`;
}

/** The reply in words, with its comment. */
export function replyWords(i: Pick<InviteeView, 'reply' | 'replyComment'>, t: TFunction): string {
  const reply = i.reply ? t(`sipMeetings.reply.${i.reply}`) : t('sipMeetings.reply.none');
  return i.replyComment ? `${reply}: ${i.replyComment}` : reply;
}

/** A `datetime-local` value (`YYYY-MM-DDTHH:MM`) as an instant, read as Stockholm time whatever the browser's zone. */
export function toInstant(local: string): string | null {
  const [date = '', time = ''] = local.split('T');
  return stockholmInstant(date, time);
}
