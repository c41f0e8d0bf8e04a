// Explore flows end to end in Chromium against browser mode (issue 4): quote → reader at the right
// sentence, filter by status, paths through a claim (gone once denials are excluded), alias from a
// reader selection found by search, and the view restored after a reload. Waits are on DOM state and
// the app's own signals (canvas-nodes data-settled, view-status data-state), never on timers.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

// the page functions below run in the browser; the spec's tsconfig has no DOM lib
declare const document: { querySelector(s: string): { textContent: string | null; dispatchEvent(e: unknown): boolean } | null; createRange(): { setStart(n: unknown, o: number): void; setEnd(n: unknown, o: number): void }; createTreeWalker(root: unknown, what: number): { nextNode(): { textContent: string | null } | null } };
declare const window: { getSelection(): { removeAllRanges(): void; addRange(r: unknown): void } };
declare const MouseEvent: new (type: string, init: object) => unknown;


async function importOfficerArticle(page: Page) {
  const { proposal } = await api<{ proposal: unknown }>(page, 'import.preview', { text: readFileSync('tests/fixtures/articles/officer-allegation.txt', 'utf8') });
  await api(page, 'import.commit', { proposal, decisions: [] });
  await expect(page.getByTestId('counts')).not.toContainText(' 0 claims');
}

async function searchAndOpen(page: Page, typed: string, expected: RegExp) {
  await page.getByTestId('search-input').fill(typed);
  await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText(expected);
  await page.getByTestId('search-input').press('Enter');
}

/** Screenshots go to the test's output folder (test-results/ by default) for review. */
const shot = (name: string) => test.info().outputPath(name);

const nodesList = (page: Page) => page.getByTestId('canvas-nodes');
const settled = (page: Page) => page.locator('[data-testid="canvas-nodes"][data-settled="true"]');

async function person(page: Page, name: string): Promise<number> {
  return (await api<{ id: number }>(page, 'entity.create', { kind: 'person', name })).id;
}

test('a claim quote opens the reader at that sentence, highlighted', async ({ page }) => {
  await importOfficerArticle(page);
  await searchAndOpen(page, 'Margaret Ell', /Margaret Ellery/);
  await expect(page.getByTestId('entity-detail')).toBeVisible();
  await page.getByTestId('graph-canvas').focus();
  await page.keyboard.press('Enter');
  await expect(nodesList(page).locator('li[data-kind="claim"]').first()).toBeAttached();
  await settled(page).waitFor();
  await page.screenshot({ path: shot('explore-canvas-light.png') });
  await page.getByRole('region', { name: 'Claims about' }).getByRole('button', { name: /recruited/ }).first().click();
  const quote = page.getByTestId('claim-detail').getByTestId('quote-link').first();
  const exact = (await quote.textContent())!.trim();
  await quote.click();
  const reader = page.getByTestId('source-reader');
  await expect(reader).toBeVisible();
  const focused = reader.locator('[data-focus="true"]');
  await expect(focused.first()).toBeInViewport();
  expect((await focused.allTextContents()).join('')).toBe(exact);
  await expect(focused.first()).toHaveClass(/flash/);
  // entity mentions and claims are highlighted in the reader too
  await expect(reader.locator('mark.hl-entity[data-kind="person"]').first()).toBeVisible();
  await settled(page).waitFor();
  await page.screenshot({ path: shot('explore-reader-light.png') });
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: shot('explore-reader-dark.png') });
  // Escape closes the reader first, then the inspector
  await page.getByTestId('graph-canvas').focus();
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await settled(page).waitFor();
  await page.screenshot({ path: shot('explore-canvas-dark.png') });
});

