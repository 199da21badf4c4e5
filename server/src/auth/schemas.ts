import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

export const verifyBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[0-9]{6}$/, 'field.badFormat'),
});

export const forgottenBody = z.object({ username: z.string().trim().min(1).max(200) });

export const resetBody = z.object({ token: z.string().min(20).max(200), newPassword: z.string().min(1).max(1024) });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const deregisterBody = z.object({ confirm: z.literal(true, { error: 'field.mustConfirm' }) });

export const sessionResponse = z.object({
  account: z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    email: z.string(),
    gebruikersnummer: z.number(),
    role: z.string(),
    roleName: z.string(),
    personal: z.boolean(),
    organisation: z.object({ id: z.string(), name: z.string(), type: z.string() }),
  }),
  mustChangePassword: z.boolean(),
  termsAccepted: z.boolean(),
  idleTimeoutSeconds: z.number(),
  idleExpiresAt: z.string(),
  expiresAt: z.string(),
  navigation: z.array(z.string()),
});

export const loginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('logged-in'), session: sessionResponse }),
  z.object({ status: z.literal('code-required'), maskedEmail: z.string(), codeExpiresAt: z.string() }),
]);

export const acceptedResponse = z.object({ status: z.literal('accepted'), message: z.string() });
export const okResponse = z.object({ status: z.literal('ok') });
