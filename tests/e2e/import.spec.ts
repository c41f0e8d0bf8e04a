// Import, end to end in Chromium against browser mode: an analyst pastes a short article, reviews
// the proposal (people and claims highlighted in the text), ignores one entity, commits, and then
// finds the politician by the codename the article gave her, with the claim on the canvas. Waits are
// on DOM state only; the review screen is saved to test-results/import-review*.png for a look.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// the page functions below run in the browser; the spec's tsconfig has no DOM lib
declare const DataTransfer: new () => { items: { add(file: unknown): void } };
declare const File: new (parts: string[], name: string, options: object) => unknown;

// the first preview starts the extractor's worker pool, which takes a while on a busy 2-core machine
const FIRST_PREVIEW = { timeout: 30_000 };
test.setTimeout(60_000);

const ARTICLE = `date 2024-11-08
Former intelligence officer Viktor Halden alleged in a Facebook post that the politician Lena Morrow, codenamed "Starling", was recruited by the Caspian Intelligence Service in 1991. Halden, who served in the Caspian Intelligence Service, offered no concrete evidence. Morrow denied the allegation, dismissing it as "fake news".`;

test('a pasted article is reviewed, edited and committed, then found by its codename', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await expect(page.getByTestId('counts')).toContainText('0 people');

  await page.keyboard.press('Control+i');
  const screen = page.getByTestId('import-screen');
  await expect(screen).toBeVisible();
  await screen.getByLabel('Title (optional)').fill('Ex-officer’s post on Morrow');
  await screen.getByLabel('Text', { exact: true }).fill(ARTICLE);
  await screen.getByTestId('import-review-text').click();

  const review = screen.getByTestId('import-review');
  const entities = review.getByTestId('import-entities');
  await expect(entities).toContainText('Viktor Halden', FIRST_PREVIEW);
  await expect(entities).toContainText('Lena Morrow');
  await expect(entities).toContainText('Starling');
  const claims = review.getByTestId('import-claims').locator(':scope > li');
  await expect(claims).toHaveCount(2);
  await expect(claims.nth(0).getByLabel('Text of claim 1')).toHaveValue(/recruited by the Caspian Intelligence Service/);
  await expect(claims.nth(1)).toHaveAttribute('data-stance', 'denies');

  // highlights: each person's mentions are marked in the text, and the claims' quotes are underlined
  const text = review.getByTestId('import-text');
  await expect(text.locator('mark[data-kind="person"]', { hasText: 'Viktor Halden' })).toHaveCount(1);
  await expect(text.locator('mark[data-kind="person"]', { hasText: /^Lena Morrow$/ })).toHaveCount(1);
  await expect(text.locator('[data-stance="denies"]').first()).toBeVisible();
  const org = text.locator('mark[data-kind="organization"]');
  await expect(org).toHaveCount(2);
  await page.screenshot({ path: 'test-results/import-review.png' });

  // one decision changed: the organization is ignored, its highlights go, the rest stays
  await review.getByLabel('Decision for Caspian Intelligence Service').selectOption('ignore');
  await expect(org).toHaveCount(0);
  // Viktor Halden, Halden; Lena Morrow, "Starling", Morrow
  await expect(text.locator('mark[data-kind="person"]')).toHaveCount(5);
  await expect(review).toContainText('Will write 2 entities and 2 claims');

  // clicking a claim flashes its quote in the text
  await claims.nth(1).getByRole('button', { name: 'Claim 2: show in the text' }).click();
  await expect(text.locator('.flash')).toHaveText(['Morrow', ' denied the allegation, dismissing it as "fake news".']);

  await page.screenshot({ path: 'test-results/import-review-edited.png' });
  await review.getByTestId('import-commit').click();
  await expect(screen).toBeHidden();
  await expect(page.getByTestId('status-bar')).toContainText('Imported: 2 entities, 2 claims');
  await expect(page.getByTestId('counts')).toContainText('2 people · 0 organizations');

  // the source, its people and its claims are on the canvas
  const canvas = page.getByTestId('canvas-nodes');
  await expect(canvas.locator('li[data-kind="source"]')).toHaveCount(1);
  await expect(canvas.locator('li[data-kind="claim"]')).toHaveCount(2);
  await expect(canvas.locator('li[data-kind="person"]', { hasText: 'Lena Morrow' })).toHaveCount(1);

  // the codename from the article is now an alias of the politician
  await page.getByTestId('search-input').fill('Starling');
  const hit = page.getByTestId('search-results').getByRole('option', { name: /Lena Morrow/ });
  await expect(hit).toContainText('Starling');
  await page.getByTestId('search-input').press('Enter');
  await expect(page.getByTestId('entity-detail')).toContainText('Starling');
  expect(problems).toEqual([]);
});

