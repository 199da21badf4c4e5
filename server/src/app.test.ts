import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from './test/app.js';
import { testEngines } from './test/database.js';

describe.each(testEngines)('HTTP foundation (%s)', (engine) => {
  let subject: TestApp;

  beforeAll(async () => {
    const webDist = await mkdtemp(path.join(os.tmpdir(), 'keten-web-'));
    await mkdir(path.join(webDist, 'assets'));
    await writeFile(path.join(webDist, 'index.html'), '<!doctype html><html lang="nl"><title>Keten</title></html>');
    await writeFile(path.join(webDist, 'assets', 'app-1234.js'), 'console.log("keten")');
    subject = await createTestApp(engine, { WEB_DIST_DIR: webDist });
    // A route with a schema, to see the validation pipeline the modules rely on.
    subject.app.post(
      '/api/test/patient',
      { schema: { body: z.object({ bsn: z.string().regex(/^\d{9}$/), roepnaam: z.string().min(1), birthDate: z.iso.date() }) } },
      async () => ({ ok: true }),
    );
    subject.app.get('/api/test/crash', async () => {
      throw new Error('secret internal detail');
    });
  });
  afterAll(() => subject.close());

  it('GET /health answers 200 when the database is reachable', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok', engine });
  });

  it('GET /ready answers 503 problem+json while seeding, 200 when ready', async () => {
    subject.startup.stage = 'seeding';
    const starting = await subject.app.inject({ method: 'GET', url: '/ready' });
    expect(starting.statusCode).toBe(503);
    expect(starting.headers['content-type']).toContain('application/problem+json');
    expect(starting.json().detail).toBe('Keten start nog op (seeding).');
    subject.startup.stage = 'ready';
    const ready = await subject.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
  });

  it('answers an unknown API path with a Dutch problem document, English on request', async () => {
    const dutch = await subject.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(dutch.statusCode).toBe(404);
    expect(dutch.headers['content-type']).toContain('application/problem+json');
    expect(dutch.json()).toMatchObject({ status: 404, title: 'Niet gevonden', code: 'not-found', instance: '/api/nothing-here' });
    const english = await subject.app.inject({
      method: 'GET',
      url: '/api/nothing-here',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(english.json().title).toBe('Not found');
    expect(english.headers['content-language']).toBe('en');
  });

  it('names every wrong field in the user language', async () => {
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/test/patient',
      payload: { bsn: '12', birthDate: '31-02-2020' },
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.title).toBe('De invoer is niet in orde');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'bsn', message: 'BSN heeft een ongeldig formaat.' },
        { field: 'roepnaam', message: 'Roepnaam is verplicht.' },
        { field: 'birthDate', message: 'Geboortedatum heeft een ongeldig formaat.' },
      ]),
    );
    const english = await subject.app.inject({
      method: 'POST',
      url: '/api/test/patient',
      headers: { 'accept-language': 'en' },
      payload: { bsn: '123456782', birthDate: '2020-02-02' },
    });
    expect(english.json().errors).toEqual([{ field: 'roepnaam', message: 'Call name is required.' }]);
  });

  it('hides internal errors behind a 500 with a request id', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(response.statusCode).toBe(500);
    const problem = response.json();
    expect(JSON.stringify(problem)).not.toContain('secret internal detail');
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    expect(problem.detail).toContain(problem.requestId);
  });

  it('sends security headers on every response', async () => {
    const response = await subject.app.inject({ method: 'GET', url: '/werkplek' });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves the web app for each face and its client-side routes', async () => {
    for (const url of ['/', '/werkplek', '/mijn/inloggen', '/verwijzer']) {
      const response = await subject.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<html lang="nl">');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    const asset = await subject.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('publishes the OpenAPI document and its UI at /api/docs', async () => {
    const document = await subject.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(document.statusCode).toBe(200);
    expect(document.json().openapi).toBe('3.1.0');
    expect(Object.keys(document.json().paths)).toContain('/health');
    const ui = await subject.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});

describe('HTTP foundation with TLS', () => {
  it('sends HSTS when Keten is served over https', async () => {
    const subject = await createTestApp('pglite', { PUBLIC_URL: 'https://keten.example.nl' });
    try {
      const response = await subject.app.inject({ method: 'GET', url: '/health' });
      expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    } finally {
      await subject.close();
    }
  });
});
