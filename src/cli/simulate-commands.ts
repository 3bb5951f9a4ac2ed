/** `comity simulate SCENARIO | compare A B | calibrate`: parse, call the simulator library, format. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type * as Sim from '../simulate/index.js';
import type * as Observatory from '../observe/index.js';
import { UsageError } from './usage-error.js';

let sim: typeof Sim;
let obs: typeof Observatory;
async function load(): Promise<void> {
  sim ??= await import('../simulate/index.js');
  obs ??= await import('../observe/index.js');
}

const write = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

function asUsage(e: unknown): unknown {
  if (e instanceof sim.ScenarioError || e instanceof sim.CalibrationError || e instanceof sim.ScenarioInputError || e instanceof sim.OverlayError
    || e instanceof obs.DatabaseMissingError || e instanceof obs.DatabaseUnreadableError) return new UsageError((e as Error).message.split('\n').join('; '));
  return e;
}

function int(name: string, min: number, max: number) {
  return (v: string): number => {
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got ${v.slice(0, 20)})`);
    return Number(v);
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => Math.round(x).toLocaleString('en-US');
const iv = (i: Sim.Interval, f: (x: number) => string = num): string => `${f(i.mean)} (90%: ${f(i.p05)}–${f(i.p95)})`;

function text(r: Sim.SimulationResult): string {
  const t = r.totals;
  const lines = [
    `${r.scenario.name}: ${r.scenario.from} to ${r.scenario.to}, ${r.scenario.replications} replications, seed ${r.scenario.seed}`,
    `counties modelled: ${r.counties.modelled} (law periods: ${r.counties.lawPeriods}); calibration fitted ${r.calibration.fittedAt} on ${r.calibration.window}`,
    '',
    `custodial share   ${iv(r.custodialShare, pct)}`,
    `custodial arrests ${iv(t.custodial)}  (jail ${num(t.custodialLocal.mean)}, 287(g) ${num(t.custodial287g.mean)}, prisons ${num(t.custodialPrison.mean)})`,
    `at-large arrests  ${iv(t.atLarge)}`,
    `other arrests     ${iv(t.other)}`,
    `bookings ${num(t.bookings.mean)}; ICE requests ${num(t.requests.mean)}; declined ${num(t.declined.mean)}; referred to the at-large caseload ${num(t.referrals.mean)}`,
    `officer-hours: pickups ${num(t.officerHours.pickup.mean)}, at large ${num(t.officerHours.atLarge.mean)}, 287(g) in jail ${num(t.officerHours.in287g.mean)}, surges ${num(t.officerHours.surge.mean)}`,
    `at-large backlog: start ${num(t.backlogStart.mean)}, end ${iv(t.backlogEnd)}`,
    '',
    'AOR  custodial  at large  custodial share',
    ...r.byAor.map((a) => `${a.aor}  ${num(a.custodial.mean).padStart(9)}  ${num(a.atLarge.mean).padStart(8)}  ${pct(a.custodialShare.mean).padStart(15)}`),
    '',
    `note: ${r.note}`,
  ];
  return lines.join('\n');
}

function validationText(r: Sim.ValidationReport, file: string): string {
  const f = r.fy2019;
  const c = r.fy2019CapacityInput;
  const t = sim.VALIDATION_TARGETS;
  const pts = (x: number): string => `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(1)}`;
  const lines = [
    `validation written to ${file}`,
    `FY2019 national custodial share: simulated ${pct(f.national.simulated.mean)}, recorded ${pct(f.national.observed)}, error ${pts(f.national.errorPoints)} points (target within ${t.nationalShareWithinPoints}: ${f.targets.national ? 'met' : 'MISSED'})`,
    `FY2019 custodial share by AOR: mean absolute error ${f.aorMaePoints.toFixed(2)} points (target at most ${t.aorMaeMaxPoints}: ${f.targets.aor ? 'met' : 'MISSED'})`,
    `FY2019, national monthly arrests as capacity input: national custodial share simulated ${pct(c.national.simulated.mean)}, recorded ${pct(c.national.observed)}, error ${pts(c.national.errorPoints)} points (target within ${t.nationalShareWithinPoints}: ${c.targets.national ? 'met' : 'MISSED'}); AOR mean absolute error ${c.aorMaePoints.toFixed(2)} points (target at most ${t.aorMaeMaxPoints}: ${c.targets.aor ? 'met' : 'MISSED'})`,
  ];
  for (const v of r.recent.variants) {
    lines.push(`2024–26 at-large share (${v.name}): ${v.national.map((n) => `${n.window} ${pct(n.simulated.mean)} vs ${pct(n.observed)}`).join(', ')}; AOR MAE ${Object.entries(v.mae).map(([w, m]) => `${w} ${m.aor.toFixed(1)}`).join(', ')}; state MAE ${Object.entries(v.mae).map(([w, m]) => `${w} ${m.state.toFixed(1)}`).join(', ')} points`);
  }
  for (const v of r.hausman.variants) {
    lines.push(`Hausman (${r.hausman.treated.n} adopting counties, ${v.name}): local removals ${pts(v.treated.all.mean)}%, violent ${pts(v.treated.byClass.violent!.mean)}% (published: about a third fewer; no detectable change for violent convictions)`);
  }
  return lines.join('\n');
}

function compareText(c: Sim.Comparison): string {
  const d = (name: string, x: Sim.Difference, f: (v: number) => string = num): string =>
    `${name.padEnd(22)} A ${f(x.a.mean).padStart(10)}  B ${f(x.b.mean).padStart(10)}  B−A ${iv(x.difference, f)}`;
  return [
    `A: ${c.a.name}\nB: ${c.b.name}\nseed ${c.seed}, ${c.replications} replications (common random numbers)`, '',
    d('custodial arrests', c.custodial), d('at-large arrests', c.atLarge), d('custodial share', c.custodialShare, pct),
    d('referrals to caseload', c.referrals), d('at-large officer-hours', c.officerHoursAtLarge), d('backlog at end', c.backlogEnd), '',
    'AOR  at large B−A (90%)                 custodial B−A (90%)',
    ...c.byAor.filter((a) => Math.abs(a.atLarge.difference.mean) >= 1 || Math.abs(a.custodial.difference.mean) >= 1)
      .map((a) => `${a.aor}  ${iv(a.atLarge.difference).padEnd(34)} ${iv(a.custodial.difference)}`),
    '', `note: ${c.note}`,
  ].join('\n');
}

interface RunOpts { replications?: number; seed?: number; threads?: number; json?: boolean; format?: string; table?: string; countyMonths?: boolean; db?: string; write?: string }

function formatOf(o: RunOpts): 'text' | 'json' | 'csv' {
  const f = o.json ? 'json' : (o.format ?? 'text');
  if (f !== 'text' && f !== 'json' && f !== 'csv') throw new UsageError(`--format: expected text, json or csv, got "${f.slice(0, 20)}"`);
  return f;
}

function tableOf(o: RunOpts, format: string): Sim.CsvTable {
  const t = o.table ?? 'aor-month';
  if (o.table !== undefined && format !== 'csv') throw new UsageError('--table goes with --format csv');
  if (!(sim.CSV_TABLES as readonly string[]).includes(t)) throw new UsageError(`--table: expected one of ${sim.CSV_TABLES.join(', ')}, got "${t.slice(0, 20)}"`);
  return t as Sim.CsvTable;
}

/** The seed, replications and threads given on the command line. */
function common(o: RunOpts): { seed?: number; replications?: number; threads?: number } {
  return { ...(o.seed !== undefined ? { seed: o.seed } : {}), ...(o.replications !== undefined ? { replications: o.replications } : {}), ...(o.threads !== undefined ? { threads: o.threads } : {}) };
}

