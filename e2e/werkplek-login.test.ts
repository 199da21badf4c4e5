import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { horizontalOverflow, newDutchContext, screenshot } from './support/browser';
import {
  advanceServerClock,
  demoAddress,
  logIn,
  mailCount,
  setUpWerkplek,
  submitPassword,
  waitForCode,
  waitForMail,
} from './support/werkplek';

// Werkplek login against the real server (seed 001 §2): password + mailed verificatiecode, the
// trusted browser (no code again within 10 hours), the menu per role, the generic-account badge,
// Audit with CSV export, Instellingen, and the logout after 3 hours without activity.
//
// One server for the whole file. The tests run in order: the last one moves the server's clock
// 3 hours ahead, which would end every session the earlier tests use. Logins are kept few — the
// server allows 30 per IP per 15 minutes.

const werkplek = setUpWerkplek({ waitForReady: true });
/** huisarts.hapz, logged in by the first test; the idle test at the end uses it. */
let gpContext: BrowserContext;
let gpPage: Page;
/** beheer.hapz, logged in by the settings test; the idle test navigates in it. */
let adminPage: Page;
/** The cookies of beheer.zorggroep after the audit test, for the idle warning test. */
let platformState: Awaited<ReturnType<BrowserContext['storageState']>>;

function sideMenu(page: Page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

describe('Werkplek login', () => {
  it('huisarts.hapz logs in with password and the mailed code and sees the GP menu', async () => {
    gpContext = await newDutchContext(werkplek.browser);
    gpPage = await werkplek.newPage(gpContext);
    const page = gpPage;

    await werkplek.openLoginPage(page);
    expect(new URL(page.url()).pathname).toBe('/werkplek/inloggen');
    expect(await seriousViolations(page), 'axe: login page').toEqual([]);

    const before = await mailCount(werkplek.baseUrl, demoAddress('huisarts.hapz'));
    await submitPassword(page, 'huisarts.hapz');
    await page.getByRole('heading', { level: 1, name: 'Verificatiecode' }).waitFor();
    expect(await page.getByText('We hebben een code gestuurd naar h…z@keten.test').isVisible()).toBe(true);
    const codeInput = page.getByLabel('Verificatiecode');
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    await screenshot(page, 'werkplek-login-code');
    expect(await seriousViolations(page), 'axe: code page').toEqual([]);

    // A wrong code first: the field says how many tries are left.
    const code = await waitForCode(werkplek.baseUrl, demoAddress('huisarts.hapz'), before);
    await codeInput.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verifieer' }).click();
    await page
      .getByText(/De verificatiecode klopt niet/)
      .first()
      .waitFor();
    expect(await codeInput.getAttribute('aria-invalid')).toBe('true');

    await codeInput.fill(code);
    await page.getByRole('button', { name: 'Verifieer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Jeroen de Vries' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/werkplek/dashboard');

    const header = page.getByRole('banner');
    expect(await header.getByText('Jeroen de Vries').isVisible()).toBe(true);
    expect(await header.getByText('Huisarts · Huisartsenpraktijk Zonnehof').isVisible()).toBe(true);
    expect(await header.getByRole('link', { name: 'Instellingen' }).isVisible()).toBe(true);
    expect(await header.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
    expect(await header.getByText('Niet persoonlijk account').count()).toBe(0);

    const menu = sideMenu(page);
    for (const item of ['Dashboard', 'Patiënt zoeken', 'Signalen', 'Berichten', 'Rapportages', 'Patiënt toevoegen', 'Helpdesk']) {
      // A count (unread messages, new referrals) may follow the name.
      expect(await menu.getByRole('link', { name: new RegExp(`^${item}\\b`) }).isVisible(), item).toBe(true);
    }
    // Platform items are not for a GP.
    expect(await menu.getByRole('link', { name: 'Rollen en rechten' }).count()).toBe(0);

    await screenshot(page, 'werkplek-dashboard');
    expect(await seriousViolations(page), 'axe: dashboard').toEqual([]);

    // The menu leads to the real screens: Berichten opens the inbox.
    await menu.getByRole('link', { name: /^Berichten\b/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Berichten' }).waitFor();
    expect(await page.getByText(/komt in een volgende versie van Keten/).count()).toBe(0);

    // The same on a phone: the menu behind the burger, no sideways scrolling.
    const phone = await werkplek.phoneCopy(gpContext);
    try {
      const phonePage = await werkplek.newPage(phone);
      await phonePage.goto(`${werkplek.baseUrl}/werkplek/dashboard`, { waitUntil: 'networkidle' });
      await phonePage.getByRole('heading', { level: 1, name: 'Welkom, Jeroen de Vries' }).waitFor();
      expect(await horizontalOverflow(phonePage)).toBeLessThanOrEqual(0);
      await screenshot(phonePage, 'werkplek-dashboard-phone');
      await phonePage.getByRole('button', { name: 'Menu openen' }).click();
      await sideMenu(phonePage).getByRole('button', { name: 'Uitloggen' }).waitFor();
      await screenshot(phonePage, 'werkplek-menu-phone');
      expect(await seriousViolations(phonePage), 'axe: phone menu').toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('after "Uitloggen" the same browser logs in without a code; a new browser gets the code step', async () => {
    const page = gpPage;
    await page.getByRole('banner').getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('Je bent uitgelogd').waitFor();
    expect(new URL(page.url()).pathname).toBe('/werkplek/inloggen');

    // Trusted for 10 hours (seed 001 §2.3a): straight to the dashboard.
    expect(await logIn(page, werkplek.baseUrl, 'huisarts.hapz')).toEqual({ codeAsked: false });
    expect(new URL(page.url()).pathname).toBe('/werkplek/dashboard');

    const other = await newDutchContext(werkplek.browser);
    try {
      const otherPage = await werkplek.newPage(other);
      await werkplek.openLoginPage(otherPage);
      await submitPassword(otherPage, 'huisarts.hapz');
      await otherPage.getByRole('heading', { level: 1, name: 'Verificatiecode' }).waitFor();
      expect(await otherPage.getByRole('button', { name: 'Verifieer' }).isVisible()).toBe(true);
      expect(await otherPage.getByText('We hebben een code gestuurd naar h…z@keten.test').isVisible()).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('the generic account poh-somatiek.hapz shows "Niet persoonlijk account"', async () => {
    const context = await newDutchContext(werkplek.browser);
    try {
      const page = await werkplek.loggedInPage(context, 'poh-somatiek.hapz');
      expect(await page.getByRole('banner').getByText('Niet persoonlijk account').isVisible()).toBe(true);
      await screenshot(page, 'werkplek-not-personal');
      expect(await seriousViolations(page), 'axe: dashboard of a generic account').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('beheer.zorggroep opens Audit, sees the login events and exports them as CSV', async () => {
    const context = await newDutchContext(werkplek.browser);
    try {
      const page = await werkplek.loggedInPage(context, 'beheer.zorggroep');
      const menu = sideMenu(page);
      expect(await menu.getByRole('link', { name: 'Patiënt toevoegen' }).count()).toBe(0);

      await menu.getByRole('link', { name: 'Audit' }).click();
      await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
      const table = page.getByRole('table', { name: 'Gebeurtenissen, nieuwste eerst' });
      await table.waitFor();
      // The platform sees everyone's logins: the GP's from the first test, and its own.
      expect(await table.getByRole('cell', { name: 'Inloggen', exact: true }).count()).toBeGreaterThan(0);
      expect(await table.getByRole('cell', { name: /Jeroen de Vries/ }).count()).toBeGreaterThan(0);
      expect(await table.getByRole('cell', { name: /^\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/ }).count()).toBeGreaterThan(0);

      // Only failed logins.
      await page.getByLabel('Actie').selectOption('login-failed');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.waitForURL(/action=login-failed/);
      await expect.poll(() => table.getByRole('cell', { name: 'Inloggen', exact: true }).count(), { timeout: 15_000 }).toBe(0);
      expect(await table.getByRole('cell', { name: 'Inloggen mislukt', exact: true }).count()).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Wissen' }).click();
      await table.getByRole('cell', { name: 'Inloggen', exact: true }).first().waitFor();

      await screenshot(page, 'werkplek-audit');
      expect(await seriousViolations(page), 'axe: audit').toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporteer naar CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('keten-auditlog.csv');
      const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
      const [headerRow, ...rows] = csv.split(/\r?\n/).filter((line) => line !== '');
      expect(headerRow?.split(';')).toEqual(expect.arrayContaining(['Tijdstip', 'Gebruiker', 'Actie']));
      expect(rows.some((row) => row.includes(';login;'))).toBe(true);

      platformState = await context.storageState();
      const phone = await werkplek.phoneCopy(context);
      try {
        const phonePage = await werkplek.newPage(phone);
        await phonePage.goto(`${werkplek.baseUrl}/werkplek/audit`, { waitUntil: 'networkidle' });
        await phonePage.getByRole('table').waitFor();
        expect(await horizontalOverflow(phonePage)).toBeLessThanOrEqual(0);
        await screenshot(phonePage, 'werkplek-audit-phone');
      } finally {
        await phone.close();
      }
    } finally {
      await context.close();
    }
  });

  it('beheer.hapz sets a notification switch in Instellingen, and it stays after a reload', async () => {
    const context = await newDutchContext(werkplek.browser);
    adminPage = await werkplek.loggedInPage(context, 'beheer.hapz');
    const page = adminPage;

    await page.getByRole('banner').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    expect(await page.getByText('huisarts.hapz').count()).toBe(0);
    expect(await page.getByText('beheer.hapz', { exact: true }).isVisible()).toBe(true);
    expect(await seriousViolations(page), 'axe: settings, account').toEqual([]);

    await page.getByRole('tab', { name: 'Meldingen per e-mail' }).click();
    const reminder = page.getByRole('switch', { name: 'Afspraakherinneringen' });
    await reminder.waitFor();
    const before = await reminder.isChecked();
    await reminder.click();
    await page.getByText('Je keuze is opgeslagen.').waitFor();
    expect(await reminder.isChecked()).toBe(!before);

    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/werkplek/instellingen/meldingen');
    await page.getByRole('switch', { name: 'Afspraakherinneringen' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Afspraakherinneringen' }).isChecked()).toBe(!before);

    await screenshot(page, 'werkplek-settings');
    expect(await seriousViolations(page), 'axe: settings, notifications').toEqual([]);

    const phone = await werkplek.phoneCopy(context);
    try {
      const phonePage = await werkplek.newPage(phone);
      await phonePage.goto(`${werkplek.baseUrl}/werkplek/instellingen/meldingen`, { waitUntil: 'networkidle' });
      await phonePage.getByRole('switch', { name: 'Afspraakherinneringen' }).waitFor();
      expect(await horizontalOverflow(phonePage)).toBeLessThanOrEqual(0);
      await screenshot(phonePage, 'werkplek-settings-phone');
    } finally {
      await phone.close();
    }
  });

  it('"Wachtwoord vergeten?" mails a link; "Wachtwoord instellen" sets a new password that logs in', async () => {
    const context = await newDutchContext(werkplek.browser);
    try {
      const page = await werkplek.newPage(context);
      await werkplek.openLoginPage(page);
      await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
      const address = demoAddress('assistent.hapz');
      const before = await mailCount(werkplek.baseUrl, address);
      await page.getByLabel('Gebruikersnaam').fill('assistent.hapz');
      await page.getByRole('button', { name: 'Verstuur mail' }).click();
      await page.getByText('Mail verstuurd', { exact: true }).waitFor();

      const link = await waitForMail(werkplek.baseUrl, address, before, /(\/werkplek\/wachtwoord-instellen\?token=[\w-]+)/);
      await page.goto(`${werkplek.baseUrl}${link}`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1, name: 'Wachtwoord instellen' }).waitFor();
      expect(await page.getByText(/Minstens 12 tekens en geen veelgebruikt wachtwoord/).isVisible()).toBe(true);
      expect(await seriousViolations(page), 'axe: set password').toEqual([]);

      const newPassword = 'fietsen langs de dommel';
      await page
        .getByLabel(/^Nieuw wachtwoord/)
        .and(page.locator('input'))
        .fill(newPassword);
      await page
        .getByLabel(/^Herhaal nieuw wachtwoord/)
        .and(page.locator('input'))
        .fill(newPassword);
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      await page.getByText('Je wachtwoord is ingesteld').waitFor();
      await screenshot(page, 'werkplek-password-set');

      // The link works once.
      await page.goto(`${werkplek.baseUrl}${link}`, { waitUntil: 'networkidle' });
      await page
        .getByLabel(/^Nieuw wachtwoord/)
        .and(page.locator('input'))
        .fill('nog een ander wachtwoord');
      await page
        .getByLabel(/^Herhaal nieuw wachtwoord/)
        .and(page.locator('input'))
        .fill('nog een ander wachtwoord');
      await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
      await page.getByRole('alert').filter({ hasText: /link/i }).waitFor();

      await page.goto(`${werkplek.baseUrl}/werkplek/inloggen`, { waitUntil: 'networkidle' });
      await submitPassword(page, 'assistent.hapz', newPassword);
      await page.getByRole('heading', { level: 1, name: 'Verificatiecode' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('warns 5 minutes before the idle logout; "Ingelogd blijven" keeps the session', async () => {
    // The browser's clock is fake here (the server's is untouched): jump 2 h 56 min ahead.
    const context = await newDutchContext(werkplek.browser, { storageState: platformState });
    try {
      await context.clock.install();
      const page = await werkplek.newPage(context);
      await page.goto(`${werkplek.baseUrl}/werkplek/dashboard`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);

      await page.clock.fastForward('02:56:00');
      const dialog = page.getByRole('dialog', { name: 'U wordt over 5 minuten uitgelogd wegens inactiviteit' });
      await dialog.waitFor();
      await screenshot(page, 'werkplek-idle-warning');
      expect(await seriousViolations(page), 'axe: idle warning').toEqual([]);

      await dialog.getByRole('button', { name: 'Ingelogd blijven' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.clock.fastForward('00:10:00');
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(new URL(page.url()).pathname).toBe('/werkplek/dashboard');
    } finally {
      await context.close();
    }
  });

  // Last: moving the server's clock ends every session of this file.
  it('after 3 hours without activity the next action shows the login page with the inactivity notice', async () => {
    await advanceServerClock(werkplek.baseUrl, (3 * 60 + 1) * 60 * 1000);

    // A reload…
    await gpPage.reload({ waitUntil: 'networkidle' });
    await gpPage.getByText('U bent uitgelogd wegens inactiviteit').waitFor({ timeout: 30_000 });
    expect(new URL(gpPage.url()).pathname).toBe('/werkplek/inloggen');
    expect(await gpPage.getByRole('heading', { level: 1, name: 'Inloggen' }).isVisible()).toBe(true);
    await screenshot(gpPage, 'werkplek-logged-out-inactivity');
    expect(await seriousViolations(gpPage), 'axe: login page with the notice').toEqual([]);

    // …and a click in the menu.
    await sideMenu(adminPage).getByRole('link', { name: 'Dashboard', exact: true }).click();
    await adminPage.getByText('U bent uitgelogd wegens inactiviteit').waitFor({ timeout: 30_000 });
    expect(new URL(adminPage.url()).pathname).toBe('/werkplek/inloggen');

    // Logging in again goes back to where the user was.
    await gpPage.goto(`${werkplek.baseUrl}/werkplek/instellingen`, { waitUntil: 'networkidle' });
    await gpPage.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    // Still a trusted browser (10 hours): no code.
    await submitPassword(gpPage, 'huisarts.hapz');
    await gpPage.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor({ timeout: 30_000 });
    expect(new URL(gpPage.url()).pathname).toBe('/werkplek/instellingen');
  });

  it('had no script errors', () => {
    expect(werkplek.pageErrors).toEqual([]);
  });
});
