import fs from 'node:fs';
import path from 'node:path';
import type { FastifyError, FastifyInstance } from 'fastify';
import { fieldErrorsFromIssues, type ErrorCode, type FieldError } from '@senda/domain';
import type { z } from 'zod';

/** The one error type of the API: a status, a stable code, optional field errors. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'not_found', 'Not found');
export const forbidden = () => new AppError(403, 'forbidden', 'Not allowed for this role');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in first');
export const conflict = (message: string, fields?: FieldError[]) =>
  new AppError(409, 'conflict', message, fields);
export const invalid = (fields: FieldError[]) =>
  new AppError(400, 'validation_failed', 'The request has invalid fields', fields);

/** Raised by the validator compiler: carries stable field errors, never the values. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly fields: FieldError[];
  constructor(issues: readonly z.core.$ZodIssue[], part: string) {
    super(`Invalid ${part}`);
    this.fields = fieldErrorsFromIssues(issues);
  }
}

const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'malformed_json'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_RATE_LIMIT: [429, 'rate_limited'],
};

export function registerErrorHandling(app: FastifyInstance, webDir: string): void {
  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send({
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
        },
      });
    }
    if (error instanceof RequestValidationError) {
      return reply.code(400).send({
        error: { code: 'validation_failed', message: error.message, fields: error.fields },
      });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) {
      return reply.code(known[0]).send({ error: { code: known[1], message: error.message } });
    }
    if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
      return reply
        .code(400)
        .send({ error: { code: 'malformed_json', message: 'The body is not valid JSON' } });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      const code: ErrorCode =
        error.statusCode === 413
          ? 'payload_too_large'
          : error.statusCode === 415
            ? 'unsupported_media_type'
            : 'validation_failed';
      return reply.code(error.statusCode).send({ error: { code, message: 'The request could not be read' } });
    }
    request.log.error(
      { err: { type: error.name, message: error.message, stack: error.stack } },
      'unhandled error',
    );
    return reply.code(500).send({ error: { code: 'internal', message: 'Something went wrong on our side' } });
  });

  // The web app routes in the browser: any other GET that accepts HTML gets its index page.
  const indexFile = path.join(webDir, 'index.html');
  app.setNotFoundHandler((request, reply) => {
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml && !request.url.startsWith('/api/') && fs.existsSync(indexFile)) {
      return reply.code(200).type('text/html; charset=utf-8').send(fs.createReadStream(indexFile));
    }
    return reply.code(404).send({ error: { code: 'not_found', message: 'Not found' } });
  });
}
