import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { FactsWith } from '../access/facts.ts';
import { gateVersion, withKeptFacts } from '../access/facts-cache.ts';
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

/**
 * One statement: the sources' UNION ALL, materialised once as `ev`, then the child's row with
 * the events, the names they refer to and the child's facts version, for which the gate takes the
 * facts it keeps (access/facts-cache.ts). The statement is compiled once (reusableQuery) and
 * prepared per connection.
 */
function chronologyStatement(db: Kysely<DB>, childId: string) {
  const union = sql<SourceRow>`(${sql.join(chronologySources.map((source) => source(db, childId)), sql` union all `)})`;
  // The row's columns come back as they are (JSON columns parsed by the driver): wrapping the row in
  // to_json cost PostgreSQL more than the whole union.
  return db
    .with((cte) => cte('ev').materialized(), () => union)
    .selectFrom('child as c')
    .where('c.id', '=', childId)
    .select([
      'c.id',
      'c.birth_date',
      'c.protected_identity',
      'c.given_name',
      'c.family_name',
      gateVersion,
      sql<EventTuple[]>`(select coalesce(json_agg(ev.e), '[]'::json) from ev)`.as('events'),
      sql<Record<string, string>>`(select coalesce(json_object_agg(o.id, o.name), '{}'::json) from organisation as o where o.id in (select ev.organisation_id from ev))`.as('organisations'),
      sql<Record<string, string>>`(select coalesce(json_object_agg(d.id, d.name), '{}'::json) from secrecy_domain as d where d.id in (select ev.secrecy_domain_id from ev))`.as('secrecy_domains'),
      sql<Record<string, string>>`(select coalesce(json_object_agg(u.id, u.display_name), '{}'::json) from app_user as u where u.kind = 'professional' and u.id in (select ev.by_id from ev))`.as('people'),
    ]);
}

const eventsById = reusableQuery(['childId'], (db, p) => chronologyStatement(db, p.childId));

/** The chronology with the gate's facts for the child's facts version it read, for `withChildAccessLoading`. */
export const chronologyWithFacts: FactsWith<LoadedChronology> = async (db, childId, _actorUserId, _now, kept) => {
  const [row] = await eventsById(db, { childId });
  return withKeptFacts(db, kept, row);
};

/** The same statement without the gate: for the bench's ceiling only. */
export async function loadChronologyUngated(db: Kysely<DB>, childId: string): Promise<LoadedChronology | null> {
  const [row] = await eventsById(db, { childId });
  return row ?? null;
}
