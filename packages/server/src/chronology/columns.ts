import { sql, type Expression, type RawBuilder } from 'kysely';
import type { AccessCategory, ChronologyChange, ChronologyDetails, ChronologyEventType } from '@samsyn/core';

/**
 * What every chronology source selects, one row per event: the ids the statement names (the
 * organisation, the secrecy domain and the person, looked up once for all events) and the event
 * itself as one JSON array, `e`. An array, not an object: five hundred events travel as a third
 * of the bytes and cost PostgreSQL a third of the time. A source never lists the columns itself:
 * it names its parts to `eventColumns`, which puts them in the order `EventTuple` reads them.
 */
export interface SourceRow {
  organisation_id: string | null;
  secrecy_domain_id: string | null;
  by_id: string | null;
  e: EventTuple;
}

/** The event as `eventColumns` builds it; `readEvent` names its parts. */
export type EventTuple = [
  id: string,
  type: ChronologyEventType,
  change: ChronologyChange,
  occurredOn: string | null,
  at: string,
  category: AccessCategory | null,
  organisationId: string | null,
  unitId: string | null,
  secrecyDomainId: string | null,
  writtenAt: string | null,
  byId: string | null,
  reporterId: string | null,
  intakeUnitId: string | null,
  detail: ChronologyDetails,
];

/** One event of the child, as the view reads it. */
export interface ChronologySourceRow {
  /** Unique in the child's chronology: the source row's id, with the change where one row makes several events. */
  id: string;
  type: ChronologyEventType;
  change: ChronologyChange;
  /** The day it happened; null: the Stockholm day of `at`. */
  occurredOn: string | null;
  /** When it was recorded or took effect. */
  at: string;
  /**
   * What the gate decides it as: an information category (with the entry's facts below), the
   * record's `care_team` or `consent`, or null for a report of concern, which the reporter and
   * intake alone may see (reports/, not the team's gate).
   */
  category: AccessCategory | null;
  organisationId: string | null;
  unitId: string | null;
  secrecyDomainId: string | null;
  /** When the entry was written: the gate judges an entry by its writer's domain at that instant. */
  writtenAt: string | null;
  /** Who recorded it or made the change; shown only when a professional did. */
  byId: string | null;
  /** A report of concern's reporter and intake unit: who may see it. Null for every other type. */
  reporterId: string | null;
  intakeUnitId: string | null;
  detail: ChronologyDetails;
}

export function readEvent(e: EventTuple): ChronologySourceRow {
  const [id, type, change, occurredOn, at, category, organisationId, unitId, secrecyDomainId, writtenAt, byId, reporterId, intakeUnitId, detail] = e;
  return { id, type, change, occurredOn, at, category, organisationId, unitId, secrecyDomainId, writtenAt, byId, reporterId, intakeUnitId, detail };
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
  unitId?: Part;
  secrecyDomainId?: Part;
  writtenAt?: Part;
  by?: Part;
  reporterId?: Part;
  intakeUnitId?: Part;
  /** `json_build_object(...)` of the details; nulls are left out. */
  detail: RawBuilder<unknown>;
}

const orNull = (part: Part | undefined) => (part === undefined ? sql`null` : part);
const uuidOrNull = (part: Part | undefined) => (part === undefined ? sql`null::uuid` : sql`(${part})::uuid`);

/** One source's select: the ids the statement looks up, and the event as `EventTuple`. */
export function eventColumns(p: EventParts) {
  const category = p.category === null ? sql`null` : typeof p.category === 'string' ? sql.lit(p.category) : p.category;
  return [
    sql<string | null>`${uuidOrNull(p.organisationId)}`.as('organisation_id'),
    sql<string | null>`${uuidOrNull(p.secrecyDomainId)}`.as('secrecy_domain_id'),
    sql<string | null>`${uuidOrNull(p.by)}`.as('by_id'),
    sql<EventTuple>`json_build_array(${p.id}, ${sql.lit(p.type)}, ${sql.lit(p.change)}, ${orNull(p.occurredOn)}, ${p.at}, ${category}, ${orNull(p.organisationId)}, ${orNull(p.unitId)},
      ${orNull(p.secrecyDomainId)}, ${orNull(p.writtenAt)}, ${orNull(p.by)}, ${orNull(p.reporterId)}, ${orNull(p.intakeUnitId)}, json_strip_nulls(${p.detail}))`.as('e'),
  ] as const;
}
