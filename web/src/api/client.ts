import { currentLanguage } from '../i18n';
import { ProblemError, problemFromBody } from './problem';

export { type FieldError, isProblemError, ProblemError } from './problem';

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Prefix for every path; empty for same-origin calls (the server serves the web app). */
  baseUrl?: string;
  /** The language to ask for; the server answers messages (problem+json) in it. */
  getLanguage?: () => string;
  fetch?: FetchLike;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
}

function isProblemResponse(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.split(';')[0]?.trim().toLowerCase() === 'application/problem+json';
}

function isJsonResponse(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return /^application\/([\w.+-]+\+)?json\b/i.test(type.trim());
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The one fetch wrapper of the web app. Sends cookies (same origin), `Accept-Language`, JSON
 * bodies; resolves with the parsed JSON; rejects with a `ProblemError` for every failure, so
 * screens never see a raw Response, a stack trace or a blank page.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const getLanguage = options.getLanguage ?? currentLanguage;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
    const headers = new Headers({
      Accept: 'application/json, application/problem+json',
      'Accept-Language': getLanguage(),
    });
    if (body !== undefined) headers.set('Content-Type', 'application/json');

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        signal,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause; // a cancelled query is not an error to show
      throw new ProblemError({ kind: 'network', status: 0, cause });
    }

    if (isProblemResponse(response)) {
      throw problemFromBody(response.status, await readJson(response));
    }
    if (!response.ok) {
      throw new ProblemError({ kind: 'http', status: response.status });
    }
    if (response.status === 204 || !isJsonResponse(response)) {
      return undefined as T;
    }
    return (await readJson(response)) as T;
  }

  return {
    request,
    get: (path, signal) => request(path, { method: 'GET', signal }),
    post: (path, body, signal) => request(path, { method: 'POST', body, signal }),
  };
}

/** The app's client: same origin, current UI language. */
export const api = createApiClient();
