import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { lockSeeding } from './insert-region.js';

// Demo Berichten (seed 001 §3.4, §3.7): a few realistic threads between the demo accounts, dated relative to the
// reference date. Deterministic and idempotent: nothing happens when the first demo thread is already there.
// Threads about a patient go only to accounts that may see that patient (Anna: her practice; Fatima: her practice
// and Diëtistenpraktijk Vitaal, which she was referred to).

interface DemoMessage {
  from: string;
  daysAgo: number;
  time: string;
  body: string;
}

interface DemoThread {
  kind: 'personal' | 'consultation' | 'helpdesk';
  subject: string;
  patientId: string | null;
  from: string;
  to: string[] | { role: string } | 'helpdesk';
  messages: DemoMessage[];
  /** Accounts that have read everything (the others see the thread as unread). */
  readBy: string[];
}

const FIRST_SUBJECT = 'HbA1c-controle over drie maanden';

const threads: DemoThread[] = [
  {
    kind: 'personal',
    subject: FIRST_SUBJECT,
    patientId: '1',
    from: 'huisarts.hapz',
    to: ['poh.hapz'],
    messages: [
      {
        from: 'huisarts.hapz',
        daysAgo: 3,
        time: '08:40',
        body: 'Hoi Marieke, de HbA1c van Anna was 58 mmol/mol. Wil je over drie maanden een nieuwe controle plannen en dan ook de voetcontrole meenemen?',
      },
      {
        from: 'poh.hapz',
        daysAgo: 2,
        time: '13:05',
        body: 'Is gepland in de week van 2 maart, inclusief voetcontrole. Ik bespreek dan ook nog even de beweegadviezen.',
      },
    ],
    readBy: ['poh.hapz'],
  },
  {
    kind: 'personal',
    subject: 'Voedingsadvies na verwijzing',
    patientId: '4',
    from: 'poh.hapz',
    to: ['dietist.vitaal'],
    messages: [
      {
        from: 'poh.hapz',
        daysAgo: 1,
        time: '10:20',
        body: 'Beste Femke, ik heb Fatima naar jullie verwezen. Ze is gemotiveerd om af te vallen; de nuchtere glucose loopt langzaam op. Laat je weten wanneer ze bij je is geweest?',
      },
    ],
    readBy: ['poh.hapz'],
  },
  {
    kind: 'consultation',
    subject: 'Intervisie POH-GGZ in januari',
    patientId: null,
    from: 'pohggz.hapz',
    to: { role: 'poh-ggz' },
    messages: [
      {
        from: 'pohggz.hapz',
        daysAgo: 5,
        time: '16:30',
        body: 'Hallo collega’s, zullen we in januari weer een intervisiebijeenkomst houden? Voorstel: dinsdag 13 januari 15.00 uur in Huisartsenpraktijk Zonnehof. Graag even reageren of het jullie past.',
      },
    ],
    readBy: ['pohggz.hapz'],
  },
  {
    kind: 'helpdesk',
    subject: 'Nieuwe collega toevoegen',
    patientId: null,
    from: 'assistent.hapz',
    to: 'helpdesk',
    messages: [
      {
        from: 'assistent.hapz',
        daysAgo: 4,
        time: '09:10',
        body: 'Per 1 december komt er een nieuwe doktersassistent bij ons. Hoe vragen we een account voor haar aan?',
      },
      {
        from: 'helpdesk.zorggroep',
        daysAgo: 4,
        time: '11:45',
        body: 'Dank voor je bericht. De praktijkbeheerder kan het account aanvragen via het aanvraagformulier van de zorggroep; wij maken het dan binnen twee werkdagen aan. Je collega krijgt een mail om zelf een wachtwoord in te stellen.',
      },
    ],
    readBy: ['assistent.hapz', 'helpdesk.zorggroep'],
  },
];

function at(referenceDate: string, daysAgo: number, time: string): Date {
  // Amsterdam winter time (UTC+1); the demo reference date is late November.
  const [hours, minutes] = time.split(':').map(Number);
  const day = new Date(`${referenceDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - daysAgo);
  day.setUTCHours((hours ?? 9) - 1, minutes ?? 0, 0, 0);
  return day;
}

async function accountIds(trx: Transaction<Database>): Promise<Map<string, { id: string; role: string; personal: boolean }>> {
  const rows = await trx
    .selectFrom('account')
    .select(['id', 'username', 'role', 'personal'])
    .where('state', '=', 'active')
    .execute();
  return new Map(rows.map((row) => [row.username, { id: row.id, role: row.role, personal: row.personal }]));
}

export async function seedDemoMessages(db: Kysely<Database>, referenceDate: string): Promise<{ threads: number }> {
  return db.transaction().execute(async (trx) => {
    await lockSeeding(trx);
    const present = await trx.selectFrom('message_thread').select('id').where('subject', '=', FIRST_SUBJECT).executeTakeFirst();
    if (present) return { threads: 0 };
    const accounts = await accountIds(trx);
    if (!accounts.has('huisarts.hapz')) return { threads: 0 };
    let created = 0;
    for (const thread of threads) {
      const author = accounts.get(thread.from);
      if (!author) continue;
      const recipients: { id: string; username: string; via: string | null }[] =
        thread.to === 'helpdesk'
          ? [...accounts]
              .filter(([, a]) => a.role === 'helpdesk' && a.personal)
              .map(([username, a]) => ({ id: a.id, username, via: 'helpdesk' }))
          : Array.isArray(thread.to)
            ? thread.to.flatMap((username) => {
                const account = accounts.get(username);
                return account ? [{ id: account.id, username, via: null }] : [];
              })
            : [...accounts]
                .filter(([, a]) => a.role === (thread.to as { role: string }).role && a.personal)
                .map(([username, a]) => ({ id: a.id, username, via: `role:${(thread.to as { role: string }).role}` }));
      const first = thread.messages[0];
      const last = thread.messages[thread.messages.length - 1];
      if (!first || !last) continue;
      const createdAt = at(referenceDate, first.daysAgo, first.time);
      const lastAt = at(referenceDate, last.daysAgo, last.time);
      const row = await trx
        .insertInto('message_thread')
        .values({
          kind: thread.kind,
          subject: thread.subject,
          patient_id: thread.patientId,
          created_by_account_id: author.id,
          created_at: createdAt,
          last_message_at: lastAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const message of thread.messages) {
        const from = accounts.get(message.from);
        if (!from) continue;
        await trx
          .insertInto('message')
          .values({
            thread_id: row.id,
            author_account_id: from.id,
            body: message.body,
            created_at: at(referenceDate, message.daysAgo, message.time),
          })
          .execute();
      }
      const participants = new Map<string, { id: string; via: string | null }>();
      participants.set(thread.from, { id: author.id, via: null });
      for (const recipient of recipients)
        if (!participants.has(recipient.username)) participants.set(recipient.username, recipient);
      await trx
        .insertInto('message_recipient')
        .values(
          [...participants].map(([username, participant]) => ({
            thread_id: row.id,
            account_id: participant.id,
            via_group: participant.via,
            joined_at: createdAt,
            read_at: thread.readBy.includes(username) ? lastAt : null,
          })),
        )
        .execute();
      created++;
    }
    return { threads: created };
  });
}
