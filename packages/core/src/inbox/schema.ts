import { z } from 'zod';

/**
 * The inbox (issue 14, point 5): what waits for one user, gathered from the areas that make it.
 * Codes are stable; labels are translations. `summons` and `invitation` come from the SIP's
 * preparation (their source registers itself in the server's inbox/sources.ts).
 */
export const inboxKinds = ['follow_up_due', 'action_assigned', 'approval_waiting', 'early_signal', 'summons', 'invitation'] as const;
export const InboxKind = z.enum(inboxKinds);
export type InboxKind = z.infer<typeof InboxKind>;

/**
 * An item's stable key: its kind, the object it is about and that object's revision (a plan's
 * proposed revision, a follow-up's date). A new revision is a new item; the same one keeps its
 * read and done states.
 */
export const InboxKey = z.string().regex(/^[a-z_]{1,30}:[A-Za-z0-9_.-]{1,100}:[A-Za-z0-9_.-]{1,40}$/, 'invalid_inbox_key');
export type InboxKey = z.infer<typeof InboxKey>;

export function inboxKey(kind: InboxKind, objectId: string, revision: string | number): InboxKey {
  return `${kind}:${objectId}:${String(revision)}`;
}

export const InboxItemView = z.object({
  key: InboxKey,
  kind: InboxKind,
  /** The day the item is about (a follow-up's date, an action's start) or the day it arose. */
  date: z.iso.date(),
  /** The child it is about, where the gate let the caller see the child; the name never for a protected identity. */
  childId: z.uuid().nullable(),
  childName: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  /** A short subject the caller may read (a plan's title, an action's wording); empty when there is none. */
  subject: z.string(),
  /** Where in the app the item is handled. */
  link: z.string(),
  read: z.boolean(),
  done: z.boolean(),
});
export type InboxItemView = z.infer<typeof InboxItemView>;

export const InboxList = z.object({ items: z.array(InboxItemView) });
export type InboxList = z.infer<typeof InboxList>;

export const inboxMarks = ['read', 'unread', 'done', 'not_done'] as const;
export const InboxMarkInput = z.object({ keys: z.array(InboxKey).min(1).max(200), state: z.enum(inboxMarks) });
export type InboxMarkInput = z.infer<typeof InboxMarkInput>;
