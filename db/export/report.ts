// The HTML report: one self-contained file for an editor (SPEC §5). No network at all: no external
// CSS, scripts, fonts or images, and a CSP that forbids them; the only image is the optional
// picture of the view, embedded as a data: URL. All investigation text is escaped (imported text is
// data), and rows are streamed so the report of a large investigation is written in constant memory.
import type { SqliteDb } from '../open';
import { splitIds } from '../queries/graph';
import { ApiError } from '../../shared/api/errors';
import { writeAtomically } from './atomic';
import type { ExportScope } from './scope';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const PICTURE = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1d1d1f}h1{font-size:1.5rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f2f5}blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #999;color:#333}
img.view{max-width:100%;border:1px solid #ddd}.muted{color:#666}.denies{color:#b00020}`;

export interface ReportOptions { picture?: string | null | undefined; title?: string; now?: Date }

interface ClaimRow {
  id: number; text: string; claimant: string | null; stance: string; status: string; credibility: number | null;
  evidence_offered: string | null; quotes: string;
}

export function exportReport(db: SqliteDb, path: string, scope: ExportScope, options: ReportOptions = {}) {
  if (options.picture && !PICTURE.test(options.picture)) {
    throw new ApiError('invalid_arguments', 'The picture must be a data:image/png (or jpeg, webp) base64 URL');
  }
  const counts = { claims: 0, sources: 0 };
  const sets = scope.kind === 'view' ? splitIds(scope.nodeIds) : null;
  const params = sets ? { c: JSON.stringify(sets.claim), s: JSON.stringify(sets.source) } : {};
  const now = options.now ?? new Date();
  const title = options.title ?? 'Skein report';
  const written = db.transaction(() => writeAtomically(path, (file) => {
    file.write(`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">\n`);
    file.write(`<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n`);
    file.write(`<h1>${escapeHtml(title)}</h1>\n<p class="muted">Generated ${escapeHtml(now.toISOString())} by Skein${sets ? ' (current view)' : ''}.</p>\n`);
    if (options.picture) file.write(`<img class="view" alt="The graph as drawn" src="${options.picture}">\n`);
    file.write('<h2>Claims</h2>\n<table><thead><tr><th>Claim</th><th>Claimant</th><th>Stance</th><th>Status</th><th>Credibility</th><th>Evidence</th><th>Quotes</th></tr></thead><tbody>\n');
    const claims = db.prepare(`SELECT c.id, c.text, coalesce(e.name, c.claimant_label) AS claimant, c.stance, c.status, c.credibility,
        c.evidence_offered, (SELECT json_group_array(json_object('exact', sp.exact, 'title', s.title, 'reliability', s.reliability))
          FROM span sp CROSS JOIN source s ON s.id = sp.source_id WHERE sp.claim_id = c.id) AS quotes
      FROM claim c LEFT JOIN entity e ON e.id = c.claimant_id
      ${sets ? 'WHERE c.id IN (SELECT value FROM json_each(@c))' : ''} ORDER BY c.id`);
    for (const c of claims.iterate(params) as Iterable<ClaimRow>) {
      const quotes = (JSON.parse(c.quotes) as { exact: string; title: string; reliability: string | null }[])
        .map((q) => `<blockquote>${escapeHtml(q.exact)}</blockquote><span class="muted">— ${escapeHtml(q.title || 'untitled source')}${q.reliability ? ` (${escapeHtml(q.reliability)})` : ''}</span>`)
        .join('');
      file.write(`<tr><td>${escapeHtml(c.text)}</td><td>${escapeHtml(c.claimant ?? 'unattributed')}</td>`
        + `<td class="${c.stance === 'denies' ? 'denies' : ''}">${escapeHtml(c.stance)}</td><td>${escapeHtml(c.status)}</td>`
        + `<td>${c.credibility ?? 'ungraded'}</td><td>${escapeHtml(c.evidence_offered ?? '')}</td><td>${quotes}</td></tr>\n`);
      counts.claims += 1;
    }
    file.write('</tbody></table>\n<h2>Sources</h2>\n<table><thead><tr><th>Title</th><th>Publisher</th><th>Published</th><th>Reliability</th><th>Address</th></tr></thead><tbody>\n');
    const sources = db.prepare(`SELECT title, publisher, published_at, reliability, url FROM source
      ${sets ? `WHERE id IN (SELECT value FROM json_each(@s)) OR id IN (SELECT source_id FROM span WHERE claim_id IN (SELECT value FROM json_each(@c)))` : ''} ORDER BY id`);
    for (const s of sources.iterate(params) as Iterable<Record<string, string | null>>) {
      file.write(`<tr><td>${escapeHtml(s.title || 'untitled')}</td><td>${escapeHtml(s.publisher)}</td><td>${escapeHtml(s.published_at)}</td>`
        + `<td>${escapeHtml(s.reliability ?? 'ungraded')}</td><td>${escapeHtml(s.url)}</td></tr>\n`);
      counts.sources += 1;
    }
    file.write('</tbody></table>\n</body></html>\n');
  })).deferred();
  return { ...written, counts };
}
