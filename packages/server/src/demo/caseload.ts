import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { demoDay } from './children.ts';
import { addDays, addYears } from './dates.ts';

/**
 * A professional with a large caseload, for "Mina barn" and its benchmark: `counsellor`, Klara
 * Kurator, school counsellor at Elevhälsan Exempelstad (the unit `nurse` works at), on the team
 * of about 200 school-age children of Exempelstad as a member on her own organisation's basis.
 * Children who already have a team come first, so the county's share of children with a team
 * barely moves. A few unread notices give her start page something to tell. Everything is drawn
 * in a fixed order from the seeded county and dated relative to the seed day; a handful of bulk
 * statements keep the seed fast.
 */
export const caseloadLogin = { username: 'counsellor', displayName: 'Klara Kurator', title: 'Skolkurator' } as const;
export const caseloadSize = 200;

export async function seedCaseload(trx: Transaction<DB>, options: { now: Date; passwordHash: string }): Promise<void> {
  const { now } = options;
  const today = demoDay(now);
  const place = await trx
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.organisation_id', 'r.unit_id'])
    .where('u.username', '=', 'nurse')
    .where('r.role', '=', 'professional')
    .executeTakeFirstOrThrow();
  const user = await trx
    .insertInto('app_user')
    .values({ username: caseloadLogin.username, display_name: caseloadLogin.displayName, title: caseloadLogin.title, email: `${caseloadLogin.username}@exempellan.example`, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('local_credential').values({ user_id: user.id, password_hash: options.passwordHash, changed_at: now }).execute();
  await trx.insertInto('user_role').values({ user_id: user.id, organisation_id: place.organisation_id, unit_id: place.unit_id, role: 'professional' }).execute();

  // School age, 6 to 18, living in Exempelstad, not the demo family (whose team the README describes).
  const children = await trx
    .selectFrom('child as c')
    .select((eb) => ['c.id', 'c.identity_number', eb.exists(eb.selectFrom('care_team_member as m').select('m.id').whereRef('m.child_id', '=', 'c.id')).as('has_team')])
    .where('c.home_organisation_id', '=', place.organisation_id)
    .where('c.birth_date', '<=', addYears(today, -6))
    .where('c.birth_date', '>', addYears(today, -19))
    .where('c.user_id', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('child_guardian as g').innerJoin('guardian as p', 'p.id', 'g.guardian_id').select('g.child_id').whereRef('g.child_id', '=', 'c.id').where('p.user_id', 'is not', null))))
    .execute();
  const chosen = children
    .sort((a, b) => Number(b.has_team) - Number(a.has_team) || (a.identity_number < b.identity_number ? -1 : 1))
    .slice(0, caseloadSize);
  // Joined over the past year, most recently first: a day apart or so.
  const members = chosen.map((c, i) => ({
    child_id: c.id,
    user_id: user.id,
    organisation_id: place.organisation_id,
    unit_id: place.unit_id,
    role: 'member' as const,
    basis: 'own_organisation' as const,
    starts_at: new Date(`${addDays(today, -(10 + Math.floor((i * 350) / caseloadSize)))}T08:00:00Z`),
  }));
  if (members.length > 0) await trx.insertInto('care_team_member').values(members).execute();

  // The named persons who "added" her to three of the teams tell her so.
  const named = await trx
    .selectFrom('care_team_member')
    .select(['child_id', 'user_id'])
    .where('role', '=', 'named_person')
    .where('ends_at', 'is', null)
    .where('child_id', 'in', chosen.slice(0, 40).map((c) => c.id))
    .limit(40)
    .execute();
  const order = new Map(chosen.map((c, i) => [c.id, i]));
  const told = named.sort((a, b) => order.get(a.child_id)! - order.get(b.child_id)!).slice(0, 3);
  if (told.length > 0) {
    await trx
      .insertInto('notice')
      .values(told.map((n, i) => ({ recipient_id: user.id, kind: 'team_member_added' as const, child_id: n.child_id, actor_id: n.user_id, details: JSON.stringify({ role: 'member' }), created_at: new Date(now.getTime() - (i + 1) * 3_600_000) })))
      .execute();
  }
}