test('filtering by status hides exactly the claims with that status, and the chip brings them back', async ({ page }) => {
  const a = await person(page, 'Anna Petrova');
  const b = await person(page, 'Boris Kalin');
  await api(page, 'claim.create', { text: 'Anna Petrova paid Boris Kalin.', claimantId: b, status: 'unverified', roles: [{ entityId: a, role: 'subject' }] });
  await api(page, 'claim.create', { text: 'Anna Petrova met Boris Kalin in Riga.', claimantId: b, status: 'corroborated', roles: [{ entityId: a, role: 'subject' }] });
  await searchAndOpen(page, 'Anna Pet', /Anna Petrova/);
  await page.getByTestId('expand-button').click();
  await expect(nodesList(page).locator('li[data-kind="claim"]')).toHaveCount(2);
  await settled(page).waitFor();

  await page.getByTestId('filters-button').click();
  await page.getByTestId('filter-status-unverified').uncheck();
  const hidden = page.getByTestId('filtered-out').locator('li[data-node-id]');
  await expect(hidden).toHaveCount(1);
  await expect(hidden).toHaveText('Anna Petrova paid Boris Kalin.');
  await expect(page.getByTestId('filter-chips')).toContainText('Hide unverified');
  await expect(page.getByTestId('hidden-count')).toHaveText('1 hidden');
  await page.screenshot({ path: shot('explore-filtered-light.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('filter-panel')).toBeHidden();
  await page.getByRole('button', { name: 'Remove filter: Hide unverified' }).click();
  await expect(hidden).toHaveCount(0);
  await expect(page.getByTestId('filter-chips')).toBeHidden();
});

test('a path between two people runs through a claim, and not once denials are excluded', async ({ page }) => {
  const a = await person(page, 'Ivan Sorokin');
  const b = await person(page, 'Lena Mirova');
  await api(page, 'claim.create', { text: 'Ivan Sorokin denies he ever met Lena Mirova.', claimantId: a, stance: 'denies', roles: [{ entityId: b, role: 'object' }] });
  await searchAndOpen(page, 'Ivan Sor', /Ivan Sorokin/);
  await expect(nodesList(page).locator('li')).toHaveCount(1);
  await page.getByTestId('paths-button').click();
  const panel = page.getByTestId('paths-panel');
  await expect(panel.getByTestId('path-from')).toHaveAttribute('data-node-id', `e:${a}`);
  await panel.getByTestId('path-to-picker').fill('Lena');
  await page.getByRole('option', { name: /Lena Mirova/ }).click();
  await panel.getByTestId('path-find').click();
  const path = panel.getByTestId('path');
  await expect(path).toHaveCount(1);
  await expect(path.locator('li.hop')).toHaveCount(3);
  await expect(path.locator('li.hop').nth(1)).toContainText('Ivan Sorokin denies he ever met Lena Mirova.');
  // the path joined the canvas
  await expect(nodesList(page).locator('li')).toHaveCount(3);
  await settled(page).waitFor();
  await page.screenshot({ path: shot('explore-path-light.png') });

  await panel.getByTestId('path-no-denials').check();
  await panel.getByTestId('path-find').click();
  await expect(panel.getByTestId('path-none')).toBeVisible();
  await expect(path).toHaveCount(0);
});

test('text selected in the reader becomes an alias that search then finds', async ({ page }) => {
  await importOfficerArticle(page);
  await searchAndOpen(page, 'Margaret Ell', /Margaret Ellery/);
  await page.getByTestId('entity-detail').getByTestId('source-read').first().click();
  const text = page.getByTestId('reader-text');
  await expect(text).toContainText('farm delegation');
  // select the phrase as a mouse would: a DOM range over its text, then the mouseup
  await page.evaluate((phrase) => {
    const root = document.querySelector('[data-testid="reader-text"]')!;
    const full = root.textContent ?? '';
    const from = full.indexOf(phrase);
    const to = from + phrase.length;
    const walker = document.createTreeWalker(root, 4);
    const range = document.createRange();
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node.textContent ?? '').length;
      if (from >= seen && from <= seen + length) range.setStart(node, from - seen);
      if (to >= seen && to <= seen + length) { range.setEnd(node, to - seen); break; }
      seen += length;
    }
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    root.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, 'farm delegation');
  const actions = page.getByTestId('selection-actions');
  await expect(actions).toContainText('farm delegation');
  await actions.getByTestId('sel-add-alias').click();
  await expect(actions.getByTestId('sel-name')).toHaveValue('farm delegation');
  await actions.getByTestId('sel-alias-owner').fill('Margaret');
  await page.getByRole('option', { name: /Margaret Ellery/ }).click();
  await actions.getByTestId('sel-submit').click();
  await expect(actions).toBeHidden();

  await page.getByTestId('search-input').fill('farm deleg');
  await expect(page.getByTestId('search-results').getByRole('option', { name: /^Person Margaret Ellery/ })).toContainText('matched “farm delegation”');
});

test('the view (canvas, filters) is restored after a reload', async ({ page }) => {
  const a = await person(page, 'Olga Vesnina');
  const b = await person(page, 'Pavel Durak');
  await api(page, 'relation.create', { kind: 'associate_of', fromId: a, toId: b });
  await api(page, 'claim.create', { text: 'Olga Vesnina funded Pavel Durak.', claimantId: b, status: 'refuted', roles: [{ entityId: a, role: 'subject' }] });
  await searchAndOpen(page, 'Olga Ves', /Olga Vesnina/);
  await page.getByTestId('expand-button').click();
  await expect(nodesList(page).locator('li')).toHaveCount(3);
  await settled(page).waitFor();
  // back and forward through the exploration: before the expansion only Olga was on the canvas
  await expect(page.getByTestId('history-back')).toBeEnabled();
  await page.getByTestId('graph-canvas').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(nodesList(page).locator('li')).toHaveCount(1);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(nodesList(page).locator('li')).toHaveCount(3);
  await settled(page).waitFor();
  await page.getByTestId('filters-button').click();
  await page.getByTestId('filter-status-refuted').uncheck();
  await expect(page.getByTestId('filter-chips')).toContainText('Hide refuted');
  const status = page.getByTestId('view-status');
  await expect(status).toHaveAttribute('data-state', 'saved');
  const before = await nodesList(page).locator('li').evaluateAll((items) => items.map((li) => (li as unknown as { dataset: { nodeId: string } }).dataset.nodeId).sort());

  await page.reload();
  await expect(status).toHaveAttribute('data-state', /ready|saved/);
  await expect(nodesList(page).locator('li')).toHaveCount(3);
  const after = await nodesList(page).locator('li').evaluateAll((items) => items.map((li) => (li as unknown as { dataset: { nodeId: string } }).dataset.nodeId).sort());
  expect(after).toEqual(before);
  await expect(page.getByTestId('filter-chips')).toContainText('Hide refuted');
  await expect(page.getByTestId('filtered-out').locator('li[data-node-id]')).toHaveText('Olga Vesnina funded Pavel Durak.');
});
