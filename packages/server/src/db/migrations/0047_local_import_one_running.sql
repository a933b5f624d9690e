-- Issue 15: one local import per indicator at a time, held by the database rather than by a check
-- before the insert (two requests could both pass it). A running import beats a heartbeat (its
-- progress); one whose process died stops beating, and a new import marks it failed once the beat
-- is older than the timeout (indicators/local-import.ts), so it never blocks for ever.
ALTER TABLE local_import ADD COLUMN heartbeat_at timestamptz;
UPDATE local_import SET heartbeat_at = coalesce(finished_at, started_at);
ALTER TABLE local_import ALTER COLUMN heartbeat_at SET NOT NULL;

-- Two running imports of one indicator left by the old check: all but the newest are failed, as
-- a process that died would have left them.
UPDATE local_import l SET status = 'failed', failure = 'internal_error', finished_at = l.heartbeat_at
WHERE l.status IN ('reading', 'saving')
  AND EXISTS (SELECT 1 FROM local_import n WHERE n.indicator_id = l.indicator_id AND n.status IN ('reading', 'saving') AND (n.started_at, n.id) > (l.started_at, l.id));

CREATE UNIQUE INDEX local_import_one_running ON local_import (indicator_id) WHERE status IN ('reading', 'saving');
