// A large canvas stays responsive: its first layout runs in a worker (allowed by the page's CSP),
// and the nodes settle with distinct positions.
import { api, expect, test } from './fixtures';

test('a 450-node canvas is laid out in a worker and settles', async ({ page, skein, network }) => {
  const hub = await api<{ id: number }>(page, 'entity.create', { kind: 'organization', name: 'Meridian Holdings' });
  skein.store.write({ action: 'test', summary: 'many neighbours' }, (db) => {
    const insert = db.prepare("INSERT INTO entity (uid, kind, name, created_at, updated_at) VALUES (?, 'person', ?, 1, 1)");
    const relate = db.prepare("INSERT INTO relation (uid, kind, from_id, to_id, created_at, updated_at) VALUES (?, 'works_for', ?, ?, 1, 1)");
    for (let i = 0; i < 450; i++) {
      const id = Number(insert.run(`u-${i}`, `Employee ${i}`).lastInsertRowid);
      relate.run(`r-${i}`, id, hub.id);
    }
  });
  // the whole neighbourhood, in pages, straight onto an empty canvas
  const ids: string[] = [`e:${hub.id}`];
  for (let offset = 0; offset < 450; offset += 150) {
    const page1 = await api<{ nodes: { id: string }[] }>(page, 'graph.neighborhood', { id: `e:${hub.id}`, limit: 150, offset });
    ids.push(...page1.nodes.map((n) => n.id).filter((id) => !ids.includes(id)));
  }
  // a saved view of all of them, restored on open: a fresh canvas of 451 nodes
  await api(page, 'view.save', { view: { nodeIds: ids } });
  await page.reload();
  await expect(page.locator('[data-testid="canvas-nodes"] li')).toHaveCount(451, { timeout: 30_000 });
  const settled = page.locator('[data-testid="canvas-nodes"][data-settled="true"]');
  await expect(settled).toHaveCount(1, { timeout: 30_000 });
  expect(network.requests.some((url) => /layout\.worker-[\w-]+\.js$/.test(url))).toBe(true);
  const spots = await page.locator('[data-testid="canvas-nodes"] li').evaluateAll((items) => items.map((li) => `${li.getAttribute('data-x')},${li.getAttribute('data-y')}`));
  expect(new Set(spots).size).toBeGreaterThan(400);
  expect(network.external).toEqual([]);
  await page.screenshot({ path: 'test-results/large-canvas.png' });
});
