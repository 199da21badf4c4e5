/** One message about one input field, in the user's language (RFC 9457 extension member `errors`). */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * What the server said went wrong. Built from an RFC 9457 `application/problem+json` body; for
 * other failures (`kind` 'http' — e.g. a proxy's HTML error page — or 'network') `title` and
 * `detail` are empty and the UI shows its own generic, translated text.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly kind: 'problem' | 'http' | 'network';
  readonly status: number;
  readonly type: string;
  /** The server's machine-readable problem code (e.g. `session-required`, `password-change-required`), if any. */
  readonly code: string | undefined;
  readonly title: string;
  readonly detail: string;
  readonly instance: string | undefined;
  readonly errors: readonly FieldError[];
  /** The problem's other members (RFC 9457 extensions), e.g. `existingPatient` on a duplicate BSN. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    kind: ProblemError['kind'];
    status: number;
    type?: string;
    code?: string;
    title?: string;
    detail?: string;
    instance?: string;
    errors?: readonly FieldError[];
    extensions?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(init.title || init.detail || `HTTP ${init.status}`, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.type = init.type ?? 'about:blank';
    this.code = init.code;
    this.title = init.title ?? '';
    this.detail = init.detail ?? '';
    this.instance = init.instance;
    this.errors = init.errors ?? [];
    this.extensions = init.extensions ?? {};
  }

  /** The message for one field, if the server named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

export function isProblemError(value: unknown): value is ProblemError {
  return value instanceof ProblemError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldError[] => {
    if (!isRecord(item)) return [];
    const field = optionalString(item.field);
    const message = optionalString(item.message);
    return field !== undefined && message !== undefined ? [{ field, message }] : [];
  });
}

/** Turn a parsed problem+json body into a ProblemError; tolerant of missing or odd members. */
const standardMembers = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

export function problemFromBody(status: number, body: unknown): ProblemError {
  const record = isRecord(body) ? body : {};
  const extensions = Object.fromEntries(Object.entries(record).filter(([key]) => !standardMembers.has(key)));
  const bodyStatus = typeof record.status === 'number' ? record.status : undefined;
  return new ProblemError({
    kind: 'problem',
    status: bodyStatus ?? status,
    type: optionalString(record.type),
    code: optionalString(record.code),
    title: optionalString(record.title),
    detail: optionalString(record.detail),
    instance: optionalString(record.instance),
    errors: parseFieldErrors(record.errors),
    extensions,
  });
}
