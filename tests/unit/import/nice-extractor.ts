// A stand-in extractor for the pool's priority test: the extraction's title is the nice value of the
// thread that ran it, as the kernel reports it (/proc/thread-self/stat, field 19), or "n/a" off Linux.
import { readFileSync } from 'node:fs';
import type { ExtractOptions } from '../../../shared/extract/types';
import { extractArticle as stub } from './stub-extractor';

/** This thread's nice value from the kernel, or null where there is no /proc. */
export function threadNice(): number | null {
  try {
    // the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  } catch {
    return null;
  }
}

export function extractArticle(text: string, options: ExtractOptions = {}) {
  const extraction = stub(text, options);
  return { ...extraction, metadata: { ...extraction.metadata, title: String(threadNice() ?? 'n/a') } };
}
