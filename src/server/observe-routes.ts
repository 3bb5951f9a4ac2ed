/** GET endpoints over the observatory's metrics (mounted at /api/v1/observe). Thin: parse the query, call the library. */
import { type Context, Hono } from 'hono';
import {
  DatabaseMissingError, DatabaseUnreadableError, MetricInputError, arrestsMonthly, atLargeRecent, attributionCoverage, bookIns, detentionPopulation, provenance, recordQuality, type MetricResult, agreements287g, checkClaims, custodialShare,
  detainersLodged, LiveObservatory, metricCsv, paDetainerOutcomes, policyVsPractice, removalsByThreat, sanctuaryLists, tracDetainers,
} from '../observe/index.js';
import type { Database } from '../observe/db.js';

type Q = Record<string, string | undefined>;

class BadQuery extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A whole number within [0, max]: a longer or larger value is a 400, never a database overflow. */
function intParam(q: Q, field: string, max = 100_000): number | undefined {
  const v = q[field];
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) > max) throw new BadQuery(field, `${field} must be a whole number from 0 to ${max.toLocaleString('en-US')} (got ${v.slice(0, 30)})`);
  return Number(v);
}

function boolParam(q: Q, field: string): boolean | undefined {
  const v = q[field];
  if (v === undefined || v === '') return undefined;
  if (v !== 'true' && v !== 'false') throw new BadQuery(field, `${field} must be true or false (got ${v.slice(0, 20)})`);
  return v === 'true';
}

function isMetric(x: unknown): x is MetricResult<object> {
  return typeof x === 'object' && x !== null && Array.isArray((x as { rows?: unknown }).rows) && typeof (x as { metric?: unknown }).metric === 'string';
}

/** The numeric query parameters and their bounds. */
const NUMERIC: readonly [string, number][] = [['fy', 2100], ['top', 3300]];

function problemJson(c: Context, status: 400 | 500 | 503, title: string, detail: string, field?: string): Response {
  const body = { type: `https://comity.invalid/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, detail, ...(field ? { field } : {}) };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

export function observeRoutes(options: { db?: string } = {}): Hono {
  const app = new Hono();
  const observatory = new LiveObservatory(options.db);
  const route = (path: string, fn: (d: Database, q: Q) => Promise<MetricResult<object> | unknown>): void => {
    app.get(path, async (c) => {
      try {
        const q = c.req.query() as Q;
        // Numbers are checked before the database is touched: a bad one is a 400 whether or not the records are loaded.
        for (const [field, max] of NUMERIC) intParam(q, field, max);
        const format = q.format ?? 'json';
        if (format !== 'json' && format !== 'csv') throw new BadQuery('format', `format must be json or csv (got ${format.slice(0, 20)})`);
        const result = await observatory.use((d) => fn(d, q));
        if (format === 'csv') {
          if (!isMetric(result)) throw new BadQuery('format', 'this endpoint answers documents, not a table: use format=json');
          return c.body(metricCsv(result), 200, { 'content-type': 'text/csv; charset=utf-8' });
        }
        return c.json(result as object);
      } catch (error) {
        if (error instanceof BadQuery || error instanceof MetricInputError) return problemJson(c, 400, 'Bad query parameter', error.message, error.field);
        // The server's own paths and the database's messages stay in its log, never in a response.
        if (error instanceof DatabaseMissingError) return problemJson(c, 503, 'Observatory not loaded', 'The records are not loaded yet: run `comity data load` (or wait for `comity serve` to load them).');
        if (error instanceof DatabaseUnreadableError) {
          console.error(error.message);
          return problemJson(c, 503, 'Observatory not loaded', 'The records database cannot be read; reload it with `comity data load`.');
        }
        throw error;
      }
    });
  };
  route('/custodial-share', (d, q) => custodialShare(d, { fy: intParam(q, 'fy', 2100), by: q.by, aor: q.aor, county: q.county, unattributed: boolParam(q, 'unattributed') }));
  route('/detainers', (d, q) => detainersLodged(d, { fy: intParam(q, 'fy', 2100), by: q.by, aor: q.aor }));
  route('/detainers/trac', (d, q) => tracDetainers(d, { by: q.by, state: q.state }));
  route('/detainers/pa', (d, q) => paDetainerOutcomes(d, { by: q.by, facility: q.facility }));
  route('/removals', (d, q) => removalsByThreat(d, { fy: intParam(q, 'fy', 2100), by: q.by, aor: q.aor }));
  route('/287g', (d, q) => agreements287g(d, { by: q.by, state: q.state, signedBefore: q.signedBefore }));
  route('/sanctuary-lists', (d) => sanctuaryLists(d));
  route('/policy-vs-practice', (d, q) =>
    policyVsPractice(d, { fy: intParam(q, 'fy', 2100), date: q.date, top: intParam(q, 'top', 3300), counties: q.county ? q.county.split(',') : undefined }),
  );
  route('/attribution', (d, q) => attributionCoverage(d, { of: q.of, fy: intParam(q, 'fy', 2100), aor: q.aor, method: q.method }));
  route('/quality', (d, q) => recordQuality(d, { table: q.table }));
  route('/claims', (d) => checkClaims(d));
  // Options are checked by each metric's zod schema (a bad one is a MetricInputError: 400 naming the parameter).
  route('/at-large-recent', (d, q) => atLargeRecent(d, { by: q.by, area: q.area, period: q.period }));
  route('/arrests-monthly', (d, q) => arrestsMonthly(d, { from: q.from, to: q.to }));
  route('/book-ins', (d, q) => bookIns(d, { by: q.by, fy: q.fy }));
  route('/provenance', (d, q) => provenance(d, { table: q.table }));
  route('/detention-population', (d, q) => detentionPopulation(d, { by: q.by, fy: q.fy, aor: q.aor }));
  return app;
}
