// The two NLP libraries, loaded once and only when first needed: compromise for its lexicon
// (first names, surnames, cities, countries, regions, organisations, demonyms — data it ships) and
// wink-nlp for part-of-speech tags (is a sentence's first capitalised word a proper noun?).
// Neither library's parser is run over the whole text for names: span finding is ours, these
// only supply evidence for typing, which keeps a 1,000-word article well inside the budget.
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Lexicon = Record<string, string | string[] | undefined>;
let lexicon: Lexicon | null = null;
let wink: ReturnType<typeof winkNLP> | null = null;

function getLexicon(): Lexicon {
  if (!lexicon) {
    const world = nlp.model() as { one?: { lexicon?: Lexicon } };
    lexicon = world.one?.lexicon ?? {};
  }
  return lexicon;
}

/** compromise's lexicon tags for a word or phrase (lower-cased lookup). */
export function lexTags(phrase: string): readonly string[] {
  const value = getLexicon()[phrase.toLowerCase()];
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

export type LexClass = 'first' | 'last' | 'place' | 'org' | 'demonym' | 'honorific' | 'common' | null;

/** A coarse class for typing names. */
export function lexClass(phrase: string): LexClass {
  const tags = lexTags(phrase);
  if (tags.length === 0) return null;
  if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) return 'first';
  if (tags.includes('LastName')) return 'last';
  if (tags.some((t) => t === 'City' || t === 'Country' || t === 'Region' || t === 'Place')) return 'place';
  if (tags.some((t) => t === 'Organization' || t === 'SportsTeam')) return 'org';
  if (tags.includes('Demonym')) return 'demonym';
  if (tags.includes('Honorific')) return 'honorific';
  if (tags.includes('Person')) return 'first';
  if (tags.includes('ProperNoun')) return null;
  return 'common';
}

/** Offsets (start) of tokens wink tags as proper nouns. */
export function properNounStarts(text: string): Set<number> {
  if (!wink) wink = winkNLP(model);
  const doc = wink.readDoc(text);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(wink.its.pos) as string[];
  const out = new Set<number>();
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const at = text.indexOf(values[i]!, cursor);
    if (at < 0) continue;
    cursor = at + values[i]!.length;
    if (pos[i] === 'PROPN') out.add(at);
  }
  return out;
}
