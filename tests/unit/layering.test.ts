// SPEC §1 layering, checked on the import graph itself (ESLint checks it too, while editing).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const LAYERS = ['shared', 'db', 'electron', 'renderer'] as const;
type Layer = (typeof LAYERS)[number];
const ALLOWED: Record<Layer, Layer[]> = {
  shared: ['shared'],
  db: ['shared', 'db'],
  electron: ['shared', 'db', 'electron'],
  renderer: ['shared', 'renderer'],
};
const NODE_ONLY = /^(node:|fs$|path$|os$|child_process$|crypto$|http$|https$|net$|worker_threads$|better-sqlite3$|electron$)/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

export function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) {
    const isTypeOnly = Boolean(match[1]);
    const target = match[2] ?? match[3];
    if (target) found.push(isTypeOnly ? `type:${target}` : target);
  }
  return found;
}

function layerOf(path: string): Layer | null {
  const top = relative(ROOT, path).split(/[\\/]/)[0];
  return (LAYERS as readonly string[]).includes(top!) ? (top as Layer) : null;
}

function violations(): string[] {
  const found: string[] = [];
  for (const layer of LAYERS) {
    for (const file of sourceFiles(join(ROOT, layer))) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const typeOnly = spec.startsWith('type:');
        const target = typeOnly ? spec.slice(5) : spec;
        const where = `${relative(ROOT, file)} imports ${target}`;
        if (target.startsWith('.')) {
          const targetLayer = layerOf(resolve(dirname(file), target));
          if (!targetLayer) continue;
          const preloadType = layer === 'renderer' && typeOnly && /electron[\\/]preload/.test(target);
          if (!ALLOWED[layer].includes(targetLayer) && !preloadType) found.push(where);
        } else if ((layer === 'shared' || layer === 'renderer') && NODE_ONLY.test(target)) {
          found.push(where);
        }
      }
    }
  }
  return found;
}

describe('layering', () => {
  it('finds imports in every syntax the code uses', () => {
    expect(importsOf(`import a from '../db/x';\nimport type { B } from "./b";\nexport * from './c';\nconst d = await import('../e');`))
      .toEqual(['../db/x', 'type:./b', './c', '../e']);
  });

  it('shared imports nothing outside shared, db only shared, renderer neither Node nor db nor electron', () => {
    expect(violations()).toEqual([]);
  });
});
