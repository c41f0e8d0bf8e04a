// The extractor pool's heap limit: a worker that runs out of memory costs neither the file (it is
// extracted again in this thread) nor the workers (a new one takes the next file). Its priority:
// extraction yields the cores to the app's own threads.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ExtractorPool } from '../../../electron/import/extract-pool';
import { EXTRACTOR_NICE } from '../../../electron/import/extract-worker';
import { threadNice } from './nice-extractor';
import { extractArticle } from './stub-extractor';

const pools: ExtractorPool[] = [];
afterAll(async () => Promise.all(pools.map((p) => p.close())));

describe('ExtractorPool heap limit', () => {
  it('extracts a text too big for a worker in this thread, then goes on with a new worker', async () => {
    const inThread: string[] = [];
    const pool = new ExtractorPool({
      size: 1, heapMb: 64, extractorModule: pathToFileURL(join(import.meta.dirname, 'hungry-extractor.ts')).href,
      inThread: async () => (text, options) => {
        inThread.push(text.slice(0, 4));
        return extractArticle(text.replace(/^HUGE/, ''), options);
      },
    });
    pools.push(pool);
    expect((await pool.extract('Ivo Kask said so.', {})).entities.map((e) => e.name)).toEqual(['Ivo Kask']);
    const huge = await pool.extract('HUGE Lena Ots denied it.', {});
    expect(huge.entities.map((e) => e.name)).toEqual(['Lena Ots']);
    expect(inThread).toEqual(['HUGE']);
    const after = await pool.extract('Anna Berg said so.', {});
    expect(after.entities.map((e) => e.name)).toEqual(['Anna Berg']);
    expect(inThread).toEqual(['HUGE']); // not in this thread: a worker again
    expect(pool.mode).toBe('workers');
    expect(pool.fallbackReason).toBeNull();
  }, 60_000);
});

describe('ExtractorPool priority', () => {
  it('runs extraction in a thread at a lower priority, leaving this thread as it was', async () => {
    const before = threadNice();
    const pool = new ExtractorPool({ size: 1, extractorModule: pathToFileURL(join(import.meta.dirname, 'nice-extractor.ts')).href });
    pools.push(pool);
    const { metadata } = await pool.extract('Ivo Kask said so.', {});
    expect(pool.mode).toBe('workers');
    // only Linux gives a thread a nice value of its own; elsewhere the worker is left alone
    if (process.platform === 'linux') expect(metadata.title).toBe(String(Math.max(before!, EXTRACTOR_NICE)));
    expect(threadNice()).toBe(before);
  }, 60_000);
});
