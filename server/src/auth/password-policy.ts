import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MessageKey } from '../http/messages.js';

// NIST SP 800-63B §3.1.1.2: at least 12 characters here (stricter than the 8 minimum), no composition rules,
// refuse common and context-specific passwords. Length is counted in code points.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let commonPasswords: Set<string> | undefined;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return commonPasswords;
}

/** Returns the message key of the first rule the password breaks, or null when it is acceptable. */
export function passwordProblem(password: string, context: { username?: string } = {}): MessageKey | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password.tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'password.tooLong';
  const lower = password.toLowerCase();
  const common = loadCommonPasswords();
  if (common.has(lower)) return 'password.common';
  // "welkom123456", "dragon!!!!!!": a common word padded with digits or symbols.
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length >= 4 && common.has(core) && core.length < length / 1.5) return 'password.common';
  if (/^(.)\1+$/.test(password) || /^(.{1,4})\1+$/.test(lower)) return 'password.common';
  const name = context.username?.toLowerCase().split('.')[0];
  if (name && name.length >= 3 && lower.includes(name)) return 'password.containsUsername';
  return null;
}
