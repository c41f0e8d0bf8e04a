// Entity rules added for nicknames, acronym and short-form folding, possessive body names and
// lowercase company suffixes. Fictional text written for these tests.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';
import { entity } from './helpers';

describe('entity rules', () => {
  it('makes a nickname "known to fans as" an alias of the person', () => {
    const x = extractArticle('Maris Oltenkova, a sprinter known to fans as "the Silver Hare", denied the claims.');
    const p = entity(x, 'Maris Oltenkova');
    expect(p.kind).toBe('person');
    expect(p.aliases.map((a) => a.name)).toContain('the Silver Hare');
  });

  it('gives a bracketed acronym to the whole "Office of …" name, not to its tail', () => {
    const x = extractArticle('The Office of Harbour Revenue Control (OHRC) fined Dellmoor Shipping. OHRC said the fine was final.');
    expect(entity(x, 'Office of Harbour Revenue Control').aliases.map((a) => a.name)).toContain('OHRC');
    expect(x.entities.some((e) => e.name === 'Harbour Revenue Control')).toBe(false);
  });

  it('folds a body\'s core word into its full name ("Treasury" → "U.S. Treasury Department")', () => {
    const x = extractArticle('The U.S. Treasury Department sanctioned Pelorus Tankers on Monday. The Treasury said the ships carried oil.');
    expect(entity(x, 'U.S. Treasury Department').aliases.map((a) => a.name)).toContain('Treasury');
    expect(x.entities.filter((e) => e.kind === 'organization').map((e) => e.name)).not.toContain('Treasury');
  });

  it('keeps a possessive body name and a lowercase company suffix whole', () => {
    const x = extractArticle("The Northern Public Prosecutor's Office said Brambleton Foods plc had paid a fine.");
    expect(entity(x, "Northern Public Prosecutor's Office").kind).toBe('organization');
    expect(entity(x, 'Brambleton Foods plc').kind).toBe('organization');
  });
});
