import { describe, expect, it } from 'vitest';
import { ageOn, formatIdentityNumber, parseIdentityNumber } from '@samsyn/core';
import { systemClock } from '../clock.ts';
import { openDatabase } from '../db/database.ts';
import { pgliteTemplate } from '../db/pglite-template.ts';
import { testPassword } from '../test/constants.ts';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';
import { demoChildBirthDate, demoChildIdentityNumber } from './demo-child.ts';
import { seedDemoData } from './seed.ts';

/** Noon in Stockholm on an ISO day. */
const noonOn = (iso: string) => new Date(`${iso}T12:00:00+01:00`);

describe('the demo child, on the day the demo is seeded', () => {
  it('is 14 with a valid test-series number on every day of four years, leap days and new years included', () => {
    const first = demoDay(systemClock(0).now());
    for (let d = 0; d < 4 * 366; d += 1) {
      const seededAt = noonOn(addDays(first, d));
      const born = demoChildBirthDate(seededAt);
      expect(ageOn(born, demoDay(seededAt)), demoDay(seededAt)).toBe(14);
      // Still 14 for months after the seed day.
      expect(ageOn(born, addDays(demoDay(seededAt), 150))).toBe(14);
      const number = demoChildIdentityNumber(seededAt);
      expect(parseIdentityNumber(number, { referenceDate: seededAt })).toEqual({ ok: true, kind: 'personnummer', normalized: number, birthDate: born, sex: 'female' });
      expect(Number(number.slice(8, 11))).toBe(982);
    }
  });

  it('is 14 on the days the fixed demo broke: 2027-05-14, when she turned 15, and 2028-01-01', () => {
    for (const day of ['2027-05-14', '2028-01-01', '2028-02-29']) expect(ageOn(demoChildBirthDate(noonOn(day)), day)).toBe(14);
    // Seeded on the demo's first day, she is the Ebba the README names.
    expect(formatIdentityNumber(demoChildIdentityNumber(noonOn('2026-11-22')))).toBe('20120514-9824');
  });

  // Two databases seeded from scratch: slow on a busy CI machine.
  it('is seeded 14, and her brother Olle 8, with the clock as it is and two years ahead', async () => {
    const template = await pgliteTemplate();
    for (const offsetDays of [0, 730]) {
      const now = systemClock(offsetDays).now();
      const database = await openDatabase({ dataDir: 'memory://', ...(template ? { loadDataDir: template } : {}) });
      try {
        const summary = await seedDemoData(database.db, { password: testPassword, now });
        expect(summary).toMatchObject({ seededOn: demoDay(now), demoChild: formatIdentityNumber(demoChildIdentityNumber(now)) });
        const children = await database.db
          .selectFrom('child')
          .select(['identity_number', 'given_name', 'birth_date'])
          .where('family_name', '=', 'Vårdnadshavare')
          .where('home_organisation_id', '=', database.db.selectFrom('organisation').select('id').where('name', '=', 'Exempelstads kommun'))
          .execute();
        const ebba = children.find((c) => c.given_name === 'Ebba');
        const olle = children.find((c) => c.given_name === 'Olle');
        expect(ebba?.identity_number, `offset ${offsetDays}`).toBe(demoChildIdentityNumber(now));
        expect(ageOn(ebba!.birth_date, demoDay(now))).toBe(14);
        expect(ageOn(olle!.birth_date, demoDay(now))).toBe(8);
        // The whole county is dated from the seed day: nobody is born after it, nobody is over 18.
        const ages = (await database.db.selectFrom('child').select('birth_date').execute()).map((c) => ageOn(c.birth_date, demoDay(now)));
        expect(Math.min(...ages)).toBe(0);
        expect(Math.max(...ages)).toBe(18);
      } finally {
        await database.close();
      }
    }
  }, 120_000);
});
