import type { Insertable, Transaction } from 'kysely';
import { wellbeingAreaCodes, type AreaAnswer, type Sector, type WellbeingArea } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { ensureDefaultModel } from '../wellbeing/queries.ts';
import { demoDay } from './children.ts';
import { addDays } from './dates.ts';
import { Random } from './random.ts';

/**
 * The demo county's wheels: about two years of assessments for some of the children with a care
 * team, from the units on their teams, with the differences between units one sees in practice
 * (social services see the home, the school sees learning and friends, health care sees health;
 * some units rate more gently than others), the children's own views given in meetings (the latest,
 * for some older children, alone through a one-time code), guardians' views of younger children, and
 * the demo child's wheels from herself, from `teacher` and from `guardian`. Drawn in a fixed order
 * (identity number, username) and dated from the services' clock; inserted in bulk.
 */

type Row = Insertable<DB['wellbeing_assessment']>;

/** What each kind of unit tends to see lower or higher than the child's own sense of it. */
const lens: Partial<Record<Sector, Partial<Record<WellbeingArea, number>>>> = {
  social_services: { safe: -1, nurtured: -1.2, respected: -0.3 },
  school: { achieving: -0.6, included: -0.4, active: 0.3 },
  preschool: { included: 0.3, active: 0.4 },
  student_health: { healthy: -0.8, safe: -0.2 },
  child_health_care: { healthy: -0.4 },
  primary_care: { healthy: -0.6 },
  child_psychiatry: { healthy: -1.2, included: -0.6, respected: 0.2 },
  habilitation: { achieving: -0.4, active: -0.5 },
  leisure: { active: 0.8, included: 0.4 },
};

const strengths: Record<WellbeingArea, string[]> = {
  safe: ['Har en trygg vuxen att vända sig till', 'Känner sig trygg i klassen'],
  healthy: ['Sover bättre sedan i våras', 'Äter frukost varje dag'],
  achieving: ['Stolt över sina framsteg i läsning', 'Gillar matte och tar egna initiativ'],
  nurtured: ['Nära relation till mormor', 'Föräldrarna kommer på alla möten'],
  active: ['Spelar fotboll två gånger i veckan', 'Går på kulturskolan'],
  respected: ['Säger vad hen tycker i klassrådet', 'Var med och planerade stödet'],
  responsible: ['Tar hand om sin hund', 'Håller tider i skolan'],
  included: ['Har två nära vänner', 'Med i ett lag på fritiden'],
};

const worries: Record<WellbeingArea, string[]> = {
  safe: ['Berättar om bråk hemma', 'Orolig på vägen till skolan'],
  healthy: ['Ont i magen flera morgnar i veckan', 'Sover lite och är trött'],
  achieving: ['Hög frånvaro den senaste månaden', 'Behöver stöd i svenska'],
  nurtured: ['Ofta ensam hemma på kvällarna', 'Kläder som inte räcker till vintern'],
  active: ['Har slutat på sin fritidsaktivitet', 'Sitter mycket vid skärmen'],
  respected: ['Upplever att vuxna inte lyssnar', 'Fick inte vara med i beslutet om skolbyte'],
  responsible: ['Tar stort ansvar för yngre syskon', 'Glömmer ofta läxor och tider'],
  included: ['Ensam på rasterna', 'Utsatt i en gruppchatt'],
};

interface Member {
  child_id: string;
  birth_date: string;
  user_id: string;
  organisation_id: string;
  unit_id: string;
  sector: Sector;
  role: string;
  secrecy_domain_id: string;
}

