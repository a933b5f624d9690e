import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { assertLeastPrivilege } from '../main.ts';
import type { Database } from './database.ts';
import type { OwnerRight } from './privileges.ts';

const production = loadConfig({ NODE_ENV: 'production' });
const development = loadConfig({ NODE_ENV: 'development' });
const database = (kind: Database['kind'], ownerRights: OwnerRight[]) => ({ kind, privileges: { login: 'samsyn', ownerRights } }) as unknown as Database;

describe('starting with the owner\'s rights', () => {
  it('is refused in production on PostgreSQL, for each of the owner\'s rights', () => {
    const rights: OwnerRight[] = ['superuser', 'can_become_superuser', 'createrole', 'owns_schema', 'owns_audit_log', 'owns_audit_chain_head', 'may_change_audit_log'];
    for (const right of rights) {
      expect(() => assertLeastPrivilege(production, database('postgresql', [right]))).toThrow(new RegExp(`refusing to start in production.*${right}`));
    }
  });

  it('is allowed for a login that owns nothing, outside production, and on PGlite (for trying Samsyn)', () => {
    expect(() => assertLeastPrivilege(production, database('postgresql', []))).not.toThrow();
    expect(() => assertLeastPrivilege(development, database('postgresql', ['owns_schema']))).not.toThrow();
    expect(() => assertLeastPrivilege(production, database('pglite', ['superuser']))).not.toThrow();
  });
});
