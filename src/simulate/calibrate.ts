/**
 * Calibration: per AOR and per regime, the two free parameters (removable share of bookings, field
 * officer-hours per day) fitted by Nelder–Mead on their logarithms to the monthly local-custodial and
 * at-large arrests, running the model's mean-field version (the same code with every draw replaced by
 * its expectation). Prison and other-method arrest rates, and the caseload's other inflow, are measured
 * per regime, not fitted. What is fitted, over which months and with which weights is a `FitSpec`: the
 * project's (`FIT`) and the candidates it was chosen from (fit-check.ts) are all specs.
 */
import type { Engine } from '../law/index.js';
import { dayOf, isoOfDay } from '../law/days.js';
import type { Database } from '../observe/db.js';
import { DATA_FILES } from '../observe/manifest.js';
import type { ProgressFn } from '../observe/progress.js';
import { CALIBRATION_VERSION, type AorFit, type CalibrationFile, type RegimeFit } from './calibration-file.js';
import { loadCountyInputs } from './county-inputs.js';
import { newOutput, runAor, METRICS } from './model.js';
import { nelderMead } from './nelder-mead.js';
import { observedMonths, type ObservedMonth } from './observed.js';
import { PARAMETERS, parameterValues } from './parameters.js';
import { buildWorld, lawsFor } from './prepare.js';
import { DECLINED_CUSTODIAL_KEY, describeFit, fitDeclinedCustodial, recordedLocal, type DeclinedCustodialFit } from './declined-custodial.js';
import { monthsOf, type AorRates, type RateRegime, type World } from './world.js';

export interface FitWindow { from: string; to: string; fiscalYears: number[]; heldOut: string }

export const FIT_WINDOW: FitWindow = { from: '2015-10-01', to: '2018-09-30', fiscalYears: [2016, 2017, 2018], heldOut: 'FY2019 (2018-10-01 to 2019-09-01)' };

/** Executive Order 13768 (2017-01-25) ended the Priority Enforcement Program's priorities. */
export const EO_13768 = '2017-01-25';

/** How a calibration is made. */
export interface FitSpec {
  /** A short name (the fit check's table). */
  name: string;
  window: FitWindow;
  /** Regimes of the rates, by first day; the first begins on window.from. The last holds after the window. */
  regimes: { name: string; from: string }[];
  /** Measured rates from the last this-many whole months of each regime (null: all its whole months). */
  measuredMonths: number | null;
  /** Each month's terms weighted by 0.5^(months before the window's last month / this) (null: equal weights). */
  halfLifeMonths: number | null;
  /** Weight of the monthly custodial share's error in the objective, as a binomial chi-square (0: none). */
  shareWeight: number;
  /**
   * Fit the national share of declined releases that still end in a custodial arrest (declined-custodial.ts)
   * on the window's fully declining county-months, then refit every AOR with it (false: the share is 0).
   */
  declinedCustodial?: boolean;
}

export const PEP_REGIME = { name: 'PEP priorities (before Executive Order 13768)', from: FIT_WINDOW.from };
export const EO_REGIME = { name: 'Executive Order 13768 (from 2017-01-25)', from: EO_13768 };

export const REGIME_SPLIT = 'regime split at EO 13768';
export const RECENT_WEIGHTS = 'recent months weighted (half-life 6 months)';
export const DECLINED_IN_CUSTODY = 'declined releases in custody (fitted share)';

/**
 * The project's calibration, chosen by the fit check (fit-check.ts, docs/model.md): rates split at
 * Executive Order 13768, runs from that day on using the later regime; months weighted towards the
 * window's end (half-life 6 months); a national share of declined releases that still end in a
 * custodial arrest, fitted on the window's fully declining county-months (declined-custodial.ts).
 */
export const FIT: FitSpec = { name: `${REGIME_SPLIT}, ${RECENT_WEIGHTS}, ${DECLINED_IN_CUSTODY}`, window: FIT_WINDOW, regimes: [PEP_REGIME, EO_REGIME], measuredMonths: null, halfLifeMonths: 6, shareWeight: 0, declinedCustodial: true };

const FLOOR = 25;
/** The declined-releases share and the AORs' fits alternate until the share moves by less than this (or the passes run out). */
export const DECLINED_TOLERANCE = 0.001;
export const DECLINED_MAX_PASSES = 5;
const NM = { step: 0.5, maxEvaluations: 120, tolerance: 1e-7 } as const;

