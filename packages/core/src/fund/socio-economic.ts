import {
  SocioEconomicInput, sensitivityEffects, socioEconomicSectors, type AvoidedCostItem, type SocioEconomicSector,
} from './socio-economic-schema.ts';

/**
 * The socio-economic calculation of a social-investment project (docs/socio-economic.md has a
 * worked example by hand). Rounding, the one rule: every amount is rounded to the krona where it
 * is first computed — per year, per sector — and every total is the sum of rounded amounts, so a
 * table adds up exactly and the figures can be checked by hand. Year 1 is not discounted; year t
 * is discounted by (1 + r)^−(t − 1).
 */

export type SectorAmounts = Record<SocioEconomicSector, number>;

export interface SocioEconomicYear {
  /** 1 = the intervention's first year. */
  year: number;
  interventionCost: number;
  avoidedBySector: SectorAmounts;
  avoided: number;
  /** avoided − interventionCost. */
  net: number;
  cumulativeNet: number;
  /** (1 + r)^−(year − 1), unrounded. */
  discountFactor: number;
  presentCost: number;
  presentAvoidedBySector: SectorAmounts;
  presentAvoided: number;
  presentNet: number;
  cumulativePresentNet: number;
}

export interface SocioEconomicOutcome {
  /** The effect as a share of the assumption (1 = as assumed). */
  effect: number;
  peopleHelped: number;
  totalAvoided: number;
  presentAvoided: number;
  netPresentValue: number;
  paybackYears: number | null;
  discountedPaybackYears: number | null;
}

export interface SocioEconomicResult extends SocioEconomicOutcome {
  /** The years calculated: to the last year of cost or of an avoided cost. */
  horizonYears: number;
  years: SocioEconomicYear[];
  totalCost: number;
  presentCost: number;
  presentAvoidedBySector: SectorAmounts;
  /** The present value of the costs avoided for one person helped. */
  presentAvoidedPerPerson: number;
  /** presentCost / presentAvoidedPerPerson to 2 decimals: the people who must be helped for NPV = 0. Null if nothing is avoided. */
  breakEvenPeople: number | null;
  /** The same, rounded up to whole people. */
  breakEvenWholePeople: number | null;
  /** The effects 50 %, 100 % and 150 % of the assumption. */
  sensitivity: SocioEconomicOutcome[];
}

const krona = (x: number) => Math.round(x);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const bySector = (f: (s: SocioEconomicSector) => number): SectorAmounts =>
  Object.fromEntries(socioEconomicSectors.map((s) => [s, f(s)])) as SectorAmounts;
const sectorTotal = (a: SectorAmounts) => sum(socioEconomicSectors.map((s) => a[s]));

const active = (item: AvoidedCostItem, year: number) => year >= item.fromYear && year < item.fromYear + item.years;

/** The costs avoided for one person in a year, per sector (whole kronor: the items are). */
function perPersonInYear(items: readonly AvoidedCostItem[], year: number): SectorAmounts {
  return bySector((s) => sum(items.filter((i) => i.sector === s && active(i, year)).map((i) => i.perPersonPerYear)));
}

function horizonOf(input: SocioEconomicInput): number {
  return Math.max(input.interventionCostPerYear.length, ...input.costItems.map((i) => i.fromYear + i.years - 1));
}

/**
 * The payback time in whole years: the first year at whose end the cumulative amount is ≥ 0 and
 * stays so to the horizon (a year after the last negative one); null if it ends below 0.
 */
function payback(cumulative: readonly number[]): number | null {
  if (cumulative.length === 0 || cumulative.at(-1)! < 0) return null;
  // Index i is year i + 1, so the year after the last negative one is i + 2.
  return cumulative.findLastIndex((c) => c < 0) + 2;
}

function yearRows(input: SocioEconomicInput, people: number): SocioEconomicYear[] {
  const rows: SocioEconomicYear[] = [];
  let cumulativeNet = 0;
  let cumulativePresentNet = 0;
  for (let year = 1; year <= horizonOf(input); year++) {
    const discountFactor = (1 + input.discountRate) ** -(year - 1);
    const interventionCost = input.interventionCostPerYear[year - 1] ?? 0;
    const perPerson = perPersonInYear(input.costItems, year);
    const avoidedBySector = bySector((s) => krona(people * perPerson[s]));
    const presentAvoidedBySector = bySector((s) => krona(avoidedBySector[s] * discountFactor));
    const avoided = sectorTotal(avoidedBySector);
    const presentCost = krona(interventionCost * discountFactor);
    const presentAvoided = sectorTotal(presentAvoidedBySector);
    cumulativeNet += avoided - interventionCost;
    cumulativePresentNet += presentAvoided - presentCost;
    rows.push({
      year, interventionCost, avoidedBySector, avoided, net: avoided - interventionCost, cumulativeNet,
      discountFactor, presentCost, presentAvoidedBySector, presentAvoided, presentNet: presentAvoided - presentCost, cumulativePresentNet,
    });
  }
  return rows;
}

function outcomeOf(effect: number, peopleHelped: number, rows: readonly SocioEconomicYear[]): SocioEconomicOutcome {
  return {
    effect,
    peopleHelped,
    totalAvoided: sum(rows.map((r) => r.avoided)),
    presentAvoided: sum(rows.map((r) => r.presentAvoided)),
    netPresentValue: rows.at(-1)?.cumulativePresentNet ?? 0,
    paybackYears: payback(rows.map((r) => r.cumulativeNet)),
    discountedPaybackYears: payback(rows.map((r) => r.cumulativePresentNet)),
  };
}

function breakEven(presentCost: number, perPerson: number): Pick<SocioEconomicResult, 'breakEvenPeople' | 'breakEvenWholePeople'> {
  if (perPerson === 0) return { breakEvenPeople: null, breakEvenWholePeople: null };
  return { breakEvenPeople: Math.round((presentCost / perPerson) * 100) / 100, breakEvenWholePeople: Math.ceil(presentCost / perPerson) };
}

/**
 * The calculation: the year table, the totals, NPV at the discount rate, the break-even number
 * of people helped, the payback time (whole years, undiscounted and discounted) and the
 * sensitivity table. The input is validated against the schema (a ZodError if not).
 */
export function socioEconomicCalculation(raw: SocioEconomicInput): SocioEconomicResult {
  const input = SocioEconomicInput.parse(raw);
  const years = yearRows(input, input.peopleHelped);
  const onePerson = yearRows(input, 1);
  const presentCost = sum(years.map((r) => r.presentCost));
  const presentAvoidedPerPerson = sum(onePerson.map((r) => r.presentAvoided));
  const sensitivity = sensitivityEffects.map((effect) => {
    const people = input.peopleHelped * effect;
    return outcomeOf(effect, people, effect === 1 ? years : yearRows(input, people));
  });
  return {
    ...outcomeOf(1, input.peopleHelped, years),
    horizonYears: years.length,
    years,
    totalCost: sum(years.map((r) => r.interventionCost)),
    presentCost,
    presentAvoidedBySector: bySector((s) => sum(years.map((r) => r.presentAvoidedBySector[s]))),
    presentAvoidedPerPerson,
    ...breakEven(presentCost, presentAvoidedPerPerson),
    sensitivity,
  };
}
