// Fixture loading and lookups shared by the extractor tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedEntity, Extraction } from '../../../shared/extract/types';

export const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/articles', name), 'utf8');

export function entity(x: Extraction, name: string): ExtractedEntity {
  const found = x.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity "${name}" in ${x.entities.map((e) => e.name).join(', ')}`);
  return found;
}

/** Every mention, claim and relation span must cut out exactly what it says. */
export function expectSpansExact(x: Extraction): string[] {
  const bad: string[] = [];
  for (const e of x.entities) for (const m of e.mentions) if (x.text.slice(m.start, m.end) !== m.text) bad.push(`${e.name}: ${m.text}`);
  for (const c of x.claims) if (c.span.end <= c.span.start || !x.text.slice(c.span.start, c.span.end).includes(c.text.slice(0, 20))) bad.push(`claim ${c.key}`);
  return bad;
}
