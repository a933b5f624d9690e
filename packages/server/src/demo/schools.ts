import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { importKoladaPages } from '../indicators/kolada-import.ts';
import { county } from './county.ts';
import { demoWaveYears } from './surveys.ts';

/**
 * The demo's school results from Kolada (issue 15, item 8): Exempelstad's F–9 school (where the
 * demo's head teacher and teacher work) and its 7–9 school are Kolada units (ou) with ten years
 * of two grundskola KPIs, beside the municipality's own values, imported as Kolada's v2 pages are.
 * One year of the F–9 school is confidential (".."), as Kolada marks a small group.
 */
export const demoSchoolKpis = [
  { id: 'N15436', title: 'Elever i åk. 9 som uppnått kunskapskraven i alla ämnen, kommunala skolor, andel (%)', base: 76, step: 0.6 },
  { id: 'N15503', title: 'Genomsnittligt meritvärde i åk. 9, kommunala skolor (17 ämnen)', base: 221, step: 1.4 },
] as const;

export const demoSchoolOus = [
  { unitName: `Centrumskolan ${county.municipalities[0].short} F–9`, ou: 'V15E990100101', offset: 2.5 },
  { unitName: `${county.municipalities[0].short} högstadieskola 7–9`, ou: 'V15E990100102', offset: -3.1 },
] as const;

const cell = (value: number | null, status = '') => ({ gender: 'T', status, value, count: 1 });

export async function seedSchoolResults(trx: Transaction<DB>, options: { now: Date; analystId: string }): Promise<void> {
  const last = demoWaveYears(options.now)[1];
  const years = Array.from({ length: 10 }, (_, i) => last - 9 + i);
  const municipality = county.municipalities[0].code;
  const data: unknown[] = [];
  for (const kpi of demoSchoolKpis) {
    for (const [i, period] of years.entries()) {
      const level = kpi.base + kpi.step * i + ((i * 7) % 3) - 1;
      data.push({ kpi: kpi.id, municipality, period, values: [cell(Math.round(level * 10) / 10)] });
      for (const [s, school] of demoSchoolOus.entries()) {
        const confidential = s === 0 && kpi.id === 'N15436' && i === 4;
        data.push({ kpi: kpi.id, ou: school.ou, period, values: [confidential ? cell(null, '..') : cell(Math.round((level + school.offset + ((i + s) % 4) - 1.5) * 10) / 10)] });
      }
    }
  }
  const kpis = demoSchoolKpis.map((k) => ({ id: k.id, title: k.title, description: k.title, is_divided_by_gender: 0, has_ou_data: 1, municipality_type: 'K', operating_area: 'Grundskola', publication_date: `${last + 1}-04-01` }));
  await importKoladaPages(trx, [{ name: 'demo-kpi.json', content: { count: kpis.length, values: kpis } }, { name: 'demo-skolor.json', content: { count: data.length, values: data } }], { by: options.analystId, at: options.now, source: 'files: demo-kpi.json, demo-skolor.json' });
  for (const school of demoSchoolOus) {
    const unit = await trx.selectFrom('unit').select('id').where('name', '=', school.unitName).executeTakeFirstOrThrow();
    await trx.insertInto('school_unit_kolada_ou').values({ unit_id: unit.id, kolada_ou: school.ou }).execute();
  }
}
