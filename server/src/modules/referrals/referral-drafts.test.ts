import { createHash, randomUUID } from 'node:crypto';
import { emptyResponse, latestDefinition, setAnswers } from '@keten/forms';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.js';
import { testEngines } from '../../test/database.js';
import { demoAppWithSessions } from '../../test/demo-app.js';

// A "Verwijzing …" draft keeps the receiving organisation and the uploaded letter (docs/clinical-record.md §4,
// migration 0016): reopening the draft brings both back, publishing sends them, a replaced or discarded letter is
// gone, and nobody but the draft's author sees or uses it. huisarts.hapz refers Fatima (4) and Sem (2).

const usernames = ['huisarts.hapz', 'poh.hapz'] as const;
type Username = (typeof usernames)[number];

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function referralResponse(reason: string): QuestionnaireResponse {
  const definition = latestDefinition('verwijzing-dietist');
  if (!definition) throw new Error('no verwijzing-dietist');
  let response = emptyResponse(definition);
  response = setAnswers(response, 'reden', [{ valueString: reason }], definition.questionnaire);
  response = setAnswers(response, 'telefoon', [{ valueString: '06-12345678' }], definition.questionnaire);
  return response;
}

interface DraftView {
  response: QuestionnaireResponse;
  referral: {
    toOrganisationId: string | null;
    letter: { id: string; fileName: string; contentType: string; size: number } | null;
  } | null;
}

