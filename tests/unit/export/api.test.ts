// The export API through the real router: validated arguments, results with counts, and reader
// errors turned into invalid_arguments with the reader's message.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers';
import { richApp, tempDir } from './fixtures';

describe('export API', () => {
  it('export.run writes a snapshot that snapshot.import merges into another investigation', async () => {
    const app = await richApp();
    const path = join(tempDir(), 'a.skein.json');
    const out = await app.call('export.run', { format: 'snapshot', path });
    expect(out.counts.entities).toBe(4);
    const other = testApp();
    const imported = await other.call('snapshot.import', { path });
    expect(imported.added.entities).toBe(4);
    const again = await other.call('graph.importFile', { path });
    expect(again.kind).toBe('snapshot');
  });

  it('refuses bad arguments and bad files with readable errors', async () => {
    const app = testApp();
    await expect(app.call('export.run', { format: 'pdf' as never, path: '/tmp/x' })).rejects.toMatchObject({ code: 'invalid_arguments' });
    await expect(app.call('export.run', { format: 'graphml', path: '/no/such/folder/x.graphml' })).rejects.toThrow(/does not exist/);
    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, '{"format":"skein-snapshot","version":1,\n');
    await expect(app.call('snapshot.import', { path: bad })).rejects.toMatchObject({ code: 'invalid_arguments', message: expect.stringMatching(/truncated/) });
    await expect(app.call('graph.importFile', { path: join(tempDir(), 'none.gexf') })).rejects.toMatchObject({ code: 'not_found' });
  });
});
