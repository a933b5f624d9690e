import type { ScriptConnection } from './migrate.ts';

/**
 * What the login Samsyn runs as could do beyond appending to the log. Any of these lets an insider
 * rewrite the audit log quietly (disable the trigger, rewrite rows, recompute the chain, move the
 * head), so production refuses to start with any of them (see main.ts). `session_user`, not
 * `current_user`: a session that SET ROLE can RESET it.
 */
export type OwnerRight =
  | 'superuser'
  | 'can_become_superuser'
  | 'createrole'
  | 'owns_schema'
  | 'owns_audit_log'
  | 'owns_audit_chain_head'
  | 'may_change_audit_log';

export interface LoginPrivileges {
  login: string;
  ownerRights: OwnerRight[];
}

// to_regclass: before the first migration the tables do not exist yet (a reset, an empty database).
const checkSql = `
SELECT session_user::text AS login,
  r.rolsuper AS superuser,
  EXISTS (SELECT 1 FROM pg_roles s WHERE s.rolsuper AND s.rolname <> session_user
    AND pg_has_role(session_user, s.oid, 'MEMBER')) AS can_become_superuser,
  -- A CREATEROLE login may grant itself membership in the owner (PostgreSQL 15 and older).
  r.rolcreaterole AS createrole,
  COALESCE((SELECT pg_has_role(session_user, n.nspowner, 'MEMBER') FROM pg_namespace n WHERE n.nspname = current_schema()), false) AS owns_schema,
  COALESCE((SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = to_regclass('audit_log')), false) AS owns_audit_log,
  COALESCE((SELECT pg_has_role(session_user, c.relowner, 'MEMBER') FROM pg_class c WHERE c.oid = to_regclass('audit_chain_head')), false) AS owns_audit_chain_head,
  COALESCE((SELECT has_table_privilege(session_user, c.oid, 'UPDATE') OR has_table_privilege(session_user, c.oid, 'DELETE')
    OR has_table_privilege(session_user, c.oid, 'TRUNCATE') FROM pg_class c WHERE c.oid = to_regclass('audit_log')), false) AS may_change_audit_log
FROM pg_roles r
WHERE r.rolname = session_user`;

type Row = { login: string } & Record<OwnerRight, boolean>;

export async function loginPrivileges(conn: Pick<ScriptConnection, 'query'>): Promise<LoginPrivileges> {
  const [row] = await conn.query<Row>(checkSql);
  if (!row) throw new Error('samsyn: cannot read the login\'s privileges');
  const rights: OwnerRight[] = ['superuser', 'can_become_superuser', 'createrole', 'owns_schema', 'owns_audit_log', 'owns_audit_chain_head', 'may_change_audit_log'];
  return { login: row.login, ownerRights: rights.filter((r) => row[r]) };
}
