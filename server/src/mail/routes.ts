import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { recentSentMail } from './outbox-repository.js';

// The development mailbox: every mail Keten "sent" without SMTP (codes, reset links), so the system works
// with zero set-up. Registered only outside production.
export const developmentMailboxRoutes: FastifyPluginAsync<{ db: Kysely<Database> }> = async (app, { db }) => {
  const hidden = { schema: { hide: true } };

  app.get('/dev/mail.json', hidden, async () => {
    const rows = await recentSentMail(db, 200);
    return rows.map((row) => ({
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      sentAt: row.sent_at?.toISOString(),
    }));
  });

  app.get('/dev/mail', hidden, async (_request, reply) => {
    const rows = await recentSentMail(db, 200);
    const items = rows
      .map(
        (row) =>
          `<article><header><strong>${escapeHtml(row.subject)}</strong><br>aan ${escapeHtml(row.to_address)} · ${escapeHtml(
            formatAmsterdam(row.sent_at),
          )}</header><pre>${linkify(escapeHtml(row.text_body))}</pre></article>`,
      )
      .join('\n');
    const page = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ontwikkelmailbox — Keten</title><style>
body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e}
article{border:1px solid #ced4da;border-radius:8px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}
header{color:#495057}a{color:#0b5394}</style></head><body>
<h1>Ontwikkelmailbox</h1><p>Alle mail die Keten zonder SMTP-server verstuurt, nieuwste eerst. Alleen beschikbaar buiten productie.</p>
${items || '<p>Nog geen mail.</p>'}</body></html>`;
    return reply.type('text/html; charset=utf-8').send(page);
  });
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

function formatAmsterdam(date: Date | null): string {
  if (!date) return '';
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(date)
    .replace(',', '');
}
