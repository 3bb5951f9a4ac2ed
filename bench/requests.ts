// Seeded, varied decision requests for benchmarks (mulberry32: same seed, same requests).
import { AGENCY_KINDS, DOCUMENTS, REQUEST_TYPES, type DecisionRequest } from '../src/law/index.js';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATS = ['serious_felony', 'violent_felony', 'state_prison_felony', 'wobbler', 'robbery', 'theft', 'assault', 'battery',
  'burglary', 'drug_trafficking', 'drug_possession', 'dui', 'sex_offense', 'homicide', 'weapons', 'fraud', 'vandalism', 'trespass'];

export function makeRequests(n: number, jurisdictions: readonly string[], seed = 42, only?: DecisionRequest['requests'], agency?: DecisionRequest['agency']['kind']): DecisionRequest[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: DecisionRequest[] = [];
  const from = Date.UTC(2018, 0, 2), span = Date.UTC(2026, 10, 1) - from;
  for (let i = 0; i < n; i++) {
    const at = from + Math.floor(r() * span);
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const convictions = Array.from({ length: Math.floor(r() * 3) }, () => ({
      date: new Date(at - Math.floor(r() * 20 * 365) * 86_400_000).toISOString().slice(0, 10),
      level: pick(['felony', 'felony', 'misdemeanor'] as const),
      categories: Array.from({ length: 1 + Math.floor(r() * 2) }, () => pick(CATS)),
    }));
    const requests = only ?? REQUEST_TYPES.filter(() => r() < 0.4);
    out.push({
      jurisdiction: pick(jurisdictions),
      agency: { kind: agency ?? (r() < 0.7 ? 'sheriff_jail' : pick(AGENCY_KINDS)) },
      at: iso(at),
      requests: requests.length ? requests : ['HOLD'],
      documents: DOCUMENTS.filter(() => r() < 0.3),
      wouldBeReleasedAt: iso(at + Math.floor(r() * 24) * 3_600_000),
      person: { convictions, ...(r() < 0.05 ? { registrant: ['sex_offender' as const] } : {}) },
    });
  }
  return out;
}
