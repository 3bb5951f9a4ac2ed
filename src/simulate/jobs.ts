/**
 * Scenarios run as jobs, each in a worker thread: submitted, queued (a few at most), run one or two at
 * a time, their progress readable while they run and their result kept for a while after.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Scenario } from './scenario-schema.js';
import type { SimulationResult } from './simulate.js';
import type { WorkerMessage } from './job-worker.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface SimulationJob {
  id: string;
  status: JobStatus;
  scenario: { name: string; from: string; to: string; replications: number; seed: number };
  /** The step running now and how far it is; fraction is an estimate over the whole run (0 to 1). */
  progress: { step: string; done: number; total: number; fraction: number };
  submittedAt: string;
  startedAt?: string;
  finishedAt?: string;
  result?: SimulationResult;
  /** Why the run failed, in words fit for the client (the full error stays in the server's log). */
  error?: string;
}

export interface JobLimits {
  /** Scenarios running at once. */
  running: number;
  /** Scenarios waiting; past that, submit answers busy. */
  queued: number;
  /** Finished jobs kept (oldest dropped first), and for how long. */
  keep: number;
  keepMs: number;
}

export const DEFAULT_JOB_LIMITS: JobLimits = { running: 1, queued: 8, keep: 200, keepMs: 60 * 60 * 1000 };

/** Errors whose message is about the scenario itself and safe to show: everything else is logged, not shown. */
const INPUT_ERRORS = new Set(['ScenarioInputError', 'OverlayError', 'CalibrationError']);

interface Entry { job: SimulationJob; scenario: Scenario; worker?: Worker }

export class SimulationJobs {
  private readonly jobs = new Map<string, Entry>();
  private readonly waiting: Entry[] = [];
  private running = 0;
  readonly limits: JobLimits;

  constructor(private readonly options: { db?: string; limits?: Partial<JobLimits>; log?: (s: string) => void } = {}) {
    this.limits = { ...DEFAULT_JOB_LIMITS, ...options.limits };
  }

  /** Queue a scenario (already checked by the Scenario schema), or say the queue is full. */
  submit(scenario: Scenario): { ok: true; job: SimulationJob } | { ok: false; retryAfterSeconds: number } {
    this.prune();
    if (this.waiting.length >= this.limits.queued) return { ok: false, retryAfterSeconds: 30 };
    const job: SimulationJob = {
      id: randomUUID(), status: 'queued',
      scenario: { name: scenario.name, from: scenario.from, to: scenario.to, replications: scenario.replications, seed: scenario.seed },
      progress: { step: 'queued', done: 0, total: 0, fraction: 0 }, submittedAt: new Date().toISOString(),
    };
    const entry: Entry = { job, scenario };
    this.jobs.set(job.id, entry);
    this.waiting.push(entry);
    this.next();
    return { ok: true, job };
  }

  get(id: string): SimulationJob | undefined {
    return this.jobs.get(id)?.job;
  }

  /** Stop every worker (for a server shutting down). */
  async close(): Promise<void> {
    this.waiting.length = 0;
    await Promise.all([...this.jobs.values()].map((e) => e.worker?.terminate()));
  }

  private next(): void {
    while (this.running < this.limits.running && this.waiting.length > 0) this.start(this.waiting.shift()!);
  }

  private start(entry: Entry): void {
    const { job } = entry;
    this.running += 1;
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    job.progress = { step: 'starting', done: 0, total: 0, fraction: 0 };
    const worker = new Worker(new URL('./job-worker.js', import.meta.url), { workerData: { scenario: entry.scenario, db: this.options.db } });
    entry.worker = worker;
    let settled = false;
    const finish = (status: 'done' | 'failed', error?: string): void => {
      if (settled) return;
      settled = true;
      job.status = status;
      job.finishedAt = new Date().toISOString();
      if (error) job.error = error;
      if (status === 'done') job.progress = { ...job.progress, fraction: 1 };
      delete entry.worker;
      this.running -= 1;
      void worker.terminate();
      this.next();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') job.progress = { step: m.step, done: m.done, total: m.total, fraction: fractionOf(m) };
      else if (m.type === 'done') {
        job.result = m.result as SimulationResult;
        finish('done');
      } else {
        if (!INPUT_ERRORS.has(m.name)) this.log(`simulation ${job.id} failed: ${m.name}: ${m.message}`);
        finish('failed', INPUT_ERRORS.has(m.name) ? m.message
          : m.name === 'DatabaseMissingError' || m.name === 'DatabaseUnreadableError' ? 'The records are not loaded yet: run `comity data load` and submit the scenario again.'
            : 'The simulation failed; the server\'s log says why.');
      }
    });
    worker.on('error', (e) => {
      this.log(`simulation ${job.id}: worker error: ${e.message}`);
      finish('failed', 'The simulation failed; the server\'s log says why.');
    });
    worker.on('exit', (code) => {
      if (!settled) {
        this.log(`simulation ${job.id}: worker exited with code ${code}`);
        finish('failed', 'The simulation stopped before it finished.');
      }
    });
  }

  private log(s: string): void {
    (this.options.log ?? ((x: string) => console.error(x)))(s);
  }

  /** Drop finished jobs past their keeping time or beyond the number kept. */
  private prune(): void {
    const now = Date.now();
    const finished = [...this.jobs.values()].filter((e) => e.job.finishedAt);
    for (const e of finished) if (now - Date.parse(e.job.finishedAt!) > this.limits.keepMs) this.jobs.delete(e.job.id);
    const left = finished.filter((e) => this.jobs.has(e.job.id));
    for (let i = 0; i < left.length - this.limits.keep; i++) this.jobs.delete(left[i]!.job.id);
  }
}

/** A rough share of the whole run: preparing the law tables about a third, the replications the rest. */
function fractionOf(m: { step: string; done: number; total: number }): number {
  const f = m.total > 0 ? Math.min(1, m.done / m.total) : 0;
  if (m.step === 'replications') return Math.round((1 / 3 + (2 / 3) * f) * 1000) / 1000;
  return Math.round((f / 3) * 1000) / 1000;
}
