import type { SessionAnswer } from '@entraide/contract';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api.ts';

interface SessionState {
  readonly session: SessionAnswer | null;
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState>({ session: null, refresh: async () => {} });

/** Loads the session once (which also gives the CSRF cookie) and lets pages refresh it. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<SessionAnswer | null>(null);
  const refresh = useCallback(async () => {
    setSession(await api<SessionAnswer>('GET', '/api/session'));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh }}>{children}</SessionContext.Provider>;
}

export const useSession = (): SessionState => useContext(SessionContext);
