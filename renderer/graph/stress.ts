// The force pass of the large layout (scaleLayout.ts): sparse stress majorization by stochastic
// gradient descent (Zheng, Pawar & Goodman, "Graph drawing by stochastic gradient descent", 2018),
// started from pivot MDS (Brandes & Pich 2006). Each node is a disc (its leaves' fan included) and an
// edge wants the two discs a fixed gap apart; far pairs are measured against a few dozen pivots
// instead of every node, so a pass over 2,000 nodes takes milliseconds where fCoSE takes seconds.
// Afterwards discs that still overlap are pushed apart.
import type { Point } from './boxes';

export interface StressGraph {
  /** neighbours of each node, by index */
  adjacency: readonly (readonly number[])[];
  /** radius of each node's disc */
  radius: readonly number[];
  /** space between two linked discs */
  edgeGap: number;
}

/** A small seeded generator, so the same graph always gets the same picture. */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

/** Weighted shortest-path distances from `source` (a binary heap keeps it O(m log n)). */
function distancesFrom(source: number, graph: StressGraph): Float64Array {
  const n = graph.adjacency.length;
  const dist = new Float64Array(n).fill(Infinity);
  dist[source] = 0;
  const heap: [number, number][] = [[0, source]];
  const push = (item: [number, number]) => {
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p]![0] <= heap[i]![0]) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
        if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i]!, heap[m]!];
        i = m;
      }
    }
    return top;
  };
  while (heap.length > 0) {
    const [d, u] = pop();
    if (d > dist[u]!) continue;
    for (const v of graph.adjacency[u]!) {
      const nd = d + graph.radius[u]! + graph.radius[v]! + graph.edgeGap;
      if (nd < dist[v]!) { dist[v] = nd; push([nd, v]); }
    }
  }
  return dist;
}

/** Pivots spread over the graph (each the farthest from those chosen so far) and their distances. */
function pivots(graph: StressGraph, count: number): { ids: number[]; dist: Float64Array[] } {
  const n = graph.adjacency.length;
  let first = 0;
  for (let i = 1; i < n; i++) if (graph.adjacency[i]!.length > graph.adjacency[first]!.length) first = i;
  const ids = [first];
  const dist = [distancesFrom(first, graph)];
  const nearest = Float64Array.from(dist[0]!);
  while (ids.length < count) {
    let far = -1;
    for (let i = 0; i < n; i++) if (far < 0 || nearest[i]! > nearest[far]!) far = i;
    if (far < 0 || nearest[far]! === 0) break;
    ids.push(far);
    const d = distancesFrom(far, graph);
    dist.push(d);
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i]!, d[i]!);
  }
  return { ids, dist };
}

/** Pivot MDS: the two main axes of the double-centred pivot distance matrix. */
function pivotMds(n: number, dist: Float64Array[], rand: () => number): Point[] {
  const k = dist.length;
  const c = dist.map((d) => {
    const squared = new Float64Array(n);
    for (let i = 0; i < n; i++) squared[i] = Number.isFinite(d[i]!) ? d[i]! * d[i]! : 0;
    return squared;
  });
  const rowMean = new Float64Array(n);
  const colMean = new Float64Array(k);
  let all = 0;
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) {
      const v = c[j]![i]!;
      rowMean[i] = rowMean[i]! + v / k;
      colMean[j] = colMean[j]! + v / n;
      all += v / (n * k);
    }
  }
  for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) c[j]![i] = -0.5 * (c[j]![i]! - rowMean[i]! - colMean[j]! + all);
  // B = Cᵀ C is k × k; its two largest eigenvectors by power iteration, the second deflated
  const b: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let p = 0; p < k; p++) {
    const cp = c[p]!;
    for (let q = p; q < k; q++) {
      const cq = c[q]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += cp[i]! * cq[i]!;
      b[p]![q] = s;
      b[q]![p] = s;
    }
  }
  const axes: number[][] = [];
  for (let axis = 0; axis < 2; axis++) {
    let v = Array.from({ length: k }, () => rand() - 0.5);
    for (let iter = 0; iter < 100; iter++) {
      const next = b.map((row) => row.reduce((s, x, q) => s + x * v[q]!, 0));
      for (const prev of axes) {
        const dot = next.reduce((s, x, q) => s + x * prev[q]!, 0);
        for (let q = 0; q < k; q++) next[q] = next[q]! - dot * prev[q]!;
      }
      const norm = Math.hypot(...next) || 1;
      v = next.map((x) => x / norm);
    }
    axes.push(v);
  }
  return Array.from({ length: n }, (_, i) => {
    let x = 0;
    let y = 0;
    for (let j = 0; j < k; j++) { x += c[j]![i]! * axes[0]![j]!; y += c[j]![i]! * axes[1]![j]!; }
    return { x, y };
  });
}

