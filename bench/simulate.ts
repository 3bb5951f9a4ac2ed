// npm run bench:simulate — one replication of a national year (the FY2018 baseline) at 1×, 2× and 4×
// scale beside a bare loop that draws the same random numbers (the floor), in interleaved rounds; then
// replications on 1 and 2 worker threads. Needs a loaded database (COMITY_DB, or `comity data load`).
// Scale k multiplies every volume: bookings, field hours, prison and other arrests and the caseload's inflow.
// Env: BENCH_ROUNDS (3), BENCH_REPS (4, replications per worker-thread round).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openObservatory } from '../src/observe/index.js';
import { readScenario } from '../src/simulate/scenario-file.js';
import { prepareScenario } from '../src/simulate/simulate.js';
import { runReplication, startingBacklogs } from '../src/simulate/model.js';
import { runReplications } from '../src/simulate/parallel.js';
import { Stream } from '../src/simulate/rng.js';
import type { AorRates, World } from '../src/simulate/world.js';
import { projectRoot } from '../src/observe/paths.js';
import { median } from './rounds.js';
import { spinSpeedup } from './spin.js';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const REPS = Math.max(2, Number(process.env.BENCH_REPS ?? 4));
const SCALES = [1, 2, 4];
const x = (v: number): string => `${v.toFixed(2)}×`;
const mark = (ok: boolean): string => (ok ? 'met' : 'MISSED');

function scaled(w: World, k: number): World {
  if (k === 1) return w;
  const scaleRates = (r: AorRates): AorRates => ({ ...r, fieldHours: r.fieldHours * k, prisonPerDay: r.prisonPerDay * k, otherPerDay: r.otherPerDay * k, otherInflowPerDay: r.otherInflowPerDay * k });
  return {
    ...w,
    counties: { ...w.counties, bookingsPerDay: w.counties.bookingsPerDay.map((b) => b * k) },
    rates: w.rates.map(scaleRates),
    rateChanges: w.rateChanges.map((c) => ({ from: c.from, rates: c.rates.map(scaleRates) })),
  };
}

/** How many times one replication re-keys a stream and draws a 32-bit number (counted by wrapping Stream's methods once). */
function countDraws(w: World): { resets: number; draws: number } {
  const proto = Stream.prototype;
  const next = proto.next32;
  const reset = proto.reset;
  let draws = 0;
  let resets = 0;
  proto.next32 = function (this: Stream) { draws++; return next.call(this); };
  proto.reset = function (this: Stream, a: number, b: number, c: number, d: number) { resets++; return reset.call(this, a, b, c, d); };
  try {
    runReplication(w, { seed: 1, replication: 0 });
  } finally {
    proto.next32 = next;
    proto.reset = reset;
  }
  // reset() itself draws 12 warm-up numbers.
  return { resets, draws: draws - 12 * resets };
}

/** The floor: the same keyed resets and the same count of uniforms, nothing else. */
function floor(resets: number, draws: number): number {
  const s = new Stream();
  const per = Math.floor(draws / resets);
  let extra = draws - per * resets;
  let sum = 0;
  for (let i = 0; i < resets; i++) {
    s.reset(1, 0, i & 0xfffff, i >>> 20);
    for (let j = 0; j < per; j++) sum += s.uniform();
    if (extra > 0) { sum += s.uniform(); extra--; }
  }
  return sum;
}

const time = (f: () => unknown): number => {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
};

const db = await openObservatory(process.env.COMITY_DB);
const scenario = readScenario(`${projectRoot() ?? '.'}/scenarios/baseline-fy2018.yaml`);
const heap0 = process.memoryUsage().heapUsed;
const { world } = await prepareScenario(scenario, { db });
db.close();
const heapWorld = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
const worlds = SCALES.map((k) => scaled(world, k));
const counts = worlds.map(countDraws);
const bookings = worlds.map((w) => w.counties.bookingsPerDay.reduce((s, b) => s + b, 0) * (w.to - w.from + 1));

