import { sql, type Kysely, type RawBuilder } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DB } from '../db/schema.ts';
import { gateFactsColumns, policyChildOf, type FactsWith } from '../access/facts.ts';
import { reusableQuery } from '../db/reusable-query.ts';
import type { ChronologySourceRow } from './columns.ts';
import { chronologySources } from './sources.ts';

/** Every event of the child, from every source, as one JSON array (unsorted: the view sorts after the gate). */
function childEvents(db: Kysely<DB>, childId: string): RawBuilder<ChronologySourceRow[]> {
  const union = sql.join(chronologySources.map((source) => source(db, childId)), sql` union all `);
  return sql<ChronologySourceRow[]>`(select coalesce(json_agg(agg), '[]'::json) from (${union}) as agg)`;
}

/** The child's own row, as far as the chronology needs it (its name, for the page's heading). */
function childRow(db: Kysely<DB>, childId: string) {
  return db.selectFrom('child as c').select(['c.id', 'c.birth_date', 'c.protected_identity', 'c.given_name', 'c.family_name']).where('c.id', '=', childId);
}

export interface LoadedChronology {
  id: string;
  protected_identity: string | null;
  given_name: string;
  family_name: string;
  events: ChronologySourceRow[];
}

// One statement: the child's row, the gate's facts riding on it, and every event of every source.
const eventsAndFactsById = reusableQuery(['childId', 'actorUserId'], (db, p) =>
  db.selectNoFrom([jsonObjectFrom(childRow(db, p.childId).select((eb) => [...gateFactsColumns(eb, p.actorUserId), childEvents(db, p.childId).as('events')])).as('row')]),
);

/** The chronology with the gate's facts, in one round trip, for `withChildAccessLoading`. */
export const chronologyWithFacts: FactsWith<LoadedChronology> = async (db, childId, actorUserId) => {
  const [result] = await eventsAndFactsById(db, { childId, actorUserId });
  const row = result?.row;
  return row ? { child: policyChildOf(row), loaded: row } : { child: undefined, loaded: null };
};

const eventsById = reusableQuery(['childId'], (db, p) => db.selectNoFrom([jsonObjectFrom(childRow(db, p.childId).select(() => [childEvents(db, p.childId).as('events')])).as('row')]));

/** The same statement without the gate's facts: for the bench's ceiling only. */
export async function loadChronologyUngated(db: Kysely<DB>, childId: string): Promise<LoadedChronology | null> {
  const [result] = await eventsById(db, { childId });
  return result?.row ?? null;
}
