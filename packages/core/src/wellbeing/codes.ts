import { z } from 'zod';
import { SelfRatingAnswers } from './assessment.ts';
import { WheelModelVersion } from './model.ts';

/**
 * The one-time code (engångskod) a professional gives a child or a guardian, so they can give
 * their view alone: short-lived, used once, and it opens only that child's self-rating form.
 * Opening it spends it and starts the form, which then has hours, not minutes: nobody is hurried
 * while thinking, and the draft stays on the device.
 */
export const selfRatingCode = {
  /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
  alphabet: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789',
  length: 8,
  /** From issue to opening. */
  validMinutes: 30,
  /** From opening to sending the answers. */
  formHours: 4,
} as const;

/** `K7PMQ3XD` → `K7PM-Q3XD`, as it is read aloud or written on a note. */
export function formatCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** What the child typed, as the code it stands for: case, spaces and dashes do not matter. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export function isWellFormedCode(code: string): boolean {
  return code.length === selfRatingCode.length && [...code].every((c) => selfRatingCode.alphabet.includes(c));
}

export type CodeState = 'valid' | 'expired' | 'used';

/** A code opens its form once, before it expires. */
export function codeState(code: { expiresAt: Date; openedAt: Date | null }, now: Date): CodeState {
  if (code.openedAt !== null) return 'used';
  return now < code.expiresAt ? 'valid' : 'expired';
}

/** A form started from a code takes one answer, while the form's time lasts. */
export function formState(form: { formExpiresAt: Date | null; submittedAt: Date | null }, now: Date): CodeState {
  if (form.submittedAt !== null) return 'used';
  return form.formExpiresAt !== null && now < form.formExpiresAt ? 'valid' : 'expired';
}

export const SelfRatingCodeInput = z.object({ respondent: z.enum(['child', 'guardian']) });
export type SelfRatingCodeInput = z.infer<typeof SelfRatingCodeInput>;

export const SelfRatingCodeView = z
  .object({ code: z.string(), respondent: z.enum(['child', 'guardian']), expiresAt: z.iso.datetime(), path: z.string() })
  .meta({ id: 'SelfRatingCode' });
export type SelfRatingCodeView = z.infer<typeof SelfRatingCodeView>;

export const SelfRatingOpenInput = z.object({ code: z.string().trim().min(1).max(20) });
export const SelfRatingSubmitInput = SelfRatingAnswers.extend({ formToken: z.string().min(20).max(100) });
export type SelfRatingSubmitInput = z.infer<typeof SelfRatingSubmitInput>;

/** An opened code: the form's own token, whose view it is, until when, and the model to answer on. */
export const SelfRatingOpened = z
  .object({ formToken: z.string(), respondent: z.enum(['child', 'guardian']), formExpiresAt: z.iso.datetime(), model: WheelModelVersion })
  .meta({ id: 'SelfRatingOpened' });
export type SelfRatingOpened = z.infer<typeof SelfRatingOpened>;
