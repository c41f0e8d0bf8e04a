// Text normalisation shared by import, storage and search.
// `normalizeKey` is the alias key: it folds case, diacritics, punctuation and script (Cyrillic and
// Greek to Latin) plus common transliteration variants, so that "Краснов", "Krasnov" and "KRASNOV"
// (or "Задорожный" and "Zadorozhny") meet on one key.

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian, Belarusian, Kazakh, Serbian and Macedonian letters
  є: 'ye', і: 'i', ї: 'yi', ґ: 'g', ў: 'u', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u',
  һ: 'h', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps',
  ω: 'o',
};

// Latin letters that NFKD does not decompose.
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
};

/** Unicode NFC, unified line breaks, no control characters, trimmed trailing spaces. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF]/g, '')
    .replace(/[ \t\u00A0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Folds script and diacritics to lower-case ASCII letters and digits, keeping word breaks. */
export function foldToLatin(value: string): string {
  const lower = value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  // only letters outside ASCII are looked up (a whole article's text is folded at each import)
  return lower.replace(/[\u0080-\u{10FFFF}]/gu, (ch) => CYRILLIC[ch] ?? GREEK[ch] ?? LATIN_EXTRA[ch] ?? ch);
}

/**
 * The alias key. Dots and apostrophes vanish ("U.S." = "US", "O'Neil" = "ONeil"), other
 * punctuation breaks words, and transliteration variants are folded (kh/h, y/i/j endings,
 * doubled letters), because the same Cyrillic name reaches English text in several spellings.
 */
export function normalizeKey(value: string): string {
  const folded = foldToLatin(value)
    .replace(/['’‘`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded
    .split(' ')
    .filter((word) => word.length > 0)
    .map(foldVariants)
    .join(' ');
}

/** foldVariants' answers: names repeat across a text and an import batch (the gazetteer folds every word). */
const folds = new Map<string, string>();
const FOLDS_KEPT = 20_000;

function foldVariants(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    if (folds.size >= FOLDS_KEPT) folds.clear();
    folds.set(word, (folded = foldWord(word)));
  }
  return folded;
}

function foldWord(word: string): string {
  if (!/^[a-z0-9]+$/.test(word)) return word; // other scripts (CJK, Arabic …) stay as they are
  return word
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/(iy|yi|ii|ij|yj|iy)$/g, 'i')
    .replace(/y/g, 'i')
    .replace(/([a-z])\1+/g, '$1');
}

/** Normalises a search query into the alias-key alphabet, keeping a trailing partial word. */
export function normalizeQuery(value: string): string {
  return normalizeKey(value);
}