test('importing the same text again says so, and cancelling writes nothing', async ({ page, skein }) => {
  await page.goto(`${skein.url}?theme=dark`); // the review in the dark theme, for the screenshot
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-textarea').fill(ARTICLE);
  await page.getByTestId('import-review-text').click();
  await expect(page.getByTestId('import-review')).toBeVisible(FIRST_PREVIEW);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-screen')).toBeHidden();
  const before = skein.store.read((db) => db.prepare('SELECT (SELECT count(*) FROM source) s, (SELECT count(*) FROM claim) c').get());

  await page.getByTestId('import-button').click();
  await page.getByTestId('import-textarea').fill(ARTICLE);
  await page.getByTestId('import-review-text').click();
  await expect(page.getByTestId('duplicate-banner')).toContainText('already imported');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/import-review-dark.png' });
  await page.getByLabel('Decision for Viktor Halden').selectOption('ignore');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('import-screen')).toBeHidden();
  expect(skein.store.read((db) => db.prepare('SELECT (SELECT count(*) FROM source) s, (SELECT count(*) FROM claim) c').get())).toEqual(before);
});

/** Drops text files on the window, as a file manager would. */
async function dropFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return transfer;
  }, files);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

test('files dropped on the window are imported all at once, with failures listed', async ({ page }) => {
  await dropFiles(page, [
    { name: 'halden-post.txt', text: ARTICLE },
    { name: 'scan.pdf', text: '%PDF-1.7 binary' },
    { name: 'second.md', text: 'Analyst Petra Voss said that the Nordmark Bank paid Lena Morrow in 2019.' },
  ]);

  const screen = page.getByTestId('import-screen');
  // binary documents are sent as bytes for the main process's PDF reader, which refuses this fake one
  await expect(screen.getByTestId('import-file-list')).toContainText('scan.pdf');
  await screen.getByRole('button', { name: 'Import all (auto-accept)' }).click();
  const summary = screen.getByTestId('import-batch-summary');
  await expect(summary).toBeVisible(FIRST_PREVIEW);
  await expect(summary).toContainText('2 imported, 0 skipped (already imported), 1 failed');
  await expect(summary).toContainText('scan.pdf');
  await expect(screen.getByTestId('import-progress')).toHaveAttribute('value', '3');
  await screen.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(screen).toBeHidden();
  await expect(page.getByTestId('counts')).toContainText('2 sources');
  await expect(page.getByTestId('canvas-nodes').locator('li[data-kind="source"]')).toHaveCount(2);
});

test('"Import all" goes on in the background while the analyst searches, and its summary is one click away', async ({ page }) => {
  await dropFiles(page, Array.from({ length: 6 }, (_, i) => ({
    name: `wire-${i + 1}.txt`,
    text: `Analyst Petra Voss said on Monday that the Nordmark Bank paid Lena Morrow ${i + 1} million in 201${i}. Morrow denied it.`,
  })));
  const screen = page.getByTestId('import-screen');
  await expect(screen.getByTestId('import-file-list')).toContainText('wire-6.txt');
  await screen.getByRole('button', { name: 'Import all (auto-accept)' }).click();
  await screen.getByRole('button', { name: 'Continue in the background' }).click();
  await expect(screen).toBeHidden();
  // the window is the analyst's again: search works while the pill follows the import
  const pill = page.getByTestId('import-indicator');
  await expect(pill).toBeVisible();
  // once a file is in, its people can be searched
  await expect(pill).toContainText(/Importing [1-5] of 6 files|Import finished/, FIRST_PREVIEW);
  await page.getByTestId('search-input').fill('Voss');
  await expect(page.getByTestId('search-results')).toContainText('Petra Voss', FIRST_PREVIEW);
  await expect(pill).toContainText('Import finished: 6 imported', FIRST_PREVIEW);
  await expect(page.getByTestId('counts')).toContainText('6 sources');
  await pill.getByRole('button', { name: 'Summary' }).click();
  await expect(page.getByTestId('import-batch-summary')).toContainText('6 imported, 0 skipped (already imported), 0 failed');
  await page.getByTestId('import-screen').getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('import-screen')).toBeHidden();
  await expect(pill).toBeHidden();
});
