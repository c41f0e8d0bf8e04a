// Names across scripts, the investigation's known entities, and surnames shared by relatives.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract/index';
import { entity, fixture } from './helpers';

describe('names', () => {
  it('folds a Cyrillic spelling into the Latin name', () => {
    const x = extractArticle(fixture('cyrillic-names.txt'));
    const coach = entity(x, 'Anatoly Vereshchagin');
    expect(coach.aliases).toContainEqual({ name: 'Анатолий Верещагин', kind: 'transliteration' });
    expect(coach.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Верещагин', 'Vereshchagin']));
    expect(x.entities.filter((e) => e.kind === 'person')).toHaveLength(1);
    expect(entity(x, 'Volga Ski Federation').kind).toBe('organization');
  });

  it('recognises known entities first and links them', () => {
    const known = [
      { id: 41, kind: 'organization' as const, name: 'Harbour Watch', aliases: [{ name: 'the Watch', kind: 'alias' as const }] },
      { id: 42, kind: 'person' as const, name: 'Ilse Brandvold', aliases: [{ name: 'Brandvold', kind: 'name' as const }] },
    ];
    const x = extractArticle('Brandvold told the Watch that the shipment had left. Harbour Watch said it would check.', { known });
    const ilse = x.entities.find((e) => e.existingId === 42);
    expect(ilse?.kind).toBe('person');
    expect(ilse?.name).toBe('Ilse Brandvold');
    const watch = x.entities.find((e) => e.existingId === 41);
    expect(watch?.mentions.map((m) => m.text)).toEqual(['the Watch', 'Harbour Watch']);
    expect(x.claims.find((c) => c.text.startsWith('Brandvold told'))?.claimantKey).toBe(ilse?.key);
  });

  it('folds a surname into the relative mentioned last', () => {
    const x = extractArticle('Mayor Diane Kessel signed the deal. Her brother-in-law, Tobias Kessel, owns the hauler. Kessel said the contract was fair.');
    const tobias = entity(x, 'Tobias Kessel');
    expect(tobias.mentions.map((m) => m.text)).toContain('Kessel');
    expect(entity(x, 'Diane Kessel').kind).toBe('person');
  });

  it('reads "Moscow said" as the government, keeping the city a place', () => {
    const x = extractArticle('The defector lives in Graz. Moscow said the man was a fraudster.');
    const c = x.claims.find((k) => k.text.startsWith('Moscow said'));
    expect(c?.claimantKey).toBeNull();
    expect(c?.claimantLabel).toMatch(/government/);
    expect(entity(x, 'Moscow').kind).toBe('place');
  });
});
