import { z } from 'zod';

/**
 * The early-signal rule (tidig signal): when enough concerns about a child, from enough
 * secrecy domains, were recorded within a window of days, the child's named person is asked
 * to consider a meeting or a plan. Data, not code: a county tunes the three numbers.
 */
export const EarlySignalRule = z.object({
  /** At least this many concerns … */
  minConcerns: z.number().int().min(1).max(100),
  /** … written in at least this many different secrecy domains … */
  minDomains: z.number().int().min(1).max(20),
  /** … within this many days before now. */
  windowDays: z.number().int().min(1).max(3650),
});
export type EarlySignalRule = z.infer<typeof EarlySignalRule>;

/** Two concerns from two secrecy domains within 60 days. */
export const defaultEarlySignalRule: EarlySignalRule = { minConcerns: 2, minDomains: 2, windowDays: 60 };

/** What the rule weighs about one concern: where it was written and when. Never its text or author. */
export interface CountedConcern {
  secrecyDomainId: string;
  recordedAt: Date;
}

const dayMs = 86_400_000;

/**
 * Whether the rule fires at `now`: the concerns recorded in the last `windowDays` days (and not
 * after now) are at least `minConcerns`, from at least `minDomains` secrecy domains. Concerns the
 * named person cannot read count like any other; the answer is one yes or no, so it says
 * nothing about which concerns, how many or from where.
 */
export function earlySignalFires(concerns: readonly CountedConcern[], rule: EarlySignalRule, now: Date): boolean {
  const from = now.getTime() - rule.windowDays * dayMs;
  const inWindow = concerns.filter((c) => c.recordedAt.getTime() > from && c.recordedAt.getTime() <= now.getTime());
  return inWindow.length >= rule.minConcerns && new Set(inWindow.map((c) => c.secrecyDomainId)).size >= rule.minDomains;
}

/**
 * The suggestion the named person sees, the same words whatever lies behind it: "Oro har
 * registrerats i andra verksamheter; överväg att be familjen om samtycke till ett möte."
 * The web app words the code; the view carries no count per domain, no date and no author.
 */
export const earlySignalSuggestions = ['consider_consent_for_meeting'] as const;

export const EarlySignalView = z.object({
  childId: z.uuid(),
  /** The child's name where the gate lets the named person read the record (never for a protected identity in a list). */
  childName: z.object({ givenName: z.string(), familyName: z.string() }).nullable(),
  suggestion: z.enum(earlySignalSuggestions),
  /** What the named person may do next: call a meeting or start a plan (after asking the family for consent). */
  proposals: z.array(z.enum(['call_meeting', 'start_plan'])),
});
export type EarlySignalView = z.infer<typeof EarlySignalView>;

export const EarlySignalList = z.object({ signals: z.array(EarlySignalView) });
export type EarlySignalList = z.infer<typeof EarlySignalList>;
