// Leading metadata lines become source metadata; offsets then point into the body.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract/index';
import { parseHead } from '../../../shared/extract/metadata';
import { entity, expectSpansExact, fixture } from './helpers';

describe('metadata head', () => {
  it('reads a date glued to the first sentence', () => {
    const h = parseHead('date 2025-01-09 The harbour master resigned.');
    expect(h.metadata.publishedAt).toBe('2025-01-09');
    expect(h.body).toBe('The harbour master resigned.');
  });

  it('reads Title, date and By lines and finds the dateline', () => {
    const x = extractArticle(fixture('sanctions-network.txt'));
    expect(x.metadata.title).toBe('Freighter owner linked to blacklisted broker');
    expect(x.metadata.publishedAt).toBe('2023-06-02');
    expect(x.text.startsWith('TALLINN —')).toBe(true);
    expect(entity(x, 'TALLINN').kind).toBe('place');
    expect(parseHead('By Jane Roe\nHeavy rain fell.').metadata.author).toBe('Jane Roe');
  });

  it('keeps metadata given by the caller', () => {
    expect(parseHead('Some text.', { url: 'https://example.org/a' }).metadata.url).toBe('https://example.org/a');
  });

  it('leaves text without metadata alone', () => {
    const x = extractArticle('Dating apps grew in 2019.');
    expect(x.metadata.publishedAt).toBeNull();
    expect(x.text).toBe('Dating apps grew in 2019.');
  });
});

describe('sanctions article', () => {
  const x = extractArticle(fixture('sanctions-network.txt'));

  it('links an acronym in brackets and a trade name to their bodies', () => {
    expect(entity(x, 'Estonian Financial Supervision Authority').aliases).toContainEqual({ name: 'EFSA', kind: 'abbreviation' });
    expect(entity(x, 'Greywater Maritime Ltd').aliases.map((a) => a.name)).toContain('Northgate Bunkering');
  });

  it('keeps brothers with one surname apart', () => {
    expect(entity(x, 'Oskar Pihlak').key).not.toBe(entity(x, 'Mart Pihlak').key);
  });

  it('reads reported, denied, suspected and unclear claims', () => {
    const oskar = entity(x, 'Oskar Pihlak').key;
    expect(x.claims.find((c) => c.claimantLabel?.startsWith('Documents seen'))?.stance).toBe('reports');
    expect(x.claims.some((c) => c.claimantKey === oskar && c.stance === 'denies')).toBe(true);
    expect(x.claims.find((c) => c.text.includes('is suspected'))?.stance).toBe('reports');
    const unclear = x.claims.find((c) => c.text.startsWith('It remains unclear'));
    expect(unclear?.stance).toBe('questions');
    expect(unclear?.claimantKey).toBeNull();
    expect(x.claims.find((c) => c.text.startsWith('The authority said'))?.claimantKey).toBe(entity(x, 'Estonian Financial Supervision Authority').key);
    expect(expectSpansExact(x)).toEqual([]);
  });
});
