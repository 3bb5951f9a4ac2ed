/** The law: the registry, the compiled engine and decide(). Depends on nothing else in Comity. */
import { CompiledRegistry } from './engine.js';
import { decideValid, decideWith, type DecideResult, type DecisionResponse } from './decide.js';
import { loadRegistry, type Registry } from './load-registry.js';
import { defaultPoliciesDir } from './project-root.js';
import { evaluate } from './engine.js';
import { factsOf } from './facts.js';
import { holdDeadline } from './hold-deadline.js';
import type { DecisionRequest } from './request-schema.js';
import type { Modality, RequestType } from './vocab.js';
import { formatProblem } from './yaml-file.js';

export class RegistryError extends Error {
  constructor(readonly problems: import('./yaml-file.js').FileProblem[]) {
    super(`the registry has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
}

/** A compiled engine over one registry. Build one with `createEngine`; `decide` uses the bundled registry. */
export class Engine {
  readonly compiled: CompiledRegistry;
  constructor(readonly registry: Registry) {
    this.compiled = new CompiledRegistry(registry);
  }
  /** Validate a request against the contract and decide it. */
  decide(input: unknown): DecideResult {
    return decideWith(this.compiled, input);
  }
  /** Decide a request already known to be valid (throws on an unknown jurisdiction). */
  decideValid(req: DecisionRequest): DecisionResponse {
    return decideValid(this.compiled, req);
  }
  /**
   * The fast path: only the modality per request type, no citations or trace. For the simulator and
   * the benchmark; the request must already be valid.
   */
  modalities(req: DecisionRequest): Partial<Record<RequestType, Modality>> {
    const c = this.compiled.chain(req.jurisdiction);
    if (!c.ok) throw new Error(c.message);
    const { byRequest, jurisdiction } = c.chain;
    const f = factsOf(req, jurisdiction.timeZone);
    const out: Partial<Record<RequestType, Modality>> = {};
    for (const t of req.requests) {
      const o = evaluate(byRequest.get(t)!, f);
      out[t] = o.modality;
      if (t === 'HOLD' && o.modality !== 'MUST_NOT') {
        // A hold whose limit has passed is no longer lawful: the same rule as the full decision.
        const dl = holdDeadline(o.applied, f, {
          wouldBeReleasedMs: req.wouldBeReleasedAt ? Date.parse(req.wouldBeReleasedAt) : undefined,
          detainerReceivedMs: req.detainerReceivedAt ? Date.parse(req.detainerReceivedAt) : undefined,
        }, false);
        if (dl && f.atMs > dl.endsAt) out[t] = 'MUST_NOT';
      }
    }
    return out;
  }
}

export function createEngine(policiesDir: string = defaultPoliciesDir()): Engine {
  const r = loadRegistry(policiesDir);
  if (!r.ok) throw new RegistryError(r.problems);
  return new Engine(r.registry);
}

let bundled: Engine | undefined;
/** The engine over the registry shipped with Comity (policies/), compiled on first use. */
export function defaultEngine(): Engine {
  return (bundled ??= createEngine());
}

/** Decide a request (any JSON value) with the bundled registry. */
export function decide(input: unknown): DecideResult {
  return defaultEngine().decide(input);
}

export { loadRegistry } from './load-registry.js';
export type { Registry, RegisteredProvision, LoadResult } from './load-registry.js';
export type { DecideResult, DecisionResponse, Decision, TraceEntry, RequestProblem } from './decide.js';
export { DecisionRequest } from './request-schema.js';
export { formatProblem, type FileProblem } from './yaml-file.js';
export { explain } from './explain.js';
export { listJurisdictions, type JurisdictionSummary } from './jurisdictions-list.js';
export * from './vocab.js';
