// R1–R5 of PERFORMANCE.md, in Debian's Chromium against browser mode on the generated investigation:
// the page is opened with `?perf=1` (renderer/perf/hook.ts), node sets of a fixed size are read from
// the API here and added through the real store → canvas path, and the page times its own frames.
// Standalone: `npx tsx bench/render.ts [--entities N] [--runs N]` (needs `npm run build:renderer`).
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { GraphStore } from '../db/store';
import { createRouter, type Router } from '../electron/router';
import { startServer } from '../electron/http/server';
import type { GraphPayload } from '../shared/graph/model';
import { ensureDataset } from './generate';
import { latencyRow, type Row } from './report';

const STATIC_DIR = resolve('dist/web');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** About `size` nodes: hubs' neighbourhoods page by page, then the edges among everything taken. */
async function nodeSet(router: Router, hubs: number[], size: number): Promise<GraphPayload> {
  const ids = new Set<string>();
  const nodes = new Map<string, GraphPayload['nodes'][number]>();
  for (const hub of hubs) {
    for (let offset = 0; ids.size < size && offset < 5000; offset += 100) {
      const page = (await router.call('graph.neighborhood', { id: `e:${hub}`, limit: 100, offset })) as GraphPayload & { nextOffset: number | null };
      for (const node of page.nodes) {
        if (ids.size >= size) break;
        ids.add(node.id);
        nodes.set(node.id, node);
      }
      if (page.nextOffset === null) break;
    }
    if (ids.size >= size) break;
  }
  const { edges } = (await router.call('graph.edgesAmong', { ids: [...ids] })) as { edges: GraphPayload['edges'] };
  return { nodes: [...nodes.values()], edges };
}

interface Trial { firstFrame: number; layout: number; longestTask: number; complete: number }

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1]!;

/** A latency row that also fails when a main-thread task went over `maxTask` ms. */
function withTaskLimit(row: Row, trials: Trial[], maxTask: number): Row {
  const longest = Math.max(...trials.map((t) => t.longestTask));
  return { ...row, size: `${row.size}; longest main-thread task ${longest.toFixed(0)} ms (≤ ${maxTask})`, pass: row.pass === true && longest <= maxTask, budget: `${row.budget}, no task > ${maxTask} ms` };
}

// The in-page code is plain JavaScript text: functions passed to page.evaluate would carry the
// helpers tsx adds for function names, which do not exist in the page.
const ADD_AND_TIME = `async ({ payload, clear }) => {
  const perf = window.__skeinPerf;
  const cy = perf.canvas();
  if (!cy) throw new Error('no canvas');
  const idle = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  if (clear) { perf.store.getState().clearCanvas(); await idle(); }
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration); });
  observer.observe({ entryTypes: ['longtask'] });
  const t0 = performance.now();
  // an event that never comes fails the run with its name instead of hanging the bench
  const within = (what, promise) => Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error('no ' + what + ' within 60 s')), 60000))]);
  const firstFrame = within('first frame', new Promise((done) => cy.one('render', () => done(performance.now() - t0))));
  // from the change to the layout's end: a worker layout computes before its (preset) layout starts
  const layout = within('layoutstop', new Promise((done) => cy.one('layoutstop', () => done(performance.now() - t0))));
  perf.store.getState().addGraph(payload);
  const result = { firstFrame: await firstFrame, layout: await layout, longestTask: 0, complete: 0 };
  // many new edges are added over the frames after the nodes (renderer/graph/progressive.ts): the
  // long tasks are watched until the last of them is drawn, and that time is reported too
  await within('last edge slice', perf.fed());
  await Promise.race([new Promise((done) => cy.one('render', done)), idle()]);
  result.complete = performance.now() - t0;
  await idle();
  observer.disconnect();
  result.longestTask = longestTask;
  return result;
}`;

/** In the page: clear, add the payload, time the first drawn frame and the layout that follows. */
async function addAndTime(page: Page, payload: GraphPayload, clear: boolean): Promise<Trial> {
  return page.evaluate(`(${ADD_AND_TIME})(${JSON.stringify({ payload, clear })})`) as Promise<Trial>;
}

// Pans and zooms every animation frame for `ms`, with the renderer in the state a wheel zoom puts
// it in (cytoscape's own flag), so the "viewport is moving" drawing mode applies as it does for a
// person; synthetic input events arrive too slowly through the driver to measure frame capacity.
const PAN_ZOOM = `async (ms) => {
  const cy = window.__skeinPerf.canvas();
  const r = cy.renderer();
  cy.fit(undefined, 20);
  let frames = 0;
  const count = () => { frames += 1; };
  cy.on('render', count);
  const start = performance.now();
  await new Promise((done) => {
    const step = (now) => {
      const t = (now - start) / 1000;
      r.data.wheelZooming = true;
      cy.viewport({ zoom: cy.zoom() * (1 + 0.01 * Math.sin(t * 3)), pan: { x: cy.pan().x + 3 * Math.cos(t), y: cy.pan().y + 3 * Math.sin(t) } });
      if (now - start < ms) requestAnimationFrame(step); else { r.data.wheelZooming = false; done(); }
    };
    requestAnimationFrame(step);
  });
  cy.off('render', count);
  return (frames * 1000) / (performance.now() - start);
}`;

/** Frames drawn per second while the viewport pans and zooms continuously for `ms`. */
async function panZoomFps(page: Page, ms: number): Promise<number> {
  return page.evaluate(`(${PAN_ZOOM})(${ms})`) as Promise<number>;
}

