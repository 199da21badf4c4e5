import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { horizontalOverflow, newDutchContext, newPhoneContext, screenshot } from './support/browser';
import { setUpWerkplek } from './support/werkplek';

// Smoke test of the three faces before login: each loads from the real server, speaks Dutch,
// is not blank, has no serious accessibility violations, and fits on a phone.

interface Area {
  name: 'werkplek' | 'mijn' | 'verwijzer';
  path: string;
  loginPath: string;
  heading: string;
  texts: readonly string[];
}

const areas: readonly Area[] = [
  {
    name: 'werkplek',
    path: '/werkplek',
    loginPath: '/werkplek/inloggen',
    heading: 'Inloggen',
    texts: ['Werkplek', 'Gebruikersnaam', 'Wachtwoord vergeten?'],
  },
  {
    name: 'mijn',
    path: '/mijn',
    loginPath: '/mijn/inloggen',
    heading: 'Inloggen bij Mijn Keten',
    texts: ['Mijn Keten', 'Inloggen met DigiD', 'Inloggen met itsme', 'Inloggen met eID'],
  },
  {
    name: 'verwijzer',
    path: '/verwijzer',
    loginPath: '/verwijzer/inloggen',
    heading: 'Inloggen voor verwijzers',
    texts: ['Verwijzersportaal', 'Inloggen met UZI-pas of Zorg-ID'],
  },
];

const keten = setUpWerkplek();

/** Open a page and collect what the browser complains about (script errors, CSP, failed loads). */
async function open(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The Werkplek asks whether someone is logged in; "no" is a 401, which Chromium logs. Expected, not a problem.
    const sessionProbe =
      message.text().includes('status of 401') && message.location().url.endsWith('/api/werkplek/auth/session');
    if (!sessionProbe) problems.push(`console error: ${message.text()}`);
  });
  const response = await page.goto(`${keten.baseUrl}${path}`, { waitUntil: 'networkidle' });
  expect(response?.status(), `HTTP status of ${path}`).toBe(200);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible', timeout: 30_000 });
  return problems;
}

describe('smoke: the three faces before login', () => {
  for (const area of areas) {
    it(`${area.path} shows its Dutch login page`, async () => {
      const context = await newDutchContext(keten.browser);
      const page = await context.newPage();
      try {
        const problems = await open(page, area.path);

        await expect.poll(() => new URL(page.url()).pathname).toBe(area.loginPath);
        expect(await page.locator('html').getAttribute('lang')).toBe('nl');
        await page.getByRole('heading', { level: 1, name: area.heading }).waitFor();
        for (const text of area.texts) {
          expect(await page.getByText(text, { exact: false }).first().isVisible(), `"${text}" visible`).toBe(true);
        }
        // What React rendered (the body also holds the <noscript> text).
        const bodyText = ((await page.locator('#root').textContent()) ?? '').trim();
        expect(bodyText.length, 'page is not blank').toBeGreaterThan(100);
        expect(await page.title()).toContain('Keten');

        await screenshot(page, area.name);

        expect(await seriousViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('the werkplek login form is labelled and shows the server answer in an alert', async () => {
    const context = await newDutchContext(keten.browser);
    const page = await context.newPage();
    try {
      await open(page, '/werkplek/inloggen');
      await page.getByLabel('Gebruikersnaam').fill('jdevries.hapz');
      // The label reads "Wachtwoord"; the eye button beside it ("Wachtwoord tonen") is no input.
      await page
        .getByLabel(/^Wachtwoord/)
        .and(page.locator('input'))
        .fill('niet-het-echte-wachtwoord');
      await page.getByRole('button', { name: 'Inloggen' }).click();

      const alert = page.getByRole('alert');
      await alert.waitFor({ state: 'visible', timeout: 30_000 });
      expect(((await alert.textContent()) ?? '').trim().length).toBeGreaterThan(5);
      await screenshot(page, 'werkplek-login-answer');
    } finally {
      await context.close();
    }
  });

  it('the landing page links to the three faces, and unknown pages say "Pagina niet gevonden"', async () => {
    const context = await newDutchContext(keten.browser);
    const page = await context.newPage();
    try {
      await open(page, '/');
      for (const name of ['Naar de Werkplek', 'Naar Mijn Keten', 'Naar het Verwijzersportaal']) {
        expect(await page.getByRole('link', { name }).isVisible(), name).toBe(true);
      }
      await screenshot(page, 'landing');
      expect(await seriousViolations(page)).toEqual([]);

      await open(page, '/werkplek/bestaat-niet');
      expect(await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('fits a phone screen (390×844) without horizontal scrolling', async () => {
    const context = await newPhoneContext(keten.browser);
    const page = await context.newPage();
    try {
      for (const area of areas) {
        await open(page, area.path);
        expect(await horizontalOverflow(page), `${area.path}: horizontal overflow in px`).toBeLessThanOrEqual(0);
        await screenshot(page, `${area.name}-phone`);
      }
      // The burger opens the menu on phones; from there the patient portal is one tap away.
      await open(page, '/werkplek');
      await page.getByRole('button', { name: 'Menu openen' }).click();
      await page.getByRole('link', { name: 'Mijn Keten' }).click();
      await page.getByRole('heading', { level: 1, name: 'Inloggen bij Mijn Keten' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
