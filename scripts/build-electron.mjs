// Bundles the Electron main process and the preload with esbuild: one CommonJS file each in
// dist-electron/. `electron` is provided by the runtime and better-sqlite3 is a native module
// loaded from node_modules (unpacked from the asar), so both stay external. The preload is checked
// to stay small: it runs in every window's sandbox and must not pull in zod or the handlers.
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD_BUDGET_BYTES = 16 * 1024;

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', 'better-sqlite3'],
  sourcemap: true,
  logLevel: 'warning',
  // modules shared with the ESM dev runners (tsx) fall back to __filename when import.meta is empty
  logOverride: { 'empty-import-meta': 'silent' },
  absWorkingDir: root,
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
// The import pipeline's worker threads look for a compiled extract-worker.cjs beside the main
// bundle (electron/import/extract-pool.ts); without it, extraction falls back to the main thread.
if (existsSync(join(root, 'electron/import/extract-worker.ts'))) {
  await build({ ...common, entryPoints: ['electron/import/extract-worker.ts'], outfile: 'dist-electron/extract-worker.cjs' });
}

const preloadSize = statSync(join(root, 'dist-electron/preload.cjs')).size;
if (preloadSize > PRELOAD_BUDGET_BYTES) {
  console.error(`build-electron: dist-electron/preload.cjs is ${preloadSize} bytes (budget ${PRELOAD_BUDGET_BYTES}): it imports something heavy`);
  process.exit(1);
}
console.log(`build-electron: dist-electron/main.cjs, dist-electron/preload.cjs (${preloadSize} bytes)`);
