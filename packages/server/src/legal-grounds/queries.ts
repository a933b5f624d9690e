import type { Kysely, Transaction } from 'kysely';
import type { LegalGroundFacts, LegalGroundKind } from '@samsyn/core';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The legal grounds in force on a Stockholm date, of one kind or with one code if asked. A change
 * in the law is rows with dates, not code.
 */
export async function legalGroundsInForce(db: Db, date: string, filter: { kind?: LegalGroundKind; code?: string } = {}) {
  let query = db
    .selectFrom('legal_ground')
    .selectAll()
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]));
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.code) query = query.where('code', '=', filter.code);
  return query.orderBy('kind').orderBy('code').execute();
}

/** One legal ground as a rule in core weighs it, in force or not: the rule decides what its dates mean. */
export async function legalGroundFacts(db: Db, code: string): Promise<LegalGroundFacts | undefined> {
  const row = await db.selectFrom('legal_ground').select(['code', 'kind', 'valid_from', 'valid_to']).where('code', '=', code).executeTakeFirst();
  return row && { code: row.code, kind: row.kind, validFrom: row.valid_from, validTo: row.valid_to };
}
