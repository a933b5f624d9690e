import { errorMessage, type ErrorBody, type ErrorCode } from '@samsyn/core';
import { currentLanguage } from '../i18n/index.ts';

/** A field problem from a 400 validation_failed (or a 409 naming the field). */
export interface FieldIssue {
  path: string;
  message?: string;
  problem?: string;
}

/** Codes the browser raises itself, when no answer came from the server. */
export type ClientErrorCode = 'network_error';

/** Every failed API call: the server's code, a message in the UI language and the field issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly details: FieldIssue[];
  /** The reason a refusal names (`access_denied` answers `{ details: { reason } }`). */
  readonly reason: string | null;
  /** The actions a refusal still leaves open, when the server names them (`details.actions`, e.g. open_emergency_access). */
  readonly actions: readonly string[] | null;
  /** The details as the server sent them, for an answer with more than field issues (a plan's conflict: both versions). */
  readonly rawDetails: unknown;

  constructor(status: number, code: ErrorCode | ClientErrorCode, message: string, details: unknown = undefined) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = Array.isArray(details) ? details.filter(isFieldIssue) : [];
    this.rawDetails = details;
    const reason = !Array.isArray(details) && typeof details === 'object' && details !== null ? (details as { reason?: unknown }).reason : undefined;
    this.reason = typeof reason === 'string' ? reason : null;
    const actions = !Array.isArray(details) && typeof details === 'object' && details !== null ? (details as { actions?: unknown }).actions : undefined;
    this.actions = Array.isArray(actions) ? actions.filter((a): a is string => typeof a === 'string') : null;
  }

  /** The server's field issues keyed by field name (`body.roles.0.unitId` → `roles.0.unitId`). */
  fieldIssues(): Map<string, FieldIssue[]> {
    const byField = new Map<string, FieldIssue[]>();
    for (const issue of this.details) {
      const field = issue.path.replace(/^body\.?/, '');
      byField.set(field, [...(byField.get(field) ?? []), issue]);
    }
    return byField;
  }
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return typeof value === 'object' && value !== null && typeof (value as FieldIssue).path === 'string';
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

// The CSRF token is bound to the session: one fetch serves the session, and a login or logout
// (which rotate it on the server) makes the next change fetch a new one.
let csrfToken: Promise<string> | undefined;
const rotatesCsrf = new Set(['/api/auth/login', '/api/auth/logout']);

function fetchCsrfToken(): Promise<string> {
  const pending = request<{ token: string }>('GET', '/api/auth/csrf').then((body) => body.token);
  pending.catch(() => {
    if (csrfToken === pending) csrfToken = undefined;
  });
  return pending;
}

async function request<T>(method: string, path: string, body?: unknown, csrf?: string, idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers['x-csrf-token'] = csrf;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (response.ok) return parsed as T;
  const error = (parsed as Partial<ErrorBody> | undefined)?.error;
  const code: ErrorCode = error?.code ?? (response.status >= 500 ? 'internal_error' : 'validation_failed');
  throw new ApiError(response.status, code, error?.message ?? errorMessage(code, currentLanguage()), error?.details);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface ApiOptions {
  /**
   * The Idempotency-Key of a POST. By default each call gets its own, kept for its retry; a form
   * passes one key per submission (useSubmitKey) so a double submit makes one thing, not two.
   */
  idempotencyKey?: string;
}

/** Calls the API; state-changing calls carry the CSRF token and retry once with a fresh one. */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, options: ApiOptions = {}): Promise<T> {
  if (method === 'GET') return request<T>(method, path);
  const key = method === 'POST' ? (options.idempotencyKey ?? crypto.randomUUID()) : undefined;
  csrfToken ??= fetchCsrfToken();
  try {
    return await request<T>(method, path, body ?? {}, await csrfToken, key);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'csrf_invalid')) throw error;
    csrfToken = fetchCsrfToken();
    return await request<T>(method, path, body ?? {}, await csrfToken, key);
  } finally {
    if (rotatesCsrf.has(path)) csrfToken = undefined;
  }
}
