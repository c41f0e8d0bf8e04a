// Fetches what the filters and the timeline need to know about the claims on the canvas (dates,
// and the grading of claims behind edges whose claim node is not shown). The graph payload carries
// status, stance and credibility but no dates, so the claims are read in one `claim.facts` call per
// pass and cached until the investigation changes.
import { useEffect } from 'react';
import { useBackend } from '../backend/context';
import { useSkein } from '../state/store';
import type { ClaimFacts } from './filterModel';

/** Claims read per pass (one call); a huge canvas is covered over several passes. */
const PER_PASS = 2000;

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
      try {
        const { facts } = await backend.invoke('claim.facts', { ids: wanted });
        for (const f of facts) found[f.id] = { status: f.status, stance: f.stance, credibility: f.credibility, madeOn: f.madeOn, aboutTime: f.aboutTime };
      } catch { /* the next change of the canvas asks again */ }
      if (!cancelled) useSkein.getState().addClaimFacts(found);
    };
    void run();
    return () => { cancelled = true; };
  }, [backend, nodes, edges, dataVersion]);
}