export function fitMethod(spec: FitSpec): string {
  const regimes = spec.regimes.length === 1
    ? 'one regime over the whole window'
    : `${spec.regimes.length} regimes (${spec.regimes.map((r) => `${r.name}, from ${r.from}`).join('; ')}), fitted in order, each to the months whose last day falls in it with the earlier regimes held fixed; a run uses the regime in force on each day, the last one after the window`;
  const measured = spec.measuredMonths === null ? 'all its whole months' : `its last ${spec.measuredMonths} whole months`;
  const declined = spec.declinedCustodial
    ? ` Then the national share of declined releases that still end in a custodial arrest: recorded local custodial arrests attributed to counties (scaled by each AOR's share of such arrests that name a county) over the model's declined requests (bookings × fitted matchShare × requestProbability), over the window's county-months in which the law table declines hold and notification for every class and the jail has no 287(g) agreement; every AOR is then refitted with that share, and the two alternate until the share moves by less than ${DECLINED_TOLERANCE} (at most ${DECLINED_MAX_PASSES} refits).`
    : '';
  return `Per AOR, ${regimes}. Nelder–Mead (start step ${NM.step}, at most ${NM.maxEvaluations} evaluations, relative tolerance ${NM.tolerance}) over log(matchShare) and log(fieldHours), on the mean-field model (every Poisson and binomial draw replaced by its mean). Starting point: matchShare from local custodial arrests over bookings, fieldHours from the at-large arrests at 16 hours each plus pickups at 2 hours. prisonPerDay, otherPerDay and otherInflowPerDay are each regime's daily means of prison-custodial, other-method and at-large arrests over ${measured}${spec.halfLifeMonths === null ? '' : ' (months weighted as in the objective)'}.${declined}`;
}

export function fitObjective(spec: FitSpec): string {
  const share = spec.shareWeight > 0 ? `, plus ${spec.shareWeight} × the month's arrests × (simulated − observed custodial share)² / (s(1 − s)), s the regime's observed share` : '';
  const weight = spec.halfLifeMonths === null ? '' : `; each month weighted by 0.5^(months before the window's last month / ${spec.halfLifeMonths})`;
  return `Per regime, sum over its months of (simulated − observed)² / (the series' monthly mean over those months + ${FLOOR}), for local custodial (CAP Local Incarceration + 287(g) Program) and at-large arrests${share}${weight}.`;
}

export const FIT_METHOD = fitMethod(FIT);
export const FIT_OBJECTIVE = fitObjective(FIT);

const LOCAL = METRICS.indexOf('custodialLocal');
const G287 = METRICS.indexOf('custodial287g');
const PRISON = METRICS.indexOf('custodialPrison');
const AT_LARGE = METRICS.indexOf('atLarge');
const OTHER = METRICS.indexOf('other');

export interface MeanFieldMonths { local: Float64Array; atLarge: Float64Array; prison: Float64Array; other: Float64Array }

/** Simulated monthly local, at-large, prison and other arrests of AOR a (mean-field). */
export function meanFieldMonths(w: World, a: number): MeanFieldMonths {
  const out = newOutput(w);
  runAor(w, a, null, out);
  const A = w.counties.aors.length;
  const Mo = w.months.length;
  const series = (...ms: number[]): Float64Array => Float64Array.from({ length: Mo }, (_, m) => ms.reduce((s, k) => s + out.values[(k * A + a) * Mo + m]!, 0));
  return { local: series(LOCAL, G287), atLarge: series(AT_LARGE), prison: series(PRISON), other: series(OTHER) };
}

export interface CalibrateOptions { engine: Engine; progress?: ProgressFn; now?: Date; spec?: FitSpec }

/**
 * The months of a spec's window: their labels and days, the regime each is fitted to (the one in force
 * on its last day) and the regime it lies wholly in (null for a month a regime begins in; measured rates
 * skip it).
 */
export function monthPlan(spec: FitSpec): { months: string[]; days: number[]; regimeOf: number[]; whollyIn: (number | null)[]; lastDay: number[] } {
  const from = dayOf(spec.window.from);
  const to = dayOf(spec.window.to);
  const { monthOfDay, months } = monthsOf(from, to);
  const starts = spec.regimes.map((r) => dayOf(r.from));
  const regimeAt = (d: number): number => starts.reduce((k, s, i) => (s <= d ? i : k), 0);
  const first = new Array<number>(months.length).fill(Number.POSITIVE_INFINITY);
  const last = new Array<number>(months.length).fill(Number.NEGATIVE_INFINITY);
  for (let d = from; d <= to; d++) {
    const m = monthOfDay[d - from]!;
    first[m] = Math.min(first[m]!, d);
    last[m] = Math.max(last[m]!, d);
  }
  const regimeOf = last.map(regimeAt);
  return {
    months,
    days: first.map((f, m) => last[m]! - f + 1),
    regimeOf,
    whollyIn: first.map((f, m) => (regimeAt(f) === regimeOf[m] ? regimeOf[m]! : null)),
    lastDay: last,
  };
}