describe.each(testEngines)('referral drafts keep the organisation and the letter (%s)', (engine) => {
  const subject = demoAppWithSessions(engine, usernames, 10);
  let vitaal: string;

  beforeAll(async () => {
    for (const user of usernames) {
      for (const patient of ['4', '2']) {
        const confirmed = await request(user, 'POST', `/api/werkplek/patients/${patient}/treatment-relationship`, {});
        expect(confirmed.statusCode, confirmed.body).toBe(200);
      }
    }
    const row = await subject.database.db
      .selectFrom('organisation')
      .select('id')
      .where('abbreviation', '=', 'VITAAL')
      .executeTakeFirstOrThrow();
    vitaal = row.id;
  }, 180_000);

  const request = subject.request;
  const task = (patientId: string) => `/api/werkplek/patients/${patientId}/tasks/verwijzing-dietist`;
  const upload = async (user: Username, bytes: Buffer, name: string) => {
    const answer = await subject.upload(user, '/api/werkplek/referral-letters', bytes, name);
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json() as { id: string; fileName: string; contentType: string; size: number };
  };
  const saveDraft = (user: Username, patientId: string, body: object) => request(user, 'PUT', `${task(patientId)}/draft`, body);
  const openDraft = async (user: Username, patientId: string): Promise<DraftView | null> => {
    const answer = await request(user, 'GET', task(patientId));
    expect(answer.statusCode, answer.body).toBe(200);
    return (answer.json() as { draft: DraftView | null }).draft;
  };
  const blobExists = async (id: string) =>
    (await subject.database.db.selectFrom('blob').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

  it('reopens the draft with the organisation and the letter; publishing the draft sends both', async () => {
    const letter = await upload('huisarts.hapz', pdf, 'Verwijsbrief Fatima.pdf');
    const saved = await saveDraft('huisarts.hapz', '4', {
      response: referralResponse('Overgewicht; graag dieetadvies.'),
      referral: { toOrganisationId: vitaal, letterBlobId: letter.id },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    // Reopening: the answers, the organisation and the letter (name, type, size — no second copy of the file).
    const draft = await openDraft('huisarts.hapz', '4');
    expect(draft?.referral).toEqual({
      toOrganisationId: vitaal,
      letter: { id: letter.id, fileName: 'Verwijsbrief Fatima.pdf', contentType: 'application/pdf', size: pdf.length },
    });
    expect(JSON.stringify(draft?.response)).toContain('Overgewicht; graag dieetadvies.');
    expect(
      await subject.database.db
        .selectFrom('blob')
        .select('id')
        .where('sha256', '=', createHash('sha256').update(pdf).digest('hex'))
        .execute(),
    ).toHaveLength(1);

    // An autosave of the answers alone keeps them.
    const autosaved = await saveDraft('huisarts.hapz', '4', { response: referralResponse('Overgewicht en prediabetes.') });
    expect(autosaved.statusCode, autosaved.body).toBe(200);
    expect((await openDraft('huisarts.hapz', '4'))?.referral).toMatchObject({
      toOrganisationId: vitaal,
      letter: { id: letter.id },
    });

    // Only the author: another account of the practice sees no draft and cannot take the letter into its own.
    expect((await openDraft('poh.hapz', '4'))?.referral ?? null).toBeNull();
    const taken = await saveDraft('poh.hapz', '2', {
      response: referralResponse('x'),
      referral: { toOrganisationId: vitaal, letterBlobId: letter.id },
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.json()).toMatchObject({ code: 'referral-letter', errors: [{ field: 'letter' }] });
    // Nor can the author put one letter into two drafts.
    const twice = await saveDraft('huisarts.hapz', '2', {
      response: referralResponse('x'),
      referral: { toOrganisationId: vitaal, letterBlobId: letter.id },
    });
    expect(twice.statusCode).toBe(422);

    // Publishing the draft (the body without `referral`: the draft's are used).
    const published = await request('huisarts.hapz', 'POST', `${task('4')}/publish`, {
      requestId: randomUUID(),
      response: (await openDraft('huisarts.hapz', '4'))?.response,
    });
    expect(published.statusCode, published.body).toBe(201);
    const { entryId } = published.json() as { entryId: string };
    expect(await openDraft('huisarts.hapz', '4')).toBeNull();
    const entry = await request('huisarts.hapz', 'GET', `/api/werkplek/patients/4/history/${entryId}`);
    expect(entry.statusCode, entry.body).toBe(200);
    expect(entry.json()).toMatchObject({
      referral: {
        toOrganisation: { id: vitaal, name: 'Diëtistenpraktijk Vitaal' },
        reason: 'Overgewicht en prediabetes.',
        letter: { fileName: 'Verwijsbrief Fatima.pdf', contentType: 'application/pdf', size: pdf.length },
      },
    });
    const download = await request('huisarts.hapz', 'GET', `/api/werkplek/patients/4/history/${entryId}/referral-letter`);
    expect(download.statusCode).toBe(200);
    expect(Buffer.from(download.rawPayload).equals(pdf)).toBe(true);
  });

  it('replacing or removing the letter deletes the old file; publishing with the body sends what the draft showed', async () => {
    const first = await upload('huisarts.hapz', pdf, 'eerste.pdf');
    const second = await upload('huisarts.hapz', png, 'scan.png');
    const base = { response: referralResponse('Sem: eetadvies') };
    expect(
      (await saveDraft('huisarts.hapz', '2', { ...base, referral: { toOrganisationId: vitaal, letterBlobId: first.id } }))
        .statusCode,
    ).toBe(200);
    // Replaced: the first letter is gone, the second is kept.
    expect(
      (await saveDraft('huisarts.hapz', '2', { ...base, referral: { toOrganisationId: vitaal, letterBlobId: second.id } }))
        .statusCode,
    ).toBe(200);
    expect(await blobExists(first.id)).toBe(false);
    expect((await openDraft('huisarts.hapz', '2'))?.referral).toEqual({
      toOrganisationId: vitaal,
      letter: { id: second.id, fileName: 'scan.png', contentType: 'image/png', size: png.length },
    });
    // A gone letter cannot be attached any more.
    const stale = await request('huisarts.hapz', 'POST', `${task('2')}/publish`, {
      requestId: randomUUID(),
      ...base,
      referral: { toOrganisationId: vitaal, letterBlobId: first.id },
    });
    expect(stale.statusCode).toBe(422);
    expect(stale.json()).toMatchObject({ code: 'referral-letter' });

    // Removed (null): the organisation stays, the file is deleted.
    expect(
      (await saveDraft('huisarts.hapz', '2', { ...base, referral: { toOrganisationId: vitaal, letterBlobId: null } })).statusCode,
    ).toBe(200);
    expect(await blobExists(second.id)).toBe(false);
    expect((await openDraft('huisarts.hapz', '2'))?.referral).toEqual({ toOrganisationId: vitaal, letter: null });

    // A new letter, then publishing as the page does: the body repeats what the reopened draft shows.
    const third = await upload('huisarts.hapz', pdf, 'derde.pdf');
    expect(
      (await saveDraft('huisarts.hapz', '2', { ...base, referral: { toOrganisationId: vitaal, letterBlobId: third.id } }))
        .statusCode,
    ).toBe(200);
    const draft = await openDraft('huisarts.hapz', '2');
    const published = await request('huisarts.hapz', 'POST', `${task('2')}/publish`, {
      requestId: randomUUID(),
      response: draft?.response,
      referral: { toOrganisationId: draft?.referral?.toOrganisationId, letterBlobId: draft?.referral?.letter?.id ?? null },
    });
    expect(published.statusCode, published.body).toBe(201);
    const { entryId } = published.json() as { entryId: string };
    const entry = await request('huisarts.hapz', 'GET', `/api/werkplek/patients/2/history/${entryId}`);
    expect(entry.json()).toMatchObject({
      referral: { toOrganisation: { id: vitaal }, letter: { fileName: 'derde.pdf', size: pdf.length } },
    });
  });

  it('discarding the draft deletes its letter; drafts of other tasks take no referral', async () => {
    const letter = await upload('huisarts.hapz', pdf, 'weg.pdf');
    expect(
      (
        await saveDraft('huisarts.hapz', '4', {
          response: referralResponse('Nog een keer'),
          referral: { toOrganisationId: vitaal, letterBlobId: letter.id },
        })
      ).statusCode,
    ).toBe(200);
    const discarded = await request('huisarts.hapz', 'DELETE', `${task('4')}/draft`);
    expect(discarded.statusCode, discarded.body).toBe(204);
    expect(await blobExists(letter.id)).toBe(false);
    expect(await openDraft('huisarts.hapz', '4')).toBeNull();

    // An organisation of another type, or a referral on a form without the referral effect: refused, nothing saved.
    const practice = await subject.database.db
      .selectFrom('organisation')
      .select('id')
      .where('abbreviation', '=', 'HAPB')
      .executeTakeFirstOrThrow();
    const wrongType = await saveDraft('huisarts.hapz', '4', {
      response: referralResponse('x'),
      referral: { toOrganisationId: practice.id, letterBlobId: null },
    });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json()).toMatchObject({ code: 'referral-organisation', errors: [{ field: 'toOrganisationId' }] });
    const otherTask = await request('huisarts.hapz', 'PUT', '/api/werkplek/patients/4/tasks/consult-poh-dm2/draft', {
      response: { resourceType: 'QuestionnaireResponse', status: 'in-progress' },
      referral: { toOrganisationId: vitaal, letterBlobId: null },
    });
    expect([404, 422]).toContain(otherTask.statusCode);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(subject.database.db)).ok).toBe(true);
  });
});
