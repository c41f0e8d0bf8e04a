// Exports scan the whole file: they run without memory-mapped I/O (peak RSS, S7) and put it back after.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../db/export';
import { seedLikeGraph, testApp } from '../helpers';

describe('exports and memory-mapped I/O', () => {
  it('switches mmap off while exporting and restores it, also when the export fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skein-mmap-'));
    const app = testApp(join(dir, 'case.skein'));
    await seedLikeGraph(app);
    const before = app.store.db.pragma('mmap_size', { simple: true }) as number;
    expect(before).toBeGreaterThan(0);
    let during = -1;
    const original = app.store.db.prepare.bind(app.store.db);
    app.store.db.prepare = ((sql: string) => {
      if (during < 0) during = app.store.db.pragma('mmap_size', { simple: true }) as number;
      return original(sql);
    }) as typeof app.store.db.prepare;
    runExport(app.store.db, { format: 'graphml', path: join(dir, 'out.graphml'), scope: { kind: 'investigation' }, appVersion: 't' });
    app.store.db.prepare = original;
    expect(during).toBe(0);
    expect(app.store.db.pragma('mmap_size', { simple: true })).toBe(before);
    expect(() => runExport(app.store.db, { format: 'graphml', path: join(dir, 'missing', 'x.graphml'), scope: { kind: 'investigation' }, appVersion: 't' })).toThrow();
    expect(app.store.db.pragma('mmap_size', { simple: true })).toBe(before);
  });
});
