import { beforeAll, describe, expect, it } from 'vitest';
import { addExclusion, grantAccess, revokeAccessGround, revokeExclusion } from '../../access/index.js';
import { testEngines } from '../../test/database.js';
import { demoAppWithSessions } from '../../test/demo-app.js';
import { createAccount } from '../../test/fixtures.js';

// Berichten after the facts changed: (1) a reply in a thread about a patient is checked against every other
// participant's CURRENT access, like a new message, and a participant who lost access no longer lists or opens the
// thread; (2) a helpdesk thread is visible to whoever holds the care group's helpdesk role now.
// The demo region: Anna (patient 1) is enrolled at HAPZ (huisarts.hapz, poh.hapz = Marieke Jansen);
// dietist.vitaal (Femke Kuipers) has no ground for her until the test gives one. "Today" is 29-11-2026.

describe.each(testEngines)('Berichten: access re-checked after it changed (%s)', (engine) => {
  const usernames = ['huisarts.hapz', 'poh.hapz', 'dietist.vitaal', 'helpdesk.zorggroep'] as const;
  const subject = demoAppWithSessions(engine, usernames, 5);
  const ids: Record<string, string> = {};
  const as = (username: string, language = 'nl') => ({ cookie: subject.cookie(username), 'accept-language': language });

  async function accountId(username: string): Promise<string> {
    const row = await subject.database.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function messageCount(threadId: string): Promise<number> {
    const rows = await subject.database.db.selectFrom('message').select('id').where('thread_id', '=', threadId).execute();
    return rows.length;
  }

  const inbox = async (username: string, box = 'inbox') =>
    (await subject.app.inject({ method: 'GET', url: `/api/werkplek/messages?box=${box}`, headers: as(username) })).json()
      .threads as { id: string; unread: boolean; kind: string }[];
  const unread = async (username: string) =>
    (await subject.app.inject({ method: 'GET', url: '/api/werkplek/messages/unread-count', headers: as(username) })).json()
      .unread as number;
  const open = (username: string, threadId: string) =>
    subject.app.inject({ method: 'GET', url: `/api/werkplek/messages/${threadId}`, headers: as(username) });
  const replyAs = (username: string, threadId: string, body: string, language = 'nl') =>
    subject.app.inject({
      method: 'POST',
      url: `/api/werkplek/messages/${threadId}/replies`,
      headers: as(username, language),
      payload: { body },
    });

  beforeAll(async () => {
    for (const username of usernames) ids[username] = await accountId(username);
  });

  it('refuses a reply about Anna once a chain partner’s treatment relationship ended, naming them; they no longer see the thread', async () => {
    const now = subject.clock.now();
    const ground = await grantAccess(subject.database.db, {
      patientId: '1',
      granteeType: 'account',
      granteeId: ids['dietist.vitaal'] ?? '',
      kind: 'treatment-relationship',
      source: `account:${ids['dietist.vitaal']}`,
      validFrom: new Date(now.getTime() - 86_400_000),
    });
    const sent = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: {
        subject: 'Voedingsadvies',
        body: 'Wil je Anna zien voor voedingsadvies?',
        recipients: [ids['dietist.vitaal'], ids['poh.hapz']],
        patientId: '1',
      },
    });
    expect(sent.statusCode).toBe(201);
    const threadId: string = sent.json().threadId;
    expect((await inbox('dietist.vitaal')).map((thread) => thread.id)).toContain(threadId);
    expect((await open('dietist.vitaal', threadId)).statusCode).toBe(200);
    expect((await replyAs('dietist.vitaal', threadId, 'Ik plan haar in.')).statusCode).toBe(201);

    // The treatment relationship ends.
    await revokeAccessGround(subject.database.db, ground, now);

    const before = await messageCount(threadId);
    const refused = await replyAs('huisarts.hapz', threadId, 'Graag ook de lijst met medicatie bekijken.');
    expect(refused.statusCode).toBe(422);
    const problem = refused.json();
    expect(problem.code).toBe('recipient-without-access');
    expect(problem.errors[0].message).toContain('Femke Kuipers');
    expect(problem.errors[0].message).not.toContain('Marieke Jansen');
    expect(problem.refusedRecipients).toEqual([{ accountId: ids['dietist.vitaal'], name: 'Femke Kuipers' }]);
    const english = await replyAs('huisarts.hapz', threadId, 'Please also check her medication.', 'en');
    expect(english.statusCode).toBe(422);
    expect(english.json().errors[0].message).toMatch(/Femke Kuipers/);
    expect(english.json().errors[0].message).toMatch(/^Message: a reply about this patient cannot go to/);
    expect(await messageCount(threadId)).toBe(before);

    // The former chain partner no longer lists the thread, nor counts it, nor opens it (not found), nor answers in it.
    expect((await inbox('dietist.vitaal')).map((thread) => thread.id)).not.toContain(threadId);
    expect((await inbox('dietist.vitaal', 'archive')).map((thread) => thread.id)).not.toContain(threadId);
    expect((await open('dietist.vitaal', threadId)).statusCode).toBe(404);
    expect((await replyAs('dietist.vitaal', threadId, 'Nog een vraag.')).statusCode).toBe(404);
    const archive = await subject.app.inject({
      method: 'PUT',
      url: `/api/werkplek/messages/${threadId}/archived`,
      headers: as('dietist.vitaal'),
      payload: { archived: true },
    });
    expect(archive.statusCode).toBe(404);
    // The others still read it.
    expect((await open('poh.hapz', threadId)).statusCode).toBe(200);
  });

  it('refuses a reply about Anna once she excluded a participant; the excluded one neither lists, counts nor opens it', async () => {
    const now = subject.clock.now();
    const sent = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/messages',
      headers: as('huisarts.hapz'),
      payload: {
        subject: 'Controle',
        body: 'Kun je Anna bellen voor de controle?',
        recipients: [ids['poh.hapz']],
        patientId: '1',
      },
    });
    expect(sent.statusCode).toBe(201);
    const threadId: string = sent.json().threadId;
    const pohUnread = await unread('poh.hapz');
    expect((await inbox('poh.hapz')).find((thread) => thread.id === threadId)).toMatchObject({ unread: true });

    const exclusion = await addExclusion(subject.database.db, {
      patientId: '1',
      granteeType: 'account',
      granteeId: ids['poh.hapz'] ?? '',
      createdBy: 'portal-user:1',
      at: now,
    });
    const refused = await replyAs('huisarts.hapz', threadId, 'Het is dringend.');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].message).toContain('Marieke Jansen');
    expect(await messageCount(threadId)).toBe(1);
    expect((await inbox('poh.hapz')).map((thread) => thread.id)).not.toContain(threadId);
    expect(await unread('poh.hapz')).toBe(pohUnread - 1);
    expect((await open('poh.hapz', threadId)).statusCode).toBe(404);

    // The exclusion is withdrawn: replying and reading work again.
    await revokeExclusion(subject.database.db, exclusion, now);
    expect((await replyAs('huisarts.hapz', threadId, 'Het is dringend.')).statusCode).toBe(201);
    expect((await open('poh.hapz', threadId)).statusCode).toBe(200);
  });

  it('a helpdesk account added after a helpdesk thread started sees it (unread until opened) and can answer', async () => {
    const asked = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/helpdesk/messages',
      headers: as('dietist.vitaal'),
      payload: { subject: 'Printen lukt niet', body: 'De printknop bij Historie doet niets.' },
    });
    expect(asked.statusCode).toBe(201);
    const threadId: string = asked.json().threadId;

    // A colleague joins the helpdesk afterwards (same care group), and logs in with the demo password.
    const db = subject.database.db;
    const zorggroep = await db
      .selectFrom('account')
      .select(['organisation_id', 'password_hash'])
      .where('username', '=', 'helpdesk.zorggroep')
      .executeTakeFirstOrThrow();
    const newcomer = await createAccount(db, {
      organisationId: zorggroep.organisation_id,
      username: 'helpdesk2.zorggroep',
      role: 'helpdesk',
      gebruikersnummer: 91,
      givenName: 'Noor',
      familyName: 'Nieuw',
    });
    await db.updateTable('account').set({ password_hash: zorggroep.password_hash }).where('id', '=', newcomer.id).execute();
    await subject.login('helpdesk2.zorggroep');

    const listed = (await inbox('helpdesk2.zorggroep')).find((thread) => thread.id === threadId);
    expect(listed).toMatchObject({ kind: 'helpdesk', unread: true });
    const newcomerUnread = await unread('helpdesk2.zorggroep');
    expect(newcomerUnread).toBeGreaterThanOrEqual(1);
    // Not visible to anyone else outside the thread.
    expect((await inbox('poh.hapz')).map((thread) => thread.id)).not.toContain(threadId);
    expect((await open('poh.hapz', threadId)).statusCode).toBe(404);

    // The asker adds something: the newcomer is notified like the original helpdesk.
    expect((await replyAs('dietist.vitaal', threadId, 'Ook niet bij Monitoring.')).statusCode).toBe(201);
    const mails = await subject.mailbox();
    expect(mails.some((mail: { to: string }) => mail.to.includes('helpdesk2.zorggroep'))).toBe(true);

    const opened = await open('helpdesk2.zorggroep', threadId);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().messages).toHaveLength(2);
    expect((await inbox('helpdesk2.zorggroep')).find((thread) => thread.id === threadId)).toMatchObject({ unread: false });
    expect(await unread('helpdesk2.zorggroep')).toBe(newcomerUnread - 1);
    // Per account: the original helpdesk account still has it unread.
    expect((await inbox('helpdesk.zorggroep')).find((thread) => thread.id === threadId)).toMatchObject({ unread: true });

    const answer = await replyAs('helpdesk2.zorggroep', threadId, 'Probeer het opnieuw na het legen van de cache.');
    expect(answer.statusCode).toBe(201);
    const seen = await open('dietist.vitaal', threadId);
    expect(seen.json().messages.map((message: { author: { name: string } }) => message.author.name)).toEqual([
      'Femke Kuipers',
      'Femke Kuipers',
      'Noor Nieuw',
    ]);

    // Archiving is per account too, also for a thread the account never opened.
    const other = await subject.app.inject({
      method: 'POST',
      url: '/api/werkplek/helpdesk/messages',
      headers: as('dietist.vitaal'),
      payload: { subject: 'Wachtwoord', body: 'Hoe wijzig ik mijn wachtwoord?' },
    });
    const otherId: string = other.json().threadId;
    const archived = await subject.app.inject({
      method: 'PUT',
      url: `/api/werkplek/messages/${otherId}/archived`,
      headers: as('helpdesk2.zorggroep'),
      payload: { archived: true },
    });
    expect(archived.statusCode).toBe(204);
    expect((await inbox('helpdesk2.zorggroep', 'archive')).map((thread) => thread.id)).toContain(otherId);
    expect((await inbox('helpdesk.zorggroep')).map((thread) => thread.id)).toContain(otherId);
  });
});