async function withDb<T>(path: string | undefined, fn: (db: Observatory.Database) => Promise<T>): Promise<T> {
  let db: Observatory.Database | undefined;
  try {
    db = await obs.openObservatory(path);
    return await fn(db);
  } catch (e) {
    throw asUsage(e);
  } finally {
    db?.close();
  }
}

function readScenario(file: string): Sim.Scenario {
  try {
    return sim.readScenario(file);
  } catch (e) {
    throw asUsage(e);
  }
}

export function registerSimulateCommands(program: Command): void {
  program.command('simulate')
    .description('Run a scenario (YAML) of the simulator; `simulate compare A B` compares two; `simulate calibrate` refits the calibration from the loaded records; `simulate validate` compares the model with FY2019, 2024–26 and Hausman (2020) and rewrites docs/validation.md.')
    .argument('<scenario>', 'a scenario file (scenarios/*.yaml), or "compare", "calibrate" or "validate"')
    .argument('[more...]', 'for compare: the two scenario files')
    .option('--replications <n>', 'replications (default: the scenario\'s)', int('replications', 1, 1000))
    .option('--seed <s>', 'seed (default: the scenario\'s)', int('seed', 0, 0xffffffff))
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <f>', 'text, json or csv (csv: one table, see --table)')
    .option('--table <t>', 'csv: aor-month (default), county-month, county, class (removals of people booked locally) or backlog')
    .option('--county-months', 'json: include arrests by county and month (large)')
    .option('--threads <n>', 'worker threads for the replications (default: one per core)', int('threads', 1, 64))
    .option('--db <path>', 'the DuckDB database (default: COMITY_DB or the user data folder)')
    .option('--write <file>', 'calibrate: where to write the fit (default calibration/fit-fy2016-18.json); validate: the report (default docs/validation.md)')
    .action(async (first: string, more: string[], o: RunOpts) => {
      await load();
      const format = formatOf(o);
      const progress = obs.terminalProgress();
      try {
        if (first === 'calibrate') {
          if (more.length) throw new UsageError('simulate calibrate takes no file arguments');
          const fit = await withDb(o.db, async (db) => sim.calibrate(db, { engine: (await import('../law/index.js')).defaultEngine(), progress: progress.update }));
          progress.stop();
          const out = o.write ?? join(process.cwd(), sim.DEFAULT_CALIBRATION);
          sim.writeCalibration(out, fit);
          if (format === 'json') return write(JSON.stringify(fit, null, 2));
          write(`calibration written to ${o.write ?? sim.DEFAULT_CALIBRATION}\nwindow ${fit.window.from} to ${fit.window.to} (held out: ${fit.window.heldOut})\nmethod: ${fit.method}\nobjective: ${fit.objective}\nobjective value: ${fit.objectiveValue.toFixed(1)}\n`);
          if (fit.declinedCustodial) write(`declined releases ending in custody: ${fit.declinedCustodial.value.toFixed(4)} (${fit.declinedCustodial.method}; ${fit.declinedCustodial.passes} refit${fit.declinedCustodial.passes === 1 ? '' : 's'})`);
          fit.regimes.forEach((regime, k) => {
            write(`\nregime ${k + 1}: ${regime.name}, from ${regime.from} (fitted to ${regime.months[0]} to ${regime.months[regime.months.length - 1]})`);
            write('AOR  matchShare  fieldHours/day  local/day obs→fit  at-large/day obs→fit  objective');
            for (const [aor, x] of Object.entries(fit.aors)) {
              const f = x.regimes[k]!;
              write(`${aor}  ${f.matchShare.toFixed(4).padStart(10)}  ${f.fieldHours.toFixed(0).padStart(14)}  ${`${f.observed.localPerDay.toFixed(1)}→${f.fitted.localPerDay.toFixed(1)}`.padStart(17)}  ${`${f.observed.atLargePerDay.toFixed(1)}→${f.fitted.atLargePerDay.toFixed(1)}`.padStart(20)}  ${f.objective.toFixed(1).padStart(9)}`);
            }
          });
          return;
        }
        if (first === 'validate') {
          if (more.length) throw new UsageError('simulate validate takes no file arguments');
          if (format === 'csv') throw new UsageError('simulate validate: --format csv is not offered; use text or json');
          const report = await withDb(o.db, (db) => sim.validate({ db, ...common(o), progress: progress.update }));
          progress.stop();
          const out = o.write ?? join(process.cwd(), sim.VALIDATION_DOC);
          writeFileSync(out, sim.validationMarkdown(report));
          if (format === 'json') return write(JSON.stringify(report, null, 2));
          return write(validationText(report, o.write ?? sim.VALIDATION_DOC));
        }
        if (first === 'compare') {
          if (more.length !== 2) throw new UsageError('simulate compare takes two scenario files: A and B');
          const [fa, fb] = more as [string, string];
          const a = readScenario(fa);
          const b = readScenario(fb);
          const c = await withDb(o.db, (db) => sim.compareScenarios(a, b, { db, fileA: fa, fileB: fb, ...common(o), progress: progress.update }));
          progress.stop();
          if (format === 'json') return write(JSON.stringify(c, null, 2));
          if (format === 'csv') throw new UsageError('simulate compare: --format csv is not offered; use text or json');
          return write(compareText(c));
        }
        if (more.length) throw new UsageError(`simulate takes one scenario file (got ${more.length + 1}); to compare two, use \`comity simulate compare A B\``);
        const scenario = readScenario(first);
        const table = tableOf(o, format);
        const countyMonths = table === 'county-month' || (format === 'json' && o.countyMonths === true);
        const r = await withDb(o.db, (db) => sim.simulate(scenario, { db, scenarioFile: first, countyMonths, ...common(o), progress: progress.update }));
        progress.stop();
        if (format === 'json') return write(JSON.stringify(r, null, 2));
        if (format === 'csv') return void process.stdout.write(sim.simulationCsv(r, table));
        write(text(r));
      } catch (e) {
        progress.stop();
        throw asUsage(e);
      }
    });
}
