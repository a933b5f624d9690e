import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorMessage, errorStatus, pickLanguage, type ErrorBody, type ErrorCode } from '@samsyn/core';
import type { AuditEntry } from '../audit/writer.ts';

/**
 * The one error type: a stable code, an HTTP status from the catalogue, optional details. A
 * refusal found inside a write's transaction carries its `denied` audit entry in `refusal`: it is
 * written as the error leaves the route, after the transaction has rolled back (inside it, the
 * audit writer would wait for the connection the transaction holds; the embedded database has one).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;
  readonly refusal: AuditEntry | undefined;

  constructor(code: ErrorCode, options: { details?: unknown; headers?: Record<string, string>; refusal?: AuditEntry } = {}) {
    super(code);
    this.code = code;
    this.status = errorStatus[code];
    this.details = options.details;
    this.headers = options.headers ?? {};
    this.refusal = options.refusal;
  }
}

export function errorBody(request: FastifyRequest, code: ErrorCode, details?: unknown): ErrorBody {
  const message = errorMessage(code, pickLanguage(request.headers['accept-language']));
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  return reply.status(errorStatus[code]).send(errorBody(request, code, details));
}

/** Fastify's own error codes that are the client's fault, mapped to ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

/** Any other client error Fastify raises, by its status. */
const statusCodes: Record<number, ErrorCode> = {
  400: 'validation_failed',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

/** Maps an error Fastify raises before or around a route to our code; null when it is not the client's fault. */
function frameworkCode(error: FastifyError): { code: ErrorCode; status: number } | null {
  const mapped = (error.code ? fastifyCodes[error.code] : undefined) ?? (error.statusCode ? statusCodes[error.statusCode] : undefined);
  if (mapped) return { code: mapped, status: errorStatus[mapped] };
  // Any other 4xx of the framework keeps its status and gets the generic code, in the shared shape.
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return { code: 'bad_request', status: error.statusCode };
  return null;
}

/**
 * Errors the HTTP parser raises before Fastify has a request (431 headers too large, 408, a
 * malformed request line): written straight to the socket, but in the shared error shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large'
    : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout'
    : error.code === 'HPE_URI_TOO_LONG' ? 'uri_too_long' : 'bad_request';
  const status = errorStatus[code];
  const body = JSON.stringify({ error: { code, message: errorMessage(code, pickLanguage(undefined)) } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Fastify's router errors (a malformed percent-encoding, a path parameter over maxParamLength). */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = frameworkCode(error) ?? { code: 'bad_request' as const, status: 400 };
  void reply.status(known.status).header('cache-control', 'no-store').send(errorBody(request, known.code));
}

export function installErrorHandling(app: FastifyInstance): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof AppError && error.refusal) await request.server.services.audit.append(error.refusal);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.headers(error.headers).status(error.status).send(errorBody(request, error.code, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((issue) => ({
        path: [error.validationContext ?? 'body', ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message,
      }));
      return sendError(request, reply, 'validation_failed', details);
    }
    const known = frameworkCode(error);
    if (known) return reply.status(known.status).send(errorBody(request, known.code));
    if (isResponseSerializationError(error)) request.log.error({ err: error }, 'response does not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'internal_error');
  });
}
