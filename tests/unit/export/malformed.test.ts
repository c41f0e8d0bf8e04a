// Hostile and damaged snapshots: each is refused with a message a user understands, and nothing is
// written. A fuzzed corpus (random truncations and byte edits of a valid snapshot) either imports
// validly or fails cleanly with the investigation unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GraphStore } from '../../../db/store';
import { exportSnapshot } from '../../../db/snapshot/export';
import { importSnapshot } from '../../../db/snapshot/import';
import { SnapshotError } from '../../../db/snapshot/reader';
import { FIXED_NOW, richApp, tableCounts, tempDir } from './fixtures';

let valid = '';
const dir = tempDir();
beforeAll(async () => {
  const app = await richApp();
  valid = readFileSync(exportSnapshot(app.store.db, join(dir, 'valid.json'), { scope: { kind: 'investigation' }, appVersion: '1', now: FIXED_NOW }).path, 'utf8');
});

function attempt(text: string, name = 'bad.json', limits?: { maxLine: number; maxWhole: number }) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const target = new GraphStore(':memory:');
  const before = tableCounts(target);
  let error: unknown = null;
  try {
    importSnapshot(target, path, limits);
  } catch (e) {
    error = e;
  }
  return { error: error as Error | null, before, after: tableCounts(target), target };
}

function expectRefused(text: string, message: RegExp, limits?: { maxLine: number; maxWhole: number }) {
  const { error, before, after } = attempt(text, 'bad.json', limits);
  expect(error).toBeInstanceOf(SnapshotError);
  expect(error!.message).toMatch(message);
  expect(after).toEqual(before);
}

describe('malformed snapshots', () => {
  it('a truncated snapshot is refused and writes nothing', () => {
    expectRefused(valid.slice(0, Math.floor(valid.length * 0.7)), /truncated|damaged|not valid JSON/);
  });

  it('foreign JSON is not a snapshot', () => {
    expectRefused(JSON.stringify({ elements: { nodes: [] } }), /not a Skein snapshot/);
    expectRefused('not json at all', /not valid JSON/);
    expectRefused('', /empty/);
  });

  it('a newer format version asks for an update', () => {
    expectRefused(valid.replace('"version":1,', '"version":7,'), /newer Skein/);
  });

  it('wrong types are named with the record and field', () => {
    const edited = valid.replace(/"kind":"person"/, '"kind":42');
    expectRefused(edited, /Record 1 of "entities" is invalid \(kind/);
  });

  it('a huge string is refused by the line cap before it is parsed', () => {
    const huge = valid.replace('"description":""', `"description":"${'x'.repeat(5000)}"`);
    expectRefused(huge, /longer than 4000 bytes/, { maxLine: 4000, maxWhole: 1_000_000 });
  });

  it('deep nesting is refused as a wrong type, without exhausting the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expectRefused(valid.replace('"description":""', `"description":${deep}`), /invalid/);
  });

  it('a source whose text does not match its hash is refused', () => {
    expectRefused(valid.replace('Quell denied it.', 'Quell admitted it.'), /does not match its sha256/);
  });

  it('a dangling reference is refused', () => {
    expectRefused(valid.replace(/"claimant_id":1,/, '"claimant_id":999,'), /not in the snapshot/);
  });

  it('a manifest that miscounts is refused', () => {
    expectRefused(valid.replace('"entities":4', '"entities":5'), /manifest lists 5 entities/);
  });

  it('a pretty-printed snapshot (another layout, same JSON) still imports', () => {
    const { error, target } = attempt(JSON.stringify(JSON.parse(valid), null, 2), 'pretty.json');
    expect(error).toBeNull();
    expect(tableCounts(target).entity).toBe(4);
  });

  it('fuzzed truncations and edits either import validly or fail cleanly, writing nothing', () => {
    const bytes = Buffer.from(valid, 'utf8');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(bytes.length) }),
          fc.record({ kind: fc.constant('edit' as const), at: fc.nat(bytes.length - 1), byte: fc.integer({ min: 0, max: 255 }) }),
          fc.record({ kind: fc.constant('splice' as const), at: fc.nat(bytes.length), text: fc.string({ maxLength: 40 }) }),
        ),
        (mutation) => {
          let mutated: Buffer;
          if (mutation.kind === 'truncate') mutated = bytes.subarray(0, mutation.at);
          else if (mutation.kind === 'edit') { mutated = Buffer.from(bytes); mutated[mutation.at] = mutation.byte; }
          else mutated = Buffer.concat([bytes.subarray(0, mutation.at), Buffer.from(mutation.text), bytes.subarray(mutation.at)]);
          const { error, before, after } = attempt(mutated.toString('latin1') === '' ? '' : mutated.toString('utf8'), 'fuzz.json');
          if (error) {
            expect(error).toBeInstanceOf(SnapshotError);
            expect(error.message.length).toBeGreaterThan(10);
            expect(after).toEqual(before);
          } else {
            expect(after.entity).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 150, seed: 20250601 },
    );
  });
});
