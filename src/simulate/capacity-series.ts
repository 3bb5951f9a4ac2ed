/**
 * ICE's capacity as an input series: given national arrests per month, find the multiplier on every
 * AOR's field hours for each month that makes the model's national arrests (mean-field) equal them.
 * Only the national total is matched; how the arrests split between custody and at large, and across
 * areas and states, is left to the model. Fixed-point iteration on the part of the arrests that field
 * hours buy (local and prison pickups and at-large arrests; 287(g) and other-method arrests do not
 * depend on field hours). Where the model cannot reach a month's arrests (its at-large caseload runs
 * out), the multiplier stops at `maxScale` and the gap is reported.
 */
import { METRICS, runReplication } from './model.js';
import type { World } from './world.js';

export interface CapacityFit {
  months: string[];
  observed: number[];
  /** Field-hours multiplier per month. */
  scale: number[];
  /** Mean-field national arrests per month with that multiplier. */
  simulated: number[];
  iterations: number;
  /** Largest |simulated − observed| / observed over the months. */
  maxRelativeGap: number;
}

const ALL = ['custodialLocal', 'custodial287g', 'custodialPrison', 'atLarge', 'other'] as const;
const FIXED = ['custodial287g', 'other'] as const;

/** Mean-field national arrests by month: all, and the part that does not depend on field hours. */
export function meanFieldNational(w: World): { all: Float64Array; fixed: Float64Array } {
  const out = runReplication(w, null);
  const A = w.counties.aors.length;
  const Mo = w.months.length;
  const sum = (ms: readonly string[]): Float64Array => {
    const s = new Float64Array(Mo);
    for (const m of ms) {
      const mi = METRICS.indexOf(m as (typeof METRICS)[number]);
      for (let a = 0; a < A; a++) for (let mo = 0; mo < Mo; mo++) s[mo] = s[mo]! + out.values[(mi * A + a) * Mo + mo]!;
    }
    return s;
  };
  return { all: sum(ALL), fixed: sum(FIXED) };
}

/**
 * Set w.fieldHoursByMonth so that the mean-field national arrests match `observed` (by month label;
 * every month of the world must have one). Returns the fit; the world keeps the multipliers.
 */
export function fitMonthlyCapacity(w: World, observed: ReadonlyMap<string, number>, opts: { iterations?: number; maxScale?: number; tolerance?: number } = {}): CapacityFit {
  const iterations = opts.iterations ?? 25;
  const maxScale = opts.maxScale ?? 200;
  const tol = opts.tolerance ?? 0.002;
  const obs = w.months.map((m) => {
    const v = observed.get(m);
    if (v === undefined) throw new Error(`no observed arrests for ${m}`);
    return v;
  });
  const scale = new Float64Array(w.months.length).fill(1);
  w.fieldHoursByMonth = scale;
  let sim = meanFieldNational(w);
  let it = 0;
  for (; it < iterations; it++) {
    let worst = 0;
    for (let m = 0; m < obs.length; m++) {
      const want = Math.max(1, obs[m]! - sim.fixed[m]!);
      const got = Math.max(1, sim.all[m]! - sim.fixed[m]!);
      scale[m] = Math.min(maxScale, Math.max(0.01, scale[m]! * want / got));
      worst = Math.max(worst, Math.abs(sim.all[m]! - obs[m]!) / obs[m]!);
    }
    if (worst < tol) break;
    sim = meanFieldNational(w);
  }
  const gaps = obs.map((o, m) => Math.abs(sim.all[m]! - o) / o);
  return { months: [...w.months], observed: obs, scale: Array.from(scale), simulated: Array.from(sim.all), iterations: it, maxRelativeGap: Math.max(...gaps) };
}
