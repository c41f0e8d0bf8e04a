import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';

function claimAbout(text: string, predicate: string) {
  const x = extractArticle(text);
  const names = new Map(x.entities.map((e) => [e.key, e.name]));
  const claim = x.claims.find((c) => c.predicate === predicate);
  return {
    claimant: claim?.claimantKey ? names.get(claim.claimantKey) : claim?.claimantLabel,
    subjects: (claim?.subjectKeys ?? []).map((k) => names.get(k)),
    objects: (claim?.objectKeys ?? []).map((k) => names.get(k)),
  };
}

describe('subjects and objects of a claim', () => {
  it('passive "was recruited by": the recruiter is the object', () => {
    const c = claimAbout('Pavel Ostrov alleges that Irena Malik was recruited by the Foreign Intelligence Service in 1994.', 'recruited_by');
    expect(c.subjects).toContain('Irena Malik');
    expect(c.objects).toEqual(['Foreign Intelligence Service']);
  });

  it('active "recruited": the recruiter named first is the object', () => {
    const c = claimAbout('Pavel Ostrov claims that the Foreign Intelligence Service recruited Irena Malik in 1994.', 'recruited_by');
    expect(c.subjects).toContain('Irena Malik');
    expect(c.objects).toEqual(['Foreign Intelligence Service']);
  });

  it('"worked for" and "met": what comes after is the object', () => {
    const worked = claimAbout('Lena Voss said that Arno Petri worked for the Harbour Customs Directorate until 2012.', 'member_of');
    expect(worked.objects).toEqual(['Harbour Customs Directorate']);
    expect(worked.subjects).toContain('Arno Petri');
    const met = claimAbout('Lena Voss said that Arno Petri met Dmitri Sokolenko in Geneva.', 'met_with');
    expect(met.subjects).toContain('Arno Petri');
    expect(met.objects).toEqual(['Dmitri Sokolenko']);
  });

  it('a descriptor in apposition names the claimant before it', () => {
    const c = claimAbout('A claim came from Pavel Ostrov, a former intelligence officer, who alleges that Irena Malik was recruited by the Foreign Intelligence Service.', 'recruited_by');
    expect(c.claimant).toBe('Pavel Ostrov');
  });
});

describe('the claimant in its own allegation', () => {
  it('is not a subject of what it alleges about someone else', () => {
    const c = claimAbout('Pavel Ostrov alleges that Irena Malik was recruited by the Foreign Intelligence Service while she studied in Vienna.', 'recruited_by');
    expect(c.subjects).toEqual(['Irena Malik']);
    expect(c.objects).toEqual(['Foreign Intelligence Service']);
  });

  it('stays a subject when it speaks of itself', () => {
    const c = claimAbout('Pavel Ostrov said: "In 1987 I worked for the Foreign Intelligence Service with Irena Malik."', 'member_of');
    expect(c.subjects).toContain('Pavel Ostrov');
  });
});
