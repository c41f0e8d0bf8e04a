import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeText } from '../../../shared/text/normalize';

describe('alias key', () => {
  it('lets Cyrillic, Latin and upper-case spellings of one name meet', () => {
    expect(normalizeKey('Краснов')).toBe(normalizeKey('Krasnov'));
    expect(normalizeKey('KRASNOV')).toBe(normalizeKey('Krasnov'));
  });

  it('folds transliteration variants of the same Cyrillic surname', () => {
    expect(normalizeKey('Задорожный')).toBe(normalizeKey('Zadorozhny'));
    expect(normalizeKey('Юрий Хохлов')).toBe(normalizeKey('Yuri Khokhlov'));
  });

  it('folds diacritics, dots and punctuation', () => {
    expect(normalizeKey('Vondráček')).toBe(normalizeKey('Vondracek'));
    expect(normalizeKey('U.S.')).toBe(normalizeKey('US'));
    expect(normalizeKey('Brēdiķe-Ozola')).toBe(normalizeKey('bredike ozola'));
  });

  it('keeps different names apart', () => {
    expect(normalizeKey('Putin')).not.toBe(normalizeKey('Trump'));
    expect(normalizeKey('6th Directorate')).not.toBe(normalizeKey('5th Directorate'));
  });

  it('gives an empty key for text without letters or digits', () => {
    expect(normalizeKey(' -- !! ')).toBe('');
  });
});

describe('text normalisation', () => {
  it('applies NFC and unifies line breaks', () => {
    expect(normalizeText('Cafe\u0301\r\nline')).toBe('Café\nline');
  });
  it('removes control characters and a byte-order mark', () => {
    expect(normalizeText('\uFEFFa\u0000b\u0007c')).toBe('abc');
  });
});
