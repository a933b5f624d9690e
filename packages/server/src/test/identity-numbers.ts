import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { parseIdentityNumber } from '@samsyn/core';

/** Skatteverket's check digit for the nine digits YYMMDDNNN. */
function checkDigit(nine: string): string {
  const sum = [...nine].reduce((s, d, i) => {
    const p = Number(d) * (i % 2 === 0 ? 2 : 1);
    return s + (p > 9 ? p - 9 : p);
  }, 0);
  return String((10 - (sum % 10)) % 10);
}

/**
 * Synthetic identity numbers from Skatteverket's test series (birth numbers 980–999) that no
 * child or guardian in the database has: `count` people born `age` years before `now`, on
 * successive days. Test data only.
 */
export async function freshTestNumbers(db: Kysely<DB>, now: Date, age: number, count: number, startDay = 0): Promise<string[]> {
  const taken = new Set([
    ...(await db.selectFrom('child').select('identity_number').execute()).map((r) => r.identity_number),
    ...(await db.selectFrom('guardian').select('identity_number').execute()).map((r) => r.identity_number),
  ]);
  const found: string[] = [];
  for (let day = startDay; found.length < count; day += 1) {
    const born = new Date(Date.UTC(now.getUTCFullYear() - age, now.getUTCMonth(), now.getUTCDate() - 30 - day));
    const yyyymmdd = born.toISOString().slice(0, 10).replaceAll('-', '');
    for (let serial = 980; serial <= 999 && found.length < count; serial += 1) {
      const number = `${yyyymmdd}${serial}${checkDigit(yyyymmdd.slice(2) + String(serial))}`;
      if (!taken.has(number) && parseIdentityNumber(number, { referenceDate: now }).ok) {
        found.push(number);
        taken.add(number);
        // One a day keeps the birth dates apart, as in a real register.
        break;
      }
    }
  }
  return found;
}
