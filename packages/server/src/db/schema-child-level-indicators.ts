import type { ColumnType } from 'kysely';

/** Table of migration 0034: the child level's own anonymised indicators (issue 15, item 7). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ChildLevelIndicatorTables {
  child_level_indicator_value: {
    indicator_id: string;
    area_code: string;
    quarter: string;
    breakdown: string;
    count: number | null;
    denominator: number | null;
    // numeric comes back as a string from pg and PGlite; the queries convert it.
    value: ColumnType<string | null, number | string | null, number | string | null>;
    suppressed_reason: 'too_few' | 'complementary' | null;
    computed_at: Timestamp;
  };
}
