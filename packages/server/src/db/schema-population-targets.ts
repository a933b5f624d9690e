import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 0036 (0047: the heartbeat): stored targets and local statistics (issue 15, items 3 and 4). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Status = 'ok' | 'confidential' | 'not_applicable' | 'missing';

export interface PopulationTargetTables {
  indicator_target: {
    id: Generated<string>;
    indicator_id: string;
    organisation_id: string;
    kind: 'yearly_change' | 'fixed_value';
    baseline_year: number;
    baseline_value: number;
    change_per_year: number | null;
    target_year: number | null;
    target_value: number | null;
    set_by: string;
    set_at: Timestamp;
  };
  local_import: {
    id: Generated<string>;
    indicator_id: string;
    file_name: string;
    file_sha256: string;
    format: 'csv' | 'xlsx';
    mapping: ColumnType<unknown, string, string>;
    status: 'reading' | 'saving' | 'done' | 'failed';
    imported_by: string;
    started_at: Timestamp;
    finished_at: Timestamp | null;
    /** The running import's last sign of life (migration 0047): a new one fails it once too old. */
    heartbeat_at: Timestamp;
    total_rows: Generated<number>;
    processed_rows: Generated<number>;
    added: Generated<number>;
    revised: Generated<number>;
    unchanged: Generated<number>;
    rejected_rows: Generated<number>;
    errors: ColumnType<{ line: number; column: string | null; code: string }[], string | undefined, string>;
    failure: string | null;
  };
  local_value: {
    indicator_id: string;
    municipality: string;
    school_unit: string;
    year: number;
    gender: 'T' | 'K' | 'M';
    value: number | null;
    status: Status;
    count: number | null;
    import_id: string;
  };
  local_value_revision: {
    id: Generated<string>;
    indicator_id: string;
    municipality: string;
    school_unit: string;
    year: number;
    gender: string;
    value: number | null;
    status: string;
    count: number | null;
    import_id: string;
    replaced_by_import_id: string;
    replaced_at: Timestamp;
  };
}
