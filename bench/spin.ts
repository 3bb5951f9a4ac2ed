// The machine's own parallel speedup: the same busy loop twice on one thread, then once on each of two
// worker threads. On an idle 2-core machine it is near 2×; when other work holds a core it is not, and
// no program's worker speedup can exceed it. Run as a worker, this file spins and answers.
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const N = 2e8;
function spin(): number {
  let x = 0;
  for (let i = 0; i < N; i++) x = (x + i * 7) % 1000003;
  return x;
}

if (!isMainThread) parentPort?.postMessage(spin());

/** Seconds for two spins on this thread, and for one spin on each of two workers. */
export async function spinSpeedup(): Promise<{ one: number; two: number }> {
  let t0 = performance.now();
  spin();
  spin();
  const one = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await Promise.all([0, 1].map(() => new Promise<void>((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url));
    w.once('message', () => { void w.terminate(); resolve(); });
    w.once('error', reject);
  })));
  return { one, two: (performance.now() - t0) / 1000 };
}
