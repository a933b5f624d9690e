import { describe, expect, it } from 'vitest';
import { lifeStageByAge, WaitingItem } from './schema.ts';

describe('the life stage by age', () => {
  it('is child health care until 6, school until 16, then the youth follow-up', () => {
    expect(lifeStageByAge('2021-05-14', '2026-11-22')).toBe('child_health_care');
    expect(lifeStageByAge('2020-11-22', '2026-11-22')).toBe('school');
    expect(lifeStageByAge('2020-11-23', '2026-11-22')).toBe('child_health_care');
    expect(lifeStageByAge('2010-11-23', '2026-11-22')).toBe('school');
    expect(lifeStageByAge('2010-11-22', '2026-11-22')).toBe('youth_follow_up');
  });
});

describe('what waits', () => {
  it('is a typed item with the ids its link needs, and refuses an unknown kind', () => {
    expect(WaitingItem.safeParse({ kind: 'unread_notices', count: 2 }).success).toBe(true);
    expect(WaitingItem.safeParse({ kind: 'unread_notices', count: 0 }).success).toBe(false);
    expect(WaitingItem.safeParse({ kind: 'something_else' }).success).toBe(false);
  });
});
