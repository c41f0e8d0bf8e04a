// S1: bulk load of the generated graph — edge rows per second over the whole load (inserts,
// index builds and FTS rebuild) and the file size, scaled to 1M entities + 3M edges.
import type { Dataset } from './generate';
import { fileSize } from './generate';
import type { Row } from './report';

const MIB = 2 ** 20;

export function benchLoad(dataset: Dataset): Row[] {
  const s = dataset.stats;
  const bytes = fileSize(dataset.path);
  const rate = s.edgeRows / s.loadSeconds;
  const insertRate = s.edgeRows / s.insertSeconds;
  const perMillion = bytes / MIB / (s.entities / 1e6);
  const note = dataset.cached ? ' (measured when the cache was built)' : '';
  return [
    {
      id: 'S1', what: 'bulk load rate (whole load)', samples: 1, p50: null, p95: null, max: null, unit: '',
      size: `${Math.round(rate).toLocaleString('en')} edge rows/s — ${s.edgeRows.toLocaleString('en')} edge rows (${s.relations.toLocaleString('en')} relations, ${s.claimRoles.toLocaleString('en')} claim roles, ${s.claimants.toLocaleString('en')} claimants) in ${s.loadSeconds.toFixed(1)} s (page store warm-up ${(s.warmSeconds ?? 0).toFixed(1)} s included); inserts alone ${Math.round(insertRate).toLocaleString('en')}/s${note}`,
      pass: rate >= 300_000, budget: '≥ 300k edge rows/s',
    },
    {
      id: 'S1', what: 'file size per 1M entities + 3M edges, with FTS', samples: 1, p50: null, p95: null, max: null, unit: '',
      size: `${perMillion.toFixed(0)} MiB (${(bytes / MIB).toFixed(0)} MiB for ${s.entities.toLocaleString('en')} entities, ${s.aliases.toLocaleString('en')} aliases, ${s.claims.toLocaleString('en')} claims, ${s.sources.toLocaleString('en')} sources, ${s.spans.toLocaleString('en')} spans)`,
      pass: perMillion <= 200, budget: '≤ 200 MiB',
    },
  ];
}
