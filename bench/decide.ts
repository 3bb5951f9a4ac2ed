// npm run bench:decide — the decision engine beside hand-written floors and two general-purpose rules
// engines, in interleaved rounds; then memory after many distinct county ids, and CLI cold start.
// Env: BENCH_N (100000), BENCH_ROUNDS (5), BENCH_PEER_N (20000), BENCH_ZEN_BATCH (1000),
// BENCH_MEM_IDS (100000), BENCH_COLD_RUNS (7).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultEngine, listJurisdictions, type DecisionRequest } from '../src/law/index.js';
import { makeRequests } from './requests.js';
import { caNotifyByHand } from './ca-notify-rule.js';
import { caNotifyByPeer, peerEngine } from './ca-notify-peer.js';
import { caNotifyTight } from './ca-notify-tight.js';
import { zenPeer } from './ca-notify-zen.js';
import { interleave, si, statLine, type Variant } from './rounds.js';
import { coldStart } from './cold-start.js';

const env = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
const N = env('BENCH_N', 100_000), ROUNDS = Math.max(1, env('BENCH_ROUNDS', 5));
const PEER_N = Math.min(N, env('BENCH_PEER_N', 20_000)), ZEN_BATCH = env('BENCH_ZEN_BATCH', 1000);
const root = fileURLToPath(new URL('../../', import.meta.url)); // dist/bench/ → the project

const engine = defaultEngine();
const all = listJurisdictions(engine.registry).map((j) => j.id);
const jurisdictions = [...all, ...all.filter((j) => !j.includes('county:') && !j.includes('place:') && j.includes('state:')).map((s) => `${s}/county:anywhere`)];
const mixed = makeRequests(N, jurisdictions, 1);
const nDecisions = mixed.reduce((s, r) => s + r.requests.length, 0);
// County jails in California counties with no local law registered (the floor hand-codes state law only), NOTIFY_RELEASE only, 2018 on.
const caCounties = ['fresno', 'riverside', 'alameda', 'sacramento', 'tulare', 'contra_costa'].map((c) => `ocd-division/country:us/state:ca/county:${c}`);
const ca = makeRequests(N, caCounties, 2, ['NOTIFY_RELEASE'], 'sheriff_jail');
const peerReqs: DecisionRequest[] = ca.slice(0, PEER_N);
const jre = peerEngine();
const zen = await zenPeer();

console.log(`Comity bench:decide — registry ${engine.registry.fingerprint}, node ${process.version}, ${ROUNDS} interleaved rounds`);
console.log(`CA NOTIFY_RELEASE sheriff-jail requests: ${N} in-process, ${PEER_N} for peers; mixed: ${N} requests (${nDecisions} decisions) across ${jurisdictions.length} jurisdictions`);

// Agreement: every variant must give the hand-written rule's answer.
const hand = ca.map(caNotifyByHand);
let fastOff = 0, tightOff = 0, jreOff = 0, zenOff = 0;
ca.forEach((r, i) => {
  if (engine.modalities(r).NOTIFY_RELEASE !== hand[i]) fastOff++;
  if (caNotifyTight(r) !== hand[i]) tightOff++;
});
for (const [i, r] of peerReqs.entries()) {
  if ((await caNotifyByPeer(jre, r)) !== hand[i]) jreOff++;
  if ('decide' in zen && (await zen.decide(r)) !== hand[i]) zenOff++;
}
const mays = hand.filter((h) => h === 'MAY').length;
console.log(`Disagreements with the hand-written rule (${mays} MAY of ${N}): fast path ${fastOff}/${N}, tight floor ${tightOff}/${N}, `
  + `json-rules-engine ${jreOff}/${PEER_N}, zen ${'decide' in zen ? `${zenOff}/${PEER_N}` : 'n/a'}`);
if (!('decide' in zen)) console.log(`(p2) @gorules/zen-engine skipped: ${zen.reason}`);

