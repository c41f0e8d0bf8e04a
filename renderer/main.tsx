// Entry point: picks up the build's Backend (the `@backend` alias) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { backend } from '@backend';
import { BackendProvider } from './backend/context';
import { App } from './app/App';
import { useSkein } from './state/store';
import { installPerfHook } from './perf/hook';
import './styles.css';

function initialTheme(): 'light' | 'dark' {
  try {
    const saved = localStorage.getItem('skein.theme');
    if (saved === 'light' || saved === 'dark') return saved;
  } catch { /* no storage: fall back to the system preference */ }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

useSkein.getState().setTheme(initialTheme());
// `?theme=dark` lets screenshots and demos pick a theme without touching storage
const forced = new URLSearchParams(location.search).get('theme');
if (forced === 'light' || forced === 'dark') useSkein.getState().setTheme(forced);

installPerfHook(backend);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <BackendProvider backend={backend}>
      <App />
    </BackendProvider>
  </StrictMode>,
);
