-- Issue 12's benchmark: the version of each child's gate facts. A list of the reader's children
-- ("Mina barn") reads each child's version from the child's own row and decides on facts it loaded
-- before when the version is the same (access/facts-cache.ts); only a child whose facts changed is
-- loaded again. The facts are the child's birth date and protected identity, its guardians (the
-- count), its care team, its consents, its emergency accesses, its pending handover and the secrecy
-- domains of its members' units: a change to any of them, by any path, moves the version in the
-- change's own transaction, here, by triggers. A version is a value of one sequence, never reused,
-- so no two states of a child's facts share one. The column is on `child`, not a table of its own,
-- so the list reads it from the row it reads anyway (a join cost the list a twentieth of its time).
CREATE SEQUENCE child_gate_version_seq;

ALTER TABLE child ADD COLUMN gate_version bigint NOT NULL DEFAULT nextval('child_gate_version_seq');

-- Moves the version of each child given (a child erased in this statement is no longer there to
-- move): any value set here becomes the sequence's next (child_gate_version_on_child, below).
CREATE FUNCTION child_gate_version_bump(children uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE child SET gate_version = 0 WHERE id = ANY (children)
$$;

-- One bump per statement (transition tables), so a bulk insert of the demo or a register import
-- moves each child once, not once per row.
CREATE FUNCTION child_gate_version_on_child_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM child_gate_version_bump(ARRAY(SELECT DISTINCT child_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM child_gate_version_bump(ARRAY(SELECT DISTINCT child_id FROM old_rows));
  ELSE
    PERFORM child_gate_version_bump(ARRAY(SELECT child_id FROM new_rows UNION SELECT child_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['child_guardian', 'care_team_member', 'consent', 'emergency_access', 'named_person_handover'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION child_gate_version_on_child_rows()', t || '_gate_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION child_gate_version_on_child_rows()', t || '_gate_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION child_gate_version_on_child_rows()', t || '_gate_version_delete', t);
  END LOOP;
END
$$;

-- The child's own facts: a new birth date (the consent age) or protected identity moves the version
-- in the same row, whoever changes it. Every new version is the sequence's next, whatever value a
-- statement set, so no one sets a version back to one that facts were loaded at.
CREATE FUNCTION child_gate_version_on_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.birth_date, NEW.protected_identity) IS DISTINCT FROM (OLD.birth_date, OLD.protected_identity)
     OR NEW.gate_version IS DISTINCT FROM OLD.gate_version THEN
    NEW.gate_version := nextval('child_gate_version_seq');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER child_gate_version_own_facts BEFORE UPDATE ON child
  FOR EACH ROW EXECUTE FUNCTION child_gate_version_on_child();

-- A unit's secrecy domains are facts of every child with a member at that unit (the domain an
-- entry was written in, and the reader's own).
CREATE FUNCTION child_gate_version_on_unit_domains() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM child_gate_version_bump(ARRAY(SELECT DISTINCT m.child_id FROM care_team_member m WHERE m.unit_id IN (SELECT unit_id FROM new_rows)));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM child_gate_version_bump(ARRAY(SELECT DISTINCT m.child_id FROM care_team_member m WHERE m.unit_id IN (SELECT unit_id FROM old_rows)));
  ELSE
    PERFORM child_gate_version_bump(ARRAY(SELECT DISTINCT m.child_id FROM care_team_member m WHERE m.unit_id IN (SELECT unit_id FROM new_rows UNION SELECT unit_id FROM old_rows)));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER unit_secrecy_domain_gate_version_insert AFTER INSERT ON unit_secrecy_domain REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION child_gate_version_on_unit_domains();
CREATE TRIGGER unit_secrecy_domain_gate_version_update AFTER UPDATE ON unit_secrecy_domain REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION child_gate_version_on_unit_domains();
CREATE TRIGGER unit_secrecy_domain_gate_version_delete AFTER DELETE ON unit_secrecy_domain REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION child_gate_version_on_unit_domains();
