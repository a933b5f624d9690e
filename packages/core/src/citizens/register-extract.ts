import { z } from 'zod';
import { ChildView } from '../children/record.ts';
import { ConsentView } from '../consent/schema.ts';
import { DisclosureView } from '../sharing/schema.ts';
import sv from './register-extract.sv.json' with { type: 'json' };
import en from './register-extract.en.json' with { type: 'json' };

/**
 * The register extract (registerutdrag, GDPR art. 15): everything Samsyn holds about the child and
 * about the citizen who asks, as far as the family may see it, and a note of what is left out and
 * why. The same content as JSON and as a printable page.
 */

/** What the extract leaves out, each for its own reason (the texts are in register-extract.*.json). */
export const registerExtractOmissions = ['record_entries', 'protected_guardian', 'protected_identity', 'others_own_looks', 'erased'] as const;
export const RegisterExtractOmission = z.enum(registerExtractOmissions);
export type RegisterExtractOmission = z.infer<typeof RegisterExtractOmission>;

export const RegisterExtract = z.object({
  generatedAt: z.iso.datetime(),
  language: z.enum(['sv', 'en']),
  relation: z.enum(['guardian', 'self']),
  /** The citizen who asked: their account, and the guardian record Samsyn keeps about them. */
  you: z.object({
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    accountCreatedAt: z.iso.datetime(),
    guardian: z.object({
      name: z.object({ givenName: z.string(), familyName: z.string() }),
      identityNumber: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      address: z.object({ streetAddress: z.string().nullable(), postalCode: z.string().nullable(), city: z.string().nullable() }),
    }).nullable(),
  }),
  child: ChildView.omit({ categories: true, access: true }),
  consents: z.array(ConsentView.omit({ mayWithdraw: true })),
  disclosures: z.array(DisclosureView),
  /** Who looked at the record, in plain language (the citizen's own looks are left out). */
  accessLog: z.array(z.object({ time: z.string(), who: z.string(), what: z.string(), basis: z.string(), legalGround: z.string().nullable() })),
  /** What retention erased (gallring): what, when and under which rule, never what it said. */
  erased: z.array(z.object({ category: z.string(), ruleId: z.string(), recordedAt: z.iso.datetime().nullable(), erasedAt: z.iso.datetime() })),
  leftOut: z.array(z.object({ what: RegisterExtractOmission, why: z.string() })),
});
export type RegisterExtract = z.infer<typeof RegisterExtract>;

export const RegisterExtractQuery = z.object({ format: z.enum(['json', 'html', 'pdf']).default('json'), lang: z.enum(['sv', 'en']).optional() });

export type RegisterExtractTexts = typeof sv;
/** The extract's texts, one set per language (a test checks both have the same keys). */
export const registerExtractTexts: Record<'sv' | 'en', RegisterExtractTexts> = { sv, en };
