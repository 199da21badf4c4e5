import { useMutation } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';

// Werkplek login endpoints (product.md §1 "Accounts and login"; server/src/auth/routes.ts).
// Errors arrive as problem+json in the user's language and are shown by <ProblemAlert>.

export interface LoginInput {
  username: string;
  password: string;
}

/**
 * The server's answer (server/src/auth/schemas.ts `loginResponse`): a mailed code is needed
 * ("Verifieer"), or — in a trusted browser — the session started. The verify step and the
 * session view are built with the login issue; only the discriminant is typed here.
 */
export type LoginResponse =
  | { status: 'code-required'; maskedEmail: string; codeExpiresAt: string }
  | { status: 'logged-in'; session: Record<string, unknown> };

export function login(input: LoginInput, client: ApiClient = api): Promise<LoginResponse> {
  return client.post<LoginResponse>('/api/werkplek/auth/login', input);
}

export function useLogin() {
  return useMutation({ mutationFn: (input: LoginInput) => login(input) });
}

export interface PasswordForgottenInput {
  username: string;
}

/** The same answer for every username, so the page reveals nothing about accounts. */
export interface PasswordForgottenResponse {
  status: 'accepted';
  /** Translated confirmation text from the server. */
  message: string;
}

/** "Verstuur mail": asks for a single-use link to set a new password. */
export function requestPasswordReset(input: PasswordForgottenInput, client: ApiClient = api): Promise<PasswordForgottenResponse> {
  return client.post<PasswordForgottenResponse>('/api/werkplek/auth/password-forgotten', input);
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (input: PasswordForgottenInput) => requestPasswordReset(input) });
}
