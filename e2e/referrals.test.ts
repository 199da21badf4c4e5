import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { openRecord, setUpWerkplek } from './support/werkplek';

// The Fatima story (issue 7, "Must show"; seed 001 §3.3, §7.2–7.3): huisarts.hapz refers Fatima El Amrani (patient 4)
// to Diëtistenpraktijk Vitaal with a letter; dietist.vitaal sees Signalen = 1, opens her from Signalen, confirms the
// treatment relationship, the count drops to 0, and the referral with its letter is in Historie. On the way the GP
// leaves the task and comes back: the draft keeps the organisation chosen and the letter (docs/clinical-record.md §4).

const werkplek = setUpWerkplek({ waitForReady: true });
let gp: BrowserContext;
let dietitian: BrowserContext;
const fatima = () => `${werkplek.baseUrl}/werkplek/patienten/4`;

// A minimal valid PDF (one empty page): the server checks the content, not the name.
const letterPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

beforeAll(async () => {
  gp = await werkplek.loggedInContext('huisarts.hapz');
  dietitian = await werkplek.loggedInContext('dietist.vitaal');
}, 240_000);

function signalsLink(page: Page): Locator {
  return page
    .getByRole('navigation')
    .getByRole('link', { name: /^Signalen/ })
    .first();
}

async function signalsBadge(page: Page): Promise<string> {
  return ((await signalsLink(page).textContent()) ?? '').replace('Signalen', '').trim();
}