/** Positions for a connected graph of discs. */
export function stressLayout(graph: StressGraph, seed = 1, iterations = 40, overlapGap = 16): Point[] {
  const n = graph.adjacency.length;
  if (n === 1) return [{ x: 0, y: 0 }];
  const rand = random(seed);
  const { ids, dist } = pivots(graph, Math.min(n, 40));
  const start = pivotMds(n, dist, rand);
  // scale the MDS picture so that edges come out at their wanted lengths on average
  let wanted = 0;
  let drawn = 0;
  const flat: number[] = []; // i, j, d, weight, both (1) or only i moves (0)
  graph.adjacency.forEach((list, i) => {
    for (const j of list) {
      if (j <= i) continue;
      const d = graph.radius[i]! + graph.radius[j]! + graph.edgeGap;
      wanted += d;
      const dx = start[i]!.x - start[j]!.x;
      const dy = start[i]!.y - start[j]!.y;
      drawn += Math.sqrt(dx * dx + dy * dy);
      // an edge is weighted by the gap it leaves, not by its length: a hub's fan is large, yet its
      // neighbours must sit just outside it as firmly as two small linked nodes sit side by side
      const span = 2 * Math.min(graph.radius[i]!, graph.radius[j]!) + graph.edgeGap;
      flat.push(i, j, d, 1 / (span * span), 1);
    }
  });
  ids.forEach((p, k) => {
    for (let i = 0; i < n; i++) if (i !== p && Number.isFinite(dist[k]![i]!) && dist[k]![i]! > 0) flat.push(i, p, dist[k]![i]!, 1 / (dist[k]![i]! * dist[k]![i]!), 0);
  });
  const terms = Float64Array.from(flat);
  const scale = drawn > 0 ? wanted / drawn : 1;
  const x = Float64Array.from(start, (p) => p.x * scale + (rand() - 0.5));
  const y = Float64Array.from(start, (p) => p.y * scale + (rand() - 0.5));
  const count = terms.length / 5;
  let wMin = Infinity;
  let wMax = 0;
  for (let t = 0; t < count; t++) { const w = terms[t * 5 + 3]!; if (w > 0 && Number.isFinite(w)) { wMin = Math.min(wMin, w); wMax = Math.max(wMax, w); } }
  // step sizes from 1/w_min down to 0.1/w_max, as in the paper
  const etaMax = 1 / wMin;
  const etaMin = 0.1 / wMax;
  const decay = Math.log(etaMax / etaMin) / Math.max(1, iterations - 1);
  const order = Uint32Array.from({ length: count }, (_, t) => t);
  const separator = new Separator(x, y, graph.radius, overlapGap);
  for (let iter = 0; iter < iterations; iter++) {
    const eta = etaMax * Math.exp(-decay * iter);
    for (let t = count - 1; t > 0; t--) {
      const s = Math.floor(rand() * (t + 1));
      const tmp = order[t]!; order[t] = order[s]!; order[s] = tmp;
    }
    for (let t = 0; t < count; t++) {
      const base = order[t]! * 5;
      const i = terms[base]!;
      const j = terms[base + 1]!;
      const d = terms[base + 2]!;
      const both = terms[base + 4] === 1;
      const mu = Math.min(1, eta * terms[base + 3]!);
      let dx = x[i]! - x[j]!;
      let dy = y[i]! - y[j]!;
      let len = Math.sqrt(dx * dx + dy * dy);
      if (len < 1e-6) { dx = rand() - 0.5; dy = rand() - 0.5; len = Math.sqrt(dx * dx + dy * dy); }
      const r = (mu * (len - d)) / (both ? 2 : 1) / len;
      x[i] = x[i]! - r * dx;
      y[i] = y[i]! - r * dy;
      if (both) { x[j] = x[j]! + r * dx; y[j] = y[j]! + r * dy; }
    }
    // once the picture has its shape, overlaps are pushed apart between the stress steps, so the
    // stress terms rearrange the crowd instead of single pushes having to travel through it
    if (iter >= iterations / 3) separator.round();
  }
  for (let round = 0; round < 60 && separator.round(); round++);
  return Array.from({ length: n }, (_, i) => ({ x: x[i]!, y: y[i]! }));
}

