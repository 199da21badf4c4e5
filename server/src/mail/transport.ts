import nodemailer from 'nodemailer';
import type { OutgoingMail } from './outbox-repository.js';

/** Where mail goes: SMTP in production, the development mailbox otherwise. */
export interface MailTransport {
  readonly name: string;
  send(mail: OutgoingMail): Promise<void>;
}

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

/**
 * Without SMTP a mail counts as delivered once it is in the outbox as sent; the development mailbox
 * (/dev/mail) shows it. This keeps codes and reset links usable with zero set-up.
 */
export const developmentMailbox: MailTransport = {
  name: 'development-mailbox',
  async send() {},
};
