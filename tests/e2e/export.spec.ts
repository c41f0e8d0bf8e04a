// Export, end to end in Chromium against browser mode: a small investigation is put on the canvas
// through search and expansion, then exported from File → Export as PNG (1× and 2×), SVG, GraphML
// and the HTML report; each arrives as a real browser download and is checked by reading the file
// (PNG header, parsed SVG and GraphML, report text and picture). The PNG and a rendering of the
// report are kept in test-results/ for review. Waits are on downloads and DOM state, never timers.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createRouter } from '../../electron/router';
import { seedLikeGraph } from '../unit/helpers';
import { expect, test, type SkeinFixture } from './fixtures';

async function seed(skein: SkeinFixture): Promise<void> {
  const router = createRouter({ store: skein.store, appVersion: '0.0.0-e2e' });
  await seedLikeGraph({ store: skein.store, router, call: (method, args) => router.call(method, args) as never });
}

/** Puts the minister on the canvas by search, then expands her (Enter on the canvas). */
async function openMinister(page: Page): Promise<void> {
  await page.getByTestId('search-input').fill('Marta');
  // the claims that name her match too; the entity's option is the one whose label is her name
  await page.getByTestId('search-results').getByRole('option', { name: 'Person Marta Quell' }).click();
  const nodes = page.getByTestId('canvas-nodes').locator('li');
  await expect(nodes).toHaveCount(1);
  await page.getByTestId('graph-canvas').focus();
  await page.getByTestId('graph-canvas').press('Enter');
  await expect(nodes).not.toHaveCount(1);
  await expect(page.locator('[data-testid="canvas-nodes"][data-settled="true"]')).toHaveCount(1);
}

/** Runs one export from the dialog and returns the browser download and the result line. */
async function exportAs(page: Page, format: string, options: { scale?: string } = {}): Promise<{ download: Download; bytes: Buffer; line: string }> {
  const dialog = page.getByTestId('export-dialog');
  if (!(await dialog.isVisible())) await page.getByTestId('export-button').click();
  await dialog.getByTestId('export-format').selectOption(format);
  if (options.scale) await dialog.getByTestId('export-scale').selectOption(options.scale);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  await expect(dialog.getByTestId('export-result')).toContainText('Saved');
  const path = `test-results/export-${options.scale ? `${options.scale}x-` : ''}${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { download, bytes: readFileSync(path), line: (await dialog.getByTestId('export-result').textContent()) ?? '' };
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the view exports as PNG at 1× and 2× and as SVG with its labels', async ({ page, skein }) => {
  await seed(skein);
  await openMinister(page);
  // "person: Marta Quell" → the first words of the label (long claim labels wrap over several lines)
  const labels = (await page.getByTestId('canvas-nodes').locator('li').allTextContents())
    .map((t) => t.slice(t.indexOf(':') + 1).trim().split(/\s+/).slice(0, 3).join(' '));
  expect(labels.length).toBeGreaterThan(1);

  const one = await exportAs(page, 'png', { scale: '1' });
  const two = await exportAs(page, 'png', { scale: '2' });
  expect(two.download.suggestedFilename()).toMatch(/-view-\d{4}-\d{2}-\d{2}\.png$/);
  const size1 = pngSize(one.bytes);
  const size2 = pngSize(two.bytes);
  // 2× is exactly twice 1× (the margin scales too), and the file is the size the dialog reported
  expect(size2).toEqual({ width: 2 * size1.width, height: 2 * size1.height });
  expect(two.line).toContain(`${size2.width} × ${size2.height} px`);
  // the whole drawing with its margin: wider than the canvas's spread of node centres
  const xs = await page.getByTestId('canvas-nodes').locator('li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-x'))));
  expect(size1.width).toBeGreaterThan(Math.max(...xs) - Math.min(...xs));
  expect(two.bytes.length).toBeGreaterThan(2000);

  const svg = await exportAs(page, 'svg');
  const text = svg.bytes.toString('utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  const root = new XMLParser({ ignoreAttributes: false }).parse(text) as { svg: Record<string, string> };
  expect(root.svg['@_viewBox']).toMatch(/^-24 -24 /);
  for (const label of labels) expect(text).toContain(`>${label}`);
  expect(text).toContain('>Marta Quell</text>');
});

test('GraphML and the HTML report of the view download with their content', async ({ page, skein, browser }) => {
  await seed(skein);
  await openMinister(page);

  const graphml = await exportAs(page, 'graphml');
  expect(graphml.download.suggestedFilename()).toMatch(/-view-\d{4}-\d{2}-\d{2}\.graphml$/);
  const text = graphml.bytes.toString('utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text).toContain('<graphml');
  expect(text).toContain('Marta Quell');
  expect(graphml.line).toMatch(/\d+ nodes/);

  const report = await exportAs(page, 'report');
  const html = report.bytes.toString('utf8');
  expect(html).toContain('Marta Quell was recruited by the KGB in 1989.');
  expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);

  // a second download of the same id is refused: the server handed the file over once
  const again = await page.request.get(report.download.url());
  expect(again.status()).toBe(404);

  // how the report reads when opened: rendered in Chromium, kept for review
  const viewer = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await viewer.setContent(html);
  await expect(viewer.locator('img').first()).toBeVisible();
  expect(await viewer.locator('img').first().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);
  await viewer.screenshot({ path: 'test-results/export-report.png', fullPage: true });
  await viewer.close();
});
