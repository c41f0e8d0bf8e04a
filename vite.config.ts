// Builds the renderer twice, chosen by mode: the default ('web') build talks HTTP to the browser-mode
// server, `--mode electron` talks to the preload bridge. The `@backend` alias is the only difference,
// so no component ever asks "am I in Electron?". Relative base: the desktop app loads from files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(({ mode }) => {
  const electron = mode === 'electron';
  return {
    root: here('./renderer'),
    base: './',
    plugins: [react()],
    resolve: {
      alias: {
        '@backend': here(electron ? './renderer/backend/electron.ts' : './renderer/backend/http.ts'),
      },
    },
    // the layout worker is an ES module like the app (CSP script-src 'self': no blob: workers)
    worker: { format: 'es' },
    build: {
      outDir: here(electron ? './dist/electron' : './dist/web'),
      emptyOutDir: true,
      // no inline scripts or data: modules (CSP script-src 'self'); small assets stay files too
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 1500,
    },
  };
});
