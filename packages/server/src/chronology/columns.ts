import { sql, type Expression, type RawBuilder } from 'kysely';
import type { AccessCategory, ChronologyChange, ChronologyDetails, ChronologyEventType } from '@samsyn/core';

/**
 * The row every chronology source selects, one per event. UNION ALL matches columns by position,
 * so a source never lists them itself: it names its parts to `eventColumns`, which puts them in
 * this order with typed nulls for the parts it leaves out. Times travel as text (the statement
 * returns its rows as JSON).
 */
export interface ChronologySourceRow {
  /** Unique in the child's chronology: the source row's id, with the change where one row makes several events. */
  id: string;
  type: ChronologyEventType;
  change: ChronologyChange;
  /** The day it happened; null: the Stockholm day of `at`. */
  occurred_on: string | null;
  /** When it was recorded or took effect. */
  at: string;
  /**
   * What the gate decides it as: an information category (with the entry's facts below), the
   * record's `care_team` or `consent`, or null for a report of concern, which the reporter and
   * intake alone may see (reports/, not the team's gate).
   */
  category: AccessCategory | null;
  organisation_id: string | null;
  organisation_name: string | null;
  unit_id: string | null;
  secrecy_domain_id: string | null;
  secrecy_domain_name: string | null;
  /** When the entry was written: the gate judges an entry by its writer's domain at that instant. */
  written_at: string | null;
  /** The professional who recorded it or made the change; null for a citizen (a guardian's name is theirs). */
  by_name: string | null;
  /** A report of concern's reporter and intake unit: who may see it. Null for every other type. */
  reporter_id: string | null;
  intake_unit_id: string | null;
  /** `ChronologyDetails` as a JSON object, without nulls. */
  detail: ChronologyDetails;
}

type Part = Expression<unknown>;

export interface EventParts {
  id: Part;
  type: ChronologyEventType;
  change: ChronologyChange;
  occurredOn?: Part;
  at: Part;
  /** A constant category, or the row's own (a record entry's). */
  category: AccessCategory | null | Part;
  organisationId?: Part;
  organisationName?: Part;
  unitId?: Part;
  secrecyDomainId?: Part;
  secrecyDomainName?: Part;
  writtenAt?: Part;
  by?: Part;
  reporterId?: Part;
  intakeUnitId?: Part;
  /** `json_build_object(...)` of the details; nulls are stripped. */
  detail: RawBuilder<unknown>;
}

const nullOf = (type: string) => sql.raw(`null::${type}`);
const or = (part: Part | undefined, type: string) => (part === undefined ? nullOf(type) : sql`(${part})::${sql.raw(type)}`);

/** The canonical columns of one source's select, in the order of `ChronologySourceRow`. */
export function eventColumns(p: EventParts) {
  const category = p.category === null ? nullOf('text') : typeof p.category === 'string' ? sql`${sql.lit(p.category)}::text` : sql`(${p.category})::text`;
  return [
    sql<string>`(${p.id})::text`.as('id'),
    sql<ChronologyEventType>`${sql.lit(p.type)}::text`.as('type'),
    sql<ChronologyChange>`${sql.lit(p.change)}::text`.as('change'),
    sql<string | null>`${or(p.occurredOn, 'date')}`.as('occurred_on'),
    sql<string>`(${p.at})::timestamptz`.as('at'),
    sql<AccessCategory | null>`${category}`.as('category'),
    sql<string | null>`${or(p.organisationId, 'uuid')}`.as('organisation_id'),
    sql<string | null>`${or(p.organisationName, 'text')}`.as('organisation_name'),
    sql<string | null>`${or(p.unitId, 'uuid')}`.as('unit_id'),
    sql<string | null>`${or(p.secrecyDomainId, 'uuid')}`.as('secrecy_domain_id'),
    sql<string | null>`${or(p.secrecyDomainName, 'text')}`.as('secrecy_domain_name'),
    sql<string | null>`${or(p.writtenAt, 'timestamptz')}`.as('written_at'),
    sql<string | null>`${or(p.by, 'text')}`.as('by_name'),
    sql<string | null>`${or(p.reporterId, 'uuid')}`.as('reporter_id'),
    sql<string | null>`${or(p.intakeUnitId, 'uuid')}`.as('intake_unit_id'),
    sql<ChronologyDetails>`json_strip_nulls(${p.detail})`.as('detail'),
  ] as const;
}

/** A person's name only where they are a professional: a guardian's or a child's name is not the chronology's to show. */
export function professionalName(kind: Part, name: Part): RawBuilder<string | null> {
  return sql<string | null>`case when ${kind} = 'professional' then ${name} end`;
}
