import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, passwordPolicy } from '@samsyn/core';
import { AppError } from '../http/errors.ts';

// OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane). Algorithm 2 is Argon2id (a const enum
// in the binding's types, which isolated modules cannot read).
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so a miss costs as long as a hit.
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('samsyn-timing-equaliser');
  return dummyHash;
}

/**
 * Common and breached passwords: zxcvbn-ts's list (about 49,000 passwords ranked by how often
 * they occur in published breaches), shipped in the package, so no network is needed at run time.
 * Only those long enough to pass the length rule can matter.
 */
let breached: Set<string> | undefined;
export function isBreachedPassword(password: string): boolean {
  breached ??= new Set(dictionary['passwords-common'].filter((p) => p.length >= passwordPolicy.minLength).map((p) => p.toLowerCase()));
  return breached.has(password.toLowerCase());
}

/** Throws `weak_password` with the policy problems as details (a breached password is `too_common`). */
export function assertPasswordPolicy(password: string, username?: string): void {
  const problems = checkPassword(password, username);
  if (!problems.includes('too_common') && isBreachedPassword(password)) problems.push('too_common');
  if (problems.length > 0) throw new AppError('weak_password', { details: problems.map((p) => ({ path: 'body.password', problem: p })) });
}
