import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { openPglite } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { createTestDatabase } from '../test/database.js';
import { freePort, removeTemporaryDirectories, startKeten, temporaryDirectory, waitForReady } from '../test/process.js';
import { enqueueMail } from './outbox-repository.js';
import { MAX_ATTEMPTS, retryDelayMs, sendDueMail } from './sender.js';
import type { MailTransport } from './transport.js';

afterAll(removeTemporaryDirectories);

describe('mail outbox', () => {
  it('retries a failing delivery with growing back-off and gives up after the last attempt', async () => {
    const database = await createTestDatabase();
    const clock = new ManualClock();
    let calls = 0;
    const broken: MailTransport = {
      name: 'broken',
      async send() {
        calls++;
        throw new Error('SMTP 451 try again later');
      },
    };
    try {
      await database.db
        .transaction()
        .execute((trx) => enqueueMail(trx, { to: 'poh@keten.test', subject: 'Test', text: 'Hallo', kind: 'test' }, clock.now()));
      expect(await sendDueMail(database.db, broken, clock)).toBe(0);
      expect(calls).toBe(1);
      // Not due again before the back-off has passed.
      clock.advance(retryDelayMs(1) - 1000);
      await sendDueMail(database.db, broken, clock);
      expect(calls).toBe(1);
      for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
        clock.advance(retryDelayMs(attempt) + 1000);
        await sendDueMail(database.db, broken, clock);
      }
      expect(calls).toBe(MAX_ATTEMPTS);
      const row = await database.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      expect(row.failed_at).not.toBeNull();
      expect(row.last_error).toBe('SMTP 451 try again later');
      clock.advance(24 * 3_600_000);
      await sendDueMail(database.db, broken, clock);
      expect(calls).toBe(MAX_ATTEMPTS);
    } finally {
      await database.close();
    }
  });

  it('does not send a mail whose transaction rolled back', async () => {
    const database = await createTestDatabase();
    const clock = new ManualClock();
    const sent: string[] = [];
    try {
      await database.db
        .transaction()
        .execute(async (trx) => {
          await enqueueMail(trx, { to: 'x@keten.test', subject: 'Nooit', text: '…', kind: 'test' }, clock.now());
          throw new Error('the change failed');
        })
        .catch(() => undefined);
      await sendDueMail(database.db, { name: 'spy', send: async (mail) => void sent.push(mail.subject) }, clock);
      expect(sent).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('sends after a restart what was queued while Keten was stopped', async () => {
    const dataDir = await temporaryDirectory();
    const stopped = await openPglite(dataDir);
    await migrateToLatest(stopped.db);
    await stopped.db
      .transaction()
      .execute((trx) =>
        enqueueMail(
          trx,
          { to: 'wachtend@keten.test', subject: 'Wachtte op de herstart', text: 'Verstuurd na herstart.', kind: 'test' },
          new Date(),
        ),
      );
    await stopped.close();

    const port = await freePort();
    const keten = startKeten({ PORT: String(port), DATA_DIR: dataDir });
    try {
      await waitForReady(port, keten);
      let mailbox: { to: string; subject: string }[] = [];
      for (let poll = 0; poll < 100 && mailbox.length === 0; poll++) {
        mailbox = (await (await fetch(`http://127.0.0.1:${port}/dev/mail.json`)).json()) as { to: string; subject: string }[];
        if (mailbox.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(mailbox).toEqual([expect.objectContaining({ to: 'wachtend@keten.test', subject: 'Wachtte op de herstart' })]);
    } finally {
      keten.child.kill('SIGTERM');
      await keten.exited;
    }
  });
});
