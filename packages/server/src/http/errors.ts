import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorMessage, errorStatus, pickLanguage, type ErrorBody, type ErrorCode } from '@samsyn/core';

/** The one error type: a stable code, an HTTP status from the catalogue, optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: { details?: unknown; headers?: Record<string, string> } = {}) {
    super(code);
    this.code = code;
    this.status = errorStatus[code];
    this.details = options.details;
    this.headers = options.headers ?? {};
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
};

/** Any other client error Fastify raises, by its status. */
const statusCodes: Record<number, ErrorCode> = {
  400: 'validation_failed',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function installErrorHandling(app: FastifyInstance): void {
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
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped);
    const byStatus = error.statusCode ? statusCodes[error.statusCode] : undefined;
    if (byStatus) return sendError(request, reply, byStatus);
    if (isResponseSerializationError(error)) request.log.error({ err: error }, 'response does not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'internal_error');
  });
}
