// Claims as W3C Web Annotations (JSON-LD, https://www.w3.org/TR/annotation-model/): one Annotation
// per claim, its body the claim text plus stance, status and grades as tags, its targets the sources
// that report it, each with a TextQuoteSelector and a TextPositionSelector from the claim's spans.
// Written as an AnnotationCollection whose single page lists the items, streamed one per line.
import type { SqliteDb } from '../open';
import { splitIds } from '../queries/graph';
import { writeAtomically } from './atomic';
import type { ExportScope } from './scope';

interface ClaimRow {
  id: number; uid: string; text: string; stance: string; status: string; credibility: number | null;
  evidence_offered: string | null; predicate: string | null; claimant: string | null; claimant_label: string | null;
  made_on: string | null; created_at: number; spans: string;
}
interface SpanJson { source_uid: string; title: string; url: string | null; start: number; end: number; exact: string; prefix: string; suffix: string }

export function exportAnnotations(db: SqliteDb, path: string, scope: ExportScope) {
  const counts = { annotations: 0, targets: 0 };
  const sets = scope.kind === 'view' ? splitIds(scope.nodeIds) : null;
  const params = sets ? { c: JSON.stringify(sets.claim) } : {};
  const written = db.transaction(() => writeAtomically(path, (file) => {
    file.write('{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","label":"Skein claims",\n');
    file.write('"first":{"type":"AnnotationPage","items":[\n');
    const claims = db.prepare(`SELECT c.id, c.uid, c.text, c.stance, c.status, c.credibility, c.evidence_offered, c.predicate,
        e.name AS claimant, c.claimant_label, c.made_on, c.created_at,
        (SELECT json_group_array(json_object('source_uid', s.uid, 'title', s.title, 'url', s.url, 'start', sp.start,
           'end', sp."end", 'exact', sp.exact, 'prefix', sp.prefix, 'suffix', sp.suffix))
         FROM span sp CROSS JOIN source s ON s.id = sp.source_id WHERE sp.claim_id = c.id) AS spans
      FROM claim c LEFT JOIN entity e ON e.id = c.claimant_id
      ${sets ? 'WHERE c.id IN (SELECT value FROM json_each(@c))' : ''} ORDER BY c.id`);
    let first = true;
    for (const c of claims.iterate(params) as Iterable<ClaimRow>) {
      const spans = JSON.parse(c.spans) as SpanJson[];
      const tags = [`stance:${c.stance}`, `status:${c.status}`];
      if (c.credibility !== null) tags.push(`credibility:${c.credibility}`);
      if (c.evidence_offered) tags.push(`evidence:${c.evidence_offered}`);
      if (c.predicate) tags.push(`predicate:${c.predicate}`);
      const annotation = {
        id: `urn:skein:claim:${c.uid}`,
        type: 'Annotation',
        motivation: 'describing',
        created: new Date(c.created_at).toISOString(),
        ...(c.claimant || c.claimant_label ? { creator: { type: 'Person', name: c.claimant ?? c.claimant_label } } : {}),
        body: [
          { type: 'TextualBody', purpose: 'describing', value: c.text, format: 'text/plain' },
          ...tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
        ],
        target: spans.map((s) => ({
          source: s.url ?? `urn:skein:source:${s.source_uid}`,
          ...(s.title ? { title: s.title } : {}),
          selector: [
            { type: 'TextQuoteSelector', exact: s.exact, prefix: s.prefix, suffix: s.suffix },
            { type: 'TextPositionSelector', start: s.start, end: s.end },
          ],
        })),
      };
      counts.annotations += 1;
      counts.targets += spans.length;
      file.write(`${first ? '' : ',\n'}${JSON.stringify(annotation)}`);
      first = false;
    }
    file.write(`\n]},"total":${counts.annotations}}\n`);
  })).deferred();
  return { ...written, counts };
}
