import { z } from 'zod';

/**
 * What a notice (notis) can be about. The server writes these codes in the same transaction as
 * the change they tell of; the start page words them. Add a kind here and in migration's CHECK.
 */
export const noticeKinds = [
  'consent_withdrawn',
  'consent_lapsed',
  'team_member_added',
  'team_member_ended',
  'handover_proposed',
  'handover_withdrawn',
  'handover_accepted',
  'handover_declined',
  'named_person_stays_member',
  'emergency_access_to_review',
  'emergency_access_reviewed',
] as const;

export const noticeKindSchema = z.enum(noticeKinds);
export type NoticeKind = (typeof noticeKinds)[number];
