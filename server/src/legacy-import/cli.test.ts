import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run import:legacy` as a user meets it when the export is wrong: one line that says what and where,
// exit code 1, no stack trace — and nothing opened or written (the files are checked before the database).

const repositoryRoot = path.resolve(import.meta.dirname, '../../..');
const cli = path.join(import.meta.dirname, 'cli.ts');
const fixture = path.resolve(import.meta.dirname, '../../test/fixtures/legacy-export');

function runCli(
  args: string[],
  environment: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, DATABASE_URL: '', INIT_CWD: '', ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run import:legacy with an export it cannot read', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'keten-legacy-cli-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('names the missing column in one line and exits 1 without touching the data directory', async () => {
    const exported = path.join(directory, 'export');
    await cp(fixture, exported, { recursive: true });
    const patients = path.join(exported, 'patients.csv');
    await writeFile(patients, (await readFile(patients, 'utf8')).replace(';achternaam;', ';familienaam;'));
    const dataDir = path.join(directory, 'data');
    const run = await runCli([exported], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^import:legacy: patients\.csv: kolom "achternaam" ontbreekt in de kopregel \(verwacht .*\)\n$/);
    expect(run.stdout).toBe('');
    await expect(readFile(path.join(dataDir, 'keten.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('says there is no database instead of creating an empty one', async () => {
    const run = await runCli([fixture, '--dry-run'], { DATA_DIR: path.join(directory, 'empty') });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^Export gecontroleerd .*: accounts\.csv 7 regels, patients\.csv 30 regels, journaal\.csv 36 regels$/,
    );
    expect(lines[1]).toMatch(/^import:legacy: er is geen database in .*empty \(DATA_DIR\); start Keten eerst/);
    expect(lines).toHaveLength(2);
  });

  it('explains its use when the folder is missing', async () => {
    const run = await runCli([], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^import:legacy: geef de map \(of het bestand\) van de export\n\nGebruik: npm run import:legacy -- MAP_OF_BESTAND/,
    );
  });
});
