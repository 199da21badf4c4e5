import { ensureWebBuild } from './web-build';

// Runs once before all test files. Against an external server (E2E_BASE_URL) there is nothing to build.
export default async function setup(): Promise<void> {
  if (!process.env.E2E_BASE_URL) await ensureWebBuild();
}
