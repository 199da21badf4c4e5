import { randomUUID } from 'node:crypto';
import { emptyResponse, latestDefinition, setAnswers } from '@keten/forms';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../audit/verify.js';
import { testEngines } from '../../test/database.js';
import { demoAppWithSessions } from '../../test/demo-app.js';

// Verwijzing versturen / ontvangen and Signalen (issue 7) on the demo region: huisarts.hapz refers Fatima (4, HAPZ;
// her demo referral to Diëtistenpraktijk Vitaal is already opened) and Sem (2, HAPZ) to a dietitian practice.

const usernames = ['huisarts.hapz', 'assistent.hapz', 'dietist.vitaal', 'poh.hapz'] as const;
type Username = (typeof usernames)[number];

// A minimal valid PDF (one empty page).
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
// The start of a Windows executable ("MZ"), named like a PDF.
const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120, 0)]);

function referralResponse(reason: string) {
  const definition = latestDefinition('verwijzing-dietist');
  if (!definition) throw new Error('no verwijzing-dietist');
  let response = emptyResponse(definition);
  response = setAnswers(response, 'reden', [{ valueString: reason }], definition.questionnaire);
  response = setAnswers(response, 'telefoon', [{ valueString: '06-12345678' }], definition.questionnaire);
  response = setAnswers(response, 'bereikbaarheid', [{ valueString: 'Liever na 16:00 bellen' }], definition.questionnaire);
  return response;
}

