// Hands the build's Backend to components through React context, so tests can render any
// component with a fake backend and only the entry point imports the `@backend` alias.
import { createContext, useContext, type ReactNode } from 'react';
import type { Backend } from './types';

const BackendContext = createContext<Backend | null>(null);

export function BackendProvider({ backend, children }: { backend: Backend; children: ReactNode }) {
  return <BackendContext.Provider value={backend}>{children}</BackendContext.Provider>;
}

export function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (!backend) throw new Error('useBackend outside BackendProvider');
  return backend;
}
