import { z } from 'zod';
import { CareTeamRole } from '../children/schema.ts';
import { PersonName } from '../children/record.ts';
import { ageOn } from '../access/consent.ts';
import { LifeStage } from '../care-team/schema.ts';
import { earlySignalSuggestions } from '../concerns/early-signal.ts';
import { ReporterFeedback } from '../reports/schema.ts';

/**
 * What waits for a professional about one child on their team ("Mina barn"). A list of typed
 * items, so a later issue adds a kind here (and its wording in the web app) without changing
 * the list: each kind carries the ids its link needs, never free text from the record.
 */
export const WaitingItem = z.discriminatedUnion('kind', [
  /** A handover of the named person proposed to the caller: they answer it. */
  z.object({ kind: z.literal('handover_to_answer'), handoverId: z.uuid(), since: z.iso.datetime() }),
  /** A handover the caller proposed, waiting for its receiver's answer. */
  z.object({ kind: z.literal('handover_awaiting_receiver'), handoverId: z.uuid(), since: z.iso.datetime() }),
  /** Notices about the child the caller has not read. */
  z.object({ kind: z.literal('unread_notices'), count: z.number().int().positive() }),
  /**
   * For the named person: the early-signal rule fires on the child. The same words whatever lies
   * behind it ("concerns have been recorded in other organisations; consider asking the family for
   * consent to meet"): no count, no domain, no date, no author.
   */
  z.object({ kind: z.literal('early_signal'), suggestion: z.enum(earlySignalSuggestions), proposals: z.array(z.enum(['call_meeting', 'start_plan'])) }),
  /**
   * The child's or a guardian's own view in the wheel that the caller may read and has not seen:
   * recorded in the last `attentionWindowDays` days, after the caller last opened the child's
   * wheel, and not given in a meeting on the caller's own device. One item per respondent.
   */
  z.object({ kind: z.literal('new_self_rating'), respondent: z.enum(['child', 'guardian']), count: z.number().int().positive(), latestAt: z.iso.datetime() }),
  /**
   * Intake's answer to the caller's own report of concern about the child (what the law lets intake
   * say), new since the caller last looked at their receipts: in the last `attentionWindowDays` days.
   */
  z.object({ kind: z.literal('report_feedback'), reportId: z.uuid(), feedback: ReporterFeedback, since: z.iso.datetime() }),
]);
export type WaitingItem = z.infer<typeof WaitingItem>;
export type WaitingKind = WaitingItem['kind'];

/**
 * How long a new self-rating or a report's feedback waits in "Mina barn" unseen: after this many
 * days it is no longer news (it is still on the record).
 */
export const attentionWindowDays = 30;

export const TeamChild = z.object({
  /** The membership's id: one row per place on a team. */
  id: z.uuid(),
  childId: z.uuid(),
  /** Only where the gate lets the caller read the record, and never for a protected identity. */
  name: PersonName.nullable(),
  protectedIdentity: z.boolean(),
  /** The gate's refusal, where it refused (a consent lapsed): the row shows, the name does not. */
  refusal: z.string().nullable(),
  role: CareTeamRole,
  since: z.iso.datetime(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  /** The child's life stage by age; null where the gate refused (the age is the child's data). */
  lifeStage: LifeStage.nullable(),
  waiting: z.array(WaitingItem),
});
export type TeamChild = z.infer<typeof TeamChild>;

export const TeamChildList = z.object({ children: z.array(TeamChild) });
export type TeamChildList = z.infer<typeof TeamChildList>;

/** The counts the navigation shows: no child is named, so no child's data. */
export const NavCounts = z.object({
  handoversToAnswer: z.number().int().nonnegative(),
  emergencyAccessesToReview: z.number().int().nonnegative(),
  unreadNotices: z.number().int().nonnegative(),
  /** The caller's inbox items not yet read nor done (inbox/service.ts). */
  inboxUnread: z.number().int().nonnegative(),
});
export type NavCounts = z.infer<typeof NavCounts>;

/**
 * The universal service a child of this age belongs to: child health care until the preschool
 * class (6), school until 16, then the municipality's youth follow-up.
 */
export function lifeStageByAge(birthDate: string, today: string): LifeStage {
  const age = ageOn(birthDate, today);
  if (age < 6) return 'child_health_care';
  if (age < 16) return 'school';
  return 'youth_follow_up';
}
