/**
 * Running an accepted import: the staged rows in batches, each batch one transaction that takes
 * the children's locks, plans every row again against the register as it is then (so a second
 * run of the same file changes nothing), writes, appends the identity history (moves, new
 * guardians) and one audit entry per child created or changed, and moves the progress on. The
 * page polls the import's progress. When the run ends, done or failed, the staged rows are deleted.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import { decideRegisterAccess, planRow, type ChangeField, type PolicyActor } from '@samsyn/core';
import type { DB, IdentityChangeField } from '../db/schema.ts';
import type { Services } from '../http/types.ts';
import { appendAudit, type AuditEntry } from '../audit/writer.ts';
import { linkGuardians } from '../children/guardians.ts';
import { appendIdentityChanges, type IdentityChange } from '../children/identity.ts';
import { guardianText, storedChildren } from './queries.ts';
import type { StagedRow } from './preview.ts';

export const BATCH_ROWS = 100;

export interface RunContext {
  importId: string;
  organisationId: string;
  fileName: string;
  actor: PolicyActor;
  /** The accepting request's who/where, for every entry the run writes. */
  audit: Pick<AuditEntry, 'actorId' | 'actorUsername' | 'requestId' | 'clientIp'>;
}

const columnOf: Record<ChangeField, keyof DB['child']> = {
  given_name: 'given_name',
  family_name: 'family_name',
  street_address: 'street_address',
  postal_code: 'postal_code',
  city: 'city',
  school_unit: 'school_unit_id',
  protected_identity: 'protected_identity',
};

/**
 * Runs the whole import, batch by batch; returns when it has ended. A run that stops on an error
 * ends 'failed' (logged, and audited as a failure): the batches that committed stay, and the page
 * stops waiting and says so. It never throws, since nobody waits on the job but the page.
 */
export async function runImport(services: Services, log: FastifyBaseLogger, ctx: RunContext): Promise<void> {
  try {
    await runBatches(services, ctx);
    await endRun(services, ctx, 'done');
    log.info({ importId: ctx.importId }, 'register import done');
  } catch (error) {
    log.error({ err: error, importId: ctx.importId }, 'register import failed');
    await endRun(services, ctx, 'failed').catch((e: unknown) => log.error({ err: e, importId: ctx.importId }, 'register import could not be marked failed'));
  }
}

async function runBatches(services: Services, ctx: RunContext): Promise<void> {
  const { db, clock } = services;
  let after = -1;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const batch = await trx.selectFrom('register_import_row').selectAll().where('import_id', '=', ctx.importId).where('row_number', '>', after).orderBy('row_number').limit(BATCH_ROWS).execute();
      if (batch.length === 0) return true;
      after = batch.at(-1)!.row_number;
      const counts = await runBatch(trx, ctx, batch.map((b) => b.data as StagedRow | null), clock.now());
      await trx
        .updateTable('register_import')
        .set((eb) => ({
          processed_rows: eb('processed_rows', '+', batch.length),
          created_count: eb('created_count', '+', counts.created),
          changed_count: eb('changed_count', '+', counts.changed),
          unchanged_count: eb('unchanged_count', '+', counts.unchanged),
          error_count: eb('error_count', '+', counts.errors),
        }))
        .where('id', '=', ctx.importId)
        .execute();
      return false;
    });
    if (done) return;
  }
}

