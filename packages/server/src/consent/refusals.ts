import { AppError } from '../http/errors.ts';

/** A rule's refusal as the API's error: the reason as a stable detail. */
export function refusal(code: 'forbidden' | 'conflict', reason: string): AppError {
  return new AppError(code, { details: { reason } });
}

/** Bad input found past the schema: the same shape as the schema's own validation errors. */
export function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', { details: [{ path, message }] });
}
