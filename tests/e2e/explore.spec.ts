// Explore, end to end in Chromium against browser mode: an analyst adds two people, an organization
// and a relation through the UI, finds the organization by a prefix of its alias, expands it, and sees
// the member on the canvas. Waits are on DOM state (the canvas mirrors its nodes into a hidden list),
// never on timers. Screenshots of both themes are saved to test-results/ for review.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function addEntity(page: Page, kind: string, name: string, alias?: { name: string; kind: string }) {
  await page.getByTestId('new-entity-button').click();
  const dialog = page.getByTestId('entity-dialog');
  await dialog.getByTestId('entity-kind').selectOption(kind);
  await dialog.getByTestId('entity-name').fill(name);
  if (alias) {
    await dialog.getByTestId('add-alias').click();
    await dialog.getByTestId('alias-name-0').fill(alias.name);
    await dialog.getByTestId('alias-kind-0').selectOption(alias.kind);
  }
  await dialog.getByTestId('entity-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('canvas-nodes').getByText(name)).toHaveCount(1);
}

async function pick(page: Page, testId: string, typed: string, expected: string) {
  await page.getByTestId(testId).fill(typed);
  await page.getByRole('option', { name: new RegExp(expected) }).click();
  await expect(page.getByTestId(`${testId}-picked`)).toContainText(expected);
}

test('an organization found by an alias prefix expands to show its member', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));

  await expect(page.getByTestId('empty-state')).toContainText('empty');
  await addEntity(page, 'person', 'Oleg Varnavin', { name: 'Варнавин', kind: 'transliteration' });
  await addEntity(page, 'person', 'Marta Quell', { name: 'Heron', kind: 'codename' });
  await addEntity(page, 'organization', 'Committee for State Security', { name: 'KGB', kind: 'abbreviation' });
  await expect(page.getByTestId('counts')).toContainText('2 people · 1 organizations');

  await page.getByTestId('new-relation-button').click();
  const relation = page.getByTestId('relation-dialog');
  await pick(page, 'relation-from', 'Oleg', 'Oleg Varnavin');
  await relation.getByTestId('relation-kind').selectOption('member_of');
  await pick(page, 'relation-to', 'Committ', 'Committee for State Security');
  await relation.getByTestId('relation-submit').click();
  await expect(relation).toBeHidden();
  await expect(page.getByTestId('counts')).toContainText('1 relations');

  // start from an empty canvas so only the search and the expansion can bring nodes back
  await page.getByRole('button', { name: 'Clear' }).click();
  const canvasNodes = page.getByTestId('canvas-nodes').locator('li');
  await expect(canvasNodes).toHaveCount(0);

  const search = page.getByTestId('search-input');
  await search.fill('KG');
  const hit = page.getByTestId('search-results').getByRole('option', { name: /Committee for State Security/ });
  await expect(hit).toContainText('matched “KGB”');
  await search.press('Enter');
  const org = page.locator('[data-testid="canvas-nodes"] li[data-kind="organization"]');
  await expect(org).toHaveCount(1);
  await expect(canvasNodes).toHaveCount(1);
  await expect(page.getByTestId('entity-detail')).toContainText('KGB');

  // double-click the node where the canvas drew it, once its layout and centring have settled
  const canvas = page.getByTestId('graph-canvas');
  await expect(canvas).toHaveAttribute('data-layout', 'idle');
  const box = await canvas.boundingBox();
  const x = Number(await org.getAttribute('data-x'));
  const y = Number(await org.getAttribute('data-y'));
  await page.mouse.dblclick(box!.x + x, box!.y + y);

  const member = page.getByTestId('canvas-nodes').locator('li', { hasText: 'Oleg Varnavin' });
  await expect(member).toHaveCount(1);
  await expect(page.getByTestId('canvas-nodes').locator('li', { hasText: 'Marta Quell' })).toHaveCount(0);
  await expect(canvas).toHaveAttribute('data-layout', 'idle');
  await page.screenshot({ path: 'test-results/explore-light.png' });

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/explore-dark.png' });
  expect(problems).toEqual([]);
});
