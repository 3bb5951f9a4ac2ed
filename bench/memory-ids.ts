// Child process of bench/decide.ts (run with --expose-gc): heap growth after deciding requests for
// BENCH_MEM_IDS (default 100,000) distinct county ids — every gazetteer county by OCD id and by FIPS
// code, then unknown California county ids (input errors) to make up the number. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { defaultEngine, type DecisionRequest } from '../src/law/index.js';
import { Gazetteer } from '../src/law/gazetteer.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const TOTAL = Number(process.env.BENCH_MEM_IDS ?? 100_000);

const engine = defaultEngine();
const counties = Gazetteer.load().counties;
const known = counties.flatMap((c) => [c.ocd, c.fips]);
const idAt = (i: number) => (i < known.length ? known[i]! : `ocd-division/country:us/state:ca/county:nowhere_${i}`);
const request = (jurisdiction: string): DecisionRequest => ({
  jurisdiction, agency: { kind: 'sheriff_jail' }, at: '2025-06-02T17:00:00Z', requests: ['NOTIFY_RELEASE', 'HOLD'],
  documents: ['I-247A'], person: { convictions: [] },
});
const heap = () => { gc(); gc(); return process.memoryUsage(); };
// The baseline holds the compiled registry (warmed on one known id); the first unknown id builds the
// gazetteer's search indexes for its suggestions, a one-time cost measured on its own.
engine.decide(request('ocd-division/country:us/state:ca/county:orange'));
const before = heap();
engine.decideUnknown(request('ocd-division/country:us/state:ca/county:warmup_nowhere'));
const firstUnknown = heap();
const sizesBefore = engine.compiled.cacheSizes();
let ok = 0, rejected = 0;
const t0 = performance.now();
for (let i = 0; i < TOTAL; i++) {
  const r = engine.decideUnknown(request(idAt(i)));
  if (r.ok) ok++;
  else rejected++;
}
const ms = performance.now() - t0;
const after = heap();
const MiB = 1024 * 1024;
console.log(JSON.stringify({
  ids: TOTAL, known: Math.min(TOTAL, known.length), ok, rejected, ms: Math.round(ms),
  heapGrowthMiB: +((after.heapUsed - before.heapUsed) / MiB).toFixed(1),
  firstUnknownMiB: +((firstUnknown.heapUsed - before.heapUsed) / MiB).toFixed(1),
  rssGrowthMiB: +((after.rss - before.rss) / MiB).toFixed(1),
  heapBeforeMiB: +(before.heapUsed / MiB).toFixed(1),
  cacheSizesBefore: sizesBefore, cacheSizes: engine.compiled.cacheSizes(),
}));
