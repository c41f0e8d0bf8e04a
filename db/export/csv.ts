// CSV export: nodes.csv, edges.csv and claims.csv (one row per claim and quote) in one zip.
// Quoting is papaparse's (RFC 4180, CRLF rows, UTF-8 with a BOM so spreadsheet programs pick the
// right encoding); cells starting with = + - @ are prefixed with ' (escapeFormulae) because
// imported text is data and must not run as a spreadsheet formula. The zip is fflate's streaming
// writer, so rows go to the file as they are read.
import Papa from 'papaparse';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { SqliteDb } from '../open';
import { splitIds } from '../queries/graph';
import { writeAtomically, type AtomicFile } from './atomic';
import { EDGE_ATTRS, NODE_ATTRS } from './attributes';
import { forEachEdge, forEachNode } from './graph-rows';
import type { ExportScope } from './scope';

const BATCH = 2000;

class CsvEntry {
  private rows: unknown[][] = [];
  private started = false;
  private readonly entry: ZipDeflate;
  count = 0;

  constructor(zip: Zip, name: string, private readonly fields: string[]) {
    this.entry = new ZipDeflate(name, { level: 6 });
    zip.add(this.entry);
  }

  add(row: unknown[]): void {
    this.rows.push(row);
    this.count += 1;
    if (this.rows.length >= BATCH) this.flush(false);
  }

  flush(final: boolean): void {
    const header = !this.started;
    let text = this.rows.length > 0 || header
      ? Papa.unparse({ fields: this.fields, data: this.rows }, { header, newline: '\r\n', escapeFormulae: true })
      : '';
    if (header) text = `\uFEFF${text}`;
    if (text.length > 0) text += '\r\n';
    this.started = true;
    this.rows = [];
    this.entry.push(strToU8(text), final);
  }
}

export function exportCsv(db: SqliteDb, path: string, scope: ExportScope) {
  let counts = { nodes: 0, edges: 0, claims: 0 };
  const written = db.transaction(() => writeAtomically(path, (file: AtomicFile) => {
    let failure: Error | null = null;
    const zip = new Zip((error, chunk) => {
      if (error) failure = error;
      else file.writeBytes(chunk);
    });
    const nodes = new CsvEntry(zip, 'nodes.csv', ['id', ...NODE_ATTRS.map((a) => a.name)]);
    forEachNode(db, scope, (node) => nodes.add([node.id, ...NODE_ATTRS.map((a) => a.get(node) ?? '')]));
    nodes.flush(true);
    const edges = new CsvEntry(zip, 'edges.csv', ['id', 'source', 'target', ...EDGE_ATTRS.map((a) => a.name)]);
    forEachEdge(db, scope, (edge) => edges.add([edge.id, edge.source, edge.target, ...EDGE_ATTRS.map((a) => a.get(edge) ?? '')]));
    edges.flush(true);
    const claims = new CsvEntry(zip, 'claims.csv', [
      'claim_id', 'text', 'claimant', 'stance', 'status', 'credibility', 'evidence', 'predicate', 'made_on', 'about_time',
      'source_id', 'source_title', 'reliability', 'quote', 'start', 'end',
    ]);
    const sets = scope.kind === 'view' ? splitIds(scope.nodeIds) : null;
    const sql = `SELECT c.id, c.text, coalesce(e.name, c.claimant_label, '') AS claimant, c.stance, c.status, c.credibility,
        c.evidence_offered, c.predicate, c.made_on, c.about_time, s.id AS source_id, s.title, s.reliability, sp.exact, sp.start, sp."end"
      FROM claim c LEFT JOIN entity e ON e.id = c.claimant_id
      LEFT JOIN span sp ON sp.claim_id = c.id LEFT JOIN source s ON s.id = sp.source_id
      ${sets ? 'WHERE c.id IN (SELECT value FROM json_each(@c))' : ''} ORDER BY c.id, sp.id`;
    for (const r of db.prepare(sql).raw().iterate(sets ? { c: JSON.stringify(sets.claim) } : {}) as Iterable<unknown[]>) {
      claims.add([`c:${r[0]}`, ...r.slice(1, 10), r[10] === null ? '' : `s:${r[10]}`, ...r.slice(11)].map((v) => v ?? ''));
    }
    claims.flush(true);
    zip.end();
    if (failure) throw failure;
    counts = { nodes: nodes.count, edges: edges.count, claims: claims.count };
  })).deferred();
  return { ...written, counts };
}
