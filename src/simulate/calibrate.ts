/**
 * Calibration: per AOR, the two free parameters (removable share of bookings, field officer-hours per
 * day) fitted by Nelder–Mead on their logarithms to the monthly local-custodial and at-large arrests of
 * FY2016–FY2018, running the model's mean-field version (the same code with every draw replaced by
 * its expectation). Prison and other-method arrest rates are measured, not fitted.
 */
import type { Engine } from '../law/index.js';
import { dayOf } from '../law/days.js';
import type { Database } from '../observe/db.js';
import { DATA_FILES } from '../observe/manifest.js';
import type { ProgressFn } from '../observe/progress.js';
import { CALIBRATION_VERSION, type AorFit, type CalibrationFile } from './calibration-file.js';
import { loadCountyInputs } from './county-inputs.js';
import { newOutput, runAor, METRICS } from './model.js';
import { nelderMead } from './nelder-mead.js';
import { observedMonths, type ObservedMonth } from './observed.js';
import { PARAMETERS, parameterValues } from './parameters.js';
import { buildWorld, lawsFor } from './prepare.js';
import type { World } from './world.js';

export const FIT_WINDOW = { from: '2015-10-01', to: '2018-09-30', fiscalYears: [2016, 2017, 2018], heldOut: 'FY2019 (2018-10-01 to 2019-09-01)' };
export const FIT_METHOD = 'Per AOR, Nelder–Mead (start step 0.5, at most 120 evaluations, relative tolerance 1e-7) over log(matchShare) and log(fieldHours), on the mean-field model (every Poisson and binomial draw replaced by its mean). Starting point: matchShare from local custodial arrests over bookings, fieldHours from the at-large arrests at 16 hours each plus pickups at 2 hours. prisonPerDay, otherPerDay and otherInflowPerDay are the window\'s daily means of prison-custodial, other-method and at-large arrests.';
export const FIT_OBJECTIVE = 'Sum over the 36 months of (simulated − observed)² / (the series\' monthly mean + 25), for local custodial (CAP Local Incarceration + 287(g) Program) and at-large arrests.';
const FLOOR = 25;

const LOCAL = METRICS.indexOf('custodialLocal');
const G287 = METRICS.indexOf('custodial287g');
const AT_LARGE = METRICS.indexOf('atLarge');

/** Simulated monthly local and at-large arrests of AOR a (mean-field). */
export function meanFieldMonths(w: World, a: number): { local: Float64Array; atLarge: Float64Array } {
  const out = newOutput(w);
  runAor(w, a, null, out);
  const A = w.counties.aors.length;
  const Mo = w.months.length;
  const local = new Float64Array(Mo);
  const atLarge = new Float64Array(Mo);
  for (let m = 0; m < Mo; m++) {
    local[m] = out.values[(LOCAL * A + a) * Mo + m]! + out.values[(G287 * A + a) * Mo + m]!;
    atLarge[m] = out.values[(AT_LARGE * A + a) * Mo + m]!;
  }
  return { local, atLarge };
}

export interface CalibrateOptions { engine: Engine; progress?: ProgressFn; now?: Date }

