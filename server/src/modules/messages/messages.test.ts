import { beforeAll, describe, expect, it } from 'vitest';
import { sniffContentType } from '../../blob/index.js';
import { testEngines } from '../../test/database.js';
import { demoAppWithSessions } from '../../test/demo-app.js';
import { countUnreadMessages } from './repository.js';

// The demo region: Anna (patient 1) is enrolled at Huisartsenpraktijk Zonnehof (HAPZ): huisarts.hapz and poh.hapz
// may see her; dietist.vitaal (Diëtistenpraktijk Vitaal) has no ground for her. "Today" is 29-11-2026.

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

describe('blob content sniffing', () => {
  it('detects PDF, PNG and JPEG by their magic bytes and refuses the rest', () => {
    expect(sniffContentType(PDF)).toBe('application/pdf');
    expect(sniffContentType(PNG)).toBe('image/png');
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(EXE)).toBeNull();
    expect(sniffContentType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
  });
});

describe.each(testEngines)('Berichten and Helpdesk (%s)', (engine) => {
  const usernames = ['huisarts.hapz', 'poh.hapz', 'dietist.vitaal', 'pohggz.hapz', 'helpdesk.zorggroep'] as const;
  const subject = demoAppWithSessions(engine, usernames, 5);
  const ids: Record<string, string> = {};

  const as = (username: string) => ({ cookie: subject.cookie(username) });

  async function accountId(username: string): Promise<string> {
    const row = await subject.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function counts() {
    const db = subject.database.db;
    const threads = await db.selectFrom('message_thread').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const messages = await db.selectFrom('message').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { threads: Number(threads.n), messages: Number(messages.n) };
  }

  beforeAll(async () => {
    for (const username of usernames) ids[username] = await accountId(username);
  });

  it('refuses a message about Anna to a provider without access to her, naming them, and stores nothing', async () => {
    const before = await counts();
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: {
        subject: 'Voedingsadvies',
        body: 'Kun je Anna zien voor voedingsadvies?',
        recipients: [ids['dietist.vitaal'], ids['poh.hapz']],
        patientId: '1',
      },
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('recipient-without-access');
    expect(problem.errors[0].field).toBe('recipients');
    expect(problem.errors[0].message).toContain('Femke Kuipers');
    expect(problem.errors[0].message).not.toContain('Marieke Jansen');
    expect(problem.refusedRecipients).toEqual([{ accountId: ids['dietist.vitaal'], name: 'Femke Kuipers' }]);
    expect(await counts()).toEqual(before);

    const english = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: { ...as('huisarts.hapz'), 'accept-language': 'en' },
      payload: { subject: 'Diet', body: 'Please see Anna.', recipients: [ids['dietist.vitaal']], patientId: '1' },
    });
    expect(english.statusCode).toBe(422);
    expect(english.json().errors[0].message).toMatch(/^To: a message about this patient cannot go to Femke Kuipers/);
  });

  let annaThread = '';

  it('delivers a message about Anna to poh.hapz: unread, audited, notified by mail without patient data', async () => {
    const pohUnread = await countUnreadMessages(subject.database.db, ids['poh.hapz'] ?? '', subject.clock.now());
    const response = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: {
        subject: 'HbA1c Anna de Boer',
        body: 'Wil je de HbA1c van Anna over drie maanden herhalen?',
        recipients: [ids['poh.hapz']],
        patientId: '1',
      },
    });
    expect(response.statusCode).toBe(201);
    annaThread = response.json().threadId;
    expect(response.json().recipients).toBe(1);

    expect(await countUnreadMessages(subject.database.db, ids['poh.hapz'] ?? '', subject.clock.now())).toBe(pohUnread + 1);
    const inbox = await subject.app.inject({ method: 'GET', url: '/api/werkplek/messages', headers: as('poh.hapz') });
    const listed = inbox.json().threads.find((thread: { id: string }) => thread.id === annaThread);
    expect(listed).toMatchObject({ unread: true, aboutPatient: true, preview: '', kind: 'personal' });

    const mails = (await subject.mailbox()).filter((mail) => mail.to.startsWith('poh.hapz') || mail.to.includes('poh.hapz'));
    const notification = mails.find((mail) => mail.subject === 'Je hebt een nieuw bericht in Keten');
    expect(notification).toBeDefined();
    expect(`${notification?.subject} ${notification?.text}`).not.toMatch(/Anna|Boer|HbA1c/);

    const audit = await subject.database.db
      .selectFrom('audit_event')
      .select(['action', 'object_type', 'patient_id'])
      .where('object_type', '=', 'message-thread')
      .execute();
    expect(audit).toContainEqual({ action: 'create', object_type: 'message-thread', patient_id: '1' });
  });

  it('opens the thread (patient shown, audited read), marks it read; a reply makes it unread for the other side', async () => {
    const huisartsUnread = await countUnreadMessages(subject.database.db, ids['huisarts.hapz'] ?? '', subject.clock.now());
    const opened = await subject.app.inject({
      method: 'GET',
      url: `/api/werkplek/messages/${annaThread}`,
      headers: as('poh.hapz'),
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().patient).toMatchObject({ id: '1' });
    expect(opened.json().messages).toHaveLength(1);
    expect(await countUnreadMessages(subject.database.db, ids['poh.hapz'] ?? '', subject.clock.now())).toBe(0);

    const reply = await subject.app.inject({
      method: 'POST',
      url: `/api/werkplek/messages/${annaThread}/replies`,
      headers: as('poh.hapz'),
      payload: { body: 'Is gepland voor februari.' },
    });
    expect(reply.statusCode).toBe(201);
    expect(await countUnreadMessages(subject.database.db, ids['huisarts.hapz'] ?? '', subject.clock.now())).toBe(
      huisartsUnread + 1,
    );
    expect(await countUnreadMessages(subject.database.db, ids['poh.hapz'] ?? '', subject.clock.now())).toBe(0);
    const unread = await subject.app.inject({
      method: 'GET',
      url: '/api/werkplek/messages/unread-count',
      headers: as('huisarts.hapz'),
    });
    expect(unread.json()).toEqual({ unread: huisartsUnread + 1 });

    // Not a participant → not found.
    const outsider = await subject.app.inject({
      method: 'GET',
      url: `/api/werkplek/messages/${annaThread}`,
      headers: as('dietist.vitaal'),
    });
    expect(outsider.statusCode).toBe(404);

    const reads = await subject.database.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('object_type', '=', 'message-thread')
      .where('action', '=', 'read')
      .execute();
    expect(reads.map((row) => row.actor_id)).toContain(ids['poh.hapz']);
  });

  it('sends without patient context to any active personal account, and archives per participant', async () => {
    const sent = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: {
        subject: 'Scholingsavond',
        body: 'Komen jullie donderdag naar de scholing?',
        recipients: [ids['dietist.vitaal']],
      },
    });
    expect(sent.statusCode).toBe(201);
    const threadId = sent.json().threadId;
    const inbox = await subject.app.inject({ method: 'GET', url: '/api/werkplek/messages', headers: as('dietist.vitaal') });
    expect(inbox.json().threads[0]).toMatchObject({
      id: threadId,
      unread: true,
      preview: 'Komen jullie donderdag naar de scholing?',
    });
    const archived = await subject.app.inject({
      method: 'PUT',
      url: `/api/werkplek/messages/${threadId}/archived`,
      headers: as('dietist.vitaal'),
      payload: { archived: true },
    });
    expect(archived.statusCode).toBe(204);
    const archive = await subject.app.inject({
      method: 'GET',
      url: '/api/werkplek/messages?box=archive',
      headers: as('dietist.vitaal'),
    });
    expect(archive.json().threads.map((thread: { id: string }) => thread.id)).toEqual([threadId]);
  });

  it('expands a group (all POH-GGZ of the region) to its members at send time', async () => {
    const members = await subject.database.db
      .selectFrom('account')
      .select('id')
      .where('role', '=', 'poh-ggz')
      .where('personal', '=', true)
      .where('state', '=', 'active')
      .execute();
    expect(members.length).toBeGreaterThan(1);
    const sent = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: {
        subject: 'Intervisie POH-GGZ',
        body: 'Wie heeft er ruimte voor een intervisiebijeenkomst in januari?',
        groups: [{ type: 'role', role: 'poh-ggz' }],
      },
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().recipients).toBe(members.length);
    const recipients = await subject.database.db
      .selectFrom('message_recipient')
      .select(['account_id', 'via_group'])
      .where('thread_id', '=', sent.json().threadId)
      .where('account_id', '<>', ids['huisarts.hapz'] ?? '')
      .execute();
    expect(recipients.map((row) => row.account_id).sort()).toEqual(members.map((row) => row.id).sort());
    expect(new Set(recipients.map((row) => row.via_group))).toEqual(new Set(['role:poh-ggz']));
    const thread = await subject.database.db
      .selectFrom('message_thread')
      .select('kind')
      .where('id', '=', sent.json().threadId)
      .executeTakeFirstOrThrow();
    expect(thread.kind).toBe('consultation');
  });

  it('stores attachments by their content: a .pdf name with PNG bytes is a PNG, an EXE is refused; participants download', async () => {
    const upload = (bytes: Buffer, name: string) => subject.upload('huisarts.hapz', '/api/werkplek/attachments', bytes, name);
    const png = await upload(PNG, 'verwijsbrief.pdf');
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', fileName: 'verwijsbrief.png', size: PNG.length });
    const exe = await upload(EXE, 'brief.pdf');
    expect(exe.statusCode).toBe(422);
    expect(exe.json().errors[0]).toMatchObject({ field: 'file' });
    expect(exe.json().errors[0].message).toContain('PDF, PNG en JPEG');
    const pdf = await upload(PDF, 'Brief diëtist.pdf');
    expect(pdf.json().contentType).toBe('application/pdf');

    const sent = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: {
        subject: 'Labuitslag Anna',
        body: 'Zie bijlage.',
        recipients: [ids['poh.hapz']],
        patientId: '1',
        attachmentIds: [png.json().id, pdf.json().id],
      },
    });
    expect(sent.statusCode).toBe(201);
    const download = await subject.app.inject({
      method: 'GET',
      url: `/api/werkplek/attachments/${pdf.json().id}`,
      headers: as('poh.hapz'),
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Brief%20di%C3%ABtist.pdf");
    const outsider = await subject.app.inject({
      method: 'GET',
      url: `/api/werkplek/attachments/${pdf.json().id}`,
      headers: as('dietist.vitaal'),
    });
    expect(outsider.statusCode).toBe(404);
    const audited = await subject.database.db
      .selectFrom('audit_event')
      .select(['patient_id', 'actor_id'])
      .where('object_type', '=', 'message-attachment')
      .execute();
    expect(audited).toContainEqual({ patient_id: '1', actor_id: ids['poh.hapz'] });

    // Someone else's upload cannot be attached.
    const reuse = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('poh.hapz'),
      payload: { subject: 'x', body: 'y', recipients: [ids['huisarts.hapz']], attachmentIds: [png.json().id] },
    });
    expect(reuse.statusCode).toBe(422);

    // One's own upload that a referral already holds as its letter cannot become a message attachment too: a file
    // has one owner, whose access rules decide who reads it.
    const letter = await upload(PDF, 'Verwijsbrief Anna.pdf');
    await subject.database.db
      .insertInto('referral')
      .values({
        patient_id: '1',
        from_account_id: ids['huisarts.hapz'] ?? '',
        to_organisation_id: (
          await subject.database.db
            .selectFrom('organisation')
            .select('id')
            .where('name', '=', 'Diëtistenpraktijk Vitaal')
            .executeTakeFirstOrThrow()
        ).id,
        reason: 'test',
        letter_blob_id: letter.json().id,
      })
      .execute();
    const heldByReferral = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: { subject: 'x', body: 'y', recipients: [ids['poh.hapz']], attachmentIds: [letter.json().id] },
    });
    expect(heldByReferral.statusCode).toBe(422);
    expect(heldByReferral.json().errors[0]).toMatchObject({ field: 'attachments' });
  });

  it('helpdesk round trip: a question reaches the helpdesk role, which answers in Berichten', async () => {
    const asked = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/helpdesk/messages',
      headers: as('dietist.vitaal'),
      payload: { subject: 'Verificatiecode komt niet aan', body: 'Ik ontvang sinds vanochtend geen verificatiecode meer.' },
    });
    expect(asked.statusCode).toBe(201);
    const threadId = asked.json().threadId;
    const helpdeskInbox = await subject.app.inject({
      method: 'GET',
      url: '/api/werkplek/messages',
      headers: as('helpdesk.zorggroep'),
    });
    expect(helpdeskInbox.json().threads[0]).toMatchObject({ id: threadId, kind: 'helpdesk', unread: true });
    const answer = await subject.app.inject({
      method: 'POST',
      url: `/api/werkplek/messages/${threadId}/replies`,
      headers: as('helpdesk.zorggroep'),
      payload: { body: 'Kijk in de map met ongewenste e-mail; we hebben je adres gecontroleerd.' },
    });
    expect(answer.statusCode).toBe(201);
    const opened = await subject.app.inject({
      method: 'GET',
      url: `/api/werkplek/messages/${threadId}`,
      headers: as('dietist.vitaal'),
    });
    expect(opened.json().messages.map((message: { author: { name: string } }) => message.author.name)).toEqual([
      'Femke Kuipers',
      'Bas Peters',
    ]);
  });

  it('searches help articles accent-insensitively over title and body', async () => {
    const search = (query: string) =>
      subject.app.inject({
        method: 'GET',
        url: `/api/werkplek/helpdesk/articles?query=${encodeURIComponent(query)}`,
        headers: as('poh.hapz'),
      });
    const patient = (await search('patient zoeken')).json().articles;
    expect(patient[0].slug).toBe('patient-zoeken');
    const code = (await search('VERIFICATIECODE')).json().articles.map((article: { slug: string }) => article.slug);
    expect(code[0]).toBe('inloggen-en-verificatiecode');
    const body = (await search('ongewenste e-mail')).json().articles.map((article: { slug: string }) => article.slug);
    expect(body).toContain('inloggen-en-verificatiecode');
    expect((await search('diëtist verwijsbrief')).json().articles.map((article: { slug: string }) => article.slug)).toContain(
      'verwijzen',
    );
    expect((await search('xyzzy')).json().articles).toEqual([]);
    const all = (await search('')).json().articles;
    expect(all.length).toBeGreaterThanOrEqual(9);
    const one = await subject.app.inject({
      method: 'GET',
      url: '/api/werkplek/helpdesk/articles/overschrijven',
      headers: as('poh.hapz'),
    });
    expect(one.json().markdown).toContain('# Patiënt overschrijven');
  });

  it('the demo region has realistic threads, seeded once (idempotent)', async () => {
    const { seedDemoMessages } = await import('../../db/seed/demo-messages.js');
    const db = subject.database.db;
    const subjects = (
      await db.selectFrom('message_thread').select('subject').where('created_at', '<', new Date('2026-11-29T00:00:00Z')).execute()
    ).map((row) => row.subject);
    expect(subjects).toEqual(
      expect.arrayContaining(['HbA1c-controle over drie maanden', 'Intervisie POH-GGZ in januari', 'Nieuwe collega toevoegen']),
    );
    expect(await seedDemoMessages(db, '2026-11-29')).toEqual({ threads: 0 });
  });

  it('Berichten is a Werkplek function: the platform administrator (no Berichten) cannot send, but may ask the helpdesk', async () => {
    const admin = await subject.login('beheer.zorggroep');
    const send = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: { cookie: admin.header() },
      payload: { subject: 'x', body: 'y', recipients: [ids['poh.hapz']] },
    });
    expect(send.statusCode).toBe(404);
    const ask = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/helpdesk/messages',
      headers: { cookie: admin.header() },
      payload: { subject: 'Rechtenmatrix', body: 'Waar pas ik de rechten van de rol POH-GGZ aan?' },
    });
    expect(ask.statusCode).toBe(201);
  });

  it('the directory finds accounts by name, organisation or role and lists the groups', async () => {
    const byOrg = await subject.app.inject({
      method: 'GET',
      url: '/api/werkplek/messages/directory?query=vitaal',
      headers: as('huisarts.hapz'),
    });
    expect(byOrg.json().accounts.map((account: { username: string }) => account.username)).toContain('dietist.vitaal');
    const byName = await subject.app.inject({
      method: 'GET',
      url: '/api/werkplek/messages/directory?query=kuipers',
      headers: as('huisarts.hapz'),
    });
    expect(byName.json().accounts[0].username).toBe('dietist.vitaal');
    expect(byName.json().groups.roles.map((role: { code: string }) => role.code)).toContain('poh-ggz');
  });
});
