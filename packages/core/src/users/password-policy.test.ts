import { describe, expect, it } from 'vitest';
import { checkPassword, passwordPolicy } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long passphrase and the demo password', () => {
    expect(checkPassword('korrekt häst batteri häftklammer')).toEqual([]);
    expect(checkPassword('samsyn-demo', 'teacher')).toEqual([]);
  });

  it('counts characters, not bytes, against the limits', () => {
    // Nine letters are eighteen bytes in UTF-8, and still too short.
    expect(checkPassword('åäöåäöåäö')).toContain('too_short');
    expect(checkPassword('åäöåäöåäöå')).toEqual([]);
    expect(checkPassword('x'.repeat(passwordPolicy.maxLength) + 'y')).toContain('too_long');
  });

  it('refuses a password that contains the username or is common', () => {
    expect(checkPassword('anna.berg-2026!', 'anna.berg')).toContain('contains_username');
    expect(checkPassword('Password123')).toContain('too_common');
    expect(checkPassword('zzzzzzzzzzzz')).toContain('too_common');
  });
});
