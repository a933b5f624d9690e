import { z } from 'zod';
import { InfoCategory } from '../children/schema.ts';

// Schemas of the sharing area (the sharing ledger and legal grounds), shared by server and web;
// its pure rules travel with them.

/** Kinds of legal ground; the grounds themselves, with their paragraph references, are data. */
export const legalGroundKinds = ['consent', 'duty_to_report', 'necessary_disclosure', 'emergency', 'care_team'] as const;
export const LegalGroundKind = z.enum(legalGroundKinds);
export type LegalGroundKind = z.infer<typeof LegalGroundKind>;

export const LegalGround = z.object({
  code: z.string(),
  kind: LegalGroundKind,
  titleSv: z.string(),
  titleEn: z.string(),
  reference: z.string(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
  /** The sectors the ground fits; empty: every sector. */
  sectors: z.array(z.string()),
  /** One line saying when the ground applies. */
  explanationSv: z.string(),
  explanationEn: z.string(),
});
export type LegalGround = z.infer<typeof LegalGround>;

export const LegalGroundQuery = z.object({ kind: LegalGroundKind.optional() });

export const disclosureDecisions = ['shared', 'not_shared'] as const;
export const DisclosureDecision = z.enum(disclosureDecisions);
export type DisclosureDecision = z.infer<typeof DisclosureDecision>;

const text = z.string().trim().min(1).max(4000);

/**
 * One entry in the sharing ledger: information shared with another organisation, or a
 * decision not to share it. Sharing names a legal ground or a consent; both need a reason.
 * `fromOrganisationId` is needed only when the caller works for more than one organisation.
 */
export const DisclosureInput = z
  .object({
    decision: DisclosureDecision,
    fromOrganisationId: z.uuid().optional(),
    toOrganisationId: z.uuid(),
    /** The receiving secrecy domain: required when it is the sharer's own organisation. */
    toSecrecyDomainId: z.uuid().optional(),
    categories: z.array(InfoCategory).max(6).default([]),
    what: text,
    reason: text,
    legalGroundCode: z.string().min(1).max(100).optional(),
    consentId: z.uuid().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'shared' && !value.legalGroundCode && !value.consentId) {
      ctx.addIssue({ code: 'custom', path: ['legalGroundCode'], message: 'sharing_needs_legal_ground_or_consent' });
    }
  });
export type DisclosureInput = z.infer<typeof DisclosureInput>;

const OrganisationRef = z.object({ id: z.uuid(), name: z.string() });

/**
 * A ledger entry as the caller may see it. Who shared with whom, when, the decision, its ground
 * and its categories are always shown: the ledger is accountability. The free text may describe
 * the information itself, so it is shown only to a caller who may read every category of it as
 * the disclosing organisation's information; otherwise `what` and `reason` are null and
 * `redacted` is true.
 */
export const DisclosureView = z.object({
  id: z.uuid(),
  decision: DisclosureDecision,
  fromOrganisation: OrganisationRef,
  toOrganisation: OrganisationRef,
  /** The receiving secrecy domain, when the disclosure named one. */
  toSecrecyDomain: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  categories: z.array(InfoCategory),
  what: z.string().nullable(),
  reason: z.string().nullable(),
  redacted: z.boolean(),
  legalGround: LegalGround.pick({ code: true, kind: true, titleSv: true, titleEn: true, reference: true }).nullable(),
  consentId: z.uuid().nullable(),
  decidedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  decidedAt: z.iso.datetime(),
});
export type DisclosureView = z.infer<typeof DisclosureView>;

export const DisclosureList = z.object({ disclosures: z.array(DisclosureView) });
export type DisclosureList = z.infer<typeof DisclosureList>;
