import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Gives the demo's preschools and schools a skolenhetskod, as Skolverket does, so a pupil register
 * can name them: the municipality's four-digit (fictional) code and a running number by name,
 * e.g. `99010003`. Deterministic: the same county always gets the same codes.
 */
export async function assignSchoolUnitCodes(trx: Transaction<DB>): Promise<void> {
  const units = await trx
    .selectFrom('unit as u')
    .innerJoin('organisation as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'o.municipality_code'])
    .where('u.sector', 'in', ['preschool', 'school'])
    .where('o.municipality_code', 'is not', null)
    .orderBy('o.municipality_code')
    .orderBy('u.name')
    .execute();
  const running = new Map<string, number>();
  for (const unit of units) {
    const code = unit.municipality_code!;
    const n = (running.get(code) ?? 0) + 1;
    running.set(code, n);
    await trx.updateTable('unit').set({ school_unit_code: `${code}${String(n).padStart(4, '0')}` }).where('id', '=', unit.id).execute();
  }
}
