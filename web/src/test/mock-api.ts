import { vi } from 'vitest';

// A fake server for component tests: answers fetch calls by "METHOD /path" (without the query
// string). Every call gets a fresh Response; an unknown call answers 404 problem+json, so a test
// never hangs on a request nobody expected.

export interface MockRequest {
  method: string;
  path: string;
  /** The full URL as fetched, with the query string. */
  url: string;
  query: URLSearchParams;
  /** The parsed JSON body, if any. */
  body: unknown;
}

export type MockAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | Response;
export type MockHandler = (request: MockRequest) => MockAnswer | Promise<MockAnswer>;

export function json(body: unknown, status = 200): MockAnswer {
  return { status, body, headers: { 'Content-Type': 'application/json; charset=utf-8' } };
}

export function problem(status: number, body: Record<string, unknown> = {}): MockAnswer {
  return { status, body: { status, ...body }, headers: { 'Content-Type': 'application/problem+json; charset=utf-8' } };
}

/** The server's answer without a session. */
export const notLoggedIn = problem(401, {
  code: 'session-required',
  title: 'Niet ingelogd',
  detail: 'U bent niet (meer) ingelogd.',
});

function toResponse(answer: MockAnswer): Response {
  if (answer instanceof Response) return answer;
  const body = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return new Response(answer.status === 204 ? null : body, { status: answer.status, headers: answer.headers });
}

export function mockApi(handlers: Record<string, MockHandler | MockAnswer>) {
  const requests: MockRequest[] = [];
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const parsed = new URL(url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const request: MockRequest = {
      method,
      path: parsed.pathname,
      url,
      query: parsed.searchParams,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    requests.push(request);
    const handler = handlers[`${method} ${parsed.pathname}`];
    if (!handler) return toResponse(problem(404, { title: 'Niet gevonden' }));
    const answer = typeof handler === 'function' ? await handler(request) : handler;
    return toResponse(answer);
  });
  return {
    spy,
    requests,
    /** The requests to one "METHOD /path". */
    calls: (key: string) => requests.filter((request) => `${request.method} ${request.path}` === key),
  };
}
