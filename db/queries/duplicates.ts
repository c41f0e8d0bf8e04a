// Duplicate suggestions: pairs of live entities that are probably one — a shared alias key (which
// also catches transliterations and shared codenames), or one person's name being the other's
// surname. Pairs the analyst marked "not the same" are never offered again.
import type { SqliteDb } from '../open';

export interface DuplicatePair {
  a: { id: number; name: string; kind: string };
  b: { id: number; name: string; kind: string };
  reason: string;
}

interface Live { id: number; name: string; kind: string }

export function duplicateSuggestions(db: SqliteDb, limit: number): DuplicatePair[] {
  const dismissed = new Set((db.prepare('SELECT a, b FROM not_duplicate').all() as { a: number; b: number }[]).map((r) => `${r.a}:${r.b}`));
  const pairs = new Map<string, DuplicatePair>();
  const entity = db.prepare('SELECT id, name, kind FROM entity WHERE id = ? AND merged_into IS NULL');
  const offer = (x: number, y: number, reason: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}:${b}`;
    if (a === b || dismissed.has(key) || pairs.has(key)) return;
    const ea = entity.get(a) as Live | undefined;
    const eb = entity.get(b) as Live | undefined;
    if (ea && eb) pairs.set(key, { a: ea, b: eb, reason });
  };

  // same normalised alias key on two entities
  const shared = db.prepare(`
    SELECT a1.entity_id AS x, a2.entity_id AS y, a1.name AS n1, a2.name AS n2, a1.kind AS k1, a2.kind AS k2
    FROM alias a1 CROSS JOIN alias a2 ON a2.norm = a1.norm AND a2.entity_id > a1.entity_id
    LIMIT 5000`).all() as { x: number; y: number; n1: string; n2: string; k1: string; k2: string }[];
  for (const row of shared) {
    const reason = row.k1 === 'codename' || row.k2 === 'codename'
      ? `share the codename "${row.n1}"`
      : row.n1 === row.n2 ? `both are called "${row.n1}"` : `"${row.n1}" and "${row.n2}" are the same name in another spelling`;
    offer(row.x, row.y, reason);
    if (pairs.size >= limit) return [...pairs.values()];
  }

  // a one-word person whose word is another person's surname ("Quell" / "Marta Quell")
  const single = db.prepare(`
    SELECT e.id, a.norm FROM entity e CROSS JOIN alias a ON a.entity_id = e.id AND a.kind = 'name'
    WHERE e.kind = 'person' AND e.merged_into IS NULL AND instr(a.norm, ' ') = 0 LIMIT 2000`).all() as { id: number; norm: string }[];
  const surname = db.prepare(`
    SELECT a.entity_id AS id FROM alias a CROSS JOIN entity e ON e.id = a.entity_id
    WHERE a.norm LIKE '% ' || ? AND e.kind = 'person' AND e.merged_into IS NULL LIMIT 20`);
  for (const one of single) {
    for (const full of surname.all(one.norm) as { id: number }[]) {
      const name = (entity.get(one.id) as Live | undefined)?.name ?? one.norm;
      offer(one.id, full.id, `"${name}" may be the surname of the other`);
      if (pairs.size >= limit) return [...pairs.values()];
    }
  }
  return [...pairs.values()];
}

export function markNotDuplicate(db: SqliteDb, x: number, y: number): void {
  const [a, b] = x < y ? [x, y] : [y, x];
  db.prepare('INSERT OR IGNORE INTO not_duplicate (a, b, at) VALUES (?, ?, ?)').run(a, b, Date.now());
}
