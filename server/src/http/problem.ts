import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabel } from './field-labels.js';
import { type Language, requestLanguage } from './language.js';
import { isMessageKey, type MessageKey, type MessageParams, translate } from './messages.js';

/** A field-level problem: which input field, and the message key that explains it. */
export interface FieldProblem {
  field: string;
  key: MessageKey;
  params?: MessageParams;
}

/**
 * The one error type of the domain: services throw it, the error handler turns it into
 * RFC 9457 problem+json in the request's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly titleKey: MessageKey,
    readonly detailKey?: MessageKey,
    readonly fields: FieldProblem[] = [],
    readonly params: MessageParams = {},
    /** RFC 9457 extension members a client may act on (e.g. the existing patient to continue with). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  static notFound(): AppError {
    return new AppError(404, 'not-found', 'error.notFound.title', 'error.notFound.detail');
  }

  static validation(fields: FieldProblem[]): AppError {
    return new AppError(400, 'validation', 'error.validation.title', 'error.validation.detail', fields);
  }
}

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  requestId: string;
  errors?: { field: string; message: string }[];
}

const PROBLEM_TYPE_BASE = 'https://keten.dev/problems/';

export function problemFrom(error: AppError, request: FastifyRequest): ProblemDocument {
  const language = requestLanguage(request);
  const params = { requestId: request.id, ...error.params };
  const problem: ProblemDocument = {
    ...error.extensions,
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title: translate(language, error.titleKey, params),
    status: error.status,
    code: error.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (error.detailKey) problem.detail = translate(language, error.detailKey, params);
  if (error.fields.length > 0) {
    problem.errors = error.fields.map((field) => ({
      field: field.field,
      message: translate(language, field.key, { ...field.params, field: fieldLabel(language, field.field) }),
    }));
  }
  return problem;
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  return reply
    .code(error.status)
    .type('application/problem+json')
    .header('content-language', requestLanguage(reply.request))
    .send(problemFrom(error, reply.request));
}

/** Maps anything thrown in a request to an AppError; unknown errors become a plain 500. */
export function toAppError(error: FastifyError | Error): AppError | undefined {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return AppError.validation(error.validation.map((issue) => fieldProblemFromIssue(issue)));
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 404) return AppError.notFound();
  if (status === 413) return new AppError(413, 'payload-too-large', 'error.payloadTooLarge.title');
  if (status === 429) return new AppError(429, 'rate-limited', 'error.rateLimited.title');
  if (status >= 400 && status < 500) return new AppError(status, 'bad-request', 'error.badRequest.title');
  return undefined;
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldProblemFromIssue(issue: ValidationIssue): FieldProblem {
  const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body';
  // Schemas may name their own message key (e.g. `.refine(isValidBsn, 'field.bsnElevenTest')`).
  if (issue.message && isMessageKey(issue.message)) return { field, key: issue.message };
  const { params } = issue;
  switch (issue.keyword) {
    case 'invalid_type':
      return { field, key: params.input === undefined ? 'field.required' : 'field.wrongType' };
    case 'too_small':
      if (params.origin === 'string' && params.minimum === 1) return { field, key: 'field.required' };
      return {
        field,
        key: params.origin === 'string' ? 'field.tooShort' : 'field.tooSmall',
        params: { minimum: String(params.minimum) },
      };
    case 'too_big':
      return {
        field,
        key: params.origin === 'string' ? 'field.tooLong' : 'field.tooBig',
        params: { maximum: String(params.maximum) },
      };
    case 'invalid_value':
      return {
        field,
        key: 'field.notAnOption',
        params: { options: Array.isArray(params.values) ? params.values.join(', ') : '' },
      };
    case 'invalid_format':
      return { field, key: 'field.badFormat' };
    case 'unrecognized_keys':
      return { field: Array.isArray(params.keys) ? params.keys.join(', ') : field, key: 'field.unknown' };
    default:
      return { field, key: 'field.wrongType' };
  }
}

export type { Language };
