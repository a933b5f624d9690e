import { z } from 'zod';
import { ChildView } from './record.ts';
import { ConsentView } from '../consent/schema.ts';
import { DisclosureView } from '../sharing/schema.ts';

/**
 * The record as its page shows it: the record, its consents (when the caller may read them) and
 * its sharing ledger, in one response and so one audited read. Opening a record is one look.
 */
export const ChildRecordView = ChildView.extend({
  /** Null: the caller's basis does not cover the consents. */
  consents: z.array(ConsentView).nullable(),
  disclosures: z.array(DisclosureView),
});
export type ChildRecordView = z.infer<typeof ChildRecordView>;
