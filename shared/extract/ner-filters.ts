// What typed NER output (eval-ner's PER/ORG/LOC) leaves out of an extraction: common acronyms
// that name things rather than bodies ("a CD", "his ERA", "by KO"), a lone title word
// ("Lt", "Director"), and titles of works written in quotes. Generic words only.
import { PERSON_TITLES } from './lexicon';

/** Acronyms of things, units and measures, not of organisations or places. */
export const COMMON_ACRONYMS = new Set(`cd cds dvd dvds ep eps lp lps tv suv suvs aids hiv dna rna ko kos era
  am pm est gmt utc pst cst cad id vip vips dj djs mc bmx pc pcs mvp gdp iq ufo ok faq pdf usb gps
  lcd led cpu rpm mph kph ac dc atm sms mp3 ost pos ip`.split(/\s+/));

export function isCommonAcronym(word: string): boolean {
  return /^\p{Lu}{2,5}s?$/u.test(word.replace(/['’]s$/, '')) && COMMON_ACRONYMS.has(word.replace(/['’]s$/, '').toLowerCase());
}

/** A mention NER output leaves out: a lone title word, a common acronym, a quoted title. */
export function notNerName(text: string, start: number, end: number): boolean {
  const s = text.slice(start, end);
  if (!/\s/.test(s)) {
    const w = s.toLowerCase();
    if (PERSON_TITLES.has(w)) return true;
    if (isCommonAcronym(s)) return true;
    // a lone capitalised word the same text also writes in lower case is a common word
    if (/^\p{Lu}\p{Ll}+$/u.test(s) && new RegExp(`(?:^|[^\\p{L}])${w}(?![\\p{L}])`, 'u').test(text)) return true;
  }
  // "… the single "Xyz Abc" …": a title in quotes, the quotes hugging the name
  const open = text.slice(Math.max(0, start - 3), start);
  const close = text.slice(end, end + 2);
  return /["“]\s?(?:(?:A|An|The)\s)?$/.test(open) && /^\s?["”]/.test(close) && /\s/.test(s);
}
