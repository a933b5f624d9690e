import { z } from 'zod';

/**
 * A unit's membership of secrecy domains over time, as administrators see it. Moving a unit ends
 * one period and starts the next; entries keep the domain they were written in.
 */
export const UnitDomainPeriodView = z.object({
  secrecyDomainId: z.uuid(),
  /** The domain's current name. */
  secrecyDomainName: z.string(),
  validFrom: z.iso.datetime(),
  /** Null while the period lasts. */
  validTo: z.iso.datetime().nullable(),
  /** Who moved the unit there; null for the defaults the system placed. */
  changedByName: z.string().nullable(),
});
export type UnitDomainPeriodView = z.infer<typeof UnitDomainPeriodView>;

/** Newest first. */
export const UnitDomainHistory = z.object({ unitId: z.uuid(), periods: z.array(UnitDomainPeriodView) });
export type UnitDomainHistory = z.infer<typeof UnitDomainHistory>;
