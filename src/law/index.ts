/**
 * The law: the registry, the compiled engine and decide(). Depends on nothing else in Comity and
 * imports no database: `import { decide } from 'comity/law'` loads only the law.
 */
import { CompiledRegistry } from './engine.js';
import { decideChecked, decideValid, type DecideOptions, type DecideResult, type DecisionResponse, type RequestProblem } from './decide.js';
import { loadRegistry, type Registry } from './load-registry.js';
import { defaultPoliciesDir } from './project-root.js';
import { bundledFromSnapshot } from './light.js';
import { evaluateLaw, fastModality } from './engine.js';
import { factsOf } from './facts.js';
import { holdDeadline } from './hold-deadline.js';
import { DecisionRequest } from './request-schema.js';
import { validateRequest } from './request-validate.js';
import type { Modality, RequestType } from './vocab.js';
import { formatProblem, type FileProblem } from './yaml-file.js';

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(readonly problems: FileProblem[]) {
    super(`the registry has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
}

export type ParseResult = { ok: true; request: DecisionRequest } | { ok: false; problems: RequestProblem[] };

/** Check untrusted input against the request contract: the request, or every problem with its path. */
export function parseRequest(input: unknown): ParseResult {
  if (validateRequest(input)) return { ok: true, request: input as DecisionRequest };
  const r = DecisionRequest.safeParse(input);
  return r.success
    ? { ok: true, request: r.data }
    : { ok: false, problems: r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(request)', message: i.message })) };
}

/** Validate any input against the request contract, then decide. */
function decideWith(engine: CompiledRegistry, input: unknown, opts?: DecideOptions): DecideResult {
  const p = parseRequest(input);
  return p.ok ? decideChecked(engine, p.request, opts) : p;
}

/** A compiled engine over one registry. Build one with `createEngine`; `decide` uses the bundled registry. */
export class Engine {
  readonly compiled: CompiledRegistry;
  constructor(readonly registry: Registry, compiled?: CompiledRegistry) {
    this.compiled = compiled ?? new CompiledRegistry(registry);
  }
  /** Decide a request. It is still checked against the contract (a typed value can be wrong at run time). */
  decide(request: DecisionRequest, opts?: DecideOptions): DecideResult {
    return decideWith(this.compiled, request, opts);
  }
  /** Decide untrusted input (parsed JSON from a file, a form, the network). */
  decideUnknown(input: unknown, opts?: DecideOptions): DecideResult {
    return decideWith(this.compiled, input, opts);
  }
  /** Decide a request already known to be valid (throws on an unknown jurisdiction). */
  decideValid(req: DecisionRequest, opts?: DecideOptions): DecisionResponse {
    return decideValid(this.compiled, req, opts);
  }
  /**
   * The fast path: only the modality per request type, no citations or trace. For the simulator and
   * the law map; the request must already be valid.
   */
  modalities(req: DecisionRequest): Partial<Record<RequestType, Modality>> {
    const c = this.compiled.chain(req.jurisdiction);
    if (!c.ok) throw new Error(c.message);
    const { law, jurisdiction } = c.chain;
    const f = factsOf(req, jurisdiction.timeZone, this.compiled.agreements, jurisdiction.area);
    const out: Partial<Record<RequestType, Modality>> = {};
    const ts = req.requests;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      if (t !== 'HOLD') {
        // No clock to read: the modality-only compiled view.
        out[t] = fastModality(law, t, f);
        continue;
      }
      const o = evaluateLaw(law, t, f);
      out[t] = o.modality;
      if (o.modality !== 'MUST_NOT') {
        // The same rule as the full decision: no hold whose window closes before release, or has passed.
        const dl = holdDeadline(o.applied, f, this.registry.holidays, false);
        if (dl && ((f.wouldBeReleasedMs !== undefined && dl.endsAt <= f.wouldBeReleasedMs) || f.atMs > dl.endsAt)) out[t] = 'MUST_NOT';
      }
    }
    return out;
  }
}

/** Compile a registry folder; with no argument, the registry bundled with Comity, wherever it is installed. */
export function createEngine(policiesDir?: string): Engine {
  // The bundled registry starts from its build-time snapshot when the files still match it.
  if (policiesDir === undefined) {
    const compiled = bundledFromSnapshot();
    if (compiled) return new Engine(compiled.registry, compiled);
  }
  const r = loadRegistry(policiesDir ?? defaultPoliciesDir());
  if (!r.ok) throw new RegistryError(r.problems);
  return new Engine(r.registry);
}

let bundled: Engine | undefined;
/** The engine over the registry shipped with Comity (policies/), compiled on first use. */
export function defaultEngine(): Engine {
  return (bundled ??= createEngine());
}

/** Decide a request with the bundled registry. */
export function decide(request: DecisionRequest, opts?: DecideOptions): DecideResult {
  return defaultEngine().decide(request, opts);
}

/** Decide untrusted input (any JSON value) with the bundled registry. */
export function decideUnknown(input: unknown, opts?: DecideOptions): DecideResult {
  return defaultEngine().decideUnknown(input, opts);
}

export { loadRegistry } from './load-registry.js';
export type { Registry, RegisteredProvision, LoadResult } from './load-registry.js';
export type {
  DecideResult, DecideOptions, DecisionResponse, Decision, TraceEntry, RequestProblem, MissingFact, SourceLink, DutyOut,
} from './decide.js';
export { DecisionRequest } from './request-schema.js';
export { formatProblem, type FileProblem } from './yaml-file.js';
export { explain, memo } from './explain.js';
export { jsonBytes } from './sealed-json.js';
export { answerBytes } from './answer-bytes.js';
export { lawMap, lawChanges, mapSummary, standardRequest, standardDocuments, jailAgency, UNIFIED_JAIL_STATES, MapQuery, ChangesQuery, parseMapQuery, mapCsv, changesCsv, type LawMap, type MapRow, type MapChange } from './law-map.js';
export { listJurisdictions, countiesOf, stateInfo, type JurisdictionSummary, type CountySummary } from './jurisdictions-list.js';
export type { StateInfo } from './states.js';
export * from './vocab.js';
export { jurisdictionDetail, searchJurisdictions, type JurisdictionDetail, type JurisdictionHit, type LawLayer, type ProvisionSummary, type TimelineEvent, type DetailResult } from './jurisdiction-detail.js';
