/**
 * A joint placement is named by the case's reference (diarienummer), never by the child. A
 * reference that holds anything shaped like an identity number (YYMMDD-NNNN or YYYYMMDDNNNN,
 * with or without separator, valid checksum or not) is refused: a mistyped number is still
 * a child's identity.
 */
const identityShaped = /(?:^|\D)(?:\d{2})?\d{6}\s*[-+]?\s*\d{4}(?:\D|$)/;
const allowed = /^[\p{L}\p{N}][\p{L}\p{N} ./:_-]{1,39}$/u;

export type CaseReferenceProblem = 'identity_number' | 'invalid_case_reference';

export function caseReferenceProblem(reference: string): CaseReferenceProblem | null {
  if (identityShaped.test(reference)) return 'identity_number';
  if (!allowed.test(reference)) return 'invalid_case_reference';
  return null;
}
