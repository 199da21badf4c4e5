import { describe, expect, it, vi } from 'vitest';
import { createApiClient, isProblemError, ProblemError } from './client';

function respond(body: string, init: ResponseInit & { contentType?: string }): Response {
  return new Response(body, {
    status: init.status,
    headers: init.contentType ? { 'Content-Type': init.contentType } : {},
  });
}

async function failure(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (isProblemError(error)) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  it('turns a problem+json body into a typed error with field messages', async () => {
    const fetch = vi.fn(async () =>
      respond(
        JSON.stringify({
          type: 'https://keten.example/problems/validation',
          title: 'Controleer de invoer',
          status: 422,
          detail: 'Twee velden zijn niet goed ingevuld.',
          instance: '/api/werkplek/patients',
          errors: [
            { field: 'bsn', message: 'BSN voldoet niet aan de 11-proef' },
            { field: 'roepnaam', message: 'Roepnaam is verplicht' },
            { field: 42, message: 'ignored: field is not a string' },
          ],
        }),
        { status: 422, contentType: 'application/problem+json; charset=utf-8' },
      ),
    );
    const client = createApiClient({ fetch, getLanguage: () => 'nl' });

    const error = await failure(client.post('/api/werkplek/patients', { bsn: '123' }));

    expect(error).toBeInstanceOf(ProblemError);
    expect(error.kind).toBe('problem');
    expect(error.status).toBe(422);
    expect(error.type).toBe('https://keten.example/problems/validation');
    expect(error.title).toBe('Controleer de invoer');
    expect(error.detail).toBe('Twee velden zijn niet goed ingevuld.');
    expect(error.instance).toBe('/api/werkplek/patients');
    expect(error.errors).toEqual([
      { field: 'bsn', message: 'BSN voldoet niet aan de 11-proef' },
      { field: 'roepnaam', message: 'Roepnaam is verplicht' },
    ]);
    expect(error.fieldError('roepnaam')).toBe('Roepnaam is verplicht');
    expect(error.fieldError('geboortedatum')).toBeUndefined();
  });

  it('keeps the problem’s extension members, e.g. the existing patient of a known BSN', async () => {
    const existingPatient = { id: '1', displayId: 'P0000000001', name: 'Anna de Jong', birthDate: '1961-03-12' };
    const fetch = vi.fn(async () =>
      respond(
        JSON.stringify({
          title: 'Deze patiënt bestaat al',
          status: 409,
          code: 'patient-exists',
          requestId: 'r1',
          existingPatient,
        }),
        {
          status: 409,
          contentType: 'application/problem+json',
        },
      ),
    );
    const error = await failure(createApiClient({ fetch, getLanguage: () => 'nl' }).post('/api/werkplek/patients', {}));

    expect(error.code).toBe('patient-exists');
    expect(error.extensions).toEqual({ requestId: 'r1', existingPatient });
  });

  it('sends PATCH and DELETE', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch, getLanguage: () => 'nl' });

    await client.patch('/api/werkplek/patients/1/personalia/contact', { phone: null });
    await client.delete('/api/werkplek/patients/1/memos/3');

    expect(fetch.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toEqual([
      'PATCH /api/werkplek/patients/1/personalia/contact',
      'DELETE /api/werkplek/patients/1/memos/3',
    ]);
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{"phone":null}');
  });

  it('sends Accept-Language and a JSON body, and returns the JSON answer', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      respond('{"ok":true}', { status: 200, contentType: 'application/json' }),
    );
    const client = createApiClient({ fetch, getLanguage: () => 'en' });

    await expect(client.post('/api/x', { a: 1 })).resolves.toEqual({ ok: true });

    const [url, init] = fetch.mock.calls[0] ?? [];
    const headers = new Headers(init?.headers);
    expect(url).toBe('/api/x');
    expect(headers.get('Accept-Language')).toBe('en');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(init?.body).toBe('{"a":1}');
  });

  it('gives a generic http error (no server text) for a non-problem failure', async () => {
    const fetch = vi.fn(async () => respond('<html>Bad gateway</html>', { status: 502, contentType: 'text/html' }));
    const error = await failure(createApiClient({ fetch }).get('/api/x'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(502);
    expect(error.title).toBe('');
    expect(error.errors).toEqual([]);
  });

  it('survives a problem+json body that is not JSON', async () => {
    const fetch = vi.fn(async () => respond('oops', { status: 500, contentType: 'application/problem+json' }));
    const error = await failure(createApiClient({ fetch }).get('/api/x'));
    expect(error.kind).toBe('problem');
    expect(error.status).toBe(500);
    expect(error.title).toBe('');
  });

  it('reports a network failure as kind "network"', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(createApiClient({ fetch }).get('/api/x'));
    expect(error.kind).toBe('network');
    expect(error.status).toBe(0);
  });

  it('resolves undefined for 204 No Content', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    await expect(createApiClient({ fetch }).post('/api/x')).resolves.toBeUndefined();
  });

  it('sends PUT with a JSON body', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      respond('{"saved":true}', { status: 200, contentType: 'application/json' }),
    );
    await expect(createApiClient({ fetch }).put('/api/x', { a: 1 })).resolves.toEqual({ saved: true });
    expect(fetch.mock.calls[0]?.[1]?.method).toBe('PUT');
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{"a":1}');
  });

  it('downloads a file with the name the server gives, and the same problem handling', async () => {
    const fetch = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response('a;b\r\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="keten-auditlog.csv"' },
        }),
    );
    const client = createApiClient({ fetch, getLanguage: () => 'en' });
    const file = await client.download('/api/x.csv');
    expect(file.filename).toBe('keten-auditlog.csv');
    expect(await file.blob.text()).toBe('a;b\r\n');
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('Accept-Language')).toBe('en');

    const failing = createApiClient({
      fetch: async () => respond('{"title":"Niet gevonden"}', { status: 404, contentType: 'application/problem+json' }),
    });
    expect((await failure(failing.download('/api/x.csv'))).title).toBe('Niet gevonden');
  });

  it('tells listeners about every answer, with the problem for failures', async () => {
    const answers = [
      respond('{}', { status: 200, contentType: 'application/json' }),
      respond('{"code":"session-required","title":"Niet ingelogd"}', { status: 401, contentType: 'application/problem+json' }),
    ];
    const client = createApiClient({ fetch: async () => answers.shift() ?? respond('', { status: 500 }) });
    const heard: { path: string; status: number; code?: string }[] = [];
    const stop = client.onResponse((info) => heard.push({ path: info.path, status: info.status, code: info.problem?.code }));

    await client.get('/api/a');
    await failure(client.get('/api/b'));
    stop();
    await failure(client.get('/api/c'));

    expect(heard).toEqual([
      { path: '/api/a', status: 200, code: undefined },
      { path: '/api/b', status: 401, code: 'session-required' },
    ]);
  });
});
