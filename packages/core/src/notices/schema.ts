import { z } from 'zod';
import { PersonName } from '../children/record.ts';
import { noticeKindSchema } from './kinds.ts';

/**
 * One notice as its recipient sees it. The list words it from `kind` and `details` (codes only);
 * the child's name shows only where the gate allows the recipient to list the child, otherwise
 * the notice speaks of "a child".
 */
export const NoticeView = z.object({
  id: z.uuid(),
  kind: noticeKindSchema,
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  child: z.object({ id: z.uuid(), name: PersonName.nullable() }).nullable(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  subjectId: z.uuid().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type NoticeView = z.infer<typeof NoticeView>;

export const NoticeList = z.object({
  notices: z.array(NoticeView),
  /** Unread notices in all, also beyond the ones listed. */
  unread: z.number().int().nonnegative(),
});
export type NoticeList = z.infer<typeof NoticeList>;

export const NoticeParams = z.object({ id: z.uuid() });
export const NoticeQuery = z.object({ unread: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
