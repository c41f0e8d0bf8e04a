// Typing from descriptors ("the daily X", "his wife, X", "X, a senior planner at"), late folding
// (codenames and short forms met before their owner), numbered units of one body, country
// acronyms with doubled letters, and sentence-initial common words. Fictional text.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';
import { mediaEntities } from '../../../shared/extract/descriptors';
import { entity } from './helpers';

describe('typing from descriptors', () => {
  it('types a name introduced as an outlet, a broker or a consultancy as an organization', () => {
    const x = extractArticle('Velko Daranov told the Varna daily Morsko Slovo that he was innocent. Analysts at the broker Tamsin Lorde disagreed. The money went through a consultancy, Ostrava Pellen EOOD, in 2020.');
    expect(entity(x, 'Morsko Slovo').kind).toBe('organization');
    expect(entity(x, 'Tamsin Lorde').kind).toBe('organization');
    expect(entity(x, 'Ostrava Pellen EOOD').kind).toBe('organization');
    expect(mediaEntities(x.text, x.entities).has(entity(x, 'Morsko Slovo').key)).toBe(true);
    expect(mediaEntities(x.text, x.entities).has(entity(x, 'Tamsin Lorde').key)).toBe(false);
  });

  it('types a name introduced as a relative or by a role apposition as a person', () => {
    const x = extractArticle('The flat belongs to his wife, Orsolya Venczel. The money was sent to Bertil Quarnby, a senior planner at the port authority.');
    expect(entity(x, 'Orsolya Venczel').kind).toBe('person');
    expect(entity(x, 'Bertil Quarnby').kind).toBe('person');
  });
});

describe('late folding', () => {
  it('merges a codename used in a headline into the person the cue later gives it to', () => {
    const x = extractArticle('Archive says engineer spied under codename "Zeisig"\n\nA researcher has alleged that Emmerich Haldorn, an engineer, reported to the Tarnow Security Office for years under the codename "Zeisig".');
    const p = entity(x, 'Emmerich Haldorn');
    expect(p.aliases.map((a) => a.name)).toContain('Zeisig');
    expect(x.entities.filter((e) => e.name === 'Zeisig')).toHaveLength(0);
    expect(entity(x, 'Tarnow Security Office').aliases.map((a) => a.name)).not.toContain('Zeisig');
  });

  it('gives a codename to the recruited person, not to the agency, and none to a programme', () => {
    const x = extractArticle('An officer said that Lorne Haskett was recruited by the Bureau of Coastal Intelligence in 1990 and given the codename "Pike". The club ran a programme codenamed "Larch".');
    expect(entity(x, 'Lorne Haskett').aliases.map((a) => a.name)).toContain('Pike');
    expect(entity(x, 'Bureau of Coastal Intelligence').aliases.map((a) => a.name)).not.toContain('Larch');
  });

  it('folds a short body name met before the full one, and a first word typed as a surname', () => {
    const x = extractArticle('Shares in Quellmark Foods fell. Quellmark Foods plc said the report was wrong. Later Dressler Technik GmbH denied it. A former employee of Dressler was questioned.');
    expect(entity(x, 'Quellmark Foods plc').aliases.map((a) => a.name)).toContain('Quellmark Foods');
    expect(entity(x, 'Dressler Technik GmbH').aliases.map((a) => a.name)).toContain('Dressler');
    expect(x.entities.filter((e) => e.kind === 'person')).toHaveLength(0);
  });

  it('makes one body of the same numbered unit called department and directorate', () => {
    const x = extractArticle('Ivo Marek served in the 4th Directorate of the NKV. He wrote: "I worked in the 4th Department of the NKV of the republic."');
    const unit = entity(x, '4th Directorate of the NKV');
    expect(unit.aliases.map((a) => a.name)).toContain('4th Department of the NKV');
    expect(x.entities.filter((e) => e.name.startsWith('4th'))).toHaveLength(1);
  });
});

