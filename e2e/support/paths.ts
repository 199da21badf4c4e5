import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (…/e2e/support → …), wherever the checkout lives. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const webDist = resolve(repoRoot, 'web', 'dist');

/** Screenshots of each run, for people to look at (git-ignored). */
export const screenshotDir = resolve(repoRoot, 'e2e', 'screenshots');
