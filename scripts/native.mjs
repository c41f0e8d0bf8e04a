// `node scripts/native.mjs <node|electron>`: makes better-sqlite3's compiled binary match the
// runtime about to load it. Tests and the CLI run under Node's ABI, the desktop app under
// Electron's; the two builds overwrite each other in node_modules, so the last target is recorded
// in node_modules/.skein-native-target and a rebuild happens only when it changes (or when
// loading fails with an ABI mismatch). Without the Electron binary (CI, ELECTRON_SKIP_BINARY_DOWNLOAD)
// the electron target fails clearly and never touches the Node build.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.skein-native-target');
const target = process.argv[2];

function recorded() {
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;
}

function record(value) {
  writeFileSync(marker, `${value}\n`);
}

function run(command, args) {
  console.log(`native: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/** Loads better-sqlite3 in a child Node, so that a wrong binary cannot crash this script. */
function loadUnderNode() {
  const probe = "const Database = require('better-sqlite3'); new Database(':memory:').close();";
  const result = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  return { ok: result.status === 0, error: `${result.stderr ?? ''}${result.error?.message ?? ''}` };
}

const ABI_MISMATCH = /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application|wrong ELF class|Module did not self-register|Could not locate the bindings file/;

function forNode() {
  let load = loadUnderNode();
  if (load.ok && recorded() !== 'electron') {
    if (recorded() !== 'node') record('node');
    return 0;
  }
  if (!load.ok && !ABI_MISMATCH.test(load.error)) {
    console.error(`native: better-sqlite3 does not load under Node ${process.version}:\n${load.error.trim()}`);
    return 1;
  }
  console.log(`native: rebuilding better-sqlite3 for Node ${process.version} (${load.ok ? 'the last build was for Electron' : 'ABI mismatch'})`);
  if (!run('npm', ['rebuild', 'better-sqlite3'])) return 1;
  load = loadUnderNode();
  if (!load.ok) {
    console.error(`native: better-sqlite3 still does not load under Node after rebuilding:\n${load.error.trim()}`);
    return 1;
  }
  record('node');
  return 0;
}

/** The Electron package throws on require when its binary was not downloaded. */
function electronBinary() {
  try {
    const path = createRequire(join(root, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function forElectron() {
  if (!electronBinary()) {
    console.error([
      'native: the Electron binary is not installed on this machine (node_modules/electron has no dist/),',
      'so better-sqlite3 was NOT rebuilt for Electron and the desktop app cannot start here.',
      'Install it with a network connection ("node node_modules/electron/install.js", or "npm install" without',
      'ELECTRON_SKIP_BINARY_DOWNLOAD), or use browser mode: "npm run serve".',
    ].join('\n'));
    return 1;
  }
  if (recorded() === 'electron') return 0;
  if (!run('npx', ['electron-rebuild', '-f', '-w', 'better-sqlite3'])) {
    console.error('native: electron-rebuild failed (a C++ toolchain and Python are needed to build better-sqlite3)');
    return 1;
  }
  record('electron');
  return 0;
}

if (target === 'node') process.exitCode = forNode();
else if (target === 'electron') process.exitCode = forElectron();
else {
  console.error('Usage: node scripts/native.mjs <node|electron>');
  process.exitCode = 2;
}
