// Bundles the Electron main process and the preload with esbuild: one CommonJS file each in
// dist-electron/ (or `--outdir DIR`: the tests run the bundled import process from there).
// `electron` is provided by the runtime and better-sqlite3 is a native module loaded from
// node_modules (unpacked from the asar), so both stay external, as pdf.js does (below). The preload
// is checked to stay small: it runs in every window's sandbox and must not pull in zod or the handlers.
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD_BUDGET_BYTES = 16 * 1024;
const flag = process.argv.indexOf('--outdir');
const out = flag > 0 && process.argv[flag + 1] ? resolve(process.argv[flag + 1]) : join(root, 'dist-electron');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // pdf.js loads its DOM geometry stand-ins (@napi-rs/canvas) relative to its own file, which a
  // bundle cannot give it: it is imported from node_modules when the first PDF is read
  external: ['electron', 'better-sqlite3', 'pdfjs-dist', '@napi-rs/canvas'],
  sourcemap: true,
  logLevel: 'warning',
  // modules shared with the ESM dev runners (tsx) fall back to __filename when import.meta is empty
  logOverride: { 'empty-import-meta': 'silent' },
  absWorkingDir: root,
};

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: join(out, 'main.cjs') });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: join(out, 'preload.cjs') });
// The import pipeline's worker threads look for a compiled extract-worker.cjs beside the main
// bundle (electron/import/extract-pool.ts); without it, extraction falls back to the main thread.
if (existsSync(join(root, 'electron/import/extract-worker.ts'))) {
  await build({ ...common, entryPoints: ['electron/import/extract-worker.ts'], outfile: join(out, 'extract-worker.cjs') });
}
// A batch import runs in a child process (electron/import/batch-process.ts), which looks for a
// compiled batch-child.cjs beside the main bundle; without it, the batch runs in the main process.
if (existsSync(join(root, 'electron/import/batch-child.ts'))) {
  await build({ ...common, entryPoints: ['electron/import/batch-child.ts'], outfile: join(out, 'batch-child.cjs') });
}

const preloadSize = statSync(join(out, 'preload.cjs')).size;
if (preloadSize > PRELOAD_BUDGET_BYTES) {
  console.error(`build-electron: dist-electron/preload.cjs is ${preloadSize} bytes (budget ${PRELOAD_BUDGET_BYTES}): it imports something heavy`);
  process.exit(1);
}
console.log(`build-electron: ${join(out, 'main.cjs')}, preload.cjs (${preloadSize} bytes), extract-worker.cjs, batch-child.cjs`);