export async function calibrate(db: Database, opts: CalibrateOptions): Promise<CalibrationFile> {
  const from = dayOf(FIT_WINDOW.from);
  const to = dayOf(FIT_WINDOW.to);
  const days = to - from + 1;
  const counties = await loadCountyInputs(db, 2017);
  const laws = await lawsFor(db, opts.engine, counties, from, to, opts.progress);
  const obs = await observedMonths(db, 2016, 2018);
  const byAor = new Map<string, ObservedMonth[]>();
  for (const o of obs) byAor.set(o.aor, [...(byAor.get(o.aor) ?? []), o]);
  const scenario = { from: FIT_WINDOW.from, to: FIT_WINDOW.to, surges: [], fieldHoursScale: 1, matchShareScale: 1 };
  const rates = counties.aors.map(() => ({ matchShare: 0, fieldHours: 0, prisonPerDay: 0, otherPerDay: 0, otherInflowPerDay: 0 }));
  const world = buildWorld(counties, laws, rates, scenario);
  const p = parameterValues();
  const aors: Record<string, AorFit> = {};
  let total = 0;
  counties.aors.forEach((code, a) => {
    const rows = byAor.get(code) ?? [];
    const monthIx = new Map(world.months.map((m, i) => [m, i]));
    const oLocal = new Float64Array(world.months.length);
    const oAtLarge = new Float64Array(world.months.length);
    let prison = 0;
    let other = 0;
    for (const r of rows) {
      const m = monthIx.get(r.month);
      if (m === undefined) continue;
      oLocal[m] = r.local;
      oAtLarge[m] = r.atLarge;
      prison += r.prison;
      other += r.other;
    }
    const sumLocal = oLocal.reduce((s, x) => s + x, 0);
    const sumAtLarge = oAtLarge.reduce((s, x) => s + x, 0);
    const Mo = world.months.length;
    const wLocal = sumLocal / Mo + FLOOR;
    const wAtLarge = sumAtLarge / Mo + FLOOR;
    const r = rates[a]!;
    r.prisonPerDay = prison / days;
    r.otherPerDay = other / days;
    r.otherInflowPerDay = sumAtLarge / days;
    let bookings = 0;
    for (let i = counties.aorStart[a]!; i < counties.aorStart[a + 1]!; i++) bookings += counties.bookingsPerDay[i]!;
    const m0 = Math.max(1e-6, sumLocal / days / Math.max(bookings, 1) / 0.6);
    const h0 = Math.max(1, (sumAtLarge / days) * (p.atLargeAttemptHours / p.locateProbability) + ((sumLocal + prison) / days) * p.custodialPickupHours);
    const f = (x: number[]): number => {
      r.matchShare = Math.exp(x[0]!);
      r.fieldHours = Math.exp(x[1]!);
      const sim = meanFieldMonths(world, a);
      let s = 0;
      for (let m = 0; m < world.months.length; m++) {
        s += (sim.local[m]! - oLocal[m]!) ** 2 / wLocal;
        s += (sim.atLarge[m]! - oAtLarge[m]!) ** 2 / wAtLarge;
      }
      return s;
    };
    const best = nelderMead(f, [Math.log(m0), Math.log(h0)], { step: 0.5, maxEvaluations: 120, tolerance: 1e-7 });
    const value = f(best.x);
    const sim = meanFieldMonths(world, a);
    total += value;
    aors[code] = {
      matchShare: r.matchShare, fieldHours: r.fieldHours, prisonPerDay: r.prisonPerDay, otherPerDay: r.otherPerDay, otherInflowPerDay: r.otherInflowPerDay,
      objective: value, evaluations: best.evaluations + 2,
      observed: { localPerDay: sumLocal / days, atLargePerDay: sumAtLarge / days },
      fitted: { localPerDay: sim.local.reduce((s, x) => s + x, 0) / days, atLargePerDay: sim.atLarge.reduce((s, x) => s + x, 0) / days },
    };
    opts.progress?.('fitting AORs', a + 1, counties.aors.length);
  });
  const used = DATA_FILES.filter((f) => /EROArrests_FY201[678]|hifld-jails\/county_local|hifld-jails\/hifld_prison_boundaries|census-population|uwchr_county_aor/.test(f.path));
  return {
    version: CALIBRATION_VERSION, window: FIT_WINDOW, fittedAt: (opts.now ?? new Date()).toISOString(), method: FIT_METHOD, objective: FIT_OBJECTIVE,
    objectiveValue: total, data: used.map((f) => ({ path: f.path, sha256: f.sha256 })), registry: opts.engine.registry.fingerprint,
    parameters: Object.fromEntries(Object.entries(PARAMETERS).map(([k, v]) => [k, v.value])), aors,
  };
}
