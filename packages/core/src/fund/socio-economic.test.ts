import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { socioEconomicCalculation } from './socio-economic.ts';
import type { SocioEconomicInput } from './socio-economic-schema.ts';

/** The worked example of docs/socio-economic.md, figure by figure. */
const workedExample: SocioEconomicInput = {
  interventionCostPerYear: [1_200_000, 1_200_000, 1_200_000],
  peopleHelped: 10,
  discountRate: 0.035,
  costItems: [
    { label: 'Försörjningsstöd och socialtjänstens insatser', sector: 'municipality', perPersonPerYear: 80_000, fromYear: 3, years: 4 },
    { label: 'Psykiatrisk vård och primärvård', sector: 'region', perPersonPerYear: 30_000, fromYear: 4, years: 3 },
    { label: 'Aktivitetsersättning och uteblivna skatteintäkter', sector: 'state', perPersonPerYear: 120_000, fromYear: 4, years: 3 },
  ],
};

const sectors = (municipality: number, region: number, state: number) => ({ municipality, region, state });

describe('socioEconomicCalculation: the worked example in docs/socio-economic.md, to the krona', () => {
  const r = socioEconomicCalculation(workedExample);

  it('step 1–3: the year table', () => {
    // [year, cost, avoided by sector, avoided, cumulative net, present cost, present avoided by sector, present avoided, cumulative present net]
    const expected = [
      [1, 1_200_000, sectors(0, 0, 0), 0, -1_200_000, 1_200_000, sectors(0, 0, 0), 0, -1_200_000],
      [2, 1_200_000, sectors(0, 0, 0), 0, -2_400_000, 1_159_420, sectors(0, 0, 0), 0, -2_359_420],
      [3, 1_200_000, sectors(800_000, 0, 0), 800_000, -2_800_000, 1_120_213, sectors(746_809, 0, 0), 746_809, -2_732_824],
      [4, 0, sectors(800_000, 300_000, 1_200_000), 2_300_000, -500_000, 0, sectors(721_554, 270_583, 1_082_331), 2_074_468, -658_356],
      [5, 0, sectors(800_000, 300_000, 1_200_000), 2_300_000, 1_800_000, 0, sectors(697_154, 261_433, 1_045_731), 2_004_318, 1_345_962],
      [6, 0, sectors(800_000, 300_000, 1_200_000), 2_300_000, 4_100_000, 0, sectors(673_579, 252_592, 1_010_368), 1_936_539, 3_282_501],
    ];
    expect(r.horizonYears).toBe(6);
    expect(r.years.map((y) => [y.year, y.interventionCost, y.avoidedBySector, y.avoided, y.cumulativeNet, y.presentCost, y.presentAvoidedBySector, y.presentAvoided, y.cumulativePresentNet])).toEqual(expected);
    expect(r.years.map((y) => y.discountFactor)).toEqual([1, 1 / 1.035, 1 / 1.035 ** 2, 1 / 1.035 ** 3, 1 / 1.035 ** 4, 1 / 1.035 ** 5].map((f) => expect.closeTo(f, 12)));
  });

  it('step 4: the totals and the net present value', () => {
    expect(r).toMatchObject({
      totalCost: 3_600_000,
      totalAvoided: 7_700_000,
      presentCost: 3_479_633,
      presentAvoided: 6_762_134,
      presentAvoidedBySector: sectors(2_839_096, 784_608, 3_138_430),
      netPresentValue: 3_282_501,
    });
  });

  it('step 5: the break-even number of people helped', () => {
    expect(r).toMatchObject({ presentAvoidedPerPerson: 676_212, breakEvenPeople: 5.15, breakEvenWholePeople: 6 });
  });

  it('step 6: the payback time', () => {
    expect(r).toMatchObject({ paybackYears: 5, discountedPaybackYears: 5 });
  });

  it('step 7: the sensitivity table at 50 %, 100 % and 150 % of the effect', () => {
    expect(r.sensitivity).toEqual([
      { effect: 0.5, peopleHelped: 5, totalAvoided: 3_850_000, presentAvoided: 3_381_065, netPresentValue: -98_568, paybackYears: 6, discountedPaybackYears: null },
      { effect: 1, peopleHelped: 10, totalAvoided: 7_700_000, presentAvoided: 6_762_134, netPresentValue: 3_282_501, paybackYears: 5, discountedPaybackYears: 5 },
      { effect: 1.5, peopleHelped: 15, totalAvoided: 11_550_000, presentAvoided: 10_143_199, netPresentValue: 6_663_566, paybackYears: 4, discountedPaybackYears: 4 },
    ]);
  });

  it('the break-even is right on both sides: 5 people do not pay back the present cost, 6 do', () => {
    expect(socioEconomicCalculation({ ...workedExample, peopleHelped: 5 }).netPresentValue).toBeLessThan(0);
    expect(socioEconomicCalculation({ ...workedExample, peopleHelped: 6 }).netPresentValue).toBeGreaterThan(0);
  });
});

