import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.ts';

type Params<N extends string> = Record<N, string>;

/**
 * A Kysely query built and compiled once, then run with new values: for a hot path whose query
 * costs more to build than to run (the record read, with its sixty columns and four subqueries,
 * took 0.15 ms of the server's CPU per request to build). The builder gets a placeholder for
 * each named value; the placeholders are then found among the compiled parameters and swapped
 * for the real values on each call. Every other parameter (a constant in the query) stays as it
 * was built, so the builder must not branch on the values it is given.
 */
export function reusableQuery<N extends string, O>(
  names: readonly N[],
  build: (db: Kysely<DB>, params: Params<N>) => Compilable<O>,
): (db: Kysely<DB>, params: Params<N>) => Promise<O[]> {
  let compiled: { query: CompiledQuery<O>; slots: Slot<N>[] } | undefined;
  return async (db, params) => {
    // The SQL depends only on the dialect, PostgreSQL's for PGlite and pg alike.
    compiled ??= compile(db, names, build);
    const parameters = compiled.slots.map((slot) => ('name' in slot ? params[slot.name] : slot.value));
    const result = await db.executeQuery<O>({ ...compiled.query, parameters });
    return result.rows;
  };
}

type Slot<N> = { name: N } | { value: unknown };

// A NUL byte never occurs in a real value: PostgreSQL text cannot hold one.
const marker = '\u0000placeholder:';

function compile<N extends string, O>(db: Kysely<DB>, names: readonly N[], build: (db: Kysely<DB>, params: Params<N>) => Compilable<O>) {
  const placeholders = Object.fromEntries(names.map((name) => [name, `${marker}${name}`])) as Params<N>;
  const query = build(db, placeholders).compile();
  const slots = query.parameters.map((value): Slot<N> => {
    const name = names.find((n) => placeholders[n] === value);
    if (name !== undefined) return { name };
    // A value made from a placeholder (`%${p.text}%`) would be frozen at its first value.
    if (typeof value === 'string' && value.includes(marker)) throw new Error('reusableQuery: a value is derived from a placeholder; pass it as a named value of its own');
    return { value };
  });
  const unused = names.filter((n) => !slots.some((s) => 'name' in s && s.name === n));
  if (unused.length > 0) throw new Error(`reusableQuery: the query does not use ${unused.join(', ')}`);
  return { query, slots };
}
