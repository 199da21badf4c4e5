import { useMutation } from '@tanstack/react-query';
import { type ApiClient, api } from '../../api/client';

// Werkplek login, session and account endpoints (product.md §1 "Accounts and login";
// server/src/auth/routes.ts, server/src/auth/schemas.ts). Errors arrive as problem+json in the
// user's language and are shown by <ProblemAlert> or beside the field they name.

/** The logged-in session (server/src/auth/schemas.ts `sessionResponse`). */
export interface Session {
  account: {
    id: string;
    username: string;
    name: string;
    email: string;
    gebruikersnummer: number;
    /** Role code, e.g. `huisarts`. */
    role: string;
    /** The role's name in the request's language. */
    roleName: string;
    /** False for generic accounts ("poh-somatiek"): shown as "Niet persoonlijk account". */
    personal: boolean;
    organisation: { id: string; name: string; type: string };
  };
  /** First login or migrated account: only "Nieuw wachtwoord kiezen" is available. */
  mustChangePassword: boolean;
  termsAccepted: boolean;
  idleTimeoutSeconds: number;
  /** Server time at which the session ends without activity. */
  idleExpiresAt: string;
  /** Server time at which the session ends regardless. */
  expiresAt: string;
  /** The functions this role may use (server/src/access/role-functions.ts). */
  navigation: string[];
}

export interface LoginInput {
  username: string;
  password: string;
}

/** A mailed code is needed ("Verifieer"), or — in a trusted browser — the session started. */
export type LoginResponse =
  | { status: 'code-required'; maskedEmail: string; codeExpiresAt: string }
  | { status: 'logged-in'; session: Session };

export function login(input: LoginInput, client: ApiClient = api): Promise<LoginResponse> {
  return client.post<LoginResponse>('/api/werkplek/auth/login', input);
}

export function useLogin() {
  return useMutation({ mutationFn: (input: LoginInput) => login(input) });
}

/** "Verifieer": the code from the mail, for the challenge in the login cookie. */
export function verifyCode(code: string, client: ApiClient = api): Promise<{ status: 'logged-in'; session: Session }> {
  return client.post('/api/werkplek/auth/verify', { code });
}

export function useVerifyCode() {
  return useMutation({ mutationFn: (code: string) => verifyCode(code) });
}

/** The current session; also keeps it alive on the server. Rejects with a 401 ProblemError when there is none. */
export function fetchSession(client: ApiClient = api, signal?: AbortSignal): Promise<Session> {
  return client.get<Session>('/api/werkplek/auth/session', signal);
}

export function logout(client: ApiClient = api): Promise<{ status: 'ok' }> {
  return client.post('/api/werkplek/auth/logout');
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

export interface PasswordResetInput {
  token: string;
  newPassword: string;
}

/** "Wachtwoord instellen" with the token from the mailed link. */
export function resetPassword(input: PasswordResetInput, client: ApiClient = api): Promise<{ status: 'ok' }> {
  return client.post('/api/werkplek/auth/password-reset', input);
}

export function useResetPassword() {
  return useMutation({ mutationFn: (input: PasswordResetInput) => resetPassword(input) });
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Change the own password (Instellingen, and the forced change at first login). */
export function changePassword(input: ChangePasswordInput, client: ApiClient = api): Promise<{ status: 'ok' }> {
  return client.post('/api/werkplek/account/password', input);
}
