import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { screenshotDir } from './paths';

/** Debian's Chromium; we never download a browser. Override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A fresh context as a Dutch user in Amsterdam would have it; pass options for e.g. a phone viewport. */
export async function newDutchContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
}

export const phoneViewport = { width: 390, height: 844 } as const;

/** A phone-sized context (390×844, touch); pass e.g. `storageState` to carry a session over. */
export async function newPhoneContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return await newDutchContext(browser, {
    viewport: phoneViewport,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    ...options,
  });
}

/** How many pixels the page is wider than its window: 0 or less when nothing scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A full-page screenshot for people to look at: `e2e/screenshots/<name>.png` (the folder exists once `setUpWerkplek` ran). */
export async function screenshot(page: Page, name: string): Promise<void> {
  // From the top: a page scrolled by a focus move would show the fixed header halfway in a full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
