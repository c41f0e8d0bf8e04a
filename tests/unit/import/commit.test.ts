import { describe, expect, it } from 'vitest';
import { commitImport } from '../../../db/import/commit';
import { GraphStore } from '../../../db/store';
import { createEntity } from '../../../db/queries/entities';
import { commitArgs, counts, handProposal, TEXT } from './helpers';

function spansOk(store: GraphStore) {
  const rows = store.db.prepare('SELECT s.start, s.end, s.exact, s.prefix, s.suffix, src.text FROM span s JOIN source src ON src.id = s.source_id').all() as
    { start: number; end: number; exact: string; prefix: string; suffix: string; text: string }[];
  return rows.every((r) => r.text.slice(r.start, r.end) === r.exact && r.text.slice(0, r.start).endsWith(r.prefix) && r.text.slice(r.end).startsWith(r.suffix));
}

describe('commitImport', () => {
  it('writes source, entities, aliases, claims, relations and quotes in one history entry', () => {
    const store = GraphStore.memory();
    const result = commitImport(store, commitArgs({ proposal: handProposal() }));
    expect(result).toMatchObject({ entities: 3, newEntities: 3, claims: 2, relations: 1 });
    expect(counts(store)).toMatchObject({ sources: 1, entities: 3, claims: 2, relations: 1, spans: 5 + 2 + 1, history: 1 });
    expect(spansOk(store)).toBe(true);
    const history = store.history(5);
    expect(history).toHaveLength(1);
    expect(history[0]!.summary).toBe('Import "Defector alleges recruitment"');

    const source = store.db.prepare('SELECT * FROM source').get() as Record<string, unknown>;
    expect(source).toMatchObject({ text: TEXT, title: 'Defector alleges recruitment', publisher: 'Test Wire', published_at: '2024-05-02', kind: 'article' });
    const claims = store.db.prepare('SELECT c.*, e.name AS claimant FROM claim c JOIN entity e ON e.id = c.claimant_id ORDER BY c.id').all() as Record<string, unknown>[];
    expect(claims[0]).toMatchObject({ claimant: 'Oleg Varnavin', stance: 'asserts', about_time: '1989', made_on: '2024-05-02', evidence_offered: 'none', status: 'unverified', origin: 'extracted', predicate: 'recruited_by' });
    expect(claims[1]).toMatchObject({ claimant: 'Marta Quell', stance: 'denies', responds_to: claims[0]!.id });
    const roles = store.db.prepare('SELECT e.name, r.role FROM claim_role r JOIN entity e ON e.id = r.entity_id WHERE r.claim_id = ? ORDER BY r.role DESC').all(claims[0]!.id);
    expect(roles).toEqual([{ name: 'Marta Quell', role: 'subject' }, { name: 'KGB', role: 'object' }]);
    expect(store.db.prepare("SELECT name FROM alias WHERE entity_id = (SELECT id FROM entity WHERE name = 'Marta Quell') ORDER BY id").all()).toEqual([{ name: 'Marta Quell' }, { name: 'Quell' }]);
    expect(store.db.prepare('SELECT origin FROM relation').get()).toEqual({ origin: 'extracted' });

    // one entry, so one undo takes the whole import back
    store.undo();
    expect(counts(store)).toMatchObject({ sources: 0, entities: 0, claims: 0, relations: 0, spans: 0 });
  });

  it('links to an existing entity (adding the new spellings) and ignores what the analyst ignores', () => {
    const store = GraphStore.memory();
    const kgb = store.write({ action: 't', summary: 't' }, (db) => createEntity(db, { kind: 'organization', name: 'Committee for State Security' })).value;
    const before = counts(store);
    const result = commitImport(store, commitArgs({
      proposal: handProposal(),
      decisions: [{ key: 'o1', action: 'link', entityId: kgb.id }, { key: 'p1', action: 'ignore' }],
    }));
    expect(result).toMatchObject({ entities: 2, newEntities: 1, claims: 2, relations: 0 });
    expect(counts(store).entities! - before.entities!).toBe(1);
    expect(store.db.prepare('SELECT name FROM alias WHERE entity_id = ? ORDER BY id').all(kgb.id)).toEqual([{ name: 'Committee for State Security' }, { name: 'KGB' }]);
    expect(store.db.prepare('SELECT count(*) AS n FROM span WHERE entity_id = ?').get(kgb.id)).toEqual({ n: 2 });
    // the ignored claimant is no entity, but the claim still says who made it
    expect(store.db.prepare('SELECT claimant_id, claimant_label FROM claim WHERE stance = ?').get('asserts')).toEqual({ claimant_id: null, claimant_label: 'Oleg Varnavin' });
    expect(spansOk(store)).toBe(true);
  });

  it('writes the edited claims and metadata instead of the proposed ones', () => {
    const store = GraphStore.memory();
    const proposal = handProposal();
    const edited = { ...proposal.claims[0]!, text: 'Quell was a KGB recruit.', status: 'disputed' as const, objectKeys: [] };
    commitImport(store, commitArgs({ proposal, claims: [edited], relations: [], metadata: { title: 'Edited title', author: 'A. Writer' } }));
    expect(store.db.prepare('SELECT text, status FROM claim').all()).toEqual([{ text: 'Quell was a KGB recruit.', status: 'disputed' }]);
    expect(store.db.prepare('SELECT title, author FROM source').get()).toEqual({ title: 'Edited title', author: 'A. Writer' });
    expect(counts(store).relations).toBe(0);
  });

  it('re-anchors a quote that drifted and refuses one that is not in the text', () => {
    const store = GraphStore.memory();
    const proposal = handProposal();
    proposal.entities[0]!.mentions = [{ start: 3, end: 16, text: 'Oleg Varnavin' }];
    commitImport(store, commitArgs({ proposal }));
    expect(store.db.prepare('SELECT start, exact FROM span WHERE entity_id = (SELECT id FROM entity WHERE name = ?)').get('Oleg Varnavin')).toEqual({ start: 0, exact: 'Oleg Varnavin' });
  });

  it('rolls everything back when any part fails', () => {
    const store = GraphStore.memory();
    const empty = counts(store);
    const badKey = handProposal();
    badKey.claims[1]!.subjectKeys = ['nobody'];
    expect(() => commitImport(store, commitArgs({ proposal: badKey }))).toThrow('unknown entity key "nobody"');
    const badSpan = handProposal();
    badSpan.relations[0]!.span = { start: 90, end: 5000 };
    expect(() => commitImport(store, commitArgs({ proposal: badSpan }))).toThrow('must lie inside the text');
    const badQuote = handProposal();
    badQuote.entities[2]!.mentions.push({ start: 10, end: 13, text: 'FSB' });
    expect(() => commitImport(store, commitArgs({ proposal: badQuote }))).toThrow('"FSB" is not at 10–13');
    expect(() => commitImport(store, commitArgs({ proposal: handProposal(), decisions: [{ key: 'p1', action: 'link', entityId: 999 }] }))).toThrow('No entity with id 999');
    expect(() => commitImport(store, commitArgs({ proposal: handProposal(), decisions: [{ key: 'zz', action: 'new' }] }))).toThrow('unknown entity key "zz"');
    expect(counts(store)).toEqual(empty);
  });

  it('refuses to import the same text twice, changing nothing', () => {
    const store = GraphStore.memory();
    commitImport(store, commitArgs({ proposal: handProposal() }));
    const after = counts(store);
    expect(() => commitImport(store, commitArgs({ proposal: handProposal() }))).toThrow('already imported');
    expect(counts(store)).toEqual(after);
  });
});
