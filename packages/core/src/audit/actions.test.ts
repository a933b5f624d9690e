import { describe, expect, it } from 'vitest';
import { AuditAction, auditActions, isAuditAction } from './actions.ts';

describe('the audit vocabulary', () => {
  it('names each action once, as area.thing[.verb] in lower case', () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
    for (const action of auditActions) expect(action).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });

  it('accepts the vocabulary and refuses anything else', () => {
    expect(isAuditAction('child.record.read')).toBe(true);
    expect(isAuditAction('child.record.rewrite')).toBe(false);
    expect(AuditAction.safeParse('auth.login').success).toBe(true);
    expect(AuditAction.safeParse('test.batch.good').success).toBe(false);
  });
});
