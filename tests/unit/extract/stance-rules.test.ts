// Stance and subject rules: exculpatory statements by an accused party, adjectival "reported",
// "rested on “the word of …”", records that list someone, documents "reviewed by" the reporter, a
// capital as speaker only as the clause subject, a relative-clause speaker, an outlet insisting, a
// capital's "… and is not obliged" denial, and subjects for claims that name nobody. Fictional text.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';
import type { Extraction } from '../../../shared/extract/types';

const nameOf = (x: Extraction, key: string | null) => x.entities.find((e) => e.key === key)?.name ?? null;
const claimsBy = (x: Extraction, name: string) => x.claims.filter((c) => nameOf(x, c.claimantKey) === name);
const subjectNames = (x: Extraction, i: number) => x.claims[i]!.subjectKeys.map((k) => nameOf(x, k));

describe('stance rules', () => {
  it('reads an accused party vouching for its own conduct as a denial', () => {
    const x = extractArticle('The auditor Fennimore Quist said that Larchmont Paving had paid bribes to win the bypass. Larchmont Paving said all its contracts were "lawful and on arm\'s-length terms".');
    expect(claimsBy(x, 'Larchmont Paving').map((c) => c.stance)).toEqual(['denies']);
  });

  it('keeps the same wording an assertion when nobody accused the speaker', () => {
    const x = extractArticle('Larchmont Paving said all its contracts were "lawful and on arm\'s-length terms".');
    expect(claimsBy(x, 'Larchmont Paving').map((c) => c.stance)).toEqual(['asserts']);
  });

  it('does not read "the company\'s reported profit" as a new speaker', () => {
    const x = extractArticle('Analysts at Dunmarsh Securities wrote that Tollbridge Foods\'s reported profit was too high, but that it remained unclear whether the rules were broken.');
    expect(claimsBy(x, 'Tollbridge Foods')).toHaveLength(0);
    expect(claimsBy(x, 'Dunmarsh Securities').map((c) => c.stance)).toEqual(['questions']);
  });

  it('reads "said the case rested on “the word of …”" as questioning', () => {
    const x = extractArticle('His lawyer, Petra Olvang, said the indictment rested on "the word of one angry clerk".');
    expect(claimsBy(x, 'Petra Olvang').map((c) => c.stance)).toEqual(['questions']);
  });

  it('reads records that list someone and documents reviewed by the reporter as reporting', () => {
    const a = extractArticle('Company filings list Orsolya Vendt as the sole director of Quayfield Ltd.');
    expect(a.claims.map((c) => c.stance)).toEqual(['reports']);
    const b = extractArticle('In company filings reviewed by this newspaper Orsolya Vendt appears as the owner of Quayfield Ltd.');
    expect(b.claims.map((c) => c.stance)).toEqual(['reports']);
  });

  it('does not make a city after a preposition the speaker, and takes a relative-clause speaker', () => {
    const x = extractArticle('A man who answered the door at its office in Lisbon said the company had "nothing to do with Brastow Holdings".');
    expect(x.claims).toHaveLength(1);
    expect(x.claims[0]!.claimantLabel).toMatch(/^A man who answered the door/);
    expect(x.claims[0]!.stance).toBe('denies');
  });

  it('reads a capital saying its government enforces the rules and is not bound as a denial', () => {
    const x = extractArticle('Tallinn said it enforces all sanctions of the Valdmark Council and is not obliged to follow other rules.');
    expect(x.claims[0]!.claimantLabel).toBe('government in Tallinn');
    expect(x.claims[0]!.stance).toBe('denies');
  });

  it('lets an outlet that insists on its material assert rather than report', () => {
    const x = extractArticle('The news site Harbour Ledger reported that Ivo Marten owned three ferries. The investigative website Harbour Ledger insisted that the documents were genuine.');
    expect(claimsBy(x, 'Harbour Ledger').map((c) => c.stance)).toEqual(['reports', 'asserts']);
  });
});

describe('subjects for claims that name nobody', () => {
  it('follows a definite phrase back to the sentence that used the same word', () => {
    const x = extractArticle('Dorrance Civil Works won four contracts from the province in 2021. Ines Kalvo said the tenders were rigged. It remains unclear whether the contracts will be cancelled.');
    const q = x.claims.findIndex((c) => c.stance === 'questions');
    expect(subjectNames(x, q)).toContain('Dorrance Civil Works');
  });

  it('falls back to the article\'s main actor', () => {
    const x = extractArticle('Aurel Dascan fled to Oslo in 2019. Prosecutors said Aurel Dascan had stolen money. Aurel Dascan denied it. Questions were raised whether the asylum office had checked anything.');
    const q = x.claims.findIndex((c) => c.stance === 'questions');
    expect(subjectNames(x, q)).toContain('Aurel Dascan');
  });
});
