/** The HTTP API: a thin adapter over the library. Bad input → 400 problem+json, never a stack trace. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  ChangesQuery, MapQuery, changesCsv, defaultEngine, explain, lawChanges, lawMap, listJurisdictions, mapCsv, memo, parseMapQuery,
  type DecisionRequest, type Engine, type LawMap, type RequestType,
} from '../law/index.js';
import { BoundedCache } from '../law/bounded-cache.js';
import { openApiDocument } from './openapi.js';
import { problem } from './problem.js';
import { observeRoutes } from './observe-routes.js';
import { webAssets } from './web-assets.js';

export interface AppOptions { engine?: Engine; mount?: (app: Hono) => void }

export function createApp(opts: AppOptions = {}): Hono {
  const engine = () => opts.engine ?? defaultEngine();
  const app = new Hono();

  app.onError((err, c) => problem(c, 500, 'Internal error', 'The server could not answer this request.', { detail: err.message }));
  app.notFound((c) => problem(c, 404, 'Not found', `No route for ${c.req.method} ${c.req.path}.`));

  app.get('/api/v1/health', (c) => c.json({ ok: true, registry: engine().registry.fingerprint }));
  app.get('/api/v1/openapi.json', (c) => c.json(openApiDocument()));

  app.post('/api/v1/decide', bodyLimit({ maxSize: 256 * 1024, onError: (c) => problem(c, 413, 'Request too large', 'The request body exceeds 256 KiB.') }), async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!type.includes('json')) return problem(c, 415, 'Unsupported media type', 'Send the decision request as application/json.');
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (e) {
      return problem(c, 400, 'Invalid JSON', `The body is not valid JSON: ${(e as Error).message}`);
    }
    const format = c.req.query('format') ?? 'json';
    if (!['json', 'text', 'memo'].includes(format)) {
      return problem(c, 400, 'Invalid query', `format: expected json, text or memo, got "${format.slice(0, 40)}"`, { field: 'format' });
    }
    const trace = c.req.query('trace');
    if (trace !== undefined && trace !== 'true' && trace !== 'false') return problem(c, 400, 'Invalid query', 'trace: expected true or false', { field: 'trace' });
    const r = engine().decideUnknown(body, { trace: trace !== 'false' });
    if (!r.ok) {
      const first = r.problems[0]!;
      return problem(c, 400, 'Invalid request', `${first.path}: ${first.message}`, { field: first.path, problems: r.problems });
    }
    if (format === 'text') return c.text(explain(r.response));
    if (format === 'memo') return c.body(memo(body as DecisionRequest, r.response), 200, { 'content-type': 'text/markdown; charset=utf-8' });
    return c.json(r.response);
  });

  app.get('/api/v1/jurisdictions', (c) => {
    const state = c.req.query('state');
    if (state !== undefined && !/^[a-zA-Z]{2}$/.test(state)) {
      return problem(c, 400, 'Invalid query', `state: expected a two-letter postal code, got "${state}"`, { field: 'state' });
    }
    return c.json(listJurisdictions(engine().registry, state ? { state } : {}));
  });

  // The law map: every county's answer to the standard request on a date (about a second to compute: cached).
  const maps = new BoundedCache<string, LawMap>(32);
  const mapOf = (date: string, request: RequestType, state: string | undefined): LawMap => {
    const key = `${engine().registry.fingerprint}|${date}|${request}|${state ?? ''}`;
    let m = maps.get(key);
    if (!m) maps.set(key, (m = lawMap(engine(), date, request, state ? { state } : {})));
    return m;
  };
  app.get('/api/v1/law/map', (c) => {
    const q = parseMapQuery(MapQuery, c.req.query());
    if (!q.ok) return problem(c, 400, 'Invalid query', `${q.field}: ${q.message}`, { field: q.field });
    const m = mapOf(q.value.date, q.value.request, q.value.state);
    if (q.value.format === 'csv') return c.body(mapCsv(m), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json(m);
  });
  app.get('/api/v1/law/changes', (c) => {
    const q = parseMapQuery(ChangesQuery, c.req.query());
    if (!q.ok) return problem(c, 400, 'Invalid query', `${q.field}: ${q.message}`, { field: q.field });
    const { from, to, request, state, format } = q.value;
    const ch = lawChanges(engine(), from, to, request, state ? { state } : {});
    if (format === 'csv') return c.body(changesCsv(ch), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json(ch);
  });

  app.route('/api/v1/observe', observeRoutes());
  opts.mount?.(app);

  // The web app (dist/web): its files, and index.html for its client routes.
  app.get('*', webAssets());
  return app;
}
