/** Build a run's World: counties from the records, law tables from the (overlaid) engine, rates from the calibration. */
import type { Engine } from '../law/index.js';
import { dayOf } from '../law/days.js';
import type { Database } from '../observe/db.js';
import type { ProgressFn } from '../observe/progress.js';
import { CLASSES } from './classes.js';
import { loadCountyInputs, type CountyInputs } from './county-inputs.js';
import { compileCountyLaw, type CountyLaw } from './law-table.js';
import { recorded287gJails, withRecorded287g } from './g287-recorded.js';
import { parameterValues, PARAMETERS } from './parameters.js';
import type { CalibrationFile } from './calibration-file.js';
import { DECLINED_CUSTODIAL_KEY } from './declined-custodial.js';
import type { Scenario, SurgeSpec } from './scenario-schema.js';
import { monthsOf, type AorRates, type RateRegime, type Surge, type World } from './world.js';

export class ScenarioInputError extends Error {
  override readonly name = 'ScenarioInputError';
}

export function classShares(): Float64Array {
  const v = PARAMETERS.shareViolent.value;
  const f = PARAMETERS.shareFelony.value;
  const s = Float64Array.from([v, f, 1 - v - f]);
  if (s.length !== CLASSES.length) throw new Error('class shares and classes differ');
  return s;
}

/**
 * Every county's law table over [from, to] with the 287(g) jails the arrest records show before ICE's
 * lists begin (g287-recorded.ts).
 */
export async function lawsFor(db: Database, engine: Engine, counties: CountyInputs, from: number, to: number, progress?: ProgressFn): Promise<CountyLaw[]> {
  const laws = compileLaws(engine, counties, from, to, progress);
  return withRecorded287g(laws, counties, await recorded287gJails(db), from, to);
}

/** Every county's law table over [from, to], from the engine alone. */
export function compileLaws(engine: Engine, counties: CountyInputs, from: number, to: number, progress?: ProgressFn): CountyLaw[] {
  const laws: CountyLaw[] = [];
  for (let i = 0; i < counties.n; i++) {
    laws.push(compileCountyLaw(engine, counties.ocd[i]!, counties.fips[i]!, from, to));
    if (progress && (i % 100 === 0 || i === counties.n - 1)) progress('law tables', i + 1, counties.n);
  }
  return laws;
}

function surgeOf(s: SurgeSpec, index: number, counties: CountyInputs, from: number, to: number): Surge {
  const aorIdx: number[] = [];
  const cIdx: number[] = [];
  if (s.aors) {
    for (const code of s.aors) {
      const a = counties.aors.indexOf(code);
      if (a < 0) throw new ScenarioInputError(`surges.${index}.aors: unknown ICE area "${code}" (known: ${counties.aors.join(', ')})`);
      aorIdx.push(a);
    }
  } else {
    const want = new Set(s.counties ?? []);
    const states = new Set(s.states ?? []);
    for (let i = 0; i < counties.n; i++) if (want.has(counties.fips[i]!) || states.has(counties.state[i]!.toLowerCase())) cIdx.push(i);
    const missing = [...want].filter((f) => !counties.fips.includes(f));
    if (missing.length) throw new ScenarioInputError(`surges.${index}.counties: unknown county FIPS ${missing.join(', ')}`);
    if (cIdx.length === 0) throw new ScenarioInputError(`surges.${index}.states: no county of ${[...states].join(', ')} is modelled`);
  }
  return { name: s.name, from: Math.max(from, dayOf(s.from)), to: Math.min(to, dayOf(s.to)), hoursPerDay: s.officerHoursPerDay, aors: Int32Array.from(aorIdx), counties: Int32Array.from(cIdx) };
}

/** The calibration's regimes of per-AOR rates, in order of their first day. */
export function ratesFrom(cal: CalibrationFile, aors: readonly string[]): RateRegime[] {
  return cal.regimes.map((regime, k) => ({
    from: dayOf(regime.from),
    rates: aors.map((a) => {
      const f = cal.aors[a]?.regimes[k];
      if (!f) throw new ScenarioInputError(`the calibration has no fit for ICE area ${a}; run \`comity simulate calibrate\``);
      return { matchShare: f.matchShare, fieldHours: f.fieldHours, prisonPerDay: f.prisonPerDay, otherPerDay: f.otherPerDay, otherInflowPerDay: f.otherInflowPerDay };
    }),
  }));
}

/**
 * The rates of a run from [from, to]: those in force on its first day (a run that starts before the
 * first regime takes the first), and the regimes that begin later within it.
 */
export function ratesOfRun(schedule: AorRates[] | readonly RateRegime[], from: number, to: number): { rates: AorRates[]; rateChanges: RateRegime[] } {
  if (!isSchedule(schedule)) return { rates: schedule, rateChanges: [] };
  if (schedule.length === 0) throw new Error('a rate schedule needs at least one regime');
  let first = 0;
  for (let k = 1; k < schedule.length; k++) if (schedule[k]!.from <= from) first = k;
  return { rates: schedule[first]!.rates, rateChanges: schedule.filter((r, k) => k > first && r.from > from && r.from <= to) };
}

function isSchedule(x: AorRates[] | readonly RateRegime[]): x is readonly RateRegime[] {
  return x.length > 0 && 'rates' in x[0]!;
}

export type WorldScenario = Pick<Scenario, 'from' | 'to' | 'surges' | 'fieldHoursScale' | 'matchShareScale'> & Partial<Pick<Scenario, 'monthlyFieldHoursScale'>>;

/** The calibration's share of declined releases that still end in a custodial arrest (0 in a file without it). */
export function declinedCustodialOf(cal: CalibrationFile): number {
  return cal.parameters[DECLINED_CUSTODIAL_KEY] ?? 0;
}

/** A run's World. `rates`: one set for the whole run, or a schedule of regimes (ratesFrom). */
export function buildWorld(counties: CountyInputs, laws: CountyLaw[], rates: AorRates[] | readonly RateRegime[], scenario: WorldScenario, declinedCustodial = 0): World {
  if (!(declinedCustodial >= 0 && declinedCustodial <= 1)) throw new Error(`the share of declined releases ending in custody must be in [0, 1] (got ${declinedCustodial})`);
  const from = dayOf(scenario.from);
  const to = dayOf(scenario.to);
  const run = ratesOfRun(rates, from, to);
  const { monthOfDay, months } = monthsOf(from, to);
  const byMonth = scenario.monthlyFieldHoursScale;
  if (byMonth) {
    const outside = Object.keys(byMonth).filter((m) => !months.includes(m));
    if (outside.length) throw new ScenarioInputError(`monthlyFieldHoursScale: ${outside.slice(0, 3).join(', ')} ${outside.length > 1 ? 'are' : 'is'} outside the run (${months[0]} to ${months[months.length - 1]})`);
  }
  return {
    fieldHoursByMonth: byMonth ? Float64Array.from(months, (m) => byMonth[m] ?? 1) : null,
    counties, laws, rates: run.rates, rateChanges: run.rateChanges, params: parameterValues(), classShares: classShares(), from, to, monthOfDay, months,
    surges: scenario.surges.map((s, i) => surgeOf(s, i, counties, from, to)),
    fieldHoursScale: scenario.fieldHoursScale, matchShareScale: scenario.matchShareScale, declinedCustodial,
  };
}

export async function countiesFor(db: Database, scenario: Pick<Scenario, 'from'>): Promise<CountyInputs> {
  return loadCountyInputs(db, Number(scenario.from.slice(0, 4)));
}
