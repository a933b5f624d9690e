import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfStockholmDay, stockholmDate } from '@samsyn/core';
import { fixedClock, systemClock } from '../clock.ts';
import { addDays } from '../demo/dates.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { testClockOffsetDays } from '../test/constants.ts';

// Reminders from the server's one clock: the demo's Västbus guidelines are due for revision 30
// days after the seed day and remind 60 days ahead, so their owners see "soon" now, "overdue"
// from the day after, and nothing 31+ days earlier than the window opens.

const clock = fixedClock(systemClock(testClockOffsetDays).now());
let t: TestApp;
let seeded: string;
beforeAll(async () => {
  t = await createTestApp({}, { clock });
  seeded = stockholmDate(clock.now());
});
afterAll(() => t.close());

const noon = (date: string) => new Date(startOfStockholmDay(date).getTime() + 12 * 3_600_000);
async function remindersOn(day: string, username: string) {
  clock.set(noon(day));
  const res = await (await t.loginAs(username)).get('/api/agreements/reminders');
  expect(res.statusCode).toBe(200);
  return res.json() as { today: string; reminders: { kind: string; status: string; title: string; dueOn: string | null }[] };
}
const revisions = (r: Awaited<ReturnType<typeof remindersOn>>) => r.reminders.filter((x) => x.kind === 'agreement_revision').map((x) => x.status);

describe('the revision reminder by date', () => {
  it('reminds the owners from 60 days before the revision date, and says overdue the day after it', async () => {
    const due = addDays(seeded, 30);
    expect(revisions(await remindersOn(addDays(due, -61), 'coordinator'))).toEqual([]);
    const first = await remindersOn(addDays(due, -60), 'coordinator');
    expect([first.today, revisions(first)]).toEqual([addDays(due, -60), ['revision_soon']]);
    expect(revisions(await remindersOn(due, 'samordnare.region'))).toEqual(['revision_soon']);
    expect(revisions(await remindersOn(addDays(due, 1), 'coordinator'))).toEqual(['revision_overdue']);
    // Not an owner: no reminder.
    expect(revisions(await remindersOn(due, 'samordnare.norrvik'))).toEqual([]);
  });

  it('reminds a unit manager whose unit is below a training target, and not a teacher of that unit', async () => {
    clock.set(noon(seeded));
    const unitId = (await t.database.db.selectFrom('user_role as r').innerJoin('app_user as u', 'u.id', 'r.user_id').select('r.unit_id').where('u.username', '=', 'manager').where('r.role', '=', 'unit_manager').executeTakeFirstOrThrow()).unit_id!;
    const manager = await t.loginAs('manager');
    const record = (completedCount: number) => manager.request('PUT', '/api/agreements/training', { unitId, courseId: 'child_rights', staffCount: 10, completedCount });
    expect((await record(5)).statusCode).toBe(200);
    const below = (await remindersOn(seeded, 'manager')).reminders.filter((r) => r.kind === 'training_below_target');
    expect(below.map((r) => r.status)).toContain('50/80');
    expect((await remindersOn(seeded, 'teacher')).reminders).toEqual([]);
    expect((await record(8)).statusCode).toBe(200);
    expect((await remindersOn(seeded, 'manager')).reminders.map((r) => r.status)).not.toContain('80/80');
  });
});
