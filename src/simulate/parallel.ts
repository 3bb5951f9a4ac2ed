/**
 * Replications across worker threads. The world is prepared once on the main thread and copied to each
 * worker; each worker runs whole replications, handed out one at a time as workers finish. Since every
 * draw is keyed by (seed, replication, unit, day), results are identical to a single-thread run, in the
 * same order, whatever the thread count.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ProgressFn } from '../observe/progress.js';
import { runReplication, startingBacklogs, type RunOutput } from './model.js';
import type { World } from './world.js';

export interface RunOptions {
  /** Worker threads (default: the machine's available parallelism, at most one per replication); 1 runs on this thread. */
  threads?: number;
  progress?: ProgressFn;
  /** Stops the run between replications (workers are terminated); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export class SimulationAborted extends Error {
  override readonly name = 'SimulationAborted';
}

const aborted = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new SimulationAborted('the simulation was stopped'));

export function defaultThreads(replications: number): number {
  return Math.max(1, Math.min(availableParallelism(), replications));
}

/** Run replications 0 … n−1 of a world with a seed; outputs in replication order. */
export async function runReplications(world: World, seed: number, replications: number, opts: RunOptions = {}): Promise<RunOutput[]> {
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(replications), replications));
  if (threads === 1) return runOnThisThread(world, seed, replications, opts);
  // The caseload's run-in is the same for every replication: computed once here, not once per worker.
  const starts = startingBacklogs(world);
  const outputs: RunOutput[] = new Array(replications);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown): void => reject(e instanceof Error ? e : new Error(String(e)));
      const onAbort = (): void => fail(aborted(opts.signal!));
      if (opts.signal?.aborted) return onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const give = (w: Worker): void => {
        if (next < replications) w.postMessage({ seed, replication: next++ });
      };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(new URL('./replication-worker.js', import.meta.url), { workerData: { world, starts } });
        workers.push(w);
        w.on('error', fail);
        w.on('exit', (code) => {
          if (done < replications && code !== 0) fail(new Error(`a simulation worker stopped (exit code ${code})`));
        });
        w.on('message', (m: { replication: number; out: RunOutput }) => {
          outputs[m.replication] = m.out;
          done++;
          opts.progress?.('replications', done, replications);
          if (done === replications) {
            opts.signal?.removeEventListener('abort', onAbort);
            resolve();
          } else give(w);
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outputs;
}

function runOnThisThread(world: World, seed: number, replications: number, opts: RunOptions): RunOutput[] {
  const runs: RunOutput[] = [];
  for (let r = 0; r < replications; r++) {
    if (opts.signal?.aborted) throw aborted(opts.signal);
    runs.push(runReplication(world, { seed, replication: r }));
    opts.progress?.('replications', r + 1, replications);
  }
  return runs;
}
