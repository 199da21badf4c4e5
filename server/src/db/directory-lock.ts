import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export interface DirectoryLock {
  release(): Promise<void>;
}

export class DirectoryLockedError extends Error {}

const LOCK_FILE = 'keten.lock';

/**
 * PGlite cannot share its files between processes; a second Keten on the same directory would corrupt
 * them. The lock file holds the owner's pid: a lock left by a crashed process (pid gone) is taken over.
 */
export async function acquireDirectoryLock(directory: string): Promise<DirectoryLock> {
  await mkdir(directory, { recursive: true });
  const lockPath = path.join(directory, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DirectoryLockedError(
          `The data directory ${directory} is in use by another Keten process (pid ${owner}). ` +
            'Stop that process, or start with another DATA_DIR, or use PostgreSQL (DATABASE_URL) to run several instances.',
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new DirectoryLockedError(`Could not lock the data directory ${directory}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
