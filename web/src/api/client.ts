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

/** What every answer tells the listeners (e.g. the Werkplek session watcher): path, method, HTTP status, problem. */
export interface ApiResponseInfo {
  path: string;
  method: string;
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The problem the server sent, for failures. */
  problem?: ProblemError;
}

export type ApiResponseListener = (info: ApiResponseInfo) => void;

/** A file the server sent (e.g. a CSV export). */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server named the file. */
  filename: string | undefined;
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  put<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  patch<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  delete<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** GET a file (not JSON), with the same language, cookies and problem handling as every other call. */
  download(path: string, signal?: AbortSignal): Promise<DownloadedFile>;
  /**
   * Hear about every answer — e.g. a 401 means the session ended, a success means the server saw activity.
   * Returns the function that stops listening.
   */
  onResponse(listener: ApiResponseListener): () => void;
}

function isProblemResponse(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.split(';')[0]?.trim().toLowerCase() === 'application/problem+json';
}

function isJsonResponse(response: Response): boolean {
  const type = response.headers.get('content-type') ?? '';
  return /^application\/([\w.+-]+\+)?json\b/i.test(type.trim());
}

/** `attachment; filename="keten-auditlog.csv"` → `keten-auditlog.csv`. */
export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain parameter
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain?.[2] ?? plain?.[1];
  return name ? name.trim() : undefined;
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

  const listeners = new Set<ApiResponseListener>();

  function notify(info: ApiResponseInfo): void {
    for (const listener of listeners) {
      try {
        listener(info);
      } catch {
        // A listener's mistake must not break the request that triggered it.
      }
    }
  }

  /** Sends the request; resolves with the successful Response, rejects with a ProblemError. */
  async function send(path: string, { method = 'GET', body, signal }: RequestOptions, accept: string): Promise<Response> {
    const headers = new Headers({
      Accept: accept,
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
      const problem = new ProblemError({ kind: 'network', status: 0, cause });
      notify({ path, method, status: 0, problem });
      throw problem;
    }

    if (isProblemResponse(response)) {
      const problem = problemFromBody(response.status, await readJson(response));
      notify({ path, method, status: response.status, problem });
      throw problem;
    }
    if (!response.ok) {
      const problem = new ProblemError({ kind: 'http', status: response.status });
      notify({ path, method, status: response.status, problem });
      throw problem;
    }
    notify({ path, method, status: response.status });
    return response;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await send(path, options, 'application/json, application/problem+json');
    if (response.status === 204 || !isJsonResponse(response)) {
      return undefined as T;
    }
    return (await readJson(response)) as T;
  }

  async function download(path: string, signal?: AbortSignal): Promise<DownloadedFile> {
    const response = await send(path, { method: 'GET', signal }, '*/*');
    return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('content-disposition')) };
  }

  return {
    request,
    get: (path, signal) => request(path, { method: 'GET', signal }),
    post: (path, body, signal) => request(path, { method: 'POST', body, signal }),
    put: (path, body, signal) => request(path, { method: 'PUT', body, signal }),
    patch: (path, body, signal) => request(path, { method: 'PATCH', body, signal }),
    delete: (path, signal) => request(path, { method: 'DELETE', signal }),
    download,
    onResponse: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** The app's client: same origin, current UI language. */
export const api = createApiClient();
