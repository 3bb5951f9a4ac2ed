/**
 * A worker thread that runs replications of one prepared world (sent once, as workerData, with its caseload's
 * run-in, computed once on the main thread). It is
 * asked for one replication at a time and answers with its output, the typed arrays transferred.
 * The draws are keyed by (seed, replication, unit, day), so the output is the same as on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runReplication, type RunKey } from './model.js';
import type { World } from './world.js';

const { world, starts } = workerData as { world: World; starts: Float64Array[] | null };
const port = parentPort;
if (!port) throw new Error('replication-worker.js runs only as a worker thread');

port.on('message', (key: RunKey) => {
  const out = runReplication(world, key, starts);
  const arrays = [out.values, out.backlog, out.localByClass, out.countyCustodial, out.countyAtLarge, out.countyByClass];
  port.postMessage({ replication: key.replication, out }, arrays.map((a) => a.buffer as ArrayBuffer));
});
