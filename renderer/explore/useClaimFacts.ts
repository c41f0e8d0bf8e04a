// Fetches what the filters and the timeline need to know about the claims on the canvas (dates,
// and the grading of claims behind edges whose claim node is not shown). The graph payload carries
// status, stance and credibility but no dates, so each claim is read once with claim.get and cached
// until the investigation changes. (API gap: a batched `claim.facts {ids}` would make this one call.)
import { useEffect } from 'react';
import { useBackend } from '../backend/context';
import { useSkein } from '../state/store';
import type { ClaimFacts } from './filterModel';

/** Claims read per pass; a huge canvas is covered over several passes instead of a burst of requests. */
const PER_PASS = 300;
const PARALLEL = 4;

/** Claim ids the canvas refers to (claim nodes, and the claims behind claimant/role/alleged/responds_to edges). */
export function claimIdsOnCanvas(s: { nodes: Record<string, { type: string }>; edges: Record<string, { claimId?: number }> }): number[] {
  const ids = new Set<number>();
  for (const [id, node] of Object.entries(s.nodes)) if (node.type === 'claim') ids.add(Number(id.slice(2)));
  for (const edge of Object.values(s.edges)) if (edge.claimId !== undefined) ids.add(edge.claimId);
  return [...ids];
}

export function useClaimFacts(): void {
  const backend = useBackend();
  const nodes = useSkein((s) => s.nodes);
  const edges = useSkein((s) => s.edges);
  const dataVersion = useSkein((s) => s.dataVersion);

  // an edit anywhere may have regraded a claim: start the cache again
  useEffect(() => { useSkein.setState({ claimFacts: {} }); }, [dataVersion]);

  useEffect(() => {
    let cancelled = false;
    const known = useSkein.getState().claimFacts;
    const wanted = claimIdsOnCanvas({ nodes, edges }).filter((id) => !known[id]).slice(0, PER_PASS);
    if (wanted.length === 0) return;
    const run = async () => {
      const found: Record<number, ClaimFacts> = {};
      for (let i = 0; i < wanted.length && !cancelled; i += PARALLEL) {
        await Promise.all(wanted.slice(i, i + PARALLEL).map(async (id) => {
          try {
            const { claim } = await backend.invoke('claim.get', { id });
            found[id] = { status: claim.status, stance: claim.stance, credibility: claim.credibility, madeOn: claim.madeOn, aboutTime: claim.aboutTime };
          } catch { /* a claim deleted meanwhile simply has no facts */ }
        }));
      }
      if (!cancelled) useSkein.getState().addClaimFacts(found);
    };
    void run();
    return () => { cancelled = true; };
  }, [backend, nodes, edges, dataVersion]);
}