/** R5: what the page's GPU reports, and which renderer Skein therefore uses. */
async function rendererChoice(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no webgl2 → canvas renderer';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    const software = /swiftshader|llvmpipe|software|basic render/i.test(name);
    return name + ' (' + (software ? 'software' : 'hardware') + ') → canvas renderer';
  })()`) as Promise<string>;
}

export async function benchRender(dbPath: string, runs: number, log: (line: string) => void = () => {}): Promise<Row[]> {
  if (!existsSync(resolve(STATIC_DIR, 'index.html'))) throw new Error('the renderer is not built: run "npm run build:renderer" first');
  const store = new GraphStore(dbPath, { history: false, checkIntegrity: false });
  const router = createRouter({ store, appVersion: 'bench' });
  const hubs = (store.db.prepare('SELECT id FROM entity WHERE merged_into IS NULL ORDER BY importance DESC LIMIT 40').all() as { id: number }[]).map((r) => r.id);
  const server = await startServer({ store, staticDir: STATIC_DIR, port: 0, appVersion: 'bench' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}?token=${server.token}`);
    await page.goto(`${server.url}?perf=1`);
    await page.waitForFunction('Boolean(window.__skeinPerf && window.__skeinPerf.canvas())');
    const sets = new Map<number, GraphPayload>();
    for (const size of [200, 500, 1000, 2000]) sets.set(size, await nodeSet(router, hubs, size));
    for (const size of [200, 500, 1000]) {
      const trials: Trial[] = [];
      for (let i = 0; i < runs; i++) trials.push(await addAndTime(page, sets.get(size)!, true));
      const payload = sets.get(size)!;
      const budget = size === 200 ? 300 : size === 500 ? 500 : 900;
      rows.push(latencyRow('R1', `expand → first frame, ${size} nodes`, trials.map((t) => t.firstFrame), `${payload.nodes.length} nodes, ${payload.edges.length} edges; every edge drawn at p50 ${p50(trials.map((t) => t.complete)).toFixed(0)} ms`, { p50: budget }));
      if (size === 1000) rows.push(latencyRow('R3', 'full layout, 1,000 nodes (add → laid out)', trials.map((t) => t.layout), `longest task ${Math.max(...trials.map((t) => t.longestTask)).toFixed(0)} ms (the first draw included)`, { p50: 1000 }));
      log(`  R1 ${size}: done`);
    }
    // R2: 200 new nodes around 500 that are already laid out
    const base = sets.get(500)!;
    const extra = await nodeSet(router, hubs.slice(10), 200);
    const incremental: Trial[] = [];
    for (let i = 0; i < runs; i++) {
      await addAndTime(page, base, true);
      incremental.push(await addAndTime(page, extra, false));
    }
    // new nodes are placed by boxes measured from their data (renderer/graph/measure.ts): they must be
    // cytoscape's own, or labels placed side by side would overlap on screen
    const boxError = (await page.evaluate('window.__skeinPerf.boxError()')) as number;
    rows.push(withTaskLimit(latencyRow('R2', 'incremental layout, 200 new nodes', incremental.map((t) => t.layout), `200 added to 500; every edge drawn at p50 ${p50(incremental.map((t) => t.complete)).toFixed(0)} ms; node boxes within ${boxError.toFixed(1)} px of cytoscape's`, { p50: 250 }), incremental, 100));
    // R3 at 2,000 and R4 at 1,000 / 2,000 elements
    const big: Trial[] = [];
    for (let i = 0; i < Math.max(1, Math.floor(runs / 2)); i++) big.push(await addAndTime(page, sets.get(2000)!, true));
    rows.push(latencyRow('R3', 'full layout, 2,000 nodes (add → laid out)', big.map((t) => t.layout), `longest task ${Math.max(...big.map((t) => t.longestTask)).toFixed(0)} ms (the first draw included)`, { p50: 1500 }));
    const fps2000 = await panZoomFps(page, 3000);
    await addAndTime(page, sets.get(1000)!, true);
    const fps1000 = await panZoomFps(page, 3000);
    rows.push({ id: 'R4', what: 'pan/zoom, 1,000 nodes', samples: 1, p50: null, p95: null, max: null, unit: 'fps', size: `${fps1000.toFixed(1)} fps`, pass: fps1000 >= 30, budget: '≥ 30 fps' });
    rows.push({ id: 'R4', what: 'pan/zoom, 2,000 nodes', samples: 1, p50: null, p95: null, max: null, unit: 'fps', size: `${fps2000.toFixed(1)} fps`, pass: fps2000 >= 15, budget: '≥ 15 fps' });
    rows.push({ id: 'R5', what: 'renderer choice', samples: 1, p50: null, p95: null, max: null, unit: '', size: await rendererChoice(page), pass: true, budget: 'WebGL only on a hardware GPU' });
  } finally {
    await browser.close();
    await server.close();
    store.close();
  }
  return rows;
}

const isEntry = process.argv[1]?.endsWith('render.ts');
if (isEntry) {
  const { values } = parseArgs({ options: { entities: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' } } });
  const dataset = ensureDataset(Number(values.entities), (line) => console.log(`  generate: ${line}`));
  const { printRow } = await import('./report');
  for (const row of await benchRender(dataset.path, Number(values.runs), console.log)) printRow(row, console.log);
}
