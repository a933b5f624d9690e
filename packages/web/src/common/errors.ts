import { errorMessage, passwordPolicy, type ErrorCode, type Language } from '@samsyn/core';
import type { TFunction } from 'i18next';
import { ApiError, type ClientErrorCode } from '../api/client.ts';
import sv from '../i18n/sv.json';

const refusals = sv.refusals;

/** The message for a failed call, in the UI language (the server's catalogue from core). */
export function errorText(error: unknown, t: TFunction, language: Language): string {
  return codeText(error instanceof ApiError ? error.code : 'internal_error', t, language);
}

export function codeText(code: ErrorCode | ClientErrorCode, t: TFunction, language: Language): string {
  return code === 'network_error' ? t('clientErrors.network_error') : errorMessage(code, language);
}

export type FieldErrors = Record<string, string>;

/** The parts of a zod issue the messages need (kept structural: the web app does not import zod). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
}

/** Client-side check with the shared schema: the same rules as the server, messages in the UI language. */
export function schemaErrors(issues: readonly SchemaIssue[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (errors[field]) continue;
    errors[field] = issueText(issue, t);
  }
  return errors;
}

function issueText(issue: SchemaIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      return issue.message === 'username_format' ? t('validation.usernameFormat') : t('validation.invalid');
    case 'invalid_type':
    case 'invalid_value':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/** The server's field issues as form errors; codes that name a field get their own text. */
export function serverFieldErrors(error: unknown, t: TFunction, specific: Partial<Record<string, string>> = {}): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const [field, issues] of error.fieldIssues()) {
    errors[field] = specific[`${error.code}:${field}`] ?? passwordProblemText(issues, t) ?? t('validation.invalid');
  }
  return errors;
}

function passwordProblemText(issues: readonly { problem?: string }[], t: TFunction): string | undefined {
  const problems = issues.map((i) => i.problem).filter((p): p is string => typeof p === 'string');
  if (problems.length === 0) return undefined;
  return problems.map((p) => t(`password.problems.${p}` as 'password.problems.too_short', { min: passwordPolicy.minLength, max: passwordPolicy.maxLength })).join(' ');
}

/**
 * A refused submit as a form shows it: the server's field issues beside their fields, and a
 * message above the form when the refusal names no field (or the server itself failed).
 */
export function formFailure(error: unknown, t: TFunction, language: Language, specific: Partial<Record<string, string>> = {}): { fields: FieldErrors; message: string | null } {
  const fields = serverFieldErrors(error, t, specific);
  const named = Object.keys(fields).length > 0 && error instanceof ApiError && error.status < 500;
  return { fields, message: named ? null : errorText(error, t, language) };
}

/**
 * A refused change in the UI language: the rule's reason when the server names one (in
 * `details.reason`, or as a field issue's message), otherwise the error code's message.
 */
export function refusalText(error: unknown, t: TFunction, language: Language): string {
  if (error instanceof ApiError) {
    const reason = error.reason ?? error.details.find((d) => d.message && d.message in refusals)?.message;
    if (reason && reason in refusals) return t(`refusals.${reason as keyof typeof refusals}`);
  }
  return errorText(error, t, language);
}
