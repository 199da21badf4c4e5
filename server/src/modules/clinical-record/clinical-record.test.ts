import { createHash, randomUUID } from 'node:crypto';
import { latestDefinition } from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantAccess } from '../../access/repository.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { filledResponse } from '../../db/seed/form-responses.js';
import { testEngines } from '../../test/database.js';
import { demoAppWithSessions } from '../../test/demo-app.js';

// The clinical record over HTTP (docs/clinical-record.md §2) on the demo region: Anna (1, HAPZ, DM2 + CVRM),
// Fatima (4, HAPZ, referred to Diëtistenpraktijk Vitaal), Sem (2, HAPZ, no trajectory). "Today" is 29-11-2026.

const usernames = ['huisarts.hapz', 'poh.hapz', 'pohggz.hapz', 'assistent.hapz', 'dietist.vitaal', 'huisarts.hapb'] as const;
type Username = (typeof usernames)[number];

function definition(key: string) {
  const found = latestDefinition(key);
  if (!found) throw new Error(`no form ${key} in the library`);
  return found;
}

describe.each(testEngines)('the clinical record (%s)', (engine) => {
  const subject = demoAppWithSessions(engine, usernames, 10);

  beforeAll(async () => {
    for (const [user, patient] of [
      ['poh.hapz', '1'],
      ['huisarts.hapz', '1'],
      ['pohggz.hapz', '1'],
      ['poh.hapz', '2'],
      ['pohggz.hapz', '4'],
      ['dietist.vitaal', '4'],
    ] as const) {
      const confirmed = await request(user, 'POST', `/api/werkplek/patients/${patient}/treatment-relationship`, {});
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
  }, 180_000);

  const request = subject.request;
  const get = (user: Username, url: string) => request(user, 'GET', url);
  const base = (patientId: string) => `/api/werkplek/patients/${patientId}`;
  const publish = (
    user: Username,
    patientId: string,
    formKey: string,
    response: QuestionnaireResponse,
    extra: { requestId?: string; entryId?: string } = {},
    language = 'nl',
  ) =>
    request(
      user,
      'POST',
      `${base(patientId)}/tasks/${formKey}/publish`,
      { response, requestId: extra.requestId ?? randomUUID(), ...(extra.entryId ? { entryId: extra.entryId } : {}) },
      language,
    );
  const accountId = async (username: string) =>
    (await subject.database.db.selectFrom('account').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  const entryCount = async (patientId: string, formKey: string) =>
    (
      await subject.database.db
        .selectFrom('form_entry')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('patient_id', '=', patientId)
        .where('form_key', '=', formKey)
        .executeTakeFirstOrThrow()
    ).n;
  const events = (patientId: string) =>
    subject.database.db.selectFrom('audit_event').selectAll().where('patient_id', '=', patientId).orderBy('id').execute();

  const consult = (values: Record<string, string>, date = '2026-11-27') =>
    filledResponse(definition('consult-poh-dm2'), { date, values, note: 'Gaat goed; medicatie volgens afspraak.' });

  it('has stored every form of the library (synced when the database was made)', async () => {
    const stored = await subject.database.db.selectFrom('form_definition').select(['key', 'version']).execute();
    expect(stored).toContainEqual({ key: 'consult-poh-dm2', version: definition('consult-poh-dm2').version });
    expect(stored).toContainEqual({ key: 'intake-ggz-poh', version: 1 });
  });

  describe('Activiteiten (seed 001 §5.2, §6.2)', () => {
    it('offers the POH-somatiek the chain-care tasks under the open trajectories, with criteria for inactive ones', async () => {
      const response = await get('poh.hapz', `${base('1')}/activities`);
      expect(response.statusCode, response.body).toBe(200);
      const groups = response.json().groups as {
        programme: string | null;
        trajectory: unknown;
        tasks: { formKey: string; active: boolean; unmet: { kind: string; text: { nl: string } }[] }[];
      }[];
      const dm2 = groups.find((group) => group.programme === 'DM2');
      expect(dm2?.trajectory).toMatchObject({ startedOn: '2017-03-06', organisationName: 'Huisartsenpraktijk Zonnehof' });
      expect(dm2?.tasks.find((task) => task.formKey === 'consult-poh-dm2')).toMatchObject({ active: true, unmet: [] });
      const start = dm2?.tasks.find((task) => task.formKey === 'start-traject-dm2');
      expect(start).toMatchObject({ active: false, unmet: [{ kind: 'no-open-trajectory' }] });
      expect(start?.unmet[0]?.text.nl).toMatch(/DM2/);
      // Not the POH-GGZ's tasks, nor the dietitian's.
      const keys = groups.flatMap((group) => group.tasks.map((task) => task.formKey));
      expect(keys).not.toContain('intake-ggz-poh');
      expect(keys).not.toContain('intake-dietist');
      // Sem has no DM2: the consult is there but inactive, naming the missing trajectory.
      const sem = (await get('poh.hapz', `${base('2')}/activities`)).json().groups as typeof groups;
      const semConsult = sem.flatMap((group) => group.tasks).find((task) => task.formKey === 'consult-poh-dm2');
      expect(semConsult).toMatchObject({ active: false, unmet: [{ kind: 'open-trajectory' }] });
    });

    it('offers the POH-GGZ only GGZ tasks (and referrals), and a role that starts nothing no tasks', async () => {
      const groups = (await get('pohggz.hapz', `${base('1')}/activities`)).json().groups as {
        programme: string | null;
        tasks: { formKey: string }[];
      }[];
      const keys = groups.flatMap((group) => group.tasks.map((task) => task.formKey));
      expect(keys).toContain('start-traject-ggz');
      expect(keys).toContain('intake-ggz-poh');
      expect(keys).not.toContain('consult-poh-dm2');
      await request('assistent.hapz', 'POST', `${base('1')}/treatment-relationship`, {});
      const assistant = await get('assistent.hapz', `${base('1')}/activities`);
      expect(assistant.statusCode).toBe(200);
      expect(assistant.json().groups).toEqual([]);
    });

    it('answers 404 for a patient the account cannot open', async () => {
      expect((await get('huisarts.hapb', `${base('1')}/activities`)).statusCode).toBe(404);
    });
  });

  describe('drafts (seed 001 §6.1 "Concept opslaan")', () => {
    it('saves, continues and discards a draft that only its author sees', async () => {
      const partial = filledResponse(definition('consult-poh-dm2'), { date: '2026-11-29', values: { weight: '80.5' } });
      const saved = await request('poh.hapz', 'PUT', `${base('1')}/tasks/consult-poh-dm2/draft`, { response: partial });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toEqual({ savedAt: '2026-11-29T09:00:00.000Z' });
      // Autosave: a second save replaces the first (one draft per account × patient × task).
      const again = await request('poh.hapz', 'PUT', `${base('1')}/tasks/consult-poh-dm2/draft`, {
        response: { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [] },
      });
      expect(again.statusCode).toBe(200);
      const task = await get('poh.hapz', `${base('1')}/tasks/consult-poh-dm2`);
      expect(task.json()).toMatchObject({
        definition: { key: 'consult-poh-dm2', recordType: 'somatic', questionnaire: { resourceType: 'Questionnaire' } },
        draft: {
          response: { resourceType: 'QuestionnaireResponse', item: [] },
          definitionVersion: definition('consult-poh-dm2').version,
        },
        entry: null,
      });
      const activities = (await get('poh.hapz', `${base('1')}/activities`)).json();
      const consultTask = activities.groups
        .flatMap((group: { tasks: unknown[] }) => group.tasks)
        .find((t: { formKey: string }) => t.formKey === 'consult-poh-dm2');
      expect(consultTask.draft).toEqual({ savedAt: '2026-11-29T09:00:00.000Z' });
      // Not for anyone else, not even a colleague of the same practice.
      expect((await get('huisarts.hapz', `${base('1')}/tasks/consult-poh-dm2`)).json().draft).toBeNull();
      // Never in Historie.
      expect(
        (await get('poh.hapz', `${base('1')}/history`)).json().entries.map((e: { formKey: string }) => e.formKey),
      ).not.toContain('consult-poh-dm2-draft');
      const drafted = (await events('1')).filter((event) => event.object_type === 'form-draft');
      expect(drafted.at(-1)).toMatchObject({
        action: 'update',
        outcome: 'success',
        details: { formKey: 'consult-poh-dm2', draft: true },
      });

      expect((await request('poh.hapz', 'DELETE', `${base('1')}/tasks/consult-poh-dm2/draft`)).statusCode).toBe(204);
      expect((await get('poh.hapz', `${base('1')}/tasks/consult-poh-dm2`)).json().draft).toBeNull();
    });

    it('refuses drafts of tasks the role may not start', async () => {
      const response = await request('assistent.hapz', 'PUT', `${base('1')}/tasks/consult-poh-dm2/draft`, {
        response: { resourceType: 'QuestionnaireResponse', status: 'in-progress' },
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('publishing (seed 001 §6.1, §6.3)', () => {
    let entryId: string;

    it('names each missing required question, in the request language, and stores nothing', async () => {
      const empty = { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [] };
      const before = await entryCount('1', 'consult-poh-dm2');
      const dutch = await publish('poh.hapz', '1', 'consult-poh-dm2', empty as QuestionnaireResponse);
      expect(dutch.statusCode, dutch.body).toBe(422);
      expect(dutch.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(dutch.json()).toMatchObject({ code: 'form-invalid', title: 'Het formulier is nog niet compleet' });
      expect(dutch.json().errors).toContainEqual({
        field: 'datum',
        message: expect.stringMatching(/^Vraag ".+" is verplicht\.$/),
      });
      const english = await publish('poh.hapz', '1', 'consult-poh-dm2', empty as QuestionnaireResponse, {}, 'en');
      expect(english.json().errors).toContainEqual({
        field: 'datum',
        message: expect.stringMatching(/^Question ".+" is required\.$/),
      });
      expect(await entryCount('1', 'consult-poh-dm2')).toBe(before);
    });

    it('publishes into Historie and Monitoring, drops the draft and writes the audit event', async () => {
      await request('poh.hapz', 'PUT', `${base('1')}/tasks/consult-poh-dm2/draft`, {
        response: { resourceType: 'QuestionnaireResponse', status: 'in-progress' },
      });
      const response = await publish(
        'poh.hapz',
        '1',
        'consult-poh-dm2',
        consult({ weight: '81.4', 'bp-systolic': '131', hba1c: '51' }),
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toEqual({ entryId: expect.any(String), version: 1, publishedAt: '2026-11-29T09:00:00.000Z' });
      entryId = response.json().entryId;
      expect((await get('poh.hapz', `${base('1')}/tasks/consult-poh-dm2`)).json().draft).toBeNull();

      const history = (await get('poh.hapz', `${base('1')}/history`)).json();
      expect(history.entries[0]).toEqual({
        id: entryId,
        kind: 'form',
        formKey: 'consult-poh-dm2',
        title: { nl: 'Consult POH/huisarts', en: 'Consultation practice nurse/GP' },
        version: 1,
        publishedAt: '2026-11-29T09:00:00.000Z',
        author: {
          accountId: await accountId('poh.hapz'),
          name: 'Marieke Jansen',
          role: 'poh-somatiek',
          roleName: { nl: 'POH-somatiek', en: 'Practice nurse (somatic)' },
        },
        organisationName: 'Huisartsenpraktijk Zonnehof',
        canEdit: true,
      });
      expect(history.filters.tasks).toContainEqual({
        formKey: 'consult-poh-dm2',
        title: { nl: 'Consult POH/huisarts', en: 'Consultation practice nurse/GP' },
      });

      const monitoring = (await get('poh.hapz', `${base('1')}/monitoring`)).json();
      const weight = monitoring.measures.find((measure: { code: string }) => measure.code === 'weight');
      expect(weight).toMatchObject({ name: { nl: 'Gewicht' }, unit: 'kg', latest: { value: '81.4' } });
      const series = (await get('poh.hapz', `${base('1')}/monitoring/series?codes=weight,hba1c`)).json();
      const last = series.series.find((item: { code: string }) => item.code === 'weight').points.at(-1);
      expect(last).toMatchObject({ value: '81.4', source: 'registration', entryId });
      expect(last.measuredAt).toBe('2026-11-26T23:00:00.000Z'); // the form's date, 00:00 in Amsterdam
      const stored = await subject.database.db
        .selectFrom('measurement')
        .innerJoin('form_response', 'form_response.id', 'measurement.form_response_id')
        .select(['measurement.code', 'measurement.record_type'])
        .where('form_response.entry_id', '=', entryId)
        .execute();
      expect(stored.map((row) => row.code).sort()).toEqual(['bp-systolic', 'hba1c', 'weight']);
      expect(new Set(stored.map((row) => row.record_type))).toEqual(new Set(['somatic']));

      const created = (await events('1')).filter((event) => event.object_type === 'form-entry' && event.action === 'create');
      expect(created.at(-1)).toMatchObject({
        outcome: 'success',
        object_id: entryId,
        reason: 'treatment-relationship',
        details: {
          formKey: 'consult-poh-dm2',
          entryVersion: 1,
          definitionVersion: definition('consult-poh-dm2').version,
          measurements: 3,
        },
      });
    });

    it('edits ("Bewerken") into version 2; version 1 stays readable, Monitoring shows the new values only', async () => {
      const task = (await get('huisarts.hapz', `${base('1')}/tasks/consult-poh-dm2?entryId=${entryId}`)).json();
      expect(task.entry).toMatchObject({ id: entryId, version: 1, response: { status: 'completed' } });
      const edited = await publish('huisarts.hapz', '1', 'consult-poh-dm2', consult({ weight: '81.9', 'bp-systolic': '131' }), {
        entryId,
      });
      expect(edited.statusCode, edited.body).toBe(201);
      expect(edited.json()).toMatchObject({ entryId, version: 2 });

      const current = (await get('poh.hapz', `${base('1')}/history/${entryId}`)).json();
      expect(current.entry).toMatchObject({ id: entryId, version: 2 });
      expect(current.versions.map((v: { version: number; authorName: string }) => [v.version, v.authorName])).toEqual([
        [2, 'Jeroen de Vries'],
        [1, 'Marieke Jansen'],
      ]);
      expect(JSON.stringify(current.response)).toContain('81.9');
      const first = (await get('poh.hapz', `${base('1')}/history/${entryId}?version=1`)).json();
      expect(JSON.stringify(first.response)).toContain('81.4');
      expect(first.questionnaire.resourceType).toBe('Questionnaire');
      expect((await get('poh.hapz', `${base('1')}/history/${entryId}?version=3`)).statusCode).toBe(404);

      const series = (await get('poh.hapz', `${base('1')}/monitoring/series?codes=weight,hba1c`)).json();
      const fromEntry = series.series.flatMap((item: { code: string; points: { entryId: string | null; value: string }[] }) =>
        item.points.filter((point) => point.entryId === entryId).map((point) => [item.code, point.value]),
      );
      expect(fromEntry).toEqual([['weight', '81.9']]);
      const updated = (await events('1')).filter((event) => event.object_type === 'form-entry' && event.action === 'update');
      expect(updated.at(-1)).toMatchObject({ object_id: entryId, details: { formKey: 'consult-poh-dm2', entryVersion: 2 } });
    });

    it('lets only the organisation of the entry edit it', async () => {
      await grantAccess(subject.database.db, {
        patientId: '1',
        granteeType: 'account',
        granteeId: await accountId('huisarts.hapb'),
        kind: 'treatment-relationship',
        source: 'test:locum',
        validFrom: new Date('2026-11-01T00:00:00Z'),
      });
      const history = (await get('huisarts.hapb', `${base('1')}/history`)).json();
      expect(history.entries.find((entry: { id: string }) => entry.id === entryId)?.canEdit).toBe(false);
      expect((await get('huisarts.hapb', `${base('1')}/tasks/consult-poh-dm2?entryId=${entryId}`)).statusCode).toBe(404);
      const refused = await publish('huisarts.hapb', '1', 'consult-poh-dm2', consult({ weight: '70' }), { entryId });
      expect(refused.statusCode).toBe(404);
      expect((await events('1')).at(-1)).toMatchObject({ action: 'access-denied', reason: 'not-own-entry' });
    });

    it('is idempotent per request id, also for two requests at once', async () => {
      const requestId = randomUUID();
      const before = Number(await entryCount('1', 'consult-poh-dm2'));
      const first = await publish('poh.hapz', '1', 'consult-poh-dm2', consult({ weight: '82.0' }), { requestId });
      const second = await publish('poh.hapz', '1', 'consult-poh-dm2', consult({ weight: '82.0' }), { requestId });
      expect(first.statusCode).toBe(201);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual(first.json());
      expect(Number(await entryCount('1', 'consult-poh-dm2'))).toBe(before + 1);

      const concurrent = randomUUID();
      const answers = await Promise.all(
        [0, 1, 2].map(() => publish('poh.hapz', '1', 'consult-poh-dm2', consult({ weight: '82.5' }), { requestId: concurrent })),
      );
      expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((answer) => answer.json().entryId)).size).toBe(1);
      expect(Number(await entryCount('1', 'consult-poh-dm2'))).toBe(before + 2);
      // Another account (or patient) cannot reuse someone's request id.
      const reused = await publish('huisarts.hapz', '1', 'consult-poh-dm2', consult({ weight: '82.5' }), {
        requestId: concurrent,
      });
      expect(reused.statusCode).toBe(409);
    });
  });

  describe('activation and once-only (seed 001 §6.2) and trajectories', () => {
    const intake = () =>
      filledResponse(definition('intake-ggz-poh'), {
        date: '2026-11-28',
        values: { phq9: '14' },
        note: 'Somberheid sinds enkele maanden.',
      });

    it('refuses an inactive task, starts the trajectory that activates it, then refuses the used once-only task', async () => {
      const inactive = await publish('pohggz.hapz', '1', 'intake-ggz-poh', intake());
      expect(inactive.statusCode, inactive.body).toBe(409);
      expect(inactive.json()).toMatchObject({ code: 'task-inactive', unmet: [{ kind: 'open-trajectory' }] });
      expect(await entryCount('1', 'intake-ggz-poh')).toBe('0');

      const start = await publish(
        'pohggz.hapz',
        '1',
        'start-traject-ggz',
        filledResponse(definition('start-traject-ggz'), { date: '2026-11-28', note: 'Somberheid, aanmelding via huisarts.' }),
      );
      expect(start.statusCode, start.body).toBe(201);
      const trajectory = await subject.database.db
        .selectFrom('trajectory')
        .select(['organisation_id', 'started_on', 'ended_on'])
        .where('patient_id', '=', '1')
        .where('programme', '=', 'GGZ')
        .execute();
      expect(trajectory).toHaveLength(1);
      expect(trajectory[0]).toMatchObject({ started_on: '2026-11-29', ended_on: null });
      // A second start of an open programme: the task is inactive.
      const again = await publish(
        'pohggz.hapz',
        '1',
        'start-traject-ggz',
        filledResponse(definition('start-traject-ggz'), { date: '2026-11-28', note: 'Nogmaals.' }),
      );
      expect(again.statusCode).toBe(409);

      const published = await publish('pohggz.hapz', '1', 'intake-ggz-poh', intake());
      expect(published.statusCode, published.body).toBe(201);
      const used = await publish('pohggz.hapz', '1', 'intake-ggz-poh', intake());
      expect(used.statusCode).toBe(409);
      expect(used.json()).toMatchObject({ code: 'task-used', title: 'Deze taak is al uitgevoerd' });
      expect(await entryCount('1', 'intake-ggz-poh')).toBe('1');
      const activities = (await get('pohggz.hapz', `${base('1')}/activities`)).json();
      const task = activities.groups
        .flatMap((group: { tasks: unknown[] }) => group.tasks)
        .find((t: { formKey: string }) => t.formKey === 'intake-ggz-poh');
      expect(task).toMatchObject({ usedOnce: true });
    });
  });

  describe('role visibility (seed 001 §5.4, §5.6): the POH-GGZ registration never reaches the dietitian', () => {
    it('leaves the GGZ intake out of every record endpoint for a role without the GGZ right', async () => {
      await grantAccess(subject.database.db, {
        patientId: '1',
        granteeType: 'account',
        granteeId: await accountId('dietist.vitaal'),
        kind: 'treatment-relationship',
        source: 'test:dietitian',
        validFrom: new Date('2026-11-01T00:00:00Z'),
      });
      const ggzEntry = await subject.database.db
        .selectFrom('form_entry')
        .select('id')
        .where('patient_id', '=', '1')
        .where('form_key', '=', 'intake-ggz-poh')
        .executeTakeFirstOrThrow();
      const pohggz = await accountId('pohggz.hapz');

      // The GP reads GGZ: it is there for the huisarts, with its PHQ-9.
      const gpHistory = (await get('huisarts.hapz', `${base('1')}/history`)).json();
      expect(gpHistory.entries.map((entry: { id: string }) => entry.id)).toContain(ggzEntry.id);
      const gpMonitoring = (await get('huisarts.hapz', `${base('1')}/monitoring`)).json();
      expect(gpMonitoring.measures.map((measure: { code: string }) => measure.code)).toContain('phq9');

      const dietitian = (url: string) => get('dietist.vitaal', `${base('1')}${url}`);
      const everything = [
        await dietitian('/activities'),
        await dietitian('/history'),
        await dietitian('/history?formKey=intake-ggz-poh'),
        await dietitian(`/history?authorAccountId=${pohggz}`),
        await dietitian('/history?role=poh-ggz'),
        await dietitian('/monitoring'),
        await dietitian('/monitoring/series?codes=phq9,weight'),
        await dietitian('/day-curves'),
        await dietitian('/team'),
      ];
      for (const response of everything) expect(response.statusCode, response.body).toBe(200);
      const text = everything.map((response) => response.body).join('\n');
      for (const hidden of [
        'intake-ggz-poh',
        'Intake POH-GGZ',
        'poh-ggz',
        'POH-GGZ',
        'start-traject-ggz',
        'phq9',
        'PHQ-9',
        'Sevda Kaya',
      ]) {
        if (hidden === 'phq9') {
          // The series endpoint echoes the requested code; its points must be empty.
          const series = everything[6]?.json().series as { code: string; points: unknown[] }[];
          expect(series.find((item) => item.code === 'phq9')?.points).toEqual([]);
          expect(everything[5]?.body).not.toContain('phq9');
          continue;
        }
        expect(text).not.toContain(hidden);
      }
      const history = everything[1]?.json();
      expect(history.entries.map((entry: { id: string }) => entry.id)).not.toContain(ggzEntry.id);
      // Everything the GP sees except the GGZ start and intake (and the pedicure's foot examination: no podotherapy right).
      const readableByDietitian = gpHistory.entries.filter(
        (entry: { formKey: string }) => !['start-traject-ggz', 'intake-ggz-poh', 'voetonderzoek'].includes(entry.formKey),
      );
      expect(history.total).toBe(readableByDietitian.length);
      expect(everything[2]?.json()).toMatchObject({ entries: [], total: 0 });
      expect(everything[3]?.json()).toMatchObject({ entries: [], total: 0 });
      expect(everything[4]?.json()).toMatchObject({ entries: [], total: 0 });
      const detail = await dietitian(`/history/${ggzEntry.id}`);
      expect(detail.statusCode).toBe(404);
      expect((await events('1')).at(-1)).toMatchObject({ action: 'access-denied', reason: 'no-role-right' });
      // The dietitian still sees what she may read: the somatic consult.
      expect(history.entries.map((entry: { formKey: string }) => entry.formKey)).toContain('consult-poh-dm2');
    });
  });

  describe('Historie filters and Dagcurves', () => {
    it('filters by period, task, author and role, and pages', async () => {
      const all = (await get('huisarts.hapz', `${base('1')}/history?from=01-11-2026&to=29-11-2026`)).json();
      expect(all.entries.length).toBeGreaterThan(0);
      for (const entry of all.entries) expect(entry.publishedAt >= '2026-10-31').toBe(true);
      const byTask = (await get('huisarts.hapz', `${base('1')}/history?formKey=consult-poh-dm2`)).json();
      expect(new Set(byTask.entries.map((entry: { formKey: string }) => entry.formKey))).toEqual(new Set(['consult-poh-dm2']));
      const byRole = (await get('huisarts.hapz', `${base('1')}/history?role=poh-ggz`)).json();
      expect(byRole.entries.every((entry: { author: { role: string } }) => entry.author.role === 'poh-ggz')).toBe(true);
      expect(byRole.total).toBe(2);
      const bad = await get('huisarts.hapz', `${base('1')}/history?from=31-02-2026`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([{ field: 'from', message: 'Vanaf moet een datum zijn (dd-mm-jjjj).' }]);
      const reversed = await get('huisarts.hapz', `${base('1')}/history?from=02-11-2026&to=01-11-2026`);
      expect(reversed.statusCode).toBe(400);
    });

    it('shows day curves when DM2 is recorded and tells the card; 404 otherwise', async () => {
      const curve = filledResponse(definition('dagcurve'), { date: '2026-11-26', note: 'Geen bijzonderheden.' });
      const published = await publish('poh.hapz', '1', 'dagcurve', curve);
      expect(published.statusCode, published.body).toBe(201);
      const curves = (await get('poh.hapz', `${base('1')}/day-curves`)).json().curves as { entryId: string; date: string }[];
      expect(curves.find((item) => item.entryId === published.json().entryId)).toMatchObject({ date: '2026-11-26' });
      expect((await get('poh.hapz', `${base('1')}`)).json().card.dayCurvesAvailable).toBe(true);
      expect((await get('poh.hapz', `${base('2')}/day-curves`)).statusCode).toBe(404);
      expect((await get('poh.hapz', `${base('2')}`)).json().card.dayCurvesAvailable).toBe(false);
    });
  });

  describe('the old Journaal in Historie (migration 0007)', () => {
    it('lists journal lines by their record type and opens them as text', async () => {
      const db = subject.database.db;
      const run = await db
        .insertInto('legacy_import_run')
        .values({ started_at: new Date('2026-10-01T08:00:00Z'), source: '[]' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const line = (text: string, recordType: string, role: string, username: string | null) => ({
        patient_id: '1',
        legacy_patient_number: 'M3-0001',
        recorded_at: new Date('2026-06-15T10:00:00Z'),
        author_account_id: null,
        legacy_author_username: username,
        author_name: username ?? 'Onbekend',
        author_role: role,
        organisation_id: null,
        record_type: recordType,
        kind: 'consult',
        text,
        text_sha256: createHash('sha256').update(text).digest('hex'),
        imported_at: new Date('2026-10-01T08:00:00Z'),
        import_run_id: run.id,
      });
      const [somatic, ggz] = await db
        .insertInto('legacy_journal_entry')
        .values([
          line('Controle bloeddruk, 138/84. Beleid ongewijzigd.', 'somatic', 'huisarts', 'jdevries'),
          line('Gesprek over slaapproblemen en piekeren.', 'ggz', 'poh-ggz', 'skaya'),
        ])
        .returning('id')
        .execute();
      const gp = (await get('huisarts.hapz', `${base('1')}/history?formKey=legacy-journal`)).json();
      expect(gp.entries.map((entry: { id: string }) => entry.id).sort()).toEqual(
        [`legacy-${somatic?.id}`, `legacy-${ggz?.id}`].sort(),
      );
      expect(gp.entries[0]).toMatchObject({
        kind: 'legacy-journal',
        formKey: 'legacy-journal',
        title: { nl: 'Journaal (vorig systeem)' },
        author: { accountId: null },
        organisationName: null,
        canEdit: false,
      });
      const text = (await get('huisarts.hapz', `${base('1')}/history/legacy-${somatic?.id}`)).json();
      expect(text).toMatchObject({ text: 'Controle bloeddruk, 138/84. Beleid ongewijzigd.', versions: [{ version: 1 }] });
      const dietitian = (await get('dietist.vitaal', `${base('1')}/history?formKey=legacy-journal`)).json();
      expect(dietitian.entries.map((entry: { id: string }) => entry.id)).toEqual([`legacy-${somatic?.id}`]);
      expect((await get('dietist.vitaal', `${base('1')}/history/legacy-${ggz?.id}`)).statusCode).toBe(404);
    });
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(subject.database.db)).ok).toBe(true);
  });
});
