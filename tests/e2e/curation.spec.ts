// Curation, end to end in Chromium against browser mode: merge two people from the duplicates panel,
// undo and redo with the keyboard, unmerge from the survivor; grade a source and watch the
// reliability filter hide it; a hostile note renders as text with no element, dialog or request.
// Waits are on DOM state, never on timers. Screenshots go to test-results/ for review.
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

/** Opens a search hit, which puts the node on the canvas and selects it. */
async function open(page: Page, query: string, label: string) {
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-results').getByRole('option', { name: new RegExp(label) }).first().click();
  await expect(page.getByTestId('inspector').locator('h3').first()).toContainText(label);
}

/** Moves focus out of text fields so Ctrl+Z reaches the app, not a field's own undo. */
async function leaveFields(page: Page) {
  await page.getByTestId('counts').click();
}

test('merge two people from the duplicates panel, undo, redo, then unmerge', async ({ page }) => {
  const marta = await api(page, 'entity.create', { kind: 'person', name: 'Marta Quell', aliases: [{ name: 'Heron', kind: 'codename' }] });
  await api(page, 'entity.create', { kind: 'person', name: 'M. Kvell', aliases: [{ name: 'Heron', kind: 'codename' }] });
  await page.reload();
  const counts = page.getByTestId('counts');
  await expect(counts).toContainText('2 people');

  await page.getByTestId('duplicates-button').click();
  const panel = page.getByTestId('duplicates-panel');
  const pair = panel.getByTestId('duplicate-pair');
  await expect(pair).toHaveCount(1);
  await expect(pair).toContainText('share the codename "Heron"');
  // put both on the canvas from the panel, to see the merge replace them
  await pair.getByRole('button', { name: 'Marta Quell' }).click();
  await pair.getByRole('button', { name: 'M. Kvell' }).click();
  const canvasNodes = page.getByTestId('canvas-nodes').locator('li');
  await expect(canvasNodes).toHaveCount(2);
  await page.screenshot({ path: 'test-results/curation-duplicates.png' });

  await pair.getByTestId('duplicate-merge').click();
  const dialog = page.getByTestId('merge-dialog');
  await dialog.getByTestId(`merge-survivor-${String(marta.id)}`).check();
  await expect(dialog.getByTestId('merge-name')).toHaveValue('Marta Quell');
  await page.screenshot({ path: 'test-results/curation-merge-dialog.png' });
  await dialog.getByTestId('merge-submit').click();
  await expect(dialog).toBeHidden();
  await expect(counts).toContainText('1 people');
  await expect(canvasNodes).toHaveCount(1);
  await expect(canvasNodes).toContainText('Marta Quell');
  await expect(panel.getByTestId('no-duplicates')).toBeVisible();
  await expect(page.getByTestId('merged-list')).toContainText('merged: M. Kvell');

  await leaveFields(page);
  await page.keyboard.press('Control+z');
  await expect(counts).toContainText('2 people');
  await expect(panel.getByTestId('duplicate-pair')).toHaveCount(1);

  await page.keyboard.press('Control+Shift+z');
  await expect(counts).toContainText('1 people');
  await expect(panel.getByTestId('no-duplicates')).toBeVisible();

  // the history panel lists the merge as redone (not undone) and refreshes on its own
  await page.getByTestId('history-button').click();
  const merge = page.getByTestId('history-entry').filter({ hasText: 'Merge 2 entities' });
  await expect(merge.first()).toHaveAttribute('data-undone', 'false');

  // unmerge at a later time, from the survivor's inspector
  await open(page, 'Marta', 'Marta Quell');
  await page.getByTestId('merged-list').getByRole('button', { name: 'Unmerge' }).click();
  await expect(counts).toContainText('2 people');
});

test('a graded source is hidden by the reliability filter and shows its grade', async ({ page }) => {
  const { proposal } = await api(page, 'import.preview', { text: 'Marta Quell met officials in Tallinn in 1989, the defector said.', title: 'Defector names minister' });
  await api(page, 'import.commit', { proposal, decisions: [] });
  await page.reload();
  await open(page, 'Defector names', 'Defector names minister');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('reliability-grade')).toHaveText('ungraded');

  await inspector.getByTestId('edit-button').click();
  await inspector.getByTestId('reliability-picker').selectOption({ label: 'E – unreliable' });
  await page.screenshot({ path: 'test-results/curation-source-edit.png' });
  await inspector.getByTestId('save-source').click();
  await expect(inspector.getByTestId('reliability-grade')).toHaveText('E – unreliable');
  const sourceNode = page.getByTestId('canvas-nodes').locator('li', { hasText: 'Defector names minister' });
  await expect(sourceNode).toContainText('[reliability E]');

  await page.getByTestId('filters-button').click();
  await page.getByTestId('filter-reliability').selectOption('C');
  const id = await sourceNode.getAttribute('data-node-id');
  await expect(page.getByTestId('filtered-out').locator(`li[data-node-id="${id}"]`)).toHaveCount(1);
  await page.getByTestId('filter-reliability').selectOption('');
  await expect(page.getByTestId('filtered-out').locator(`li[data-node-id="${id}"]`)).toHaveCount(0);
});

test('a note with <script> and a remote <img> renders as harmless text', async ({ page, network }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await api(page, 'entity.create', { kind: 'person', name: 'Oleg Varnavin', aliases: [{ name: 'Варнавин', kind: 'transliteration' }] });
  await page.reload();
  await open(page, 'Oleg', 'Oleg Varnavin');
  const inspector = page.getByTestId('inspector');

  await inspector.getByTestId('edit-button').click();
  await expect(inspector.getByTestId('entity-editor')).toBeVisible();
  await inspector.getByTestId('new-alias-name').fill('Falcon');
  await inspector.getByTestId('new-alias-kind').selectOption('codename');
  await page.screenshot({ path: 'test-results/curation-entity-edit.png' });
  await inspector.getByTestId('add-alias-button').click();
  await expect(inspector.getByRole('combobox', { name: 'Kind of Falcon' })).toHaveValue('codename');
  await inspector.getByRole('button', { name: 'Cancel' }).first().click();
  await expect(inspector.getByRole('region', { name: 'Names and aliases' })).toContainText('Falcon');

  const hostile = '<script>alert(1)</script>\n\n<img src=http://example.com/x.png>\n\n**Checked** with [the registry](http://example.com/registry)';
  await inspector.getByTestId('new-note').fill(hostile);
  await inspector.getByTestId('add-note').click();
  const note = inspector.getByTestId('note');
  await expect(note).toContainText('<script>alert(1)</script>');
  await expect(note).toContainText('<img src=http://example.com/x.png>');
  await expect(note.locator('strong')).toHaveText('Checked');
  await expect(page.locator('img')).toHaveCount(0);
  await expect(inspector.locator('script')).toHaveCount(0);

  // the link asks first; cancelling leaves nothing opened
  await note.getByRole('button', { name: 'the registry' }).click();
  await expect(page.getByTestId('link-url')).toHaveValue('http://example.com/registry');
  await page.getByTestId('link-dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('link-dialog')).toBeHidden();
  await page.screenshot({ path: 'test-results/curation-note.png' });

  // notes are searchable, and the search hit says it matched a note
  await page.getByTestId('search-input').fill('registry');
  await expect(page.getByTestId('search-results')).toContainText('Oleg Varnavin');
  expect(dialogs).toEqual([]);
  expect(network.external).toEqual([]);
});
