/// <reference lib="dom" />
// Takes the README screenshot: imports a fictional fixture article into a fresh investigation,
// opens it in browser mode in Debian's Chromium, expands the politician and the allegation, and
// saves docs/screenshot.png. Run: npm run build:renderer && npx tsx scripts/screenshot.ts
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { GraphStore } from '../db/store';
import { createRouter } from '../electron/router';
import { startServer } from '../electron/http/server';

const ARTICLE = resolve('tests/fixtures/articles/officer-allegation.txt');
const OUT = resolve(process.argv[2] ?? 'docs/screenshot.png');

const store = new GraphStore(join(mkdtempSync(join(tmpdir(), 'skein-shot-')), 'demo.skein'));
const router = createRouter({ store, appVersion: 'screenshot' });
const { proposal } = (await router.call('import.preview', { path: ARTICLE, title: 'Ex-officer alleges senator was recruited' })) as { proposal: unknown };
await router.call('import.commit', { proposal, decisions: [] });

const server = await startServer({ store, staticDir: resolve('dist/web'), port: 0, appVersion: 'screenshot' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  await page.goto(`${server.url}?token=${server.token}`);
  const search = page.getByRole('combobox').first();
  await search.fill('Vetla');
  await page.getByRole('option').first().waitFor();
  await search.press('Enter');
  const nodes = page.locator('[data-testid="canvas-nodes"]');
  const settled = page.locator('[data-testid="canvas-nodes"][data-settled="true"]');
  const canvas = page.locator('[data-testid="graph-canvas"]');
  /** Double-clicks a node where it is drawn, and waits for the canvas to grow and settle. */
  const expand = async (selector: string) => {
    await settled.waitFor();
    const before = await nodes.locator('li').count();
    const item = nodes.locator(selector).first();
    const x = Number(await item.getAttribute('data-x'));
    const y = Number(await item.getAttribute('data-y'));
    await canvas.dblclick({ position: { x, y } });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="canvas-nodes"] li').length > n, before);
    await settled.waitFor();
  };
  await expand('li[data-kind="person"]');
  await expand('li:has-text("A retired")');
  await canvas.click({ position: { x: 5, y: 5 } });
  await settled.waitFor();
  await page.screenshot({ path: OUT });
  console.log(`saved ${OUT}`);
} finally {
  await browser.close();
  await server.close();
  store.close();
}
