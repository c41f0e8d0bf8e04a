// The customer's reference case, on our own article of the same shape: a former officer's
// allegation in a Facebook post, a codename, no evidence, and the politician's "fake news" denial.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract/index';
import { entity, expectSpansExact, fixture } from './helpers';

describe('allegation article (seed shape)', () => {
  const x = extractArticle(fixture('officer-allegation.txt'));

  it('takes the glued date line as metadata and cuts it from the text', () => {
    expect(x.metadata.publishedAt).toBe('2024-11-18');
    expect(x.text.startsWith('A retired intelligence officer')).toBe(true);
  });

  it('finds the people and the nested bodies', () => {
    expect(entity(x, 'Ruslan Temirkhanov').kind).toBe('person');
    expect(entity(x, 'Margaret Ellery').kind).toBe('person');
    expect(entity(x, '9th Directorate of the GRU').kind).toBe('organization');
    expect(entity(x, 'GRU').kind).toBe('organization');
    expect(entity(x, 'Kiev').kind).toBe('place');
    // surname-only mentions are folded into the full name
    expect(x.entities.filter((e) => e.name === 'Temirkhanov' || e.name === 'Ellery')).toHaveLength(0);
    expect(entity(x, 'Margaret Ellery').mentions.map((m) => m.text)).toContain('Ellery');
  });

  it('puts the codename on the politician', () => {
    expect(entity(x, 'Margaret Ellery').aliases).toContainEqual({ name: 'Vetla', kind: 'codename' });
    expect(x.entities.find((e) => e.name === 'Vetla')).toBeUndefined();
  });

  const officer = () => entity(x, 'Ruslan Temirkhanov').key;
  const politician = () => entity(x, 'Margaret Ellery').key;
  const allegation = () => x.claims.find((c) => c.claimantKey === officer() && c.aboutTime === '1991');

  it('records the allegation with claimant, subjects, year, evidence and stance', () => {
    const c = allegation();
    expect(c).toBeDefined();
    expect(c!.stance).toBe('asserts');
    expect(c!.subjectKeys).toContain(politician());
    // the service is what the politician was allegedly recruited by: the claim's object
    expect(c!.objectKeys).toContain(entity(x, 'GRU').key);
    expect(c!.subjectKeys).not.toContain(entity(x, 'GRU').key);
    expect(c!.evidenceOffered).toBe('none');
    expect(c!.evidenceCue).toMatch(/evidence/);
    expect(c!.status).toBe('unverified');
    expect(c!.predicate).toBe('recruited_by');
    expect(x.text.slice(c!.span.start, c!.span.end)).toContain('was recruited by the 9th Directorate of the GRU in 1991');
  });

  it('records the denial as answering the allegation', () => {
    const d = x.claims.find((c) => c.stance === 'denies' && c.claimantKey === politician());
    expect(d).toBeDefined();
    expect(d!.status).toBe('disputed');
    const answered = x.claims.find((c) => c.key === d!.respondsToKey);
    expect(answered?.claimantKey).toBe(officer());
    expect(answered?.subjectKeys).toContain(politician());
    expect(x.text.slice(d!.span.start, d!.span.end)).toBe('Ellery denied the account on Monday and dismissed it as “fake news”.');
    expect(d!.madeOn).toBe('2024-11-18');
  });

  it('states the officer’s service as a member_of relation', () => {
    const r = x.relations.find((rel) => rel.kind === 'member_of' && rel.fromKey === officer());
    expect(r?.toKey).toBe(entity(x, '9th Directorate of the GRU').key);
    expect(x.text.slice(r!.span.start, r!.span.end)).toContain('who served in the 9th Directorate of the GRU');
  });

  it('gives every mention and claim an exact span', () => {
    expect(expectSpansExact(x)).toEqual([]);
    const vetla = entity(x, 'Margaret Ellery').mentions.find((m) => m.text === 'Vetla');
    expect(vetla && x.text.slice(vetla.start, vetla.end)).toBe('Vetla');
  });
});