console.log(`Comity bench:simulate — FY2018 national year: ${world.counties.n} counties, ${world.to - world.from + 1} days, node ${process.version}, ${ROUNDS} interleaved rounds`);
console.log(`load average at start ${loadavg().map((l) => l.toFixed(2)).join(' ')} (2 cores; other work on the machine slows every figure)`);
const model: number[][] = SCALES.map(() => []);
const bare: number[][] = SCALES.map(() => []);
// The caseload's run-in (model.ts, startingBacklogs): once per world, before its replications (a fresh copy of the
// world each time, so nothing kept from an earlier call).
const runIn: number[][] = SCALES.map(() => []);
let sink = 0;
for (let i = 0; i < SCALES.length; i++) sink += runReplication(worlds[i]!, { seed: 7, replication: 0 }).ledger.bookings; // warm-up
for (let r = 0; r < ROUNDS; r++) {
  SCALES.forEach((_k, i) => {
    model[i]!.push(time(() => { sink += runReplication(worlds[i]!, { seed: 7, replication: r + 1 }).ledger.bookings; }));
    bare[i]!.push(time(() => { sink += floor(counts[i]!.resets, counts[i]!.draws); }));
    runIn[i]!.push(time(() => { sink += startingBacklogs({ ...worlds[i]! })?.length ?? 0; }));
  });
}
console.log('\none replication, seconds: median [min – max] over rounds');
SCALES.forEach((k, i) => {
  const m = median(model[i]!);
  const f = median(bare[i]!);
  console.log(`  ${`${k}×`.padEnd(3)} ${(bookings[i]! / 1e6).toFixed(1).padStart(5)} M bookings  model ${m.toFixed(2)} s [${Math.min(...model[i]!).toFixed(2)} – ${Math.max(...model[i]!).toFixed(2)}]`
    + `  floor ${f.toFixed(2)} s (${(counts[i]!.draws / 1e6).toFixed(1)} M draws, ${(counts[i]!.resets / 1e6).toFixed(2)} M keyed streams)  model/floor ${x(m / f)}`
    + `  caseload run-in ${median(runIn[i]!).toFixed(2)} s (once per world)`);
});
const m1 = median(model[0]!);
console.log('\nSummary (ratios of medians)');
const r1 = median(runIn[0]!);
console.log(`  one national year, one core                 ${m1.toFixed(2)} s      target ≤ 10 s  ${mark(m1 <= 10)}; with the world's caseload run-in first ${(m1 + r1).toFixed(2)} s  ${mark(m1 + r1 <= 10)}`);
console.log(`  2× bookings / 1×                            ${x(median(model[1]!) / m1).padStart(6)}    linear = 2×   (floor ${x(median(bare[1]!) / median(bare[0]!))})`);
console.log(`  4× bookings / 1×                            ${x(median(model[2]!) / m1).padStart(6)}    linear = 4×   (floor ${x(median(bare[2]!) / median(bare[0]!))})`);

// Worker threads: REPS replications of the 1× world on 1 and on 2 threads, interleaved; same numbers (checked).
const one: number[] = [];
const two: number[] = [];
const spinOne: number[] = [];
const spinTwo: number[] = [];
let same = true;
for (let r = 0; r < ROUNDS; r++) {
  const s = await spinSpeedup();
  spinOne.push(s.one);
  spinTwo.push(s.two);
  let t0 = performance.now();
  const a = await runReplications(world, 3, REPS, { threads: 1 });
  one.push((performance.now() - t0) / 1000);
  t0 = performance.now();
  const b = await runReplications(world, 3, REPS, { threads: 2 });
  two.push((performance.now() - t0) / 1000);
  same &&= a.every((o, i) => o.values.every((v, j) => v === b[i]!.values[j]));
}
const speedup = median(one) / median(two);
console.log(`  ${REPS} replications, 1 thread ${median(one).toFixed(2)} s, 2 threads ${median(two).toFixed(2)} s: speedup ${x(speedup).padStart(6)}    target ≥ 1.7×  ${mark(speedup >= 1.7)}  (same numbers: ${same ? 'yes' : 'NO'})`);
const machine = median(spinOne) / median(spinTwo);
console.log(`  the machine's own 2-thread speedup now (a busy loop, same rounds)  ${x(machine).padStart(6)}    (near 2× only when a second core is free)`);
console.log(`  worker speedup / the machine's                                     ${x(speedup / machine).padStart(6)}`);
console.log(`  load average at end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`  peak memory (max RSS of this process, database and law tables included) ${rss.toFixed(0)} MiB   target ≤ 1 GiB  ${mark(rss <= 1024)}; the world's heap ${heapWorld.toFixed(0)} MiB`);
if (sink === -1) console.log('');