describe.each(testEngines)('referrals and signals (%s)', (engine) => {
  const subject = demoAppWithSessions(engine, usernames, 10);
  let vitaal: string;
  let other: string;

  beforeAll(async () => {
    for (const patient of ['4', '2']) {
      const confirmed = await request('huisarts.hapz', 'POST', `/api/werkplek/patients/${patient}/treatment-relationship`, {});
      expect(confirmed.statusCode, confirmed.body).toBe(200);
    }
    const dietitians = await subject.database.db
      .selectFrom('organisation')
      .select(['id', 'abbreviation'])
      .where('type', '=', 'dietitian')
      .orderBy('id')
      .execute();
    vitaal = dietitians.find((row) => row.abbreviation === 'VITAAL')?.id as string;
    other = dietitians.find((row) => row.abbreviation !== 'VITAAL')?.id ?? '';
  }, 180_000);

  const request = subject.request;
  const upload = (user: Username, bytes: Buffer, name: string) =>
    subject.upload(user, '/api/werkplek/referral-letters', bytes, name);
  const publish = (user: Username, patientId: string, body: object) =>
    request(user, 'POST', `/api/werkplek/patients/${patientId}/tasks/verwijzing-dietist/publish`, {
      requestId: randomUUID(),
      ...body,
    });
  const counts = async (user: Username) => {
    const answer = await request(user, 'GET', '/api/werkplek/signals/count');
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { total: number; referrals: number; messages: number | null };
  };

  it('starts without referral signals at the dietitian (the demo referral is opened)', async () => {
    expect((await counts('dietist.vitaal')).referrals).toBe(0);
  });

  it('offers the dietitian practices of the region as receivers', async () => {
    const answer = await request('huisarts.hapz', 'GET', '/api/werkplek/referral-targets?formKey=verwijzing-dietist');
    expect(answer.statusCode, answer.body).toBe(200);
    const body = answer.json() as { toOrganisationType: string; organisations: { id: string; name: string }[] };
    expect(body.toOrganisationType).toBe('dietitian');
    expect(body.organisations.map((row) => row.id)).toContain(vitaal);
    // A form without the referral effect has no receivers.
    expect((await request('huisarts.hapz', 'GET', '/api/werkplek/referral-targets?formKey=consult-poh-dm2')).statusCode).toBe(
      404,
    );
  });

  it('refuses a renamed executable as letter (checked by content) and a publish without a receiver', async () => {
    const refused = await upload('huisarts.hapz', exe, 'verwijsbrief.pdf');
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'file-type', errors: [{ field: 'letter' }] });
    const noReceiver = await publish('huisarts.hapz', '4', { response: referralResponse('Afvallen') });
    expect(noReceiver.statusCode, noReceiver.body).toBe(422);
    expect(noReceiver.json()).toMatchObject({ code: 'referral-organisation', errors: [{ field: 'toOrganisationId' }] });
    // An organisation of another type is no receiver either.
    const practice = await subject.database.db
      .selectFrom('organisation')
      .select('id')
      .where('abbreviation', '=', 'HAPB')
      .executeTakeFirstOrThrow();
    const wrongType = await publish('huisarts.hapz', '4', {
      response: referralResponse('Afvallen'),
      referral: { toOrganisationId: practice.id },
    });
    expect(wrongType.statusCode).toBe(422);
  });

  it('sends the referral in the publish: row, ground, letter, audit; signal at the receiver until opened', async () => {
    const letter = await upload('huisarts.hapz', pdf, 'Verwijsbrief Fatima.pdf');
    expect(letter.statusCode, letter.body).toBe(201);
    const blob = letter.json() as { id: string; contentType: string; fileName: string };
    expect(blob).toMatchObject({ contentType: 'application/pdf', fileName: 'Verwijsbrief Fatima.pdf' });
    // Someone else cannot attach this account's letter.
    const stolen = await publish('poh.hapz', '4', {
      response: referralResponse('Afvallen'),
      referral: { toOrganisationId: vitaal, letterBlobId: blob.id },
    });
    expect([404, 409, 422]).toContain(stolen.statusCode);

    const published = await publish('huisarts.hapz', '4', {
      response: referralResponse('Overgewicht en prediabetes; graag dieetadvies.'),
      referral: { toOrganisationId: vitaal, letterBlobId: blob.id },
    });
    expect(published.statusCode, published.body).toBe(201);
    const { entryId } = published.json() as { entryId: string };
    const referral = await subject.database.db
      .selectFrom('referral')
      .selectAll()
      .where('form_entry_id', '=', entryId)
      .executeTakeFirstOrThrow();
    expect(referral).toMatchObject({
      patient_id: '4',
      to_organisation_id: vitaal,
      to_role: 'dietist',
      reason: 'Overgewicht en prediabetes; graag dieetadvies.',
      contact_phone: '06-12345678',
      contact_availability: 'Liever na 16:00 bellen',
      urgency: 'regulier',
      letter_blob_id: blob.id,
      opened_at: null,
    });
    // The ground the policy reads (view effective_access_ground, reason referral).
    const ground = await subject.database.db
      .selectFrom('effective_access_ground')
      .selectAll()
      .where('patient_id', '=', '4')
      .where('kind', '=', 'referral')
      .where('grantee_id', '=', vitaal)
      .execute();
    expect(ground.length).toBeGreaterThan(0);
    const audit = await subject.database.db
      .selectFrom('audit_event')
      .select(['action', 'object_type', 'object_id'])
      .where('object_type', '=', 'referral')
      .where('object_id', '=', referral.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', object_type: 'referral', object_id: referral.id }]);

    // Signalen: 1 at Vitaal, 0 at another dietitian practice and at the sender.
    expect((await counts('dietist.vitaal')).referrals).toBe(1);
    expect((await counts('huisarts.hapz')).referrals).toBe(0);
    const list = await request('dietist.vitaal', 'GET', '/api/werkplek/signals');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as { referralItems: unknown[] }).referralItems).toMatchObject([
      {
        patientId: '4',
        patientName: 'Fatima El Amrani',
        formKey: 'verwijzing-dietist',
        fromOrganisationName: expect.any(String),
      },
    ]);
    if (other) {
      const toOther = await publish('huisarts.hapz', '2', {
        response: referralResponse('Sem: eetadvies'),
        referral: { toOrganisationId: other },
      });
      expect(toOther.statusCode, toOther.body).toBe(201);
      expect((await counts('dietist.vitaal')).referrals).toBe(1);
    }

    // Opening: the card asks the relationship; confirming it clears the signal in the same transaction (audited).
    const card = await request('dietist.vitaal', 'GET', '/api/werkplek/patients/4');
    expect(card.json()).toMatchObject({ status: 'confirm-relationship' });
    expect((await counts('dietist.vitaal')).referrals).toBe(1);
    const confirmed = await request('dietist.vitaal', 'POST', '/api/werkplek/patients/4/treatment-relationship', {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await counts('dietist.vitaal')).referrals).toBe(0);
    const opened = await subject.database.db
      .selectFrom('referral')
      .selectAll()
      .where('id', '=', referral.id)
      .executeTakeFirstOrThrow();
    expect(opened.opened_at).toBeInstanceOf(Date);
    const openedAudit = await subject.database.db
      .selectFrom('audit_event')
      .select(['action', 'reason'])
      .where('object_type', '=', 'referral')
      .where('object_id', '=', referral.id)
      .where('action', '=', 'update')
      .execute();
    expect(openedAudit).toEqual([{ action: 'update', reason: 'referral-opened' }]);

    // Historie at the receiver: the entry with the referral details and the letter.
    const history = await request('dietist.vitaal', 'GET', '/api/werkplek/patients/4/history?formKey=verwijzing-dietist');
    expect(history.statusCode, history.body).toBe(200);
    expect((history.json() as { entries: { id: string }[] }).entries.map((entry) => entry.id)).toContain(entryId);
    const entry = await request('dietist.vitaal', 'GET', `/api/werkplek/patients/4/history/${entryId}`);
    expect(entry.statusCode, entry.body).toBe(200);
    expect(entry.json()).toMatchObject({
      referral: {
        toOrganisation: { id: vitaal, name: 'Diëtistenpraktijk Vitaal' },
        reason: 'Overgewicht en prediabetes; graag dieetadvies.',
        contact: { phone: '06-12345678', availability: 'Liever na 16:00 bellen' },
        letter: { fileName: 'Verwijsbrief Fatima.pdf', contentType: 'application/pdf', size: pdf.length },
      },
    });
    const download = await request('dietist.vitaal', 'GET', `/api/werkplek/patients/4/history/${entryId}/referral-letter`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(download.rawPayload).equals(pdf)).toBe(true);
    // The letter is attached once.
    const again = await publish('huisarts.hapz', '4', {
      response: referralResponse('Nogmaals'),
      referral: { toOrganisationId: vitaal, letterBlobId: blob.id },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'referral-letter' });
  });

  it('lets only the startRoles refer (the assistant may not)', async () => {
    const answer = await publish('assistent.hapz', '4', {
      response: referralResponse('x'),
      referral: { toOrganisationId: vitaal },
    });
    expect(answer.statusCode).toBe(404);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(subject.database.db)).ok).toBe(true);
  });
});
