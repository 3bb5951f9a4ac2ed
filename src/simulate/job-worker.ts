/** A worker thread that runs one scenario (jobs.ts): the server's event loop stays free while it runs. */
import { parentPort, workerData } from 'node:worker_threads';
import { openObservatory } from '../observe/open.js';
import { simulate } from './simulate.js';
import type { Scenario } from './scenario-schema.js';

export type WorkerMessage =
  | { type: 'progress'; step: string; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; name: string; message: string };

const { scenario, db: dbPath } = workerData as { scenario: Scenario; db?: string };
const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

let last = 0;
try {
  const db = await openObservatory(dbPath);
  try {
    const result = await simulate(scenario, {
      db, scenarioFile: 'api',
      // At most about ten messages a second, and every step's last one.
      progress: (step, done, total) => {
        const now = Date.now();
        if (done === total || now - last >= 100) {
          last = now;
          post({ type: 'progress', step, done, total });
        }
      },
    });
    post({ type: 'done', result });
  } finally {
    db.close();
  }
} catch (error) {
  post({ type: 'failed', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) });
}
