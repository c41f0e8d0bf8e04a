// Bad input: markup is text, empty text is an empty extraction, a megabyte finishes.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract/index';
import { toEvalPrediction, toNerMentions } from '../../../shared/extract/eval-format';

describe('hostile input', () => {
  it('treats HTML and script tags as plain text', () => {
    const input = 'Anna Rybak said <script>alert("x")</script> the <b>Kestrel Group</b> paid her.';
    const x = extractArticle(input);
    expect(x.text).toBe(input);
    expect(x.text).toContain('<script>');
    for (const e of x.entities) for (const m of e.mentions) expect(x.text.slice(m.start, m.end)).toBe(m.text);
    expect(x.entities.map((e) => e.name)).toContain('Anna Rybak');
  });

  it('returns an empty extraction for empty or blank text', () => {
    for (const input of ['', '   \n\n ', '\u0000\u0001']) {
      const x = extractArticle(input);
      expect(x.entities).toEqual([]);
      expect(x.claims).toEqual([]);
      expect(x.text).toBe('');
    }
  });

  it('finishes on a megabyte of text', () => {
    const para = 'Lena Oster, a port official in Varna, said the Blue Crane Shipping Ltd vessel left early. ';
    const input = para.repeat(Math.ceil(1_000_000 / para.length));
    const t0 = performance.now();
    const x = extractArticle(input);
    expect(performance.now() - t0).toBeLessThan(25_000);
    expect(x.text.length).toBeGreaterThanOrEqual(999_000);
    expect(x.entities.find((e) => e.name === 'Lena Oster')?.mentions.length).toBeGreaterThan(1000);
  });

  it('adapts to the scorers’ formats', () => {
    const x = extractArticle('Viktor Osadchy denied that he met Rosa Lind in Oslo.');
    const p = toEvalPrediction(x);
    expect(p.people.map((e) => e.name)).toEqual(expect.arrayContaining(['Viktor Osadchy', 'Rosa Lind']));
    expect(p.places.map((e) => e.name)).toContain('Oslo');
    expect(p.claims[0]).toMatchObject({ claimant: 'Viktor Osadchy', stance: 'denied' });
    const ner = toNerMentions(x);
    expect(ner).toContainEqual({ type: 'LOC', start: x.text.indexOf('Oslo'), end: x.text.indexOf('Oslo') + 4, text: 'Oslo' });
  });
});
