import { describe, expect, it } from 'vitest';
import { newUid, sortableUid } from '../../../db/rows';

describe('uids', () => {
  it('are 22 URL-safe characters and unique', () => {
    const uids = Array.from({ length: 5000 }, () => newUid());
    for (const uid of uids) expect(uid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('sort by creation time, so new rows append to the uid index', () => {
    const random = new Uint8Array(11).fill(255);
    const zero = new Uint8Array(11);
    const times = [0, 1, 63, 64, 4095, Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 1) + 1, Date.UTC(2100, 0, 1)];
    for (let i = 1; i < times.length; i++) {
      // a later time sorts after an earlier one whatever the random part
      expect(sortableUid(times[i]!, zero) > sortableUid(times[i - 1]!, random)).toBe(true);
    }
  });
});
