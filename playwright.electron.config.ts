// The desktop suite (`npm run test:electron`): Playwright drives the real Electron app built by
// `npm run build`. It runs only where the Electron binary exists; elsewhere the global setup stops
// the run with a message saying it was NOT run (never a skip, never a pass). Not part of npm test.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  globalSetup: './tests/electron/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
