// FollowTheMoney export as JSON lines (Aleph/OpenAleph `ftm` tooling): people → Person,
// organizations → Organization, places → Address, events → Event, sources → Article, relations →
// the matching interval schema (Membership, Employment, Directorship, Ownership, Family, Associate)
// when the ends have the kinds that schema requires, else UnknownLink; entity mentions in a source →
// Documentation. Every property value is a list of strings, as FtM requires. Claims have no FtM
// schema and are left to the Web Annotation export.
import type { SqliteDb } from '../open';
import { splitIds } from '../queries/graph';
import { writeAtomically } from './atomic';
import type { ExportScope } from './scope';

type Props = Record<string, (string | null | undefined)[]>;
const line = (id: string, schema: string, props: Props): string => {
  const properties: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(props)) {
    const kept = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (kept.length > 0) properties[key] = kept;
  }
  return `${JSON.stringify({ id, schema, properties })}\n`;
};

const ENTITY_SCHEMA: Record<string, string> = { person: 'Person', organization: 'Organization', place: 'Address', event: 'Event' };

/** [schema, source property, target property, required source kind, required target kind] */
const RELATION_SCHEMA: Record<string, [string, string, string, string | null, string | null]> = {
  member_of: ['Membership', 'member', 'organization', null, 'organization'],
  works_for: ['Employment', 'employee', 'employer', 'person', 'organization'],
  leads: ['Directorship', 'director', 'organization', null, 'organization'],
  owns: ['Ownership', 'owner', 'asset', null, null],
  family_of: ['Family', 'person', 'relative', 'person', 'person'],
  associate_of: ['Associate', 'person', 'associate', 'person', 'person'],
  met_with: ['Associate', 'person', 'associate', 'person', 'person'],
};
const LEGAL = new Set(['person', 'organization']);

export function exportFtm(db: SqliteDb, path: string, scope: ExportScope) {
  const counts = { entities: 0, sources: 0, relations: 0, mentions: 0 };
  const sets = scope.kind === 'view' ? splitIds(scope.nodeIds) : null;
  const p = sets ? { e: JSON.stringify(sets.entity), s: JSON.stringify(sets.source) } : {};
  const inE = (col: string) => (sets ? `AND ${col} IN (SELECT value FROM json_each(@e))` : '');
  const inS = (col: string) => (sets ? `AND ${col} IN (SELECT value FROM json_each(@s))` : '');
  const written = db.transaction(() => writeAtomically(path, (file) => {
    // Aliases are folded into each entity with one grouped query instead of one query per entity.
    const entities = db.prepare(`SELECT e.uid, e.kind, e.name, e.description,
        (SELECT json_group_array(a.name) FROM alias a WHERE a.entity_id = e.id AND a.name <> e.name) AS aliases
      FROM entity e WHERE e.merged_into IS NULL ${inE('e.id')} ORDER BY e.id`);
    for (const r of entities.iterate(p) as Iterable<{ uid: string; kind: string; name: string; description: string; aliases: string }>) {
      const schema = ENTITY_SCHEMA[r.kind] ?? 'LegalEntity';
      const aliases = JSON.parse(r.aliases) as string[];
      const props: Props = schema === 'Address'
        ? { full: [r.name], summary: [r.description] }
        : { name: [r.name], alias: aliases, description: [r.description] };
      file.write(line(`skein-e-${r.uid}`, schema, props));
      counts.entities += 1;
    }
    for (const r of db.prepare(`SELECT uid, title, author, publisher, published_at, url, text FROM source WHERE 1 ${inS('id')} ORDER BY id`)
      .iterate(p) as Iterable<Record<string, string | null>>) {
      file.write(line(`skein-s-${r.uid}`, 'Article', {
        title: [r.title], author: [r.author], publisher: [r.publisher], publishedAt: [r.published_at], sourceUrl: [r.url], bodyText: [r.text],
      }));
      counts.sources += 1;
    }
    const relations = db.prepare(`SELECT r.uid, r.kind, r.start, r."end", f.uid AS from_uid, f.kind AS from_kind, t.uid AS to_uid, t.kind AS to_kind
      FROM relation r CROSS JOIN entity f ON f.id = r.from_id CROSS JOIN entity t ON t.id = r.to_id
      WHERE f.merged_into IS NULL AND t.merged_into IS NULL ${inE('r.from_id')} ${inE('r.to_id')} ORDER BY r.id`);
    for (const r of relations.iterate(p) as Iterable<Record<string, string | null>>) {
      const mapped = RELATION_SCHEMA[r.kind!];
      const fits = mapped && (mapped[3] ? r.from_kind === mapped[3] : LEGAL.has(r.from_kind!)) && (mapped[4] ? r.to_kind === mapped[4] : true);
      const [schema, from, to] = fits ? mapped : ['UnknownLink', 'subject', 'object'];
      file.write(line(`skein-r-${r.uid}`, schema, {
        [from]: [`skein-e-${r.from_uid}`], [to]: [`skein-e-${r.to_uid}`], role: [r.kind!.replace(/_/g, ' ')], startDate: [r.start], endDate: [r.end],
      }));
      counts.relations += 1;
    }
    const mentions = db.prepare(`SELECT DISTINCT s.uid AS source_uid, e.uid AS entity_uid FROM span sp
      CROSS JOIN source s ON s.id = sp.source_id CROSS JOIN entity e ON e.id = sp.entity_id
      WHERE sp.entity_id IS NOT NULL AND e.merged_into IS NULL ${inE('sp.entity_id')} ${inS('sp.source_id')} ORDER BY s.id, e.id`);
    for (const r of mentions.iterate(p) as Iterable<{ source_uid: string; entity_uid: string }>) {
      file.write(line(`skein-d-${r.source_uid}-${r.entity_uid}`, 'Documentation', {
        document: [`skein-s-${r.source_uid}`], entity: [`skein-e-${r.entity_uid}`], role: ['mentioned'],
      }));
      counts.mentions += 1;
    }
  })).deferred();
  return { ...written, counts };
}
