-- Issue 14's benchmark: the append to the audit chain as one function. A change sends its entries
-- with its COMMIT as one simple query (audit/logged-transaction.ts), the entries written in as a
-- literal; the statement that was sent then was parsed and planned on every write (a third of a
-- millisecond of the database's time, on a machine where the database and the server share two
-- cores). A PL/pgSQL function keeps its statements' plans for the session, so the simple query is
-- now `SELECT audit_append(…)`, which costs almost nothing to plan.
--
-- The append is what it was: lock the chain head, link each entry to the one before with
-- SHA-256(previous hash, newline, the entry's canonical JSON with its seq) exactly as chain.ts's
-- `hashLink` computes, insert the rows and move the head, all in the caller's transaction. A loop
-- links in linear time (the recursive statement it replaces grew with the square of a batch). The
-- entries arrive as {n, tail, and the columns}, n from 1; the caller computes each tail (chain.ts).
-- The function runs with the caller's rights: samsyn_app may INSERT into audit_log and move the
-- head forward (grants.sql), nothing more.
CREATE FUNCTION audit_append(entries json) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  start_seq bigint;
  link text;
  e record;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'audit_chain_head is missing';
  END IF;
  start_seq := head_seq;
  FOR e IN
    SELECT * FROM json_to_recordset(entries) AS r(
      n int, at timestamptz, actor_id uuid, actor_username text, action text, subject_type text, subject_id text, outcome text,
      organisation_id uuid, request_id text, client_ip text, details jsonb, tail text)
    ORDER BY n
  LOOP
    head_seq := head_seq + 1;
    link := encode(sha256(convert_to(head_hash || E'\n' || '["' || head_seq::text || '",' || e.tail, 'UTF8')), 'hex');
    INSERT INTO audit_log (seq, at, actor_id, actor_username, action, subject_type, subject_id, outcome, organisation_id, request_id, client_ip, details, prev_hash, hash)
    VALUES (head_seq, e.at, e.actor_id, e.actor_username, e.action, e.subject_type, e.subject_id, e.outcome, e.organisation_id, e.request_id, e.client_ip, e.details, head_hash, link);
    head_hash := link;
  END LOOP;
  -- No entries, no move: the head's trigger allows only a step forward.
  IF head_seq = start_seq THEN
    RETURN;
  END IF;
  UPDATE audit_chain_head SET seq = head_seq, hash = head_hash WHERE id = 1;
END
$$;
