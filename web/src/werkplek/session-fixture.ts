import type { Session } from './auth/auth-api';

// Sessions as the server gives them (server/src/auth/routes.ts `sessionView`), for component tests.

const gpFunctions = [
  'dashboard',
  'patient-search',
  'signals',
  'messages',
  'reports',
  'patient-add',
  'helpdesk',
  'settings',
  'zio-dashboard',
  'audit-practice',
];

type SessionOverrides = Omit<Partial<Session>, 'account'> & { account?: Partial<Session['account']> };

export function sessionFixture(overrides: SessionOverrides = {}, now = Date.now()): Session {
  const { account, ...rest } = overrides;
  return {
    account: {
      id: '1',
      username: 'huisarts.hapz',
      name: 'Jeroen de Vries',
      email: 'huisarts.hapz@keten.test',
      gebruikersnummer: 11,
      role: 'huisarts',
      roleName: 'Huisarts',
      personal: true,
      organisation: { id: '2', name: 'Huisartsenpraktijk Zonnehof', type: 'gp-practice' },
      ...account,
    },
    mustChangePassword: false,
    termsAccepted: true,
    idleTimeoutSeconds: 3 * 3600,
    idleExpiresAt: new Date(now + 3 * 3600_000).toISOString(),
    expiresAt: new Date(now + 12 * 3600_000).toISOString(),
    navigation: gpFunctions,
    ...rest,
  };
}

/** The platform administrator of the region (beheer.zorggroep). */
export function platformAdminFixture(): Session {
  return sessionFixture({
    account: {
      id: '40',
      username: 'beheer.zorggroep',
      name: 'Ingrid Bakker',
      email: 'beheer.zorggroep@keten.test',
      gebruikersnummer: 402,
      role: 'platformbeheerder',
      roleName: 'Platformbeheerder',
      organisation: { id: '1', name: 'Zorggroep Dommelstreek', type: 'care-group' },
    },
    navigation: ['dashboard', 'reports', 'helpdesk', 'settings', 'audit-platform', 'role-rights'],
  });
}

/** A dietitian: a chain partner, no GP practice functions. */
export function dietitianFixture(): Session {
  return sessionFixture({
    account: {
      id: '20',
      username: 'dietist.vitaal',
      name: 'Anouk Visser',
      email: 'dietist.vitaal@keten.test',
      gebruikersnummer: 201,
      role: 'dietist',
      roleName: 'Diëtist',
      organisation: { id: '5', name: 'Diëtistenpraktijk Vitaal', type: 'chain-partner' },
    },
    navigation: ['dashboard', 'patient-search', 'signals', 'messages', 'reports', 'helpdesk', 'settings'],
  });
}
