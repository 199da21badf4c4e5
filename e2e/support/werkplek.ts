import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';

// Werkplek helpers for browser tests: log in as a demo account, read the verificatiecode from the
// development mailbox (/dev/mail.json), move the server's clock (/dev/clock, NODE_ENV=test only).

/** Every demo account has this password (server/src/db/seed/demo-region.ts). */
export const demoPassword = 'keten-demo-wachtwoord';

interface DevMail {
  to: string;
  subject: string;
  text: string;
  sentAt?: string;
}

async function mailbox(baseUrl: string): Promise<DevMail[]> {
  const response = await fetch(`${baseUrl}/dev/mail.json`);
  if (!response.ok) throw new Error(`GET /dev/mail.json answered ${response.status}`);
  return (await response.json()) as DevMail[];
}

/** The demo accounts' mail goes to `<username>@keten.test`. */
export function demoAddress(username: string): string {
  return `${username}@keten.test`;
}

/** How many mails the address has had so far; pass it to `waitForCode` to wait for the next one. */
export async function mailCount(baseUrl: string, address: string): Promise<number> {
  return (await mailbox(baseUrl)).filter((mail) => mail.to === address).length;
}

/** The first match of `pattern` in the newest mail to `address`, once there are more than `before` mails. */
export async function waitForMail(
  baseUrl: string,
  address: string,
  before: number,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mails = (await mailbox(baseUrl)).filter((mail) => mail.to === address);
    if (mails.length > before) {
      // Newest first.
      const found = pattern.exec(`${mails[0]?.subject ?? ''}\n${mails[0]?.text ?? ''}`)?.[1];
      if (found) return found;
    }
    await sleep(200);
  }
  throw new Error(`no mail to ${address} matching ${pattern} within ${timeoutMs} ms`);
}

/** The 6-digit verificatiecode from the next code mail to `address`. */
export async function waitForCode(baseUrl: string, address: string, before: number): Promise<string> {
  return await waitForMail(baseUrl, address, before, /\b(\d{6})\b/);
}

/** Move the server's clock forward (the server runs with NODE_ENV=test). */
export async function advanceServerClock(baseUrl: string, advanceMs: number): Promise<void> {
  const response = await fetch(`${baseUrl}/dev/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs }),
  });
  if (!response.ok) throw new Error(`POST /dev/clock answered ${response.status}: ${await response.text()}`);
}

/** Fill in username + password on the login page (already open) and press "Inloggen". */
export async function submitPassword(page: Page, username: string, password = demoPassword): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page
    .getByLabel(/^Wachtwoord/)
    .and(page.locator('input'))
    .fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * Log in from the login page: password, then — unless this browser is trusted — the code from the
 * mailbox. Resolves when the dashboard shows.
 */
export async function logIn(page: Page, baseUrl: string, username: string): Promise<{ codeAsked: boolean }> {
  const address = demoAddress(username);
  const before = await mailCount(baseUrl, address);
  await submitPassword(page, username);
  const codeStep = page.getByRole('heading', { level: 1, name: 'Verificatiecode' });
  const dashboard = page.getByRole('heading', { level: 1, name: /^Welkom, / });
  await codeStep.or(dashboard).first().waitFor({ state: 'visible', timeout: 30_000 });
  if (await dashboard.isVisible()) return { codeAsked: false };

  const code = await waitForCode(baseUrl, address, before);
  await page.getByLabel('Verificatiecode').fill(code);
  await page.getByRole('button', { name: 'Verifieer' }).click();
  await dashboard.waitFor({ state: 'visible', timeout: 30_000 });
  return { codeAsked: true };
}
