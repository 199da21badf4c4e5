import { createContext, type ReactNode, useContext } from 'react';
import type { Session } from './auth-api';

const SessionContext = createContext<Session | null>(null);

/** Given by the route guard to every page behind it: the logged-in session. */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The logged-in session. Only for pages behind `<RequireSession>`. */
export function useCurrentSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useCurrentSession() outside <RequireSession>');
  return session;
}
