// Shared set-up of the import tests: table counts, and a hand-made proposal over a fictional text.
import { CommitArgsSchema, type CommitArgs, type ImportProposal } from '../../../shared/api/import';
import type { GraphStore } from '../../../db/store';

export function counts(store: GraphStore) {
  return store.db.prepare(`SELECT
    (SELECT count(*) FROM source) AS sources, (SELECT count(*) FROM entity) AS entities, (SELECT count(*) FROM alias) AS aliases,
    (SELECT count(*) FROM claim) AS claims, (SELECT count(*) FROM claim_role) AS roles, (SELECT count(*) FROM relation) AS relations,
    (SELECT count(*) FROM span) AS spans, (SELECT count(*) FROM history) AS history`).get() as Record<string, number>;
}

export const TEXT = 'Oleg Varnavin, a former KGB officer, alleged that Marta Quell was recruited by the KGB in 1989. Quell denied it.';

const at = (needle: string, from = 0) => {
  const start = TEXT.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" is not in the text`);
  return { start, end: start + needle.length, text: needle };
};

/** An allegation (Varnavin about Quell and the KGB) and Quell's denial answering it. */
export function handProposal(): ImportProposal {
  return {
    text: TEXT,
    metadata: { title: 'Defector alleges recruitment', author: null, publisher: 'Test Wire', url: null, publishedAt: '2024-05-02', language: 'en' },
    kind: 'article', sentences: [], sha256: '', duplicateOf: null, matches: [], fileName: null,
    entities: [
      { key: 'p1', kind: 'person', name: 'Oleg Varnavin', aliases: [], mentions: [at('Oleg Varnavin')], existingId: null },
      { key: 'p2', kind: 'person', name: 'Marta Quell', aliases: [{ name: 'Quell', kind: 'alias' }], mentions: [at('Marta Quell'), at('Quell', 80)], existingId: null },
      { key: 'o1', kind: 'organization', name: 'KGB', aliases: [], mentions: [at('KGB'), at('KGB', 40)], existingId: null },
    ],
    claims: [
      {
        key: 'c1', text: 'Marta Quell was recruited by the KGB in 1989.', claimantKey: 'p1', claimantLabel: null, stance: 'asserts',
        subjectKeys: ['p2'], objectKeys: ['o1'], predicate: 'recruited_by', madeOn: '2024-05-02', aboutTime: '1989', dateText: 'in 1989',
        status: 'unverified', evidenceOffered: 'none', evidenceCue: null, respondsToKey: null, span: at('Oleg Varnavin, a former KGB officer, alleged that Marta Quell was recruited by the KGB in 1989.'),
      },
      {
        key: 'c2', text: 'Quell denied it.', claimantKey: 'p2', claimantLabel: null, stance: 'denies', subjectKeys: ['p2'], objectKeys: [],
        predicate: null, madeOn: null, aboutTime: null, dateText: null, status: 'unverified', evidenceOffered: null, evidenceCue: null,
        respondsToKey: 'c1', span: at('Quell denied it.'),
      },
    ],
    relations: [{ key: 'r1', kind: 'member_of', fromKey: 'p1', toKey: 'o1', span: at('Oleg Varnavin, a former KGB officer') }],
  };
}

export function commitArgs(input: Partial<CommitArgs> & { proposal: ImportProposal }): CommitArgs {
  return CommitArgsSchema.parse(input);
}
