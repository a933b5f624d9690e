import { z } from 'zod';

/**
 * The input of a social-investment project's socio-economic calculation (socioekonomisk
 * beräkning): what the intervention costs per year, set against the costs avoided — per sector
 * and per year — for each young person who thanks to it completes school and does not end up in
 * exclusion (utanförskap). All amounts are whole kronor. No child's data: these are assumptions.
 */

/** Who bears an avoided cost (and so who gains from the intervention). */
export const socioEconomicSectors = ['municipality', 'region', 'state'] as const;
export type SocioEconomicSector = (typeof socioEconomicSectors)[number];
export const SocioEconomicSector = z.enum(socioEconomicSectors);

/** The effects the sensitivity table shows, as shares of the assumed effect. */
export const sensitivityEffects = [0.5, 1, 1.5] as const;

const Kronor = z.number().int().nonnegative().max(1e11);

export const AvoidedCostItem = z.object({
  /** What is avoided, in the fund's words ("Försörjningsstöd", "Psykiatrisk vård"). */
  label: z.string().trim().min(1).max(200),
  sector: SocioEconomicSector,
  /** The cost avoided per person helped and per year, in whole kronor. */
  perPersonPerYear: Kronor,
  /** The calculation year (1 = the intervention's first year) from which the cost is avoided. */
  fromYear: z.number().int().min(1).max(100),
  /** For how many years from then (N). */
  years: z.number().int().min(1).max(100),
});
export type AvoidedCostItem = z.infer<typeof AvoidedCostItem>;

export const SocioEconomicInput = z.object({
  /** The intervention's cost in year 1, 2, …, in whole kronor. */
  interventionCostPerYear: z.array(Kronor).min(1).max(50),
  /**
   * The assumed effect: how many young people, thanks to the intervention, complete school and
   * do not end up in exclusion. The sensitivity table scales it by 50 %, 100 % and 150 %.
   */
  peopleHelped: z.number().int().nonnegative().max(1_000_000),
  costItems: z.array(AvoidedCostItem).min(1).max(100),
  /** The real discount rate per year, as a share (0.035 = 3.5 %). */
  discountRate: z.number().min(0).max(0.25),
});
export type SocioEconomicInput = z.infer<typeof SocioEconomicInput>;
