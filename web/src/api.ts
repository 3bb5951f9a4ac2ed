/**
 * The API client: every call returns either the data or a problem to show, never throws. Types come
 * from the library itself (type-only imports, erased from the bundle), so the page and the API agree.
 */
import type { DecisionResponse } from '../../src/law/decide.js';
import type { LawMap, MapRow } from '../../src/law/law-map.js';
import type { JurisdictionSummary } from '../../src/law/jurisdictions-list.js';
import type { DecisionRequest } from '../../src/law/request-schema.js';
import type { ScenarioInput } from '../../src/simulate/scenario-schema.js';
import type { ShippedScenario } from '../../src/simulate/shipped-scenarios.js';
import type { SimulationJob } from '../../src/simulate/jobs.js';
import type { JurisdictionDetail } from '../../src/law/jurisdiction-detail.js';
import type { SanctuaryRow } from '../../src/observe/metrics/sanctuary.js';

export type { DecisionResponse, LawMap, MapRow, JurisdictionSummary, DecisionRequest, ScenarioInput, ShippedScenario, SimulationJob };

/** A problem answer; retryAfter (seconds) when the server sent Retry-After (429, 503). */
export interface Problem { status: number; title: string; detail: string; field?: string; problems?: { path: string; message: string; suggestions?: string[] }[]; retryAfter?: number }
export type Result<T> = { ok: true; data: T } | { ok: false; problem: Problem };

async function problemOf(res: Response): Promise<Problem> {
  const wait = Number(res.headers.get('retry-after'));
  const retry = Number.isFinite(wait) && wait > 0 ? { retryAfter: wait } : {};
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { status: res.status, title: body.title ?? res.statusText, detail: body.detail ?? '', ...(body.field ? { field: body.field } : {}), ...(body.problems ? { problems: body.problems } : {}), ...retry };
  } catch {
    return { status: res.status, title: res.statusText || 'Error', detail: `HTTP ${res.status}`, ...retry };
  }
}

async function call<T>(url: string, init: RequestInit = {}, as: 'json' | 'text' = 'json'): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    return { ok: false, problem: { status: 0, title: 'Network error', detail: (e as Error).message } };
  }
  if (!res.ok) return { ok: false, problem: await problemOf(res) };
  try {
    return { ok: true, data: (as === 'json' ? await res.json() : await res.text()) as T };
  } catch {
    return { ok: false, problem: { status: res.status, title: 'Unreadable answer', detail: 'The server\'s answer could not be read.' } };
  }
}

export function decide(req: DecisionRequest): Promise<Result<DecisionResponse>> {
  return call('/api/v1/decide?trace=true', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) });
}

export function decideText(req: DecisionRequest): Promise<Result<string>> {
  return call('/api/v1/decide?format=text', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) }, 'text');
}

const maps = new Map<string, Promise<Result<LawMap>>>();
/** The law map on a date for a request type (kept for the session: the answers do not change while the page is open). */
export function lawMap(date: string, request: string): Promise<Result<LawMap>> {
  const key = `${date}|${request}`;
  let p = maps.get(key);
  if (!p) {
    p = call<LawMap>(`/api/v1/law/map?date=${encodeURIComponent(date)}&request=${encodeURIComponent(request)}`);
    maps.set(key, p);
    void p.then((r) => { if (!r.ok) maps.delete(key); });
  }
  return p;
}

let registered: Promise<Result<JurisdictionSummary[]>> | undefined;
/** Jurisdictions with law registered (states, counties, cities). */
export function registeredJurisdictions(): Promise<Result<JurisdictionSummary[]>> {
  registered ??= call<JurisdictionSummary[]>('/api/v1/jurisdictions');
  return registered;
}

/**
 * A jurisdiction's record (GET /api/v1/jurisdictions/{id}): its law layer by layer, the law's timeline, its 287(g)
 * agreements, and from the loaded records the lists that name it and its observed metrics (or why they are absent).
 */
export type JurisdictionRecord = JurisdictionDetail & {
  records: { status: 'loaded' | 'not loaded' | 'busy'; note?: string };
  lists: SanctuaryRow[];
  observed: { scope: string; metric: MetricResult }[];
};
export function jurisdictionRecord(id: string): Promise<Result<JurisdictionRecord>> {
  return call<JurisdictionRecord>(`/api/v1/jurisdictions/${encodeURIComponent(id)}`);
}

/** An observatory metric as JSON, and its CSV address. */
export interface MetricResult { metric: string; definition: string; caveats: string[]; rows: Record<string, unknown>[]; filters?: Record<string, unknown>; period?: { note?: string } }
export function metric(name: string, query: Record<string, string> = {}): Promise<Result<MetricResult>> {
  return call(metricUrl(name, query));
}
export function metricUrl(name: string, query: Record<string, string> = {}, format?: 'csv'): string {
  const q = new URLSearchParams({ ...query, ...(format ? { format } : {}) }).toString();
  return `/api/v1/observe/${name}${q ? `?${q}` : ''}`;
}

export interface ClaimFigure { id: string; label: string; unit: string; value: number | null; numerator?: number; denominator?: number; definition?: string }
export interface Claim {
  id: string; statement: string; verdict: string; reasoning: string;
  claimant?: { who?: string; where?: string; url?: string; date?: string };
  figures?: ClaimFigure[]; caveats?: string[];
}
export function claims(): Promise<Result<Claim[]>> {
  return call('/api/v1/observe/claims');
}

/** The scenarios shipped with Comity, to start from. */
export function shippedScenarios(): Promise<Result<ShippedScenario[]>> {
  return call('/api/v1/scenarios');
}

/** Start a run (202: the job, queued). */
export function startSimulation(scenario: ScenarioInput): Promise<Result<SimulationJob>> {
  return call('/api/v1/simulations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario) });
}

/** A run's state: status, progress, and its result once done. */
export function simulationJob(id: string): Promise<Result<SimulationJob>> {
  return call(`/api/v1/simulations/${encodeURIComponent(id)}`);
}

/** Today as YYYY-MM-DD in the reader's zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
