/**
 * `simulate(scenario, options)`: the library's entry point. Prepares the world once (counties, the
 * law tables from the overlaid registry, the calibration), runs the replications, and summarizes them.
 * Progress is reported as events (step, done, total).
 */
import { join } from 'node:path';
import { defaultEngine, type Engine } from '../law/index.js';
import { projectRoot } from '../observe/paths.js';
import type { Database } from '../observe/db.js';
import type { ProgressFn } from '../observe/progress.js';
import { dayOf } from '../law/days.js';
import { readCalibration, type CalibrationFile } from './calibration-file.js';
import { countiesFor, buildWorld, declinedCustodialOf, lawsFor, ratesFrom } from './prepare.js';
import type { Ledger } from './model.js';
import { runReplications, type RunOptions } from './parallel.js';
import { scenarioEngine } from './overlays.js';
import { summarize, type SimulationSummary } from './results.js';
import type { Scenario } from './scenario-schema.js';
import type { World } from './world.js';

export const DEFAULT_CALIBRATION = 'calibration/fit-fy2016-18.json';

export interface SimulateOptions {
  db: Database;
  /** The base engine (default: the bundled registry). */
  engine?: Engine;
  calibration?: CalibrationFile;
  /** Where the scenario came from (named in overlay provisions and the result). */
  scenarioFile?: string;
  replications?: number;
  seed?: number;
  progress?: ProgressFn;
  /** Worker threads for the replications (default: one per core, at most one per replication); 1 runs on the calling thread. */
  threads?: number;
  /** Stops a run between replications (for a server job whose requester left). */
  signal?: AbortSignal;
  /** Include arrests by county and month (byCountyMonth; large). */
  countyMonths?: boolean;
}

export interface SimulationResult extends SimulationSummary {
  scenario: { name: string; file: string | null; from: string; to: string; seed: number; replications: number; policies: number; surges: number };
  registry: string;
  calibration: { fittedAt: string; window: string; objectiveValue: number };
  counties: { modelled: number; skipped: number; lawPeriods: number };
  ledgers: Ledger[];
  note: string;
}

/** The project's calibration file (calibration/fit-fy2016-18.json), or the scenario's. */
export function defaultCalibration(path?: string): CalibrationFile {
  const root = projectRoot() ?? process.cwd();
  return readCalibration(join(root, path ?? DEFAULT_CALIBRATION));
}

/** Prepare the world a scenario runs in. */
export async function prepareScenario(scenario: Scenario, opts: SimulateOptions): Promise<{ world: World; engine: Engine; calibration: CalibrationFile }> {
  const engine = scenarioEngine(opts.engine ?? defaultEngine(), scenario.policies, opts.scenarioFile ?? 'scenario', scenario.from);
  const calibration = opts.calibration ?? defaultCalibration(scenario.calibration);
  const counties = await countiesFor(opts.db, scenario);
  const laws = await lawsFor(opts.db, engine, counties, dayOf(scenario.from), dayOf(scenario.to), opts.progress);
  const world = buildWorld(counties, laws, ratesFrom(calibration, counties.aors), scenario, declinedCustodialOf(calibration));
  return { world, engine, calibration };
}


/** The run options (threads, progress, signal) of simulate's options. */
export function runOptions(opts: SimulateOptions): RunOptions {
  return { ...(opts.threads !== undefined ? { threads: opts.threads } : {}), ...(opts.progress ? { progress: opts.progress } : {}), ...(opts.signal ? { signal: opts.signal } : {}) };
}

export async function simulate(scenario: Scenario, opts: SimulateOptions): Promise<SimulationResult> {
  const seed = opts.seed ?? scenario.seed;
  const replications = opts.replications ?? scenario.replications;
  const { world, engine, calibration } = await prepareScenario(scenario, opts);
  const runs = await runReplications(world, seed, replications, runOptions(opts));
  return {
    scenario: { name: scenario.name, file: opts.scenarioFile ?? null, from: scenario.from, to: scenario.to, seed, replications, policies: scenario.policies.length, surges: scenario.surges.length },
    registry: engine.registry.fingerprint,
    calibration: { fittedAt: calibration.fittedAt, window: `${calibration.window.from} to ${calibration.window.to}`, objectiveValue: calibration.objectiveValue },
    counties: { modelled: world.counties.n, skipped: world.counties.skipped.length, lawPeriods: world.laws.reduce((s, l) => s + l.starts.length, 0) },
    ...summarize(world, runs, { countyMonths: opts.countyMonths ?? false }),
    ledgers: runs.map((r) => r.ledger),
    note: 'Synthetic counts, not records: every figure is drawn from the model. Custodial = jail and 287(g) pickups plus state and federal prison arrests (measured rates); shares are of all arrests, as in `comity observe custodial-share`. Intervals are the 5th and 95th percentiles across replications.',
  };
}
