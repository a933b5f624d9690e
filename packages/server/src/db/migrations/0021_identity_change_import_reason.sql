-- Issue 12: a change a register import made names its file in `reason`, and the interface says
-- "Registerimport: <file>" ("Register import: <file>") in the reader's language; Samsyn stores no
-- sentence of its own. A file's name may be shorter than the three characters a typed reason of a
-- correction needs, so the check asks that of corrections only.
ALTER TABLE child_identity_change DROP CONSTRAINT child_identity_change_reason_check;
ALTER TABLE child_identity_change ADD CONSTRAINT child_identity_change_reason_check
  CHECK (length(reason) >= 3 OR (source = 'register_import' AND length(reason) >= 1));

-- Imports before this migration wrote the Swedish words in front of the file's name: the same
-- fact, stored as the file's name alone from now on. The values of the history are untouched.
UPDATE child_identity_change SET reason = substr(reason, length('Registerimport: ') + 1)
  WHERE source = 'register_import' AND reason LIKE 'Registerimport: %' AND length(reason) > length('Registerimport: ');