/** The run's end, done or failed: its status, the staged rows deleted, and one entry with the counts. */
async function endRun(services: Services, ctx: RunContext, status: 'done' | 'failed'): Promise<void> {
  const now = services.clock.now();
  await services.db.transaction().execute(async (trx) => {
    const ended = await trx.updateTable('register_import').set({ status, finished_at: now }).where('id', '=', ctx.importId).where('status', '=', 'running').returning(['created_count', 'changed_count', 'unchanged_count', 'error_count', 'processed_rows', 'total_rows']).executeTakeFirst();
    if (!ended) return;
    // The file's personal data does not outlive the run; the history keeps the counts.
    await trx.deleteFrom('register_import_row').where('import_id', '=', ctx.importId).execute();
    const details = { created: ended.created_count, changed: ended.changed_count, unchanged: ended.unchanged_count, errors: ended.error_count, rows: ended.total_rows, ...(status === 'failed' ? { processed: ended.processed_rows } : {}) };
    await appendAudit(trx, [{ ...ctx.audit, action: 'register_import.run', subjectType: 'register_import', subjectId: ctx.importId, organisationId: ctx.organisationId, outcome: status === 'done' ? 'success' : 'failure', details }], now);
  });
}

async function runBatch(trx: Transaction<DB>, ctx: RunContext, rows: readonly (StagedRow | null)[], now: Date) {
  const counts = { created: 0, changed: 0, unchanged: 0, errors: 0 };
  // Rows with errors were counted at the preview (`error_count`); only a row refused now is counted here.
  const staged = rows.filter((r): r is StagedRow => r !== null);
  const stored = await storedChildren(trx, staged.map((s) => s.row.identityNumber), { lock: true });
  const entries: AuditEntry[] = [];
  // The file names the change; the interface says "Registerimport: <file>" in its own language.
  const reason = ctx.fileName;
  for (const { row, schoolUnitId } of staged) {
    const existing = stored.get(row.identityNumber) ?? null;
    const homeOrganisationId = existing?.homeOrganisationId ?? ctx.organisationId;
    // Decided again inside the transaction: a record moved to another register since the preview is not touched.
    if (!decideRegisterAccess(ctx.actor, { homeOrganisationId, protectedIdentity: existing?.protectedIdentity ?? row.protectedIdentity }).allow) {
      counts.errors += 1;
      continue;
    }
    const plan = planRow(row, schoolUnitId, existing);
    if (plan.outcome === 'unchanged') {
      counts.unchanged += 1;
      continue;
    }
    let childId: string;
    const history: IdentityChange[] = [];
    if (plan.outcome === 'create') {
      const created = await trx
        .insertInto('child')
        .values({ identity_number: row.identityNumber, identity_kind: row.identityKind, given_name: row.givenName, family_name: row.familyName, birth_date: row.birthDate, sex: row.sex, street_address: row.streetAddress, postal_code: row.postalCode, city: row.city, home_organisation_id: ctx.organisationId, school_unit_id: schoolUnitId, protected_identity: row.protectedIdentity, created_by: ctx.actor.userId, created_via: 'register_import', created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      childId = created.id;
      counts.created += 1;
    } else {
      childId = existing!.id;
      if (plan.changes.length > 0) {
        await trx.updateTable('child').set({ ...Object.fromEntries(plan.changes.map((c) => [columnOf[c.field], c.to])), updated_at: now }).where('id', '=', childId).execute();
      }
      history.push(...plan.changes.map((c) => ({ field: c.field as IdentityChangeField, oldValue: c.from, newValue: c.to })));
      counts.changed += 1;
    }
    const added = await linkGuardians(trx, childId, plan.guardiansToAdd);
    if (plan.outcome !== 'create') history.push(...added.map((g) => ({ field: 'guardian_added' as const, oldValue: null, newValue: guardianText(g) })));
    await appendIdentityChanges(trx, childId, history, { source: 'register_import', reason, importId: ctx.importId, userId: ctx.actor.userId, now });
    entries.push({ ...ctx.audit, action: 'child.register.import', subjectType: 'child', subjectId: childId, organisationId: ctx.organisationId, outcome: 'success', details: { category: 'register', basis: 'legal_duty', reason: 'register_administrator', importId: ctx.importId, outcome: plan.outcome, fields: history.map((h) => h.field), flagged: (existing?.protectedIdentity ?? row.protectedIdentity) !== null } });
  }
  if (entries.length > 0) await appendAudit(trx, entries, now);
  return counts;
}