describe('socioEconomicCalculation: the rules', () => {
  it('rounds each amount where it is computed, so every table adds up exactly', () => {
    // 7 people × 50 % = 3.5 people: half kronor appear and are rounded per year and sector.
    const r = socioEconomicCalculation({ ...workedExample, peopleHelped: 7, costItems: [{ ...workedExample.costItems[0]!, perPersonPerYear: 80_001 }] });
    const half = r.sensitivity[0]!;
    expect(half.peopleHelped).toBe(3.5);
    expect(half.totalAvoided).toBe(4 * Math.round(3.5 * 80_001));
    for (const y of r.years) expect(y.avoided).toBe(y.avoidedBySector.municipality + y.avoidedBySector.region + y.avoidedBySector.state);
    expect(r.presentAvoided).toBe(r.years.reduce((a, y) => a + y.presentAvoided, 0));
    expect(r.netPresentValue).toBe(r.presentAvoided - r.presentCost);
    expect(r.years.every((y) => Number.isInteger(y.presentAvoided) && Number.isInteger(y.presentCost))).toBe(true);
  });

  it('a discount rate of 0 makes the present values the plain sums', () => {
    const r = socioEconomicCalculation({ ...workedExample, discountRate: 0 });
    expect(r).toMatchObject({ presentCost: 3_600_000, presentAvoided: 7_700_000, netPresentValue: 4_100_000, presentAvoidedPerPerson: 770_000 });
    expect(r.breakEvenPeople).toBe(4.68);
    expect(r.breakEvenWholePeople).toBe(5);
  });

  it('pays back only for good: a later year of cost that takes the cumulative net below 0 again moves the payback', () => {
    const r = socioEconomicCalculation({
      interventionCostPerYear: [100, 0, 500],
      peopleHelped: 1,
      discountRate: 0,
      costItems: [{ label: 'x', sector: 'state', perPersonPerYear: 200, fromYear: 2, years: 3 }],
    });
    // Cumulative net: −100, +100, −200, 0.
    expect(r.years.map((y) => y.cumulativeNet)).toEqual([-100, 100, -200, 0]);
    expect(r.paybackYears).toBe(4);
  });

  it('gives no payback and no break-even when nothing is avoided', () => {
    const r = socioEconomicCalculation({ ...workedExample, peopleHelped: 0 });
    expect(r).toMatchObject({ netPresentValue: -3_479_633, paybackYears: null, discountedPaybackYears: null });
    const none = socioEconomicCalculation({ ...workedExample, costItems: [{ ...workedExample.costItems[0]!, perPersonPerYear: 0 }] });
    expect(none).toMatchObject({ breakEvenPeople: null, breakEvenWholePeople: null });
  });

  it('runs the horizon to the last avoided cost, after the intervention has ended', () => {
    const r = socioEconomicCalculation({ ...workedExample, costItems: [{ ...workedExample.costItems[0]!, fromYear: 5, years: 10 }] });
    expect(r.horizonYears).toBe(14);
    expect(r.years.at(-1)).toMatchObject({ year: 14, interventionCost: 0, avoided: 800_000 });
  });

  it('refuses input outside the schema: öre, negative amounts, no cost items, a rate as a percentage', () => {
    expect(() => socioEconomicCalculation({ ...workedExample, interventionCostPerYear: [1_200_000.5] })).toThrow(ZodError);
    expect(() => socioEconomicCalculation({ ...workedExample, interventionCostPerYear: [-1] })).toThrow(ZodError);
    expect(() => socioEconomicCalculation({ ...workedExample, costItems: [] })).toThrow(ZodError);
    expect(() => socioEconomicCalculation({ ...workedExample, discountRate: 3.5 })).toThrow(ZodError);
  });
});
