// The one place errors become HTTP responses: {code, message, errors?:[{field, message}]}.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorKind, type FieldError } from '../lib/errors.ts';

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
};

type AjvError = { instancePath?: string; message?: string; keyword?: string; params?: Record<string, unknown> };

/** "/author/email" + required "name" → "author.name"; the form shows it next to that field. */
export function fieldOf(error: AjvError, context: string | undefined): string {
  const parts = (error.instancePath ?? '').split('/').filter(Boolean);
  if (error.keyword === 'required' && typeof error.params?.missingProperty === 'string') parts.push(error.params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof error.params?.additionalProperty === 'string') {
    parts.push(error.params.additionalProperty);
  }
  const field = parts.join('.');
  return field || (context === 'body' ? 'body' : context ?? 'request');
}

function validationErrors(error: FastifyError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of (error.validation ?? []) as AjvError[]) {
    const field = fieldOf(e, error.validationContext);
    if (seen.has(field)) continue; // one message per field is what a form can show
    seen.add(field);
    out.push({ field, message: e.message ?? 'is invalid' });
  }
  return out;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(STATUS[error.kind]).send({ code: error.code, message: error.message, ...(error.errors ? { errors: error.errors } : {}) });
    }
    if (error.validation) {
      const errors = validationErrors(error);
      const first = errors[0];
      return reply.status(400).send({
        code: 'validation_failed',
        message: first ? `${first.field} ${first.message}` : 'The request is invalid',
        errors,
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: 'Too many requests, slow down and try again shortly', errors: [] });
    }
    if (status >= 400 && status < 500) {
      const code = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type'
        : error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json'
        : error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET' ? 'csrf_invalid'
        : 'bad_request';
      return reply.status(status).send({ code, message: error.message, errors: [] });
    }
    // Unique violations that slipped past the domain checks still are the client's conflict, not a 500.
    if ((error as { code?: string }).code === '23505') {
      return reply.status(409).send({ code: 'conflict', message: 'This conflicts with an existing record', errors: [] });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal_error', message: 'Something went wrong on our side', errors: [] });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'route_not_found', message: `No route ${request.method} ${request.url.split('?')[0]}`, errors: [] });
  });
}