export async function seedWellbeing(trx: Transaction<DB>, now: Date, seed = 20_13): Promise<number> {
  await ensureDefaultModel(trx, now);
  const model = await trx.selectFrom('wellbeing_model_version').select('id').where('version', '=', 1).executeTakeFirstOrThrow();
  const random = new Random(seed);
  const today = demoDay(now);
  const members = (await trx
    .selectFrom('care_team_member as m')
    .innerJoin('child as c', 'c.id', 'm.child_id')
    .innerJoin('unit as u', 'u.id', 'm.unit_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'm.unit_id').on('d.valid_to', 'is', null))
    .innerJoin('app_user as au', 'au.id', 'm.user_id')
    .select(['m.child_id', 'c.birth_date', 'm.user_id', 'm.organisation_id', 'm.unit_id', 'u.sector', 'm.role', 'd.secrecy_domain_id'])
    .where('m.ends_at', 'is', null)
    .where('c.user_id', 'is', null)
    // Stable keys: ids are random, so ordering by them picked other children on every seed.
    .orderBy('c.identity_number')
    .orderBy('au.username')
    .execute()) as Member[];
  const byChild = new Map<string, Member[]>();
  for (const m of members) byChild.set(m.child_id, [...(byChild.get(m.child_id) ?? []), m]);
  const rows: Row[] = [];
  const base = { model_version_id: model.id, important: '' };
  // Children whose team spans at least two units: the wheel is where their views meet.
  const children = [...byChild.entries()].filter(([, team]) => new Set(team.map((m) => m.unit_id)).size >= 2).slice(0, 160);
  const unitBias = new Map<string, number>();
  for (const [childId, team] of children) {
    const start = childBase(random);
    const trend = (random.next() - 0.4) * 1.2;
    const age = Number(today.slice(0, 4)) - Number(team[0]!.birth_date.slice(0, 4));
    for (let point = 0; point <= 8; point += 1) {
      // Quarterly from two years back; the ninth, latest point within the last three weeks.
      const daysAgo = point < 8 ? 730 - point * 91 - random.int(0, 20) : random.int(2, 21);
      const on = addDays(today, -daysAgo);
      if (on < team[0]!.birth_date) continue;
      const progress = point / 8;
      for (const m of team) {
        if (random.next() < 0.35) continue;
        if (!unitBias.has(m.unit_id)) unitBias.set(m.unit_id, (random.next() - 0.5) * 0.8);
        const answers = wellbeingAreaCodes.map((area) => answer(random, start[area] + trend * progress + (lens[m.sector]?.[area] ?? 0) + unitBias.get(m.unit_id)!, area));
        rows.push({ ...base, child_id: childId, respondent: 'professional', via: 'professional', occurred_on: on, organisation_id: m.organisation_id, unit_id: m.unit_id, secrecy_domain_id: m.secrecy_domain_id, recorded_by: m.user_id, answers: JSON.stringify(answers), created_at: at(now, daysAgo) });
      }
      // From school age the child gives their own view in a meeting with the named person, every other time.
      // The latest time, an older child may instead answer alone, through a one-time code from the named person.
      const named = team.find((m) => m.role === 'named_person');
      if (named && age >= 8 && (point % 2 === 1 || point === 8)) {
        const via = point === 8 && age >= 10 && random.next() < 0.4 ? 'code' : 'meeting';
        const answers = wellbeingAreaCodes.map((area) => answer(random, start[area] + 0.4 + trend * progress, area, true));
        rows.push({ ...base, child_id: childId, respondent: 'child', via, occurred_on: on, organisation_id: named.organisation_id, unit_id: named.unit_id, secrecy_domain_id: named.secrecy_domain_id, recorded_by: named.user_id, answers: JSON.stringify(answers), created_at: at(now, daysAgo) });
      }
      // A guardian of a younger child gives their view in a meeting now and then; they see the home a little better.
      if (named && age < 13 && point % 4 === 0 && random.next() < 0.5) {
        const answers = wellbeingAreaCodes.map((area) => answer(random, start[area] + 0.3 + trend * progress + (area === 'nurtured' ? 0.5 : 0), area, true));
        rows.push({ ...base, child_id: childId, respondent: 'guardian', via: 'meeting', occurred_on: on, organisation_id: named.organisation_id, unit_id: named.unit_id, secrecy_domain_id: named.secrecy_domain_id, recorded_by: named.user_id, answers: JSON.stringify(answers), created_at: at(now, daysAgo) });
      }
    }
  }
  rows.push(...(await demoChildWheels(trx, now, model.id)));
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('wellbeing_assessment').values(rows.slice(i, i + 500)).execute();
  return rows.length;
}

function childBase(random: Random): Record<WellbeingArea, number> {
  const overall = 2.6 + random.next() * 1.8;
  return Object.fromEntries(wellbeingAreaCodes.map((a) => [a, overall + (random.next() - 0.5) * 1.6])) as Record<WellbeingArea, number>;
}

function answer(random: Random, level: number, area: WellbeingArea, ownWords = false): AreaAnswer {
  const rating = Math.max(1, Math.min(5, Math.round(level + (random.next() - 0.5) * 0.8)));
  // Not every area gets a rating: a professional describes what they know.
  const rated = ownWords || random.next() < 0.85;
  return {
    area,
    rating: rated ? rating : null,
    strengths: !ownWords && rating >= 4 && random.next() < 0.5 ? random.pick(strengths[area]) : '',
    worries: !ownWords && rating <= 2 && random.next() < 0.7 ? random.pick(worries[area]) : '',
  };
}

const at = (now: Date, daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);

/**
 * Ebba (login `child`): the teacher's wheels half a year apart, her own views and her guardian's,
 * given from their own pages and so addressed to her named person, the teacher.
 */
async function demoChildWheels(trx: Transaction<DB>, now: Date, modelId: string): Promise<Row[]> {
  const found = await trx
    .selectFrom('child as c')
    .innerJoin('app_user as cu', 'cu.id', 'c.user_id')
    .innerJoin('care_team_member as m', 'm.child_id', 'c.id')
    .innerJoin('app_user as tu', 'tu.id', 'm.user_id')
    .innerJoin('unit_secrecy_domain as d', (j) => j.onRef('d.unit_id', '=', 'm.unit_id').on('d.valid_to', 'is', null))
    .select(['c.id', 'm.organisation_id', 'm.unit_id', 'd.secrecy_domain_id', 'tu.id as teacher_id', 'cu.id as child_user_id'])
    .where('cu.username', '=', 'child')
    .where('tu.username', '=', 'teacher')
    .executeTakeFirst();
  const guardian = await trx.selectFrom('app_user').select('id').where('username', '=', 'guardian').executeTakeFirst();
  if (!found || !guardian) return [];
  const today = demoDay(now);
  const place = { child_id: found.id, model_version_id: modelId, organisation_id: found.organisation_id, unit_id: found.unit_id, secrecy_domain_id: found.secrecy_domain_id };
  const wheel = (ratings: number[], notes: Partial<Record<WellbeingArea, [string, string]>> = {}) =>
    JSON.stringify(wellbeingAreaCodes.map((area, i) => ({ area, rating: ratings[i] ?? null, strengths: notes[area]?.[0] ?? '', worries: notes[area]?.[1] ?? '' })));
  const row = (daysAgo: number, fields: Pick<Row, 'respondent' | 'via' | 'recorded_by' | 'answers'> & { important?: string }): Row => ({ ...place, important: '', ...fields, occurred_on: addDays(today, -daysAgo), created_at: at(now, daysAgo) });
  return [
    row(190, { respondent: 'professional', via: 'professional', recorded_by: found.teacher_id, answers: wheel([4, 3, 3, 4, 4, 3, 4, 2], { included: ['', 'Ofta ensam på rasterna'], achieving: ['', 'Hög frånvaro i matematik'] }) }),
    row(12, { respondent: 'professional', via: 'professional', recorded_by: found.teacher_id, answers: wheel([4, 3, 4, 4, 4, 4, 4, 3], { included: ['Har fått en vän i klassen', ''], healthy: ['', 'Trött på morgnarna'] }) }),
    row(190, { respondent: 'child', via: 'own_pages', recorded_by: found.child_user_id, answers: wheel([4, 2, 3, 5, 4, 3, 4, 2]), important: 'Att få vara med mina kompisar' }),
    row(10, { respondent: 'child', via: 'own_pages', recorded_by: found.child_user_id, answers: wheel([5, 3, 3, 5, 5, 3, 4, 4]), important: 'Att lärarna lyssnar på mig och att jag får spela fotboll' }),
    row(11, { respondent: 'guardian', via: 'own_pages', recorded_by: guardian.id, answers: wheel([5, 3, 3, 5, 3, 4, 4, 3], { healthy: ['', 'Sover för lite'] }) }),
  ];
}
