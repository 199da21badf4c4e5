import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../http/problem.js';

// The login pages exist in the web app; the real logins (Werkplek password + emailed code, patient OIDC,
// UZI client certificate) come with the identity issues. Until then these answer 501, not a fake success.
export const loginPlaceholderRoutes: FastifyPluginAsync = async (app) => {
  const notYet = () => {
    throw new AppError(501, 'login-not-available', 'error.notImplemented.title', 'login.notYetAvailable');
  };
  const hidden = { schema: { hide: true } };
  app.post('/api/werkplek/auth/login', hidden, notYet);
  app.get('/api/mijn/auth/login', hidden, notYet);
  app.get('/api/verwijzer/auth/login', hidden, notYet);
};
