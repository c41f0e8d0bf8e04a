// A stand-in extractor for the pool's heap limit: a text starting with "HUGE" holds on to more
// memory than a worker may have; any other text goes to the stub extractor.
import type { ExtractOptions } from '../../../shared/extract/types';
import { extractArticle as stub } from './stub-extractor';

const held: number[][] = [];

export function extractArticle(text: string, options: ExtractOptions = {}) {
  if (text.startsWith('HUGE')) for (;;) held.push(new Array<number>(1 << 20).fill(held.length));
  return stub(text, options);
}
