// The preload's plain name lists (shared/api/names.ts) must match the zod contract and the events
// map exactly; otherwise the desktop app would refuse a valid call or let an unknown one through.
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../shared/api/contract';
import { EVENT_NAMES } from '../../../shared/api/events';
import { EVENT_NAME_LIST, METHOD_NAMES } from '../../../shared/api/names';

function difference(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((name) => !b.includes(name)).sort();
}

describe('preload name lists', () => {
  it('list every API method of the contract and nothing else', () => {
    expect(difference(METHODS, METHOD_NAMES), 'methods missing from shared/api/names.ts').toEqual([]);
    expect(difference(METHOD_NAMES, METHODS), 'names in shared/api/names.ts that the contract does not have').toEqual([]);
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });

  it('list every push event and nothing else', () => {
    expect(difference(EVENT_NAMES, EVENT_NAME_LIST), 'events missing from shared/api/names.ts').toEqual([]);
    expect(difference(EVENT_NAME_LIST, EVENT_NAMES), 'names in shared/api/names.ts that events.ts does not have').toEqual([]);
  });
});
