/**
 * The fit check: how the project's calibration (calibrate.ts, `FIT`) was chosen without looking at
 * FY2019. Each candidate way of fitting is fitted on FY2016–FY2017 only and run over FY2018, a year
 * inside the calibration window but outside this fit, then compared with FY2018's records: the national
 * custodial share and the mean absolute error of the AORs' shares. The candidate chosen is then refitted
 * on FY2016–FY2018 and validated on FY2019 (validate.ts). `scripts/simulate/fit-check.mjs` prints the table.
 */
import type { Engine } from '../law/index.js';
import type { Database } from '../observe/db.js';
import type { ProgressFn } from '../observe/progress.js';
import { calibrate, DECLINED_IN_CUSTODY, EO_13768, FIT, RECENT_WEIGHTS, REGIME_SPLIT, type FitSpec, type FitWindow } from './calibrate.js';
import { validateYear } from './validate.js';
import { declinedCustodialOf } from './prepare.js';

/** The check's fit window (FY2016–FY2017) and test year (FY2018). */
export const CHECK_WINDOW: FitWindow = { from: '2015-10-01', to: '2017-09-30', fiscalYears: [2016, 2017], heldOut: 'FY2018 (the fit check\'s test year) and FY2019' };
export const CHECK_TEST = { fy: 2018, from: '2017-10-01', to: '2018-09-30' } as const;

/** A candidate, with the reason it might remove the bias, written before the check was run. */
export interface Candidate { spec: FitSpec; why: string }

/** The candidates over a window (the check's or the calibration's). */
export function candidates(window: FitWindow): Candidate[] {
  const one = [{ name: 'one regime', from: window.from }];
  const split = FIT.regimes.map((r, k) => (k === 0 ? { ...r, from: window.from } : r));
  if (!split.every((r, k) => k === 0 || r.from > window.from)) throw new Error(`the regime split (${EO_13768}) must fall inside the window`);
  const base: FitSpec = { name: '', window, regimes: one, measuredMonths: null, halfLifeMonths: null, shareWeight: 0 };
  return [
    { spec: { ...base, name: 'constant (the previous calibration)' }, why: 'Constant rates over the window, matched to its average level.' },
    { spec: { ...base, name: 'constant, measured rates of the last 12 months', measuredMonths: 12 }, why: 'Prison and other-method arrests and the caseload\'s inflow change over the window; the last year is nearer the years run.' },
    { spec: { ...base, name: `constant, ${RECENT_WEIGHTS}`, halfLifeMonths: 6 }, why: 'The fit and the measured rates lean to the end of the window, following a trend without modelling it.' },
    { spec: { ...base, name: 'constant, objective with the custodial share', shareWeight: 1 }, why: 'The objective fits counts; a term on the monthly share (binomial chi-square) makes the fit trade count errors for share errors.' },
    { spec: { ...base, name: REGIME_SPLIT, regimes: split }, why: 'Executive Order 13768 (2017-01-25) ended the PEP priorities: ICE\'s requests and at-large arrests rose at once, a step rather than a trend. Separate rates before and after it; runs after it use the later regime.' },
    { spec: { ...base, name: `${REGIME_SPLIT}, objective with the custodial share`, regimes: split, shareWeight: 1 }, why: 'Both: the regime split and the share term.' },
    { spec: { ...base, name: `${REGIME_SPLIT}, ${RECENT_WEIGHTS}`, regimes: split, halfLifeMonths: 6 }, why: 'Added after the first six were checked: within the later regime at-large arrests peaked in spring 2017 and fell; weighting leans to the end of the window.' },
    { spec: { ...base, name: `${REGIME_SPLIT}, ${RECENT_WEIGHTS}, ${DECLINED_IN_CUSTODY}`, regimes: split, halfLifeMonths: 6, declinedCustodial: true }, why: 'Added for issue 10 (California after SB 54): a declined release may still end in a custodial arrest (a public release date, ICE at the door); one national share fitted on the window\'s county-months where the law table declines everything.' },
  ];
}

export interface FitCheckRow {
  name: string;
  why: string;
  /** FY2018 national custodial share, simulated (mean of replications) and recorded, and the error in points. */
  national: { simulated: number; observed: number; errorPoints: number };
  /** Mean absolute error of the 24 AORs' custodial shares, in points. */
  aorMaePoints: number;
  /** Simulated over recorded arrests, all methods, FY2018. */
  arrestsRatio: number;
  /** The objective value of the FY2016–17 fit. */
  objectiveValue: number;
  /** The fitted share of declined releases that still end in a custodial arrest (0 when the candidate has none). */
  declinedCustodial: number;
  /** FY2018 custodial-share errors, in points, of the California AORs (issue 10: SB 54 from 2018-01-01). */
  california: Record<string, number>;
}

/** The ICE areas of California (Los Angeles, San Francisco, San Diego). */
export const CALIFORNIA_AORS = ['LOS', 'SFR', 'SND'] as const;

export interface FitCheckOptions { db: Database; engine: Engine; replications?: number; seed?: number; threads?: number; progress?: ProgressFn; only?: (c: Candidate) => boolean }

export async function fitCheck(opts: FitCheckOptions): Promise<FitCheckRow[]> {
  const rows: FitCheckRow[] = [];
  for (const c of candidates(CHECK_WINDOW).filter(opts.only ?? (() => true))) {
    const calibration = await calibrate(opts.db, { engine: opts.engine, spec: c.spec, ...(opts.progress ? { progress: opts.progress } : {}) });
    const v = await validateYear({ db: opts.db, engine: opts.engine, calibration, replications: opts.replications ?? 10, seed: opts.seed ?? 2019, ...(opts.threads !== undefined ? { threads: opts.threads } : {}), ...(opts.progress ? { progress: opts.progress } : {}) }, CHECK_TEST.fy, CHECK_TEST, `fit check: ${c.spec.name}`);
    const obs = v.monthly.reduce((s, r) => s + r.observedPerMonth, 0);
    const sim = v.monthly.reduce((s, r) => s + r.simulatedPerMonth, 0);
    rows.push({
      name: c.spec.name, why: c.why,
      national: { simulated: v.national.simulated.mean, observed: v.national.observed, errorPoints: v.national.errorPoints },
      aorMaePoints: v.aorMaePoints, arrestsRatio: sim / obs, objectiveValue: calibration.objectiveValue,
      declinedCustodial: declinedCustodialOf(calibration),
      california: Object.fromEntries(CALIFORNIA_AORS.flatMap((a) => v.byAor.filter((r) => r.key === a).map((r) => [a, r.errorPoints]))),
    });
  }
  return rows;
}
