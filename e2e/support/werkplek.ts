import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, newDutchContext, newPhoneContext } from './browser';
import { screenshotDir } from './paths';
import { type KetenServer, type StartServerOptions, startServer } from './server';

// Werkplek helpers for browser tests: one server and one Chromium per test file (`setUpWerkplek`), log in as a
// demo account, read the verificatiecode from the development mailbox (/dev/mail.json), open a record, move the
// server's clock (/dev/clock, NODE_ENV=test only).

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

/** Open the Werkplek and wait for the login page it shows when nobody is logged in. */
export async function openLoginPage(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/werkplek`, { waitUntil: 'networkidle' });
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor({ timeout: 30_000 });
}

/**
 * Log in from the login page: password, then — unless this browser is trusted — the code from the
 * mailbox. Resolves when `arrived` shows: by default the dashboard, or where the user was going.
 */
export async function logIn(
  page: Page,
  baseUrl: string,
  username: string,
  { arrived = page.getByRole('heading', { level: 1, name: /^Welkom, / }) }: { arrived?: Locator } = {},
): Promise<{ codeAsked: boolean }> {
  const address = demoAddress(username);
  const before = await mailCount(baseUrl, address);
  await submitPassword(page, username);
  const codeStep = page.getByRole('heading', { level: 1, name: 'Verificatiecode' });
  await codeStep.or(arrived).first().waitFor({ state: 'visible', timeout: 30_000 });
  if (await arrived.isVisible()) return { codeAsked: false };

  const code = await waitForCode(baseUrl, address, before);
  await page.getByLabel('Verificatiecode').fill(code);
  await page.getByRole('button', { name: 'Verifieer' }).click();
  await arrived.waitFor({ state: 'visible', timeout: 30_000 });
  return { codeAsked: true };
}

/** Open a patient's record at `url`, confirming the treatment relationship when it is asked (the first time). */
export async function openRecord(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle' });
  const confirm = page.getByRole('heading', { level: 1, name: 'Behandelrelatie bevestigen' });
  const record = page.getByRole('tablist');
  await confirm.or(record).first().waitFor({ timeout: 30_000 });
  if (await confirm.isVisible()) await page.getByRole('button', { name: 'Bevestigen' }).click();
  await record.waitFor();
}

/** A test file's server and browser, from `setUpWerkplek`: use them in tests and in hooks registered after it. */
export interface WerkplekTestbed {
  /** The server's address without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The script errors of every page opened with `newPage`, as `<url>: <message>`. */
  readonly pageErrors: string[];
  /** A new page in `context` whose script errors go to `pageErrors`. */
  newPage(context: BrowserContext): Promise<Page>;
  /** The same session in a phone-sized window: the cookies of `context`, nothing logged in again. */
  phoneCopy(context: BrowserContext): Promise<BrowserContext>;
  /** Open the Werkplek and wait for its login page. */
  openLoginPage(page: Page): Promise<void>;
  /** A new page in `context`, logged in as `username` from the login page: at the dashboard. */
  loggedInPage(context: BrowserContext, username: string): Promise<Page>;
  /** A new Dutch context logged in as `username` (its login page closed again); the browser closes it at the end. */
  loggedInContext(username: string): Promise<BrowserContext>;
}

/**
 * Before the file's tests: the screenshot folder, a Keten server (`startServer(options)`) and Chromium; after them,
 * both stopped. Call it once at the top of a test file, before the file's own hooks (Vitest runs `beforeAll` hooks in
 * order and `afterAll` hooks in reverse).
 */
export function setUpWerkplek(options: StartServerOptions = {}): WerkplekTestbed {
  let server: KetenServer | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(screenshotDir, { recursive: true });
    server = await startServer(options);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function started<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new Error(`${what} is not started yet: use it in a test or in a hook after setUpWerkplek's`);
    return value;
  }

  const testbed: WerkplekTestbed = {
    get baseUrl() {
      return started(server, 'The Keten server').baseUrl;
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    pageErrors,
    async newPage(context) {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return page;
    },
    async phoneCopy(context) {
      return await newPhoneContext(testbed.browser, { storageState: await context.storageState() });
    },
    async openLoginPage(page) {
      await openLoginPage(page, testbed.baseUrl);
    },
    async loggedInPage(context, username) {
      const page = await testbed.newPage(context);
      await testbed.openLoginPage(page);
      await logIn(page, testbed.baseUrl, username);
      return page;
    },
    async loggedInContext(username) {
      const context = await newDutchContext(testbed.browser);
      await (await testbed.loggedInPage(context, username)).close();
      return context;
    },
  };
  return testbed;
}
