import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../../http/problem.js';

// The patient (OIDC) and UZI (client certificate) logins come with the portal issues. Until then these answer 501, not a fake success.
export const loginPlaceholderRoutes: FastifyPluginAsync = async (app) => {
  const notYet = () => {
    throw new AppError(501, 'login-not-available', 'error.notImplemented.title', 'login.notYetAvailable');
  };
  const hidden = { schema: { hide: true } };
  app.get('/api/mijn/auth/login', hidden, notYet);
  app.get('/api/verwijzer/auth/login', hidden, notYet);
};
