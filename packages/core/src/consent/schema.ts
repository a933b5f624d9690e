import { z } from 'zod';
import { ConsentGiver, InfoCategory } from '../children/schema.ts';

// Schemas of the consent area, shared by server and web; its pure rules travel with them.

/** How a consent was given: on paper, in the e-service, or verbally (then with a note). */
export const consentMethods = ['written', 'digital', 'verbal'] as const;
export const ConsentMethod = z.enum(consentMethods);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

/** Where a consent stands now, derived from its dates and its withdrawal. */
export const consentStatuses = ['in_force', 'not_yet_valid', 'expired', 'withdrawn'] as const;
export const ConsentStatus = z.enum(consentStatuses);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

export const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

/** Entries of these categories written in one organisation, secrecy domain or unit are left out ("not BUP's health entries"). */
export const ConsentExclusion = z.object({
  scope: z.enum(['organisation', 'secrecy_domain', 'unit']),
  id: z.uuid(),
  categories: z.array(InfoCategory).min(1),
});
export type ConsentExclusionInput = z.infer<typeof ConsentExclusion>;

/**
 * Records a consent. A professional in the team records a written or verbal consent and says
 * who gave it; a guardian or the child gives their own digitally, and then `givenBy`,
 * `guardianIds` and `method` are derived from who is logged in (leave them out).
 */
export const ConsentInput = z
  .object({
    givenBy: ConsentGiver.optional(),
    /** The guardians who consented: one for `guardian`, two for `both_guardians`, none for `child`. */
    guardianIds: z.array(z.uuid()).max(2).optional(),
    method: ConsentMethod.optional(),
    note: z.string().trim().min(1).max(2000).optional(),
    /** Parties that may share with one another: whole organisations (all their secrecy domains)… */
    organisationIds: z.array(z.uuid()).max(50).default([]),
    /** …and single secrecy domains. At least one party in all. */
    domainIds: z.array(z.uuid()).max(50).default([]),
    categories: z.array(InfoCategory).min(1),
    /** What the parties may not share: entries of these categories from one organisation, domain or unit. */
    exclusions: z.array(ConsentExclusion).max(20).default([]),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.validTo && value.validTo < value.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'valid_to_before_valid_from' });
    if (value.method === 'verbal' && !value.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'verbal_consent_needs_note' });
    if (value.organisationIds.length + value.domainIds.length === 0) ctx.addIssue({ code: 'custom', path: ['organisationIds'], message: 'consent_needs_a_party' });
  });
export type ConsentInput = z.infer<typeof ConsentInput>;

export const ConsentWithdrawInput = z.object({ note: z.string().trim().min(1).max(2000).optional() });
export type ConsentWithdrawInput = z.infer<typeof ConsentWithdrawInput>;

/**
 * Who recorded or withdrew a consent. A professional acts in office and is named; a guardian or
 * the child (a citizen account) may have protected identity, so the view says only their
 * relation to the child, never their name or account id.
 */
export const ConsentActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('professional'), name: z.string() }),
  z.object({ kind: z.literal('guardian') }),
  z.object({ kind: z.literal('child') }),
]);
export type ConsentActor = z.infer<typeof ConsentActor>;

export const ConsentView = z.object({
  id: z.uuid(),
  givenBy: ConsentGiver,
  guardianIds: z.array(z.uuid()),
  method: ConsentMethod,
  note: z.string().nullable(),
  /** The parties: whole organisations, and single secrecy domains with their organisation's name. */
  organisations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  domains: z.array(z.object({ id: z.uuid(), name: z.string(), organisationName: z.string() })),
  categories: z.array(InfoCategory),
  exclusions: z.array(ConsentExclusion.extend({ name: z.string() })),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  status: ConsentStatus,
  /** Whether whoever gave it can consent for the child at their age (joint custody, the child's own consent). */
  giverCounts: z.boolean(),
  recordedBy: ConsentActor,
  /** Recorded by a professional on the family's behalf (flagged in log review; the family may withdraw it). */
  recordedByProfessional: z.boolean(),
  recordedAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().nullable(),
  withdrawnBy: ConsentActor.nullable(),
  withdrawalNote: z.string().nullable(),
  /** Whether the caller may withdraw it (the policy's answer: the web app offers exactly this). */
  mayWithdraw: z.boolean(),
});
export type ConsentView = z.infer<typeof ConsentView>;

/** Current consents first (in force, then not yet valid), then the history (withdrawn, expired). */
export const ConsentList = z.object({ consents: z.array(ConsentView) });
export type ConsentList = z.infer<typeof ConsentList>;
