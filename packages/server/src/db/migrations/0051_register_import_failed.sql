-- A register import whose run stops on an error (the database refused a batch, the server lost its
-- connection) is 'failed', not left 'running' for ever: the page stops waiting and says what was
-- done, the history shows it, and the staged rows (the file's personal data) are deleted as after
-- a finished run. The batches that committed stay; importing the file again changes only the rest.
ALTER TABLE register_import DROP CONSTRAINT register_import_status_check;
ALTER TABLE register_import ADD CONSTRAINT register_import_status_check
  CHECK (status IN ('previewed', 'running', 'done', 'discarded', 'failed'));
