// S6 concurrent reader: a separate process with its own connection to the investigation being
// imported into, expanding neighbourhoods through the API router (as S2 does) in a loop until told
// to stop, then sending back every call's latency and start time. Run by bench/s6-batch.ts.
import { GraphStore } from '../db/store';
import { createRouter } from '../electron/router';
import { HUBS, hubId } from './model';
import { Rng } from './rng';
import { now } from './report';

const [path, entitiesArg] = process.argv.slice(2);
const entities = Number(entitiesArg);
const store = new GraphStore(path!, { history: false, checkIntegrity: false });
const router = createRouter({ store, appVersion: 'bench-s6' });
const rng = new Rng(66);
const samples: { at: number; ms: number; hub: boolean }[] = [];
let stop = false;
process.on('message', (message) => {
  if (message === 'stop') stop = true;
});

async function loop(): Promise<void> {
  process.send?.('ready');
  while (!stop) {
    // one call in ten on a hub, as an analyst exploring would hit them
    const hub = rng.chance(0.1);
    const id = hub ? hubId(rng.int(HUBS), entities) : 1 + rng.int(entities);
    const start = now();
    await router.call('graph.neighborhood', { id: `e:${id}`, limit: 200, offset: 0, known: [] });
    samples.push({ at: start, ms: now() - start, hub });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  store.close();
  // disconnect only once the samples are sent: an early disconnect drops the queued message
  process.send?.({ samples }, () => process.disconnect?.());
}

void loop();