describe('names and non-names', () => {
  it('folds USSR (a doubled letter in its key) into Soviet Union', () => {
    const x = extractArticle('Olek Varga left the USSR in 1980. He never returned to the Soviet Union.');
    expect(x.entities.filter((e) => e.kind === 'place').map((e) => e.name)).toEqual(['Soviet Union']);
  });

  it('drops a sentence-initial word the text otherwise writes in lower case', () => {
    const x = extractArticle('Dalia Korr works in intelligence. Intelligence reports suggest she met Pavo Rist.');
    expect(x.entities.map((e) => e.name)).not.toContain('Intelligence');
  });

  it('keeps "&" and an acronym-spelled "and" inside a body name, and a demonym before "Centre for"', () => {
    const x = extractArticle('Tamsin Hollow & Daughters sued the Office of Ports and Harbours (OPH). The Canadian Centre for Port Safety said nothing.');
    expect(entity(x, 'Tamsin Hollow & Daughters').kind).toBe('organization');
    expect(entity(x, 'Office of Ports and Harbours').aliases.map((a) => a.name)).toContain('OPH');
    expect(entity(x, 'Canadian Centre for Port Safety').kind).toBe('organization');
  });

  it('creates a body from a heading only for "The X’s"', () => {
    const x = extractArticle('Dalia Korr met Pavo Rist.\n\nThe Palazzine’s Offer: More Questions\n\nPavo Rist said nothing.');
    expect(entity(x, 'Palazzine').kind).toBe('organization');
    expect(x.entities.map((e) => e.name)).not.toContain('Offer');
  });
});

describe('media and descriptor claimants', () => {
  it('reads what an outlet says as reporting, and "the collective said" as the collective', () => {
    const x = extractArticle('The Harbour Signal Collective, a network of reporters, obtained the files. The investigative website Nordgrat Zeit said that Ulf Brenner owned the ships. Brenner hid the money in Malta, the collective said.');
    const outlet = entity(x, 'Nordgrat Zeit');
    expect(outlet.kind).toBe('organization');
    const byOutlet = x.claims.find((c) => c.claimantKey === outlet.key);
    expect(byOutlet?.stance).toBe('reports');
    // "…, the collective said": the descriptor after the content names the speaker, a body of reporters
    const byCollective = x.claims.find((c) => c.claimantKey === entity(x, 'Harbour Signal Collective').key);
    expect(byCollective?.stance).toBe('reports');
  });

  it('lets a descriptor outweigh a later "X said" read as a person', () => {
    const x = extractArticle('Ana Holt spoke to the outlet Piatra Vie on Monday. Piatra Vie said it had sent questions to the firm.');
    expect(entity(x, 'Piatra Vie').kind).toBe('organization');
  });
});

describe('stance without a doubt word', () => {
  it('reads a hedged "suggested … could have been" and "rested on the word of" as questioning', () => {
    const x = extractArticle('Mirela Vasko said the files were genuine. Her nephew, Tobin Vasko, suggested that the files could have been written by an officer. His lawyer, Ada Renn, said the case rested on the word of one witness.');
    const by = (n: string) => x.claims.find((c) => c.claimantKey === entity(x, n).key)?.stance;
    expect(by('Tobin Vasko')).toBe('questions');
    expect(by('Ada Renn')).toBe('questions');
    expect(by('Mirela Vasko')).toBe('asserts');
  });

  it('reads "did not recognise" and "committed no crime" as denials, and "said … but that it remained unclear" as one questioned claim', () => {
    const x = extractArticle('Corlan Mills plc said it did not recognise that description. Her client "has committed no crime", Ada Renn said. Analysts at the broker Weyl Amory wrote that profits were overstated, but that it remained unclear whether Corlan Mills plc broke its covenants.');
    const by = (n: string) => x.claims.filter((c) => c.claimantKey === entity(x, n).key).map((c) => c.stance);
    expect(by('Corlan Mills plc')).toEqual(['denies']);
    expect(by('Ada Renn')).toEqual(['denies']);
    expect(by('Weyl Amory')).toEqual(['questions']);
  });

  it('gives "his" in a lawyer\'s statement to the person named before the lawyer', () => {
    const x = extractArticle('Ilya Brask left Riga in 2019. His lawyer, Ada Renn, said he was innocent. She said the story had put his family at risk.');
    const last = x.claims[x.claims.length - 1]!;
    expect(last.claimantKey).toBe(entity(x, 'Ada Renn').key);
    expect(last.subjectKeys).toContain(entity(x, 'Ilya Brask').key);
  });
});
