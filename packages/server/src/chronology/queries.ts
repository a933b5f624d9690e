import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { gateFactsColumns, policyChildOf, type FactsWith } from '../access/facts.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import type { EventTuple, SourceRow } from './columns.ts';
import { chronologySources } from './sources.ts';

/** The child's row and every event of every source, with the names the events refer to, each looked up once. */
export interface LoadedChronology {
  id: string;
  protected_identity: string | null;
  given_name: string;
  family_name: string;
  /** Unsorted: the view sorts what the gate lets through. */
  events: EventTuple[];
  organisations: Record<string, string>;
  secrecy_domains: Record<string, string>;
  /** Professionals only: a guardian's or a child's name is not the chronology's to show. */
  people: Record<string, string>;
}

type ChildEb = ExpressionBuilder<DB & { c: DB['child'] }, 'c'>;

/**
 * One statement: the sources' UNION ALL, materialised once as `ev`, then the child's row with
 * the events and the names they refer to and, for the gated read, the gate's facts riding on the
 * same row. The statement is compiled once (reusableQuery) and prepared per connection.
 */
function chronologyStatement(db: Kysely<DB>, childId: string, gate: ((eb: ChildEb) => ReturnType<typeof gateFactsColumns>) | null) {
  const union = sql<SourceRow>`(${sql.join(chronologySources.map((source) => source(db, childId)), sql` union all `)})`;
  // The row's columns come back as they are (JSON columns parsed by the driver): wrapping the row in
  // to_json cost PostgreSQL more than the whole union.
  return db
    .with((cte) => cte('ev').materialized(), () => union)
    .selectFrom('child as c')
    .where('c.id', '=', childId)
    .select((eb) => [
      'c.id',
      'c.birth_date',
      'c.protected_identity',
      'c.given_name',
      'c.family_name',
      ...(gate ? gate(eb as unknown as ChildEb) : []),
      sql<EventTuple[]>`(select coalesce(json_agg(ev.e), '[]'::json) from ev)`.as('events'),
      sql<Record<string, string>>`(select coalesce(json_object_agg(o.id, o.name), '{}'::json) from organisation as o where o.id in (select ev.organisation_id from ev))`.as('organisations'),
      sql<Record<string, string>>`(select coalesce(json_object_agg(d.id, d.name), '{}'::json) from secrecy_domain as d where d.id in (select ev.secrecy_domain_id from ev))`.as('secrecy_domains'),
      sql<Record<string, string>>`(select coalesce(json_object_agg(u.id, u.display_name), '{}'::json) from app_user as u where u.kind = 'professional' and u.id in (select ev.by_id from ev))`.as('people'),
    ]);
}

const eventsAndFactsById = reusableQuery(['childId', 'actorUserId'], (db, p) => chronologyStatement(db, p.childId, (eb) => gateFactsColumns(eb, p.actorUserId)));

/** The chronology with the gate's facts, in one round trip, for `withChildAccessLoading`. */
export const chronologyWithFacts: FactsWith<LoadedChronology> = async (db, childId, actorUserId) => {
  const [row] = await eventsAndFactsById(db, { childId, actorUserId });
  return row ? { child: policyChildOf(row), loaded: row } : { child: undefined, loaded: null };
};

const eventsById = reusableQuery(['childId'], (db, p) => chronologyStatement(db, p.childId, null));

/** The same statement without the gate's facts: for the bench's ceiling only. */
export async function loadChronologyUngated(db: Kysely<DB>, childId: string): Promise<LoadedChronology | null> {
  const [row] = await eventsById(db, { childId });
  return row ?? null;
}
