import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { createRouter } from '../../../electron/router';

describe('two processes on one investigation', () => {
  it('each sees the other\'s committed changes, and a stale edit is refused, not overwritten', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'skein-two-')), 'inv.skein');
    const desktop = new GraphStore(path);
    const browser = new GraphStore(path);
    const a = createRouter({ store: desktop, appVersion: 't' });
    const b = createRouter({ store: browser, appVersion: 't' });
    const seen: string[] = [];
    desktop.onChange((e) => seen.push(e.action));
    expect(desktop.checkExternalChanges()).toBe(false);

    const person = (await a.call('entity.create', { kind: 'person', name: 'Lena Roos' })) as { id: number; version: number };
    expect(desktop.checkExternalChanges()).toBe(false); // its own write is not external
    await b.call('entity.update', { id: person.id, version: person.version, patch: { description: 'from the browser' } });
    expect(desktop.checkExternalChanges()).toBe(true);
    expect(seen).toEqual(['entity.create', 'external']);

    await expect(a.call('entity.update', { id: person.id, version: person.version, patch: { description: 'from the desktop' } }))
      .rejects.toMatchObject({ code: 'stale' });
    const detail = (await a.call('entity.get', { id: person.id })) as { entity: { description: string } };
    expect(detail.entity.description).toBe('from the browser');
    desktop.close();
    browser.close();
  });
});
