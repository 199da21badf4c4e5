import type { BrowserContext, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { openRecord, setUpWerkplek } from './support/werkplek';

// The clinical record against the real server (issue 6; seed 001 §5.2–5.5, §6): the POH starts "Consult POH/huisarts"
// in Anna de Jong's DM2 trajectory, saves a draft, closes the page, comes back and continues; publishing with a
// required question empty is refused with the question named; after publishing the entry is in Historie and the
// HbA1c in Monitoring's chart; Bewerken keeps the earlier version.

const werkplek = setUpWerkplek({ waitForReady: true });
let context: BrowserContext;
const annaRecord = () => `${werkplek.baseUrl}/werkplek/patienten/1`;

beforeAll(async () => {
  context = await werkplek.loggedInContext('poh.hapz');
}, 180_000);

function field(page: Page, label: RegExp): Locator {
  return page.getByRole('textbox', { name: label });
}

const today = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})
  .format(new Date())
  .replaceAll('/', '-');

describe('a POH registers a consult in the DM2 trajectory', () => {
  it('keeps a draft across a closed page, refuses a missing required answer, publishes to Historie and Monitoring, and versions an edit', async () => {
    // Activiteiten: the consult under the DM2 trajectory.
    const first = await werkplek.newPage(context);
    await openRecord(first, annaRecord());
    const dm2 = first.getByRole('region', { name: /^Ketenzorg DM2/ });
    await dm2.getByRole('link', { name: /^Consult POH\/huisarts/ }).click();
    await first.getByRole('button', { name: 'Publiceren' }).waitFor({ timeout: 30_000 });
    await field(first, /^Datum consult/).fill(today);
    await field(first, /^HbA1c/).fill('49');
    await field(first, /^Gewicht/).fill('78,4');
    await first.getByRole('button', { name: 'Concept opslaan' }).click();
    await first.getByText(/^Concept opgeslagen om \d{2}:\d{2}/).waitFor();
    await first.close();

    // Another page later: the task offers the draft, which holds what was typed.
    const second = await werkplek.newPage(context);
    await openRecord(second, annaRecord());
    const consult = second
      .getByRole('region', { name: /^Ketenzorg DM2/ })
      .getByRole('link', { name: /^Consult POH\/huisarts.*Concept/ });
    await consult.click();
    await second.getByText('Er is een concept beschikbaar. Wilt u verder gaan met het concept?').waitFor({ timeout: 30_000 });
    await second.getByRole('button', { name: 'Verder met concept' }).click();
    expect(await field(second, /^HbA1c/).inputValue()).toBe('49');
    expect(await field(second, /^Gewicht/).inputValue()).toBe('78,4');

    // "Conclusie/beleid" is required: publishing without it names the question and stores nothing.
    await second.getByRole('button', { name: 'Publiceren' }).click();
    const summary = second.getByRole('alert').filter({ hasText: 'Het formulier is nog niet compleet' });
    await summary.waitFor();
    expect(await summary.getByText('Vraag "Conclusie/beleid" is verplicht.').count()).toBeGreaterThan(0);
    await screenshot(second, 'task-required-missing');
    expect(await seriousViolations(second), 'axe: task with problems').toEqual([]);

    await field(second, /^Conclusie\/beleid/).fill('HbA1c op streefwaarde; beleid ongewijzigd.');
    await second.getByRole('button', { name: 'Publiceren' }).click();

    // Historie: the new entry on top, with the notice.
    await second.getByText('Consult POH/huisarts is gepubliceerd').waitFor({ timeout: 30_000 });
    expect(second.url()).toMatch(/\/werkplek\/patienten\/1\/historie/);
    const history = second.getByRole('table', { name: 'Registraties in de Historie' });
    const newest = history.getByRole('row').nth(1);
    expect(await newest.textContent()).toContain(today);
    expect(await newest.textContent()).toContain('Consult POH/huisarts');
    await screenshot(second, 'history-after-publish');

    // Monitoring: HbA1c as a chart, today's 49 among the values.
    await second.getByRole('tab', { name: 'Monitoring' }).click();
    const values = second.getByRole('table', { name: /^Waarden van .*HbA1c/ });
    await values.waitFor({ timeout: 30_000 });
    const todays = values.getByRole('row').filter({ hasText: today }).filter({ hasText: 'HbA1c' });
    expect(await todays.first().textContent()).toContain('49');
    expect(await second.locator('.recharts-line').count()).toBeGreaterThan(0);
    await screenshot(second, 'monitoring-hba1c');
    expect(await seriousViolations(second), 'axe: monitoring').toEqual([]);

    // Bewerken: version 2, and version 1 still readable.
    await second.getByRole('tab', { name: 'Historie' }).click();
    await history
      .getByRole('row')
      .nth(1)
      .getByRole('link', { name: /^Bekijk Consult POH\/huisarts van / })
      .click();
    await second
      .getByRole('button', { name: 'Bewerken' })
      .or(second.getByRole('link', { name: 'Bewerken' }))
      .first()
      .click();
    await second.getByRole('button', { name: 'Publiceren' }).waitFor({ timeout: 30_000 });
    await field(second, /^HbA1c/).fill('50');
    await second.getByRole('button', { name: 'Publiceren' }).click();
    await second.getByText('Versie 2 staat in de Historie; de eerdere versies blijven te zien.').waitFor({ timeout: 30_000 });
    await history
      .getByRole('row')
      .nth(1)
      .getByRole('link', { name: /^Bekijk Consult POH\/huisarts van / })
      .click();
    const versions = second.getByRole('combobox', { name: 'Versie' }).or(second.getByLabel('Versie'));
    await versions.first().waitFor({ timeout: 30_000 });
    // The entry may show its cached answers for a moment while the newest version loads.
    await expect.poll(() => field(second, /^HbA1c/).inputValue(), { timeout: 15_000 }).toBe('50');
    await second.goto(`${second.url().split('?')[0]}?versie=1`, { waitUntil: 'networkidle' });
    await second.getByText('Je bekijkt een eerdere versie.', { exact: false }).waitFor({ timeout: 30_000 });
    await expect.poll(() => field(second, /^HbA1c/).inputValue(), { timeout: 15_000 }).toBe('49');
    await screenshot(second, 'history-entry-version-1');
    await second.close();

    expect(werkplek.pageErrors).toEqual([]);
  });
});
