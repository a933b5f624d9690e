import { z } from 'zod';
import { SecrecyDomainKind } from './domains.ts';

/**
 * The directory of secrecy domains: reference data for choosing a consent's parties (no child
 * data, no units). Grouped by organisation in the forms, so each row names its organisation.
 */
export const SecrecyDomainDirectoryEntry = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: SecrecyDomainKind,
  legalReference: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
});
export type SecrecyDomainDirectoryEntry = z.infer<typeof SecrecyDomainDirectoryEntry>;

export const SecrecyDomainDirectory = z.object({ domains: z.array(SecrecyDomainDirectoryEntry) });
export type SecrecyDomainDirectory = z.infer<typeof SecrecyDomainDirectory>;
