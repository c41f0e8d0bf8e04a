// Explore, end to end in Chromium against browser mode: an analyst adds two people, an organization
// and a relation through the UI, finds the organization by a prefix of its alias, expands it, and sees
// the member on the canvas. Waits are on DOM state (the canvas mirrors its nodes into a hidden list),
// never on timers. Screenshots of both themes are saved to test-results/ for review.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

async function addEntity(page: Page, kind: string, name: string, alias?: { name: string; kind: string }, screenshot?: string) {
  await page.getByTestId('new-entity-button').click();
  const dialog = page.getByTestId('entity-dialog');
  await dialog.getByTestId('entity-kind').selectOption(kind);
  await dialog.getByTestId('entity-name').fill(name);
  if (alias) {
    await dialog.getByTestId('add-alias').click();
    await dialog.getByTestId('alias-name-0').fill(alias.name);
    await dialog.getByTestId('alias-kind-0').selectOption(alias.kind);
  }
  if (screenshot) await page.screenshot({ path: screenshot });
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
  await page.screenshot({ path: 'test-results/explore-empty.png' });
  await addEntity(page, 'person', 'Oleg Varnavin', { name: 'Варнавин', kind: 'transliteration' });
  await addEntity(page, 'person', 'Marta Quell', { name: 'Heron', kind: 'codename' });
  await addEntity(page, 'organization', 'Committee for State Security', { name: 'KGB', kind: 'abbreviation' }, 'test-results/explore-entity-dialog.png');
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
  const settled = page.locator('[data-testid="canvas-nodes"][data-settled="true"]');
  await expect(settled).toHaveCount(1);
  const box = await canvas.boundingBox();
  const x = Number(await org.getAttribute('data-x'));
  const y = Number(await org.getAttribute('data-y'));
  await page.mouse.dblclick(box!.x + x, box!.y + y);

  const member = page.getByTestId('canvas-nodes').locator('li', { hasText: 'Oleg Varnavin' });
  await expect(member).toHaveCount(1);
  await expect(page.getByTestId('canvas-nodes').locator('li', { hasText: 'Marta Quell' })).toHaveCount(0);
  await expect(settled).toHaveCount(1);
  await page.screenshot({ path: 'test-results/explore-light.png' });

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/explore-dark.png' });
  expect(problems).toEqual([]);
});


/** Imports an article as the import screen would, accepting the proposal as it stands. */
async function importArticle(page: Page, text: string) {
  const { proposal } = await api(page, 'import.preview', { text });
  expect(await api(page, 'import.commit', { proposal, decisions: [] })).toMatchObject({ claims: expect.any(Number) });
}

/** The id of the entity called exactly `name` (a prefix search also finds longer names). */
async function entityId(page: Page, name: string): Promise<number> {
  const { hits } = (await api(page, 'search.query', { q: name, types: ['entity'] })) as { hits: { nodeId: string; label: string }[] };
  const hit = hits.find((h) => h.label === name);
  if (!hit) throw new Error(`no entity called ${name} among ${hits.map((h) => h.label).join(', ')}`);
  return Number(hit.nodeId.slice(2));
}

test('an imported allegation and its denial expand from a codename search, in both themes', async ({ page }) => {
  await importArticle(page, readFileSync('tests/fixtures/articles/officer-allegation.txt', 'utf8'));
  // the allegation as an analyst grades it: Ellery (subject) recruited by the GRU (object), which
  // the canvas must draw as a dashed "alleged" edge, never as a fact
  await api(page, 'claim.create', {
    text: 'Ellery was recruited by the GRU in 1991.', claimantId: await entityId(page, 'Ruslan Temirkhanov'), stance: 'asserts',
    predicate: 'recruited_by', aboutTime: '1991', evidenceOffered: 'none',
    roles: [{ entityId: await entityId(page, 'Margaret Ellery'), role: 'subject' }, { entityId: await entityId(page, 'GRU'), role: 'object' }],
  });
  // the status bar follows the graph.changed event the import broadcast
  await expect(page.getByTestId('counts')).not.toContainText(' 0 claims');

  const search = page.getByTestId('search-input');
  await search.fill('Vetl');
  await expect(page.getByTestId('search-results').getByRole('option').first()).toContainText('Ellery');
  await search.press('Enter');
  const settled = page.locator('[data-testid="canvas-nodes"][data-settled="true"]');
  await expect(page.getByTestId('canvas-nodes').locator('li')).toHaveCount(1);

  // keyboard expansion: Enter on the canvas expands the selected node
  await page.getByTestId('graph-canvas').focus();
  await page.keyboard.press('Enter');
  const claims = page.locator('[data-testid="canvas-nodes"] li[data-kind="claim"]');
  await expect(claims.first()).toBeAttached();
  await expect(settled).toHaveCount(1);

  // open the allegation from the inspector and expand it too: its claimant and source join
  await page.getByRole('region', { name: 'Claims about' }).getByRole('button', { name: /recruited/ }).first().click();
  await expect(page.getByTestId('claim-detail')).toBeVisible();
  await page.getByTestId('expand-button').click();
  await expect(page.locator('[data-testid="canvas-nodes"] li', { hasText: 'Temirkhanov' }).first()).toBeAttached();
  // the denial reaches the canvas as a responds_to edge from the denial to the allegation
  await expect(page.locator('[data-testid="canvas-edges"] li[data-edge-type="responds_to"]', { hasText: 'denies' }).first()).toBeAttached();
  // two claims allege it: the extracted allegation (the GRU as its object) and the analyst's own
  await expect(page.locator('[data-testid="canvas-edges"] li[data-edge-type="alleged"]', { hasText: 'Margaret Ellery — alleged: recruited by → GRU' })).toHaveCount(2);
  await expect(settled).toHaveCount(1);
  await page.screenshot({ path: 'test-results/seed-light.png' });
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: 'test-results/seed-dark.png' });
});
