/** Scenarios run as jobs: POST a scenario, then follow its progress and read its result. */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { Scenario, shippedScenarios, type SimulationJobs } from '../simulate/index.js';
import { readJsonBody } from './json-body.js';
import { problem } from './problem.js';
import { RateLimiter } from './rate-limit.js';
import { route, type RouteSpec } from './route-spec.js';

/** The scenario a client may send: the simulator's own schema; the calibration is the project's. */
export const ApiScenario = Scenario;

export const SIMULATION_ROUTES = {
  scenarios: {
    method: 'get', path: '/api/v1/scenarios', docPath: '/api/v1/scenarios', tag: 'simulations',
    summary: 'The scenarios shipped with Comity (scenarios/*.yaml), as JSON',
    description: 'Each is { file, scenario }: the scenario as checked by the simulator\'s schema (defaults filled in), ready to edit and POST to /api/v1/simulations.',
    query: z.strictObject({}),
    responses: { 200: { description: 'The shipped scenarios, by file name' } },
  },
  submit: {
    method: 'post', path: '/api/v1/simulations', docPath: '/api/v1/simulations', tag: 'simulations',
    summary: 'Run a scenario as a job',
    description: 'The body is a scenario (the schema of scenarios/*.yaml, as JSON). The answer is 202 with the job and its Location; follow it with GET /api/v1/simulations/{id}. Each client may start a few runs, then one more every so often (429 with Retry-After); when the queue is full the answer is 503.',
    query: z.strictObject({}),
    body: { schema: ApiScenario, name: 'Scenario' },
    responses: {
      202: { description: 'The job, queued', headers: { location: 'the job\'s URL' } },
      400: { description: 'Invalid scenario (the problem names the field)', types: ['application/problem+json'] },
      413: { description: 'The body exceeds 256 KiB', types: ['application/problem+json'] },
      415: { description: 'The body is not application/json', types: ['application/problem+json'] },
      429: { description: 'Too many runs from this client (see Retry-After)', types: ['application/problem+json'] },
      503: { description: 'The queue is full (see Retry-After)', types: ['application/problem+json'] },
    },
  },
  job: {
    method: 'get', path: '/api/v1/simulations/:id', docPath: '/api/v1/simulations/{id}', tag: 'simulations',
    summary: 'A job: its status (queued, running, done, failed), progress, and result once done',
    query: z.strictObject({}),
    params: [{ name: 'id', description: 'the job id from POST /api/v1/simulations' }],
    responses: { 200: { description: 'The job' }, 404: { description: 'No such job (or it has expired)', types: ['application/problem+json'] } },
  },
} satisfies Record<string, RouteSpec>;

export interface SimulationRouteOptions {
  /** Runs a client may start at once, then one per refillMs. */
  burst?: number;
  refillMs?: number;
  /** The client's key (default: its address). */
  clientOf?: (c: Context) => string;
}

function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}

export function mountSimulationRoutes(app: Hono, jobs: () => SimulationJobs, opts: SimulationRouteOptions = {}): void {
  const limiter = new RateLimiter(opts.burst ?? 4, opts.refillMs ?? 30_000);
  const clientOf = opts.clientOf ?? remoteAddress;

  route(app, SIMULATION_ROUTES.scenarios, (c) => c.json(shippedScenarios()));

  route(app, SIMULATION_ROUTES.submit, async (c) => {
    const body = await readJsonBody(c, undefined, 'the scenario');
    if (!body.ok) return body.response;
    const parsed = ApiScenario.safeParse(body.value);
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? String(i.keys[0]).slice(0, 60) : '(scenario)'), message: i.message }));
      return problem(c, 400, 'Invalid scenario', `${problems[0]!.path}: ${problems[0]!.message}`, { field: problems[0]!.path, problems });
    }
    if (parsed.data.calibration !== undefined) {
      return problem(c, 400, 'Invalid scenario', 'calibration: the API runs every scenario on the project\'s calibration; leave calibration out', { field: 'calibration' });
    }
    const allowed = limiter.take(clientOf(c));
    if (!allowed.ok) {
      return problem(c, 429, 'Too many simulations', `This client has started as many runs as it may for now; try again in ${allowed.retryAfterSeconds} s.`, { headers: { 'retry-after': String(allowed.retryAfterSeconds) } });
    }
    const r = jobs().submit(parsed.data);
    if (!r.ok) return problem(c, 503, 'Simulator busy', 'Every place in the queue is taken; try again shortly.', { headers: { 'retry-after': String(r.retryAfterSeconds) } });
    return c.json(r.job, 202, { location: `/api/v1/simulations/${r.job.id}` });
  });

  route(app, SIMULATION_ROUTES.job, (c) => {
    const id = c.req.param('id') ?? '';
    const job = /^[0-9a-f-]{36}$/.test(id) ? jobs().get(id) : undefined;
    if (!job) return problem(c, 404, 'Unknown simulation', `id: no simulation "${id.slice(0, 40)}" (finished runs are kept for an hour)`, { field: 'id' });
    return c.json(job);
  });
}
