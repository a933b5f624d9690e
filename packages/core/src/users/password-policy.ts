/**
 * Password policy after NIST SP 800-63B: length over composition rules, and no
 * password that is common or derived from the username. Local accounts are for
 * demo and small installations; production logins go through SITHS/BankID/Freja.
 */
export const passwordPolicy = { minLength: 10, maxLength: 128 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_username' | 'too_common';

const common = new Set([
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'password123',
  'losenord123',
  'lösenord123',
  'sommar2026',
  'vinter2026',
  'varen2026',
  'hosten2026',
  'abcdefghij',
  'aaaaaaaaaa',
]);

export function checkPassword(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < passwordPolicy.minLength) problems.push('too_short');
  if (length > passwordPolicy.maxLength) problems.push('too_long');
  const lower = password.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  if (common.has(lower) || /^(.)\1+$/.test(password)) problems.push('too_common');
  return problems;
}
