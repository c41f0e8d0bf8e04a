// Claim rules added for retractions, quoted dismissals, "said it remained unclear", plural group
// claimants, participle continuations and pronoun focus. Fictional text written for these tests.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';
import type { Extraction } from '../../../shared/extract/types';

const nameOf = (x: Extraction, key: string | null) => x.entities.find((e) => e.key === key)?.name ?? null;
const claimsBy = (x: Extraction, name: string) => x.claims.filter((c) => nameOf(x, c.claimantKey) === name);

describe('claim rules', () => {
  it('reads a retraction as a second, denied claim by the same claimant about the same subjects', () => {
    const x = extractArticle('The research firm Quillmoor Analytics said that Davor Tesanic had moved funds to Brackwater Holdings. On Friday Quillmoor Analytics withdrew the allegation.');
    const own = claimsBy(x, 'Quillmoor Analytics');
    expect(own.map((c) => c.stance)).toEqual(['asserts', 'denies']);
    expect(own[1]!.subjectKeys.map((k) => nameOf(x, k))).toContain('Davor Tesanic');
  });

  it('reads "called the report “…”" as a denial', () => {
    const x = extractArticle('Councillor Ermina Salvat called the report "a work of fiction".');
    expect(claimsBy(x, 'Ermina Salvat').map((c) => c.stance)).toEqual(['denies']);
  });

  it('makes "X said it remained unclear whether …" one questioned claim by X', () => {
    const x = extractArticle('The analyst Torvald Brenne said it remained unclear whether Pellucid Freight had broken any rules.');
    expect(x.claims).toHaveLength(1);
    expect(nameOf(x, x.claims[0]!.claimantKey)).toBe('Torvald Brenne');
    expect(x.claims[0]!.stance).toBe('questions');
  });

  it('takes a bare plural group as the claimant and keeps its two statements apart', () => {
    const x = extractArticle('Latvian prosecutors said in 2019 that money had left Ostrava Savings Bank, and they have charged Bertil Quandt with fraud.');
    const group = x.claims.filter((c) => c.claimantLabel === 'Latvian prosecutors');
    expect(group).toHaveLength(2);
    expect(group[1]!.subjectKeys.map((k) => nameOf(x, k))).toEqual(['Bertil Quandt']);
  });

  it('keeps the speaker for ", insisting that …" and does not start a claim inside "said it assessed"', () => {
    const x = extractArticle('Verbena Media removed one video, insisting that the rest of its footage of Hollis Tran was genuine. Verbena Media said it assessed that Hollis Tran had lied.');
    expect(claimsBy(x, 'Verbena Media').map((c) => c.stance)).toEqual(['denies', 'asserts', 'asserts']);
    expect(x.claims).toHaveLength(3);
  });

  it('resolves "he" to the person the previous sentence was about, not an older speaker', () => {
    const x = extractArticle('Imke Borchert said the charges against Radovan Skell were serious. Prosecutors have charged Radovan Skell with bribery. He denies the charges.');
    const last = x.claims[x.claims.length - 1]!;
    expect(last.stance).toBe('denies');
    expect(nameOf(x, last.claimantKey)).toBe('Radovan Skell');
  });
});

describe('denial content', () => {
  it('reads a negation as a denial only when the speaker side is its subject', () => {
    const x = extractArticle('The regulator Halbrook Authority said Quenby Trust had "never been supervised" by anyone. Olek Marsh said he had never signed the contracts.');
    expect(claimsBy(x, 'Halbrook Authority').map((c) => c.stance)).toEqual(['asserts']);
    expect(claimsBy(x, 'Olek Marsh').map((c) => c.stance)).toEqual(['denies']);
  });

  it('gives a bare denial the subjects and the accuser of the claim it answers', () => {
    const x = extractArticle('The analyst Maren Stolt alleged that Ivo Brankov paid Teller Quay Holdings. Ivo Brankov called the claims "nonsense".');
    const denial = claimsBy(x, 'Ivo Brankov')[0]!;
    expect(denial.stance).toBe('denies');
    expect(denial.subjectKeys.map((k) => nameOf(x, k))).toEqual(expect.arrayContaining(['Maren Stolt', 'Teller Quay Holdings']));
  });

  it('does not read a passive ("was added to") as the subject speaking', () => {
    const x = extractArticle('Morrow Components was added in May to a trade blacklist kept by the Kestrel Agency.');
    expect(x.claims).toHaveLength(0);
  });
});

describe('claim dates', () => {
  it('keeps a date written without a year ("last March") as the claim\'s date text', () => {
    const x = extractArticle('date 2024-06-10\nThe auditor Fenna Ruys said Carrow Mills had hidden losses last March.');
    expect(x.claims[0]!.dateText).toBe('last March');
  });

  it('prefers a full date in the claim over a relative one', () => {
    const x = extractArticle('The auditor Fenna Ruys said Carrow Mills had hidden losses in March 2019.');
    expect(x.claims[0]!.dateText).toBe('March 2019');
  });
});
