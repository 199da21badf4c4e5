import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot, webDist } from './paths';

const webRoot = join(repoRoot, 'web');
// What goes into the build; a change to any of these makes web/dist stale.
const buildInputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestChange(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** Why web/dist must be (re)built, or undefined when it is up to date. */
async function staleReason(): Promise<string | undefined> {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return 'web/dist is missing';
  const builtAt = (await stat(index)).mtimeMs;
  const changes = await Promise.all(buildInputs.map((input) => newestChange(join(webRoot, input))));
  return Math.max(...changes) > builtAt ? 'web/ changed after the last build' : undefined;
}

/**
 * The server serves the built web app, so the browser tests need an up-to-date `web/dist`:
 * build it when it is missing or older than the web sources.
 */
export async function ensureWebBuild(): Promise<void> {
  const reason = await staleReason();
  if (!reason) return;
  console.log(`[e2e] ${reason}: running \`npm run build -w web\``);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await new Promise<void>((resolveBuild, reject) => {
    // Vitest runs with NODE_ENV=test; passed on, Vite would bundle React's development build.
    const child = spawn(npm, ['run', 'build', '-w', 'web'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolveBuild();
      else reject(new Error(`npm run build -w web failed (${signal ?? `exit code ${code}`})`));
    });
  });
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`npm run build -w web finished but ${webDist}/index.html does not exist`);
  }
}
