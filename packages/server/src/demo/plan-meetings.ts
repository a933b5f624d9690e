import type { Transaction } from 'kysely';
import { stockholmDate } from '@samsyn/core';
import type { DB } from '../db/schema.ts';
import { insertInvitation, insertMeeting } from '../plans/meetings-queries.ts';

const dayMs = 86_400_000;

/** In the demo, the days from the clock to the next meeting of Ebba's SIP: next month. */
export const demoSipMeetingInDays = 24;

interface Lead { userId: string; organisationId: string; secrecyDomainId: string }

/**
 * The next meeting of the demo child Ebba's SIP (issue 14, point 8), booked by its planning lead
 * `socialworker` two days ago for next month: a summons (kallelse) to `psychologist` (the region,
 * an obliged principal), an invitation (inbjudan) to `teacher` (the school) and the family's
 * invitation to `guardian`, all delivered and none yet opened or answered, so each waits in its
 * invitee's inbox.
 */
export async function seedSipMeeting(trx: Transaction<DB>, now: Date, sip: { planId: string; childId: string; lead: Lead }): Promise<void> {
  const booked = new Date(now.getTime() - 2 * dayMs);
  // A morning meeting in Swedish time, whatever the hour the demo is seeded at.
  const startsAt = `${stockholmDate(new Date(now.getTime() + demoSipMeetingInDays * dayMs))}T09:00:00+01:00`;
  const meetingId = await insertMeeting(trx, { planId: sip.planId, childId: sip.childId, startsAt, place: 'Familjecentralen Exempelstad, rum 3', digitalLink: 'https://mote.exempellan.example/sip-ebba', organisationId: sip.lead.organisationId, secrecyDomainId: sip.lead.secrecyDomainId, userId: sip.lead.userId, at: booked });
  const users = await trx.selectFrom('app_user').select(['id', 'username']).where('username', 'in', ['psychologist', 'teacher', 'guardian']).execute();
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;
  const invitees = [['psychologist', 'summons'], ['teacher', 'invitation'], ['guardian', 'family']] as const;
  // A minute apart, in this order: the meeting's list of invitees shows them as they were sent.
  for (const [n, [username, kind]] of invitees.entries()) {
    await insertInvitation(trx, { meetingId, planId: sip.planId, childId: sip.childId, kind, userId: idOf(username), externalName: '', externalEmail: '', by: sip.lead.userId, at: new Date(booked.getTime() + n * 60_000) });
  }
}