/** Each month's weight in the objective and the measured rates: 0.5^(months before the last / half-life), or 1. */
export function monthWeights(halfLifeMonths: number | null, months: number): Float64Array {
  return Float64Array.from({ length: months }, (_, m) => (halfLifeMonths === null ? 1 : 0.5 ** ((months - 1 - m) / halfLifeMonths)));
}

export async function calibrate(db: Database, opts: CalibrateOptions): Promise<CalibrationFile> {
  const spec = opts.spec ?? FIT;
  if (spec.regimes[0]?.from !== spec.window.from) throw new Error(`${spec.name}: the first regime must begin on ${spec.window.from}`);
  const from = dayOf(spec.window.from);
  const to = dayOf(spec.window.to);
  const counties = await loadCountyInputs(db, 2017);
  const laws = await lawsFor(db, opts.engine, counties, from, to, opts.progress);
  const fys = spec.window.fiscalYears;
  const obs = await observedMonths(db, Math.min(...fys), Math.max(...fys));
  const byAor = new Map<string, ObservedMonth[]>();
  for (const o of obs) byAor.set(o.aor, [...(byAor.get(o.aor) ?? []), o]);
  const zero = (): AorRates => ({ matchShare: 0, fieldHours: 0, prisonPerDay: 0, otherPerDay: 0, otherInflowPerDay: 0 });
  const schedule: RateRegime[] = spec.regimes.map((r) => ({ from: dayOf(r.from), rates: counties.aors.map(zero) }));
  const base = { surges: [], fieldHoursScale: 1, matchShareScale: 1 };
  const full = buildWorld(counties, laws, schedule, { ...base, from: spec.window.from, to: spec.window.to });
  const plan = monthPlan(spec);
  const Mo = full.months.length;
  const weight = monthWeights(spec.halfLifeMonths, Mo);
  // Regime k is fitted on a run that ends with its last month (later regimes cannot touch those months).
  const worlds = spec.regimes.map((_, k) => {
    const lastMonth = plan.regimeOf.lastIndexOf(k);
    if (lastMonth < 0) throw new Error(`${spec.name}: regime "${spec.regimes[k]!.name}" has no month in the window`);
    const end = isoOfDay(plan.lastDay[lastMonth]!);
    return buildWorld(counties, laws, schedule, { ...base, from: spec.window.from, to: end });
  });
  const p = parameterValues();
  const monthIx = new Map(full.months.map((m, i) => [m, i]));
  let aors: Record<string, AorFit> = {};
  let total = 0;
  const fitPass = (step: string): void => {
  aors = {};
  total = 0;
  counties.aors.forEach((code, a) => {
    const o = { local: new Float64Array(Mo), prison: new Float64Array(Mo), atLarge: new Float64Array(Mo), other: new Float64Array(Mo) };
    for (const r of byAor.get(code) ?? []) {
      const m = monthIx.get(r.month);
      if (m === undefined) continue;
      o.local[m] = r.local;
      o.prison[m] = r.prison;
      o.atLarge[m] = r.atLarge;
      o.other[m] = r.other;
    }
    let bookings = 0;
    for (let i = counties.aorStart[a]!; i < counties.aorStart[a + 1]!; i++) bookings += counties.bookingsPerDay[i]!;
    const fits: RegimeFit[] = spec.regimes.map((_, k) => {
      const r = schedule[k]!.rates[a]!;
      const world = worlds[k]!;
      const months = plan.regimeOf.flatMap((x, m) => (x === k ? [m] : []));
      let measured = plan.whollyIn.flatMap((x, m) => (x === k ? [m] : []));
      if (spec.measuredMonths !== null) measured = measured.slice(-spec.measuredMonths);
      if (measured.length === 0) measured = months;
      const wsum = (xs: number[], f: (m: number) => number): number => xs.reduce((s, m) => s + weight[m]! * f(m), 0);
      const measuredDays = wsum(measured, (m) => plan.days[m]!);
      r.prisonPerDay = wsum(measured, (m) => o.prison[m]!) / measuredDays;
      r.otherPerDay = wsum(measured, (m) => o.other[m]!) / measuredDays;
      r.otherInflowPerDay = wsum(measured, (m) => o.atLarge[m]!) / measuredDays;
      const days = months.reduce((s, m) => s + plan.days[m]!, 0);
      const sum = (xs: Float64Array): number => months.reduce((s, m) => s + xs[m]!, 0);
      const perDay = (xs: Float64Array): number => wsum(months, (m) => xs[m]!) / wsum(months, (m) => plan.days[m]!);
      const sumLocal = sum(o.local);
      const sumAtLarge = sum(o.atLarge);
      const wLocal = sumLocal / months.length + FLOOR;
      const wAtLarge = sumAtLarge / months.length + FLOOR;
      const all = sumLocal + sumAtLarge + sum(o.prison) + sum(o.other);
      const sBar = all > 0 ? (sumLocal + sum(o.prison)) / all : 0.5;
      const shareVar = Math.max(1e-6, sBar * (1 - sBar));
      const m0 = Math.max(1e-6, sumLocal / days / Math.max(bookings, 1) / 0.6);
      const h0 = Math.max(1, (sumAtLarge / days) * (p.atLargeAttemptHours / p.locateProbability) + ((sumLocal + sum(o.prison)) / days) * p.custodialPickupHours);
      const f = (x: number[]): number => {
        r.matchShare = Math.exp(x[0]!);
        r.fieldHours = Math.exp(x[1]!);
        const sim = meanFieldMonths(world, a);
        let s = 0;
        for (const m of months) {
          let t = (sim.local[m]! - o.local[m]!) ** 2 / wLocal + (sim.atLarge[m]! - o.atLarge[m]!) ** 2 / wAtLarge;
          if (spec.shareWeight > 0) {
            const oAll = o.local[m]! + o.prison[m]! + o.atLarge[m]! + o.other[m]!;
            const sAll = sim.local[m]! + sim.prison[m]! + sim.atLarge[m]! + sim.other[m]!;
            if (oAll > 0 && sAll > 0) t += (spec.shareWeight * oAll * ((sim.local[m]! + sim.prison[m]!) / sAll - (o.local[m]! + o.prison[m]!) / oAll) ** 2) / shareVar;
          }
          s += weight[m]! * t;
        }
        return s;
      };
      const best = nelderMead(f, [Math.log(m0), Math.log(h0)], NM);
      const value = f(best.x);
      const sim = meanFieldMonths(world, a);
      total += value;
      return {
        matchShare: r.matchShare, fieldHours: r.fieldHours, prisonPerDay: r.prisonPerDay, otherPerDay: r.otherPerDay, otherInflowPerDay: r.otherInflowPerDay,
        objective: value, evaluations: best.evaluations + 2,
        observed: { localPerDay: perDay(o.local), atLargePerDay: perDay(o.atLarge) },
        fitted: { localPerDay: perDay(sim.local), atLargePerDay: perDay(sim.atLarge) },
      };
    });
    aors[code] = { regimes: fits };
    opts.progress?.(step, a + 1, counties.aors.length);
  });
  };
  fitPass('fitting AORs');
  let declined: (DeclinedCustodialFit & { passes: number }) | null = null;
  if (spec.declinedCustodial) {
    // The share needs the fitted removable shares (declined requests = bookings × matchShare), and the fit
    // of matchShare needs the share: alternate until the share moves by less than DECLINED_TOLERANCE.
    const rec = await recordedLocal(db, spec.window.from, spec.window.to);
    let last = 0;
    for (let pass = 1; pass <= DECLINED_MAX_PASSES; pass++) {
      const f = fitDeclinedCustodial(full, schedule, rec);
      const moved = Math.abs(f.value - last);
      if (pass > 1 && moved < DECLINED_TOLERANCE) break;
      declined = { ...f, passes: pass };
      last = f.value;
      for (const w of [full, ...worlds]) w.declinedCustodial = f.value;
      fitPass(`refitting AORs with declined releases in custody (pass ${pass})`);
    }
  }
  const fyPattern = new RegExp(`EROArrests_FY(${fys.join('|')})|hifld-jails/county_local|hifld-jails/hifld_prison_boundaries|census-population|uwchr_county_aor`);
  const used = DATA_FILES.filter((f) => fyPattern.test(f.path));
  return {
    version: CALIBRATION_VERSION, window: spec.window, fittedAt: (opts.now ?? new Date()).toISOString(), method: fitMethod(spec), objective: fitObjective(spec),
    spec: { name: spec.name, measuredMonths: spec.measuredMonths, halfLifeMonths: spec.halfLifeMonths, shareWeight: spec.shareWeight, ...(spec.declinedCustodial ? { declinedCustodial: true } : {}) },
    objectiveValue: total, data: used.map((f) => ({ path: f.path, sha256: f.sha256 })), registry: opts.engine.registry.fingerprint,
    parameters: { ...Object.fromEntries(Object.entries(PARAMETERS).map(([k, v]) => [k, v.value])), ...(declined ? { [DECLINED_CUSTODIAL_KEY]: declined.value } : {}) },
    ...(declined ? { declinedCustodial: { ...declined, method: describeFit(declined, from, to) } } : {}),
    regimes: spec.regimes.map((r, k) => ({ name: r.name, from: r.from, months: full.months.filter((_, m) => plan.regimeOf[m] === k) })),
    aors,
  };
}