describe('Fatima is referred to the dietitian', () => {
  it('huisarts.hapz refers with a letter; dietist.vitaal sees Signalen = 1, opens her, the count drops to 0, Historie shows the referral and letter', async () => {
    // The dietitian starts without signals (the demo's earlier referral of Fatima was opened yesterday).
    const dietPage = await werkplek.newPage(dietitian);
    await dietPage.goto(`${werkplek.baseUrl}/werkplek/signalen`, { waitUntil: 'networkidle' });
    await dietPage.getByRole('heading', { level: 2, name: 'Verwijzingen' }).waitFor({ timeout: 30_000 });
    expect(await signalsBadge(dietPage)).toBe('');
    await dietPage.getByText('Geen nieuwe verwijzingen.').waitFor();

    // The GP: Fatima's record (relationship confirmed the first time), Activiteiten → Verwijzing diëtist.
    const gpPage = await werkplek.newPage(gp);
    await openRecord(gpPage, fatima());
    await gpPage
      .getByRole('link', { name: /^Verwijzing diëtist/ })
      .first()
      .click();
    await gpPage.getByRole('button', { name: 'Publiceren' }).waitFor({ timeout: 30_000 });

    // Where to, why, how to reach her, and the letter.
    await gpPage.locator('#toOrganisationId').click();
    await gpPage.getByRole('option', { name: /Diëtistenpraktijk Vitaal/ }).click();
    await gpPage
      .getByRole('textbox', { name: /^Reden van verwijzing/ })
      .fill('Overgewicht (BMI 34,5) en prediabetes. Graag dieetadvies, rekening houden met de ramadan.');
    await gpPage.getByRole('textbox', { name: /^Telefoonnummer/ }).fill('06-12345678');
    await gpPage.getByRole('textbox', { name: /^Bereikbaarheid/ }).fill('Liever na 16:00 bellen');
    await gpPage
      .locator('input[type=file]')
      .setInputFiles({ name: 'verwijsbrief-fatima.pdf', mimeType: 'application/pdf', buffer: letterPdf });
    await gpPage.getByText('Toegevoegd: verwijsbrief-fatima.pdf').waitFor({ timeout: 30_000 });
    await screenshot(gpPage, 'referral-task');
    expect(await seriousViolations(gpPage), 'axe: referral task').toEqual([]);

    // Leaving the task (the draft is saved) and coming back: the organisation and the letter are still there.
    await gpPage
      .getByRole('status')
      .getByText(/^Concept opgeslagen om/)
      .waitFor({ timeout: 30_000 });
    await gpPage.getByRole('button', { name: 'Annuleren' }).click();
    await gpPage.getByRole('tablist').waitFor({ timeout: 30_000 });
    expect(gpPage.url()).not.toMatch(/\/taak\//);
    await gpPage
      .getByRole('link', { name: /^Verwijzing diëtist/ })
      .first()
      .click();
    await gpPage.getByRole('button', { name: 'Verder met concept' }).click({ timeout: 30_000 });
    await gpPage.getByRole('button', { name: 'Publiceren' }).waitFor({ timeout: 30_000 });
    expect(await gpPage.locator('#toOrganisationId').inputValue()).toMatch(/^Diëtistenpraktijk Vitaal/);
    const keptLetter = gpPage.getByText('Toegevoegd: verwijsbrief-fatima.pdf');
    await keptLetter.waitFor({ timeout: 30_000 });
    expect(await gpPage.getByRole('textbox', { name: /^Telefoonnummer/ }).inputValue()).toBe('06-12345678');
    // It can be removed or replaced.
    expect(await gpPage.getByRole('button', { name: 'Verwijderen' }).isVisible()).toBe(true);
    expect(await gpPage.locator('input[type=file]').count()).toBe(1);
    await keptLetter.scrollIntoViewIfNeeded();
    await screenshot(gpPage, 'referral-draft-reopened');
    expect(await seriousViolations(gpPage), 'axe: reopened referral draft').toEqual([]);
    await gpPage.getByRole('button', { name: 'Publiceren' }).click();
    await gpPage.getByText('Verwijzing diëtist is gepubliceerd').waitFor({ timeout: 30_000 });
    expect(gpPage.url()).toMatch(/\/werkplek\/patienten\/4\/historie/);

    // The dietitian: Signalen = 1 in the menu and on the page, under "Verwijzingen".
    await dietPage.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => signalsBadge(dietPage), { timeout: 30_000 }).toBe('1');
    const referrals = dietPage.getByRole('region', { name: 'Verwijzingen' });
    await referrals.getByRole('link', { name: 'Fatima El Amrani' }).waitFor({ timeout: 30_000 });
    expect(await referrals.textContent()).toContain('Overgewicht (BMI 34,5)');
    await screenshot(dietPage, 'signals-one-referral');
    expect(await seriousViolations(dietPage), 'axe: signals').toEqual([]);

    // Opening her asks the treatment relationship; confirming it opens the record and clears the signal.
    await referrals.getByRole('link', { name: 'Fatima El Amrani' }).click();
    await dietPage.getByRole('heading', { level: 1, name: 'Behandelrelatie bevestigen' }).waitFor({ timeout: 30_000 });
    await screenshot(dietPage, 'referral-confirm-relationship');
    await dietPage.getByRole('button', { name: 'Bevestigen' }).click();
    await dietPage.getByRole('tablist').waitFor({ timeout: 30_000 });
    await expect.poll(() => signalsBadge(dietPage), { timeout: 30_000 }).toBe('');
    await signalsLink(dietPage).click();
    await dietPage.getByText('Geen nieuwe verwijzingen.').waitFor({ timeout: 30_000 });
    expect(await dietPage.getByTestId('signals-referrals-count').textContent()).toBe('0');
    await screenshot(dietPage, 'signals-after-opening');

    // Historie: the referral entry, with where it went, the details and the letter.
    await dietPage.goto(`${fatima()}/historie`, { waitUntil: 'networkidle' });
    const history = dietPage.getByRole('table', { name: 'Registraties in de Historie' });
    await history.waitFor({ timeout: 30_000 });
    const row = history.getByRole('row').filter({ hasText: 'Verwijzing diëtist' }).first();
    expect(await row.textContent()).toContain('Huisartsenpraktijk');
    await row.getByRole('link', { name: /^Bekijk Verwijzing diëtist van / }).click();
    const summary = dietPage.getByTestId('referral-summary');
    await summary.waitFor({ timeout: 30_000 });
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('Diëtistenpraktijk Vitaal');
    expect(text).toContain('06-12345678');
    expect(text).toContain('Liever na 16:00 bellen');
    const letter = summary.getByRole('link', { name: /^verwijsbrief-fatima\.pdf downloaden/ });
    const href = await letter.getAttribute('href');
    expect(href).toMatch(/\/referral-letter$/);
    const downloaded = await dietPage.evaluate(async (url) => {
      const response = await fetch(url as string, { credentials: 'same-origin' });
      return { type: response.headers.get('content-type'), start: (await response.text()).slice(0, 5) };
    }, href);
    expect(downloaded).toEqual({ type: 'application/pdf', start: '%PDF-' });
    await screenshot(dietPage, 'history-referral-entry');
    expect(await seriousViolations(dietPage), 'axe: referral in Historie').toEqual([]);

    await gpPage.close();
    await dietPage.close();
    expect(werkplek.pageErrors).toEqual([]);
  });
});
