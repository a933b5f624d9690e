import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { planFieldsFor } from '@samsyn/core';
import type { ChildAccess } from '../access/gate.ts';
import type { DB } from '../db/schema.ts';
import { userNames } from './queries.ts';
import { mayWrite, readablePlan, refuseWrite, writerPlace } from './meetings.ts';

/**
 * The team's preparation notes for a plan's meeting (issue 14 point 2): who brings what. One
 * note per team member and plan, which they overwrite as their preparation changes (and empty it
 * to take it back). Read as the plan is read, by the team only (the family's list is empty): the family's own preparation is
 * its form, and these are the professionals' working notes. Written by a participant of the open
 * plan, in their own place (organisation and secrecy domain), like a revision.
 */
export const PreparationNoteInput = z.object({ brings: z.string().trim().max(2000) });
export const PreparationNote = z.object({
  authorId: z.uuid(),
  authorName: z.string(),
  organisationName: z.string(),
  brings: z.string(),
  updatedAt: z.string(),
  mine: z.boolean(),
});
export const PreparationNoteList = z.object({ notes: z.array(PreparationNote), actions: z.array(z.enum(['write'])) });
type NoteList = z.infer<typeof PreparationNoteList>;

async function notesOf(db: FastifyRequest['server']['services']['db'] | Transaction<DB>, planId: string, userId: string, mayWriteNow: boolean): Promise<NoteList> {
  const rows = await db
    .selectFrom('plan_preparation_note as n')
    .innerJoin('organisation as o', 'o.id', 'n.organisation_id')
    .select(['n.author_id', 'n.brings', 'n.updated_at', 'o.name as organisation_name'])
    .where('n.plan_id', '=', planId)
    .orderBy('n.updated_at')
    .orderBy('n.id')
    .execute();
  const names = await userNames(db, rows.map((r) => r.author_id));
  return {
    notes: rows.map((r) => ({ authorId: r.author_id, authorName: names.get(r.author_id) ?? '', organisationName: r.organisation_name, brings: r.brings, updatedAt: new Date(r.updated_at).toISOString(), mine: r.author_id === userId })),
    actions: mayWriteNow ? ['write'] : [],
  };
}

export async function readPreparationNotes(request: FastifyRequest, access: ChildAccess, planId: string): Promise<NoteList> {
  const { db } = request.server.services;
  const plan = await readablePlan(db, request, access, planId);
  // The family reads its own form, not the team's working notes: an empty list, as the look was allowed.
  if (!planFieldsFor(plan.decision.standing).includes('meeting_records')) return { notes: [], actions: [] };
  return notesOf(db, planId, access.actor.userId, mayWrite(plan));
}

/** Saves (or, empty, takes back) the caller's note; the log names the plan, never the text. */
export async function savePreparationNote(trx: Transaction<DB>, request: FastifyRequest, access: ChildAccess, planId: string, input: z.infer<typeof PreparationNoteInput>): Promise<NoteList> {
  const plan = await readablePlan(trx, request, access, planId);
  if (!mayWrite(plan)) throw refuseWrite(plan);
  const place = writerPlace(access);
  const userId = access.actor.userId;
  if (input.brings === '') {
    await trx.deleteFrom('plan_preparation_note').where('plan_id', '=', planId).where('author_id', '=', userId).execute();
  } else {
    const values = { brings: input.brings, organisation_id: place.organisationId, secrecy_domain_id: place.secrecyDomainId, updated_at: access.now };
    await trx.insertInto('plan_preparation_note').values({ plan_id: planId, child_id: access.childId, author_id: userId, ...values }).onConflict((oc) => oc.columns(['plan_id', 'author_id']).doUpdateSet(values)).execute();
  }
  const list = await notesOf(trx, planId, userId, true);
  await access.logWrite(trx, { planId, removed: input.brings === '', secrecyDomainId: place.secrecyDomainId });
  return list;
}
