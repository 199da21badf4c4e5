import { werkplekPaths } from '../navigation';
import type { LogoutReason } from './session';

/** What the login page is told: where the user was going, and why they see it. */
export interface LoginLocationState {
  from?: string;
  reason?: LogoutReason | null;
}

/** Only a page of the Werkplek itself (never another site, never a page before login). */
export function safeWerkplekPath(path: string | undefined): string | undefined {
  if (!path?.startsWith('/werkplek/') || path.startsWith('//')) return undefined;
  const publicPages: readonly string[] = [
    werkplekPaths.login,
    werkplekPaths.forgotPassword,
    werkplekPaths.setPassword,
    werkplekPaths.deregistered,
  ];
  return publicPages.some((page) => path.startsWith(page)) ? undefined : path;
}
