// npm run bench:decide — the decision engine beside a hand-written floor and a general-purpose rules engine.
import { performance } from 'node:perf_hooks';
import { defaultEngine, listJurisdictions, type DecisionRequest } from '../src/law/index.js';
import { makeRequests } from './requests.js';
import { caNotifyByHand } from './ca-notify-rule.js';
import { caNotifyByPeer, peerEngine } from './ca-notify-peer.js';

const N = Number(process.env.BENCH_N ?? 100_000);
const engine = defaultEngine();
const all = listJurisdictions(engine.registry).map((j) => j.id);
const jurisdictions = [...all, ...all.filter((j) => !j.includes('county:') && !j.includes('place:') && j.includes('state:')).map((s) => `${s}/county:anywhere`)];

function time(label: string, runs: number, fn: () => void): number {
  fn(); // warm up once
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(64)} ${(runs / (ms / 1000)).toFixed(0).padStart(10)} /s  (${ms.toFixed(0)} ms)`);
  return ms;
}

const mixed = makeRequests(N, jurisdictions, 1);
const nDecisions = mixed.reduce((s, r) => s + r.requests.length, 0);
console.log(`${N} requests (${nDecisions} decisions) across ${jurisdictions.length} jurisdictions; registry ${engine.registry.fingerprint}`);

let sink = 0;
const fullMs = time('(a) full decide(): validate, layer, citations, duties, trace', N, () => {
  for (const r of mixed) sink += engine.decide(r).ok ? 1 : 0;
});
console.log(`    = ${(nDecisions / (fullMs / 1000)).toFixed(0)} decisions/s`);

// County jails in California counties without a stricter local policy, NOTIFY_RELEASE only, 2018 on.
const caCounties = ['orange', 'los_angeles', 'san_diego', 'fresno', 'kern', 'riverside'].map((c) => `ocd-division/country:us/state:ca/county:${c}`);
const ca = makeRequests(N, caCounties, 2, ['NOTIFY_RELEASE'], 'sheriff_jail');
let mismatches = 0;
for (const r of ca) if (engine.modalities(r).NOTIFY_RELEASE !== caNotifyByHand(r)) mismatches++;
console.log(`California NOTIFY_RELEASE: engine and hand-written rule disagree on ${mismatches} of ${N} requests`);

const handMs = time('(b) hand-written SB 54 + 7282.5 NOTIFY_RELEASE rule (floor)', N, () => {
  for (const r of ca) sink += caNotifyByHand(r) === 'MAY' ? 1 : 0;
});
const fastMs = time('(b) compiled fast path, modality only', N, () => {
  for (const r of ca) sink += engine.modalities(r).NOTIFY_RELEASE === 'MAY' ? 1 : 0;
});
const caFullMs = time('(a) full decide() on the same California requests', N, () => {
  for (const r of ca) sink += engine.decide(r).ok ? 1 : 0;
});

const peer = peerEngine();
const PEER_N = Math.min(N, Number(process.env.BENCH_PEER_N ?? 20_000));
const peerReqs: DecisionRequest[] = ca.slice(0, PEER_N);
let peerMs = 0;
{
  for (const r of peerReqs.slice(0, 1000)) await caNotifyByPeer(peer, r);
  const t0 = performance.now();
  for (const r of peerReqs) sink += (await caNotifyByPeer(peer, r)) === 'MAY' ? 1 : 0;
  peerMs = (performance.now() - t0) * (N / PEER_N);
  console.log(`${'(c) json-rules-engine, same rule, same requests'.padEnd(64)} ${(N / (peerMs / 1000)).toFixed(0).padStart(10)} /s  (${PEER_N} runs, scaled)`);
}

console.log('');
console.log(`fast path / hand-written:      ${(fastMs / handMs).toFixed(2)}x the floor's time   (target ≤ 5x)`);
console.log(`full decide() vs json-rules-engine: ${(peerMs / caFullMs).toFixed(1)}x faster   (target ≥ 10x)`);
console.log(`(checksum ${sink})`);
