import { describe, expect, it } from 'vitest';
import { defaultEarlySignalRule, earlySignalFires, EarlySignalRule } from './early-signal.ts';

const now = new Date('2026-11-22T10:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const at = (domain: string, days: number) => ({ secrecyDomainId: domain, recordedAt: daysAgo(days) });

describe('the early-signal rule', () => {
  it('fires on two concerns from two secrecy domains within 60 days (the default)', () => {
    expect(earlySignalFires([at('school', 3), at('health', 40)], defaultEarlySignalRule, now)).toBe(true);
  });

  it('does not fire below the threshold', () => {
    expect(earlySignalFires([at('school', 3)], defaultEarlySignalRule, now)).toBe(false);
    expect(earlySignalFires([], defaultEarlySignalRule, now)).toBe(false);
  });

  it('does not fire for one secrecy domain only, however many concerns', () => {
    expect(earlySignalFires([at('school', 1), at('school', 2), at('school', 3)], defaultEarlySignalRule, now)).toBe(false);
  });

  it('does not count concerns outside the window, nor after now', () => {
    expect(earlySignalFires([at('school', 3), at('health', 61)], defaultEarlySignalRule, now)).toBe(false);
    expect(earlySignalFires([at('school', 3), at('health', 60)], defaultEarlySignalRule, now)).toBe(false);
    expect(earlySignalFires([at('school', 3), at('health', 59.9)], defaultEarlySignalRule, now)).toBe(true);
    expect(earlySignalFires([at('school', 3), at('health', -1)], defaultEarlySignalRule, now)).toBe(false);
  });

  it('follows a configured rule: three concerns, three domains, 30 days', () => {
    const rule = { minConcerns: 3, minDomains: 3, windowDays: 30 };
    expect(earlySignalFires([at('a', 1), at('b', 2), at('c', 29)], rule, now)).toBe(true);
    expect(earlySignalFires([at('a', 1), at('b', 2), at('b', 29)], rule, now)).toBe(false);
    expect(earlySignalFires([at('a', 1), at('b', 2), at('c', 31)], rule, now)).toBe(false);
    // More concerns than domains: the count and the domains are separate conditions.
    expect(earlySignalFires([at('a', 1), at('b', 2)], { minConcerns: 3, minDomains: 2, windowDays: 30 }, now)).toBe(false);
    expect(earlySignalFires([at('a', 1), at('b', 2), at('a', 5)], { minConcerns: 3, minDomains: 2, windowDays: 30 }, now)).toBe(true);
  });

  it('refuses a rule that is not whole positive numbers', () => {
    expect(EarlySignalRule.safeParse({ minConcerns: 0, minDomains: 2, windowDays: 60 }).success).toBe(false);
    expect(EarlySignalRule.safeParse({ minConcerns: 2, minDomains: 1.5, windowDays: 60 }).success).toBe(false);
    expect(EarlySignalRule.safeParse(defaultEarlySignalRule).success).toBe(true);
  });
});
