// Refuses to run the desktop suite where it cannot run: without the Electron binary, or without
// the bundles `npm run build` makes. Failing here (rather than skipping) keeps "not run" from ever
// being read as "passed".
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export function electronBinary(): string | null {
  try {
    const path = createRequire(join(process.cwd(), 'package.json'))('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export default function globalSetup(): void {
  if (!electronBinary()) {
    throw new Error(
      'The desktop (Electron) suite was NOT run: the Electron binary is absent on this machine '
      + '(node_modules/electron was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). '
      + 'Run it where Electron is installed: npm run test:electron',
    );
  }
  for (const file of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/electron/index.html']) {
    if (!existsSync(file)) throw new Error(`The desktop suite was NOT run: ${file} is missing; run "npm run build" first`);
  }
}