const loop = (reqs: readonly DecisionRequest[], f: (r: DecisionRequest) => boolean) => () => {
  let s = 0;
  for (const r of reqs) if (f(r)) s++;
  return s;
};
const variants: Variant[] = [
  { key: 'a', label: 'full decide(): validate, layer, cite, duties, missing', n: N, run: loop(ca, (r) => engine.decide(r).ok) },
  { key: 'b', label: 'fast path modalities()', n: N, run: loop(ca, (r) => engine.modalities(r).NOTIFY_RELEASE === 'MAY') },
  { key: 'f1', label: 'hand-written, Intl dates (floor)', n: N, run: loop(ca, (r) => caNotifyByHand(r) === 'MAY') },
  { key: 'f2', label: 'hand-written, tight: day numbers (floor)', n: N, run: loop(ca, (r) => caNotifyTight(r) === 'MAY') },
  {
    key: 'p1', label: 'json-rules-engine, sequential await', n: PEER_N, run: async () => {
      let s = 0;
      for (const r of peerReqs) if ((await caNotifyByPeer(jre, r)) === 'MAY') s++;
      return s;
    },
  },
];
if ('decide' in zen) {
  variants.push({
    key: 'p2s', label: `zen-engine ${zen.version}, sequential await`, n: PEER_N, run: async () => {
      let s = 0;
      for (const r of peerReqs) if ((await zen.decide(r)) === 'MAY') s++;
      return s;
    },
  }, {
    key: 'p2b', label: `zen-engine, batched Promise.all ×${ZEN_BATCH}`, n: PEER_N, run: async () => {
      let s = 0;
      for (let i = 0; i < peerReqs.length; i += ZEN_BATCH) {
        for (const a of await Promise.all(peerReqs.slice(i, i + ZEN_BATCH).map(zen.decide))) if (a === 'MAY') s++;
      }
      return s;
    },
  });
}
variants.push({ key: 'm', label: `mixed jurisdictions, full decide()`, n: N, run: loop(mixed, (r) => engine.decide(r).ok) });

const sink = { n: 0 };
const stats = await interleave(variants, ROUNDS, sink);
console.log('');
console.log(`${'rate per request: median [min – max] over rounds'.padStart(78)}`);
for (const s of stats.values()) console.log(statLine(s));
const rate = (k: string) => stats.get(k)?.median ?? Number.NaN;
console.log(`      = ${si(rate('m') * nDecisions / N)} decisions/s mixed`);

const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const x = (v: number) => `${v.toFixed(v < 10 ? 2 : 1)}×`;
console.log('\nSummary (ratios of medians)');
const vsJre = rate('a') / rate('p1'), fastVsTight = rate('f2') / rate('b');
console.log(`  full decide() vs json-rules-engine      ${x(vsJre).padStart(8)} faster           target ≥ 10×  ${mark(vsJre >= 10)}`);
if ('decide' in zen) {
  console.log(`  full decide() vs zen-engine sequential  ${x(rate('a') / rate('p2s')).padStart(8)} faster`);
  console.log(`  full decide() vs zen-engine batched     ${x(rate('a') / rate('p2b')).padStart(8)} faster           (zen batched uses the libuv pool)`);
}
console.log(`  fast path vs tight floor                ${x(fastVsTight).padStart(8)} the floor's time target ≤ 3×   ${mark(fastVsTight <= 3)}`);
console.log(`  fast path vs Intl floor                 ${x(rate('f1') / rate('b')).padStart(8)} the floor's time`);
console.log(`  full decide() vs fast path              ${x(rate('b') / rate('a')).padStart(8)} the fast path's time`);

// Memory after many distinct county ids, in a fresh process with --expose-gc.
console.log('\nMemory after distinct county ids (child process, --expose-gc)');
{
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./memory-ids.js', import.meta.url))], { encoding: 'utf8', env: process.env });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) console.log(`  failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  else {
    const m = JSON.parse(line) as { ids: number; known: number; ok: number; rejected: number; ms: number; heapGrowthMiB: number; firstUnknownMiB: number; rssGrowthMiB: number; cacheSizesBefore: object; cacheSizes: object };
    console.log(`  ${m.ids} ids (${m.known} real: OCD + FIPS; rest unknown): ${m.ok} decided, ${m.rejected} rejected in ${(m.ms / 1000).toFixed(1)} s (${si(m.ids / (m.ms / 1000))} ids/s)`);
    console.log(`  heap growth ${m.heapGrowthMiB} MiB   target < 50 MiB  ${mark(m.heapGrowthMiB < 50)}   (first unknown id alone: ${m.firstUnknownMiB} MiB, search indexes; rss +${m.rssGrowthMiB} MiB)`);
    console.log(`  cacheSizes ${JSON.stringify(m.cacheSizesBefore)} → ${JSON.stringify(m.cacheSizes)}`);
  }
}

// Cold start, interleaved with bare node.
{
  const c = coldStart(root, Math.max(1, env('BENCH_COLD_RUNS', 7)));
  const node0 = c.medians['node -e 0']!, dec = c.medians['comity decide <file>']!, help = c.medians['comity --help']!;
  console.log(`\nCold start (medians of ${c.runs}, interleaved)`);
  console.log(`  node -e 0 ${node0.toFixed(0)} ms · comity decide <file> ${dec.toFixed(0)} ms · comity --help ${help.toFixed(0)} ms`);
  console.log(`  decide − bare node ${(dec - node0).toFixed(0)} ms   target ≤ 300 ms  ${mark(dec - node0 <= 300)};  --help − bare node ${(help - node0).toFixed(0)} ms`);
  for (const f of c.failures) console.log(`  failed: ${f}`);
}
console.log(`\n(checksum ${sink.n})`);