/** One pass of pushing overlapping discs apart over coordinates held in typed arrays. */
class Separator {
  private readonly mass: Float64Array;
  private readonly cell: number;
  private readonly isBig: Uint8Array;
  private readonly big: number[];

  constructor(private readonly x: Float64Array, private readonly y: Float64Array, private readonly radius: readonly number[], private readonly gap: number) {
    this.mass = Float64Array.from(radius, (r) => r * r + 1);
    const sorted = [...radius].sort((a, b) => a - b);
    this.cell = 2 * (sorted[Math.floor(radius.length * 0.9)] ?? 0) + gap + 1;
    this.isBig = Uint8Array.from(radius, (r) => (2 * r + gap > this.cell ? 1 : 0));
    this.big = [...this.isBig.keys()].filter((i) => this.isBig[i] === 1);
  }

  private push(i: number, j: number): boolean {
    const { x, y } = this;
    const dx = x[j]! - x[i]!;
    const dy = y[j]! - y[i]!;
    const want = this.radius[i]! + this.radius[j]! + this.gap;
    const d2 = dx * dx + dy * dy;
    // half a pixel of slack: a pair pushed exactly apart must not count as overlapping again
    if (d2 >= (want - 0.5) * (want - 0.5)) return false;
    const d = Math.sqrt(d2);
    const ux = d > 1e-6 ? dx / d : Math.cos(i + j);
    const uy = d > 1e-6 ? dy / d : Math.sin(i + j);
    const deficit = want + 0.5 - d;
    const share = this.mass[j]! / (this.mass[i]! + this.mass[j]!);
    x[i] = x[i]! - ux * deficit * share;
    y[i] = y[i]! - uy * deficit * share;
    x[j] = x[j]! + ux * deficit * (1 - share);
    y[j] = y[j]! + uy * deficit * (1 - share);
    return true;
  }

  /** Pushes every overlapping pair apart once; false when nothing overlapped. */
  round(): boolean {
    const { x, y, cell, isBig } = this;
    const n = x.length;
    let moved = false;
    const key = (a: number, b: number) => (a + 1048576) * 2097152 + (b + 1048576);
    const grid = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      if (isBig[i] === 1) continue;
      const k = key(Math.floor(x[i]! / cell), Math.floor(y[i]! / cell));
      const list = grid.get(k);
      if (list) list.push(i); else grid.set(k, [i]);
    }
    for (let i = 0; i < n; i++) {
      if (isBig[i] === 1) continue;
      const cx = Math.floor(x[i]! / cell);
      const cy = Math.floor(y[i]! / cell);
      for (let a = cx - 1; a <= cx + 1; a++) {
        for (let b = cy - 1; b <= cy + 1; b++) {
          const list = grid.get(key(a, b));
          if (list) for (const j of list) if (j > i && this.push(i, j)) moved = true;
        }
      }
    }
    // large discs last: whatever the small ones did, nothing is left inside a hub's fan
    for (const i of this.big) for (let j = 0; j < n; j++) if (j !== i && !(isBig[j] === 1 && j < i) && this.push(i, j)) moved = true;
    return moved;
  }
}
