// Context typing for names their own words do not type, and the typed NER output leaving out
// fallback guesses. Fictional text written for these tests.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';
import { toNerMentions } from '../../../shared/extract/eval-format';

const kindOf = (text: string, name: string) => extractArticle(text).entities.find((e) => e.name === name)?.kind ?? null;
const nerOf = (text: string, name: string) => toNerMentions(extractArticle(text)).find((m) => m.text === name)?.type ?? null;

describe('context typing', () => {
  it('types "X is a village in …" as a place', () => {
    expect(kindOf('Quorvath is a small village in the hills. Quorvath has a mill.', 'Quorvath')).toBe('place');
  });
  it('types "X is a band …" as an organization', () => {
    expect(kindOf('Velmira is a rock band formed in the valley. Velmira toured twice.', 'Velmira')).toBe('organization');
  });
  it('types a name after "north of" or "at" as a place', () => {
    expect(kindOf('The fort stood two miles north of Brannock on the old road.', 'Brannock')).toBe('place');
    expect(kindOf('The regiment fought a skirmish at Tullymere before the winter.', 'Tullymere')).toBe('place');
  });
  it('types a name followed by a known country as a place', () => {
    expect(kindOf('The squadron moved to Hesketby, England, in the spring.', 'Hesketby')).toBe('place');
  });
  it('types "X was born" as a person', () => {
    expect(kindOf('After the war Drummelow was born again as a writer, they said. Drummelow was born in a small house.', 'Drummelow')).toBe('person');
  });
});

describe('name shapes', () => {
  it('types "City of X" and "Isle of X" as places', () => {
    expect(kindOf('The council governs the City of Dranwick and its farms.', 'City of Dranwick')).toBe('place');
  });
  it('types a direction before an unknown word as a place, but not before a body\'s head word', () => {
    expect(kindOf('Farmers in South Velmarsh grow barley.', 'South Velmarsh')).toBe('place');
    expect(kindOf('Farmers read the Western Tribune daily.', 'Western Tribune')).toBe('organization');
  });
  it('types a plural name after "the" as a team or band', () => {
    expect(kindOf('He pitched for the Harrow Kestrels in May.', 'Harrow Kestrels')).toBe('organization');
  });
  it('types facilities ("… Reservoir", "… Pavilion") as places', () => {
    expect(kindOf('They walked to Ostley Reservoir on Sunday.', 'Ostley Reservoir')).toBe('place');
  });
  it('reads "the band X" as an organization', () => {
    expect(kindOf('He joined the band Corvalis in 1994.', 'Corvalis')).toBe('organization');
  });
});

describe('typed NER output', () => {
  it('leaves out a name whose kind is only the fallback guess', () => {
    expect(nerOf('The report praised Trenvask for the work.', 'Trenvask')).toBeNull();
    expect(nerOf('Quorvath is a small village in the hills.', 'Quorvath')).toBe('LOC');
  });
  it('leaves out common acronyms of things and lone title words', () => {
    const text = 'Dorrin Vasek won by KO in the third round and released a CD with Harlow Teague.';
    expect(nerOf(text, 'KO')).toBeNull();
    expect(nerOf(text, 'CD')).toBeNull();
  });
  it('leaves out a title written in quotes', () => {
    expect(nerOf('The band Corvalis released the single "Lantern Harbour" in May.', 'Lantern Harbour')).toBeNull();
  });
  it('types "… Campaign" and "… Awards" as events, not bodies', () => {
    expect(kindOf('Troops fought in the Tessaly Campaign for a year.', 'Tessaly Campaign')).toBe('event');
  });
  it('reads a place after a sports verb as its club', () => {
    expect(kindOf('Brennagh Doyle played for Tarnwick before she signed with Oxwell.', 'Tarnwick')).toBe('organization');
  });
  it('reads a word that is both a first name and a place as a place after "in" or before ", <place>"', () => {
    expect(kindOf('The trial opened in Houston on Monday, said Orla Fenwick.', 'Houston')).toBe('place');
    expect(kindOf('The depot moved to Houston, Texas, said Orla Fenwick.', 'Houston')).toBe('place');
  });
  it('leaves out a lone capitalised word the text also writes in lower case', () => {
    expect(nerOf('The Scouts met at noon. Local scouts came too, said Orla Fenwick.', 'Scouts')).toBeNull();
  });
});

describe('initials inside names', () => {
  it('keeps a middle initial and "St." inside one name', () => {
    const names = extractArticle('The first colonel was Mara J. Quill of the regiment. The line ran to St. Brevin, Vermont.').entities.map((e) => e.name);
    expect(names).toContain('Mara J. Quill');
    expect(names).toContain('St. Brevin');
  });
});
