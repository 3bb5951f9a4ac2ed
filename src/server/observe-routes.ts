/** GET endpoints over the observatory's metrics (mounted at /api/v1/observe). Thin: parse the query, call the library. */
import { type Context, Hono } from 'hono';
import {
  DatabaseMissingError, DatabaseUnreadableError, MetricInputError, attributionCoverage, recordQuality, type MetricResult, agreements287g, checkClaims, custodialShare,
  detainersLodged, LiveObservatory, paDetainerOutcomes, policyVsPractice, removalsByThreat, sanctuaryLists, tracDetainers,
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

function intParam(q: Q, field: string): number | undefined {
  const v = q[field];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw new BadQuery(field, `${field} must be a whole number (got ${v})`);
  return Number(v);
}

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
        return c.json((await observatory.use((d) => fn(d, q))) as object);
      } catch (error) {
        if (error instanceof BadQuery || error instanceof MetricInputError) return problemJson(c, 400, 'Bad query parameter', error.message, error.field);
        if (error instanceof DatabaseMissingError || error instanceof DatabaseUnreadableError) return problemJson(c, 503, 'Observatory not loaded', error.message);
        throw error;
      }
    });
  };
  route('/custodial-share', (d, q) => custodialShare(d, { fy: intParam(q, 'fy'), by: q.by, aor: q.aor, county: q.county }));
  route('/detainers', (d, q) => detainersLodged(d, { fy: intParam(q, 'fy'), by: q.by, aor: q.aor }));
  route('/detainers/trac', (d, q) => tracDetainers(d, { by: q.by, state: q.state }));
  route('/detainers/pa', (d, q) => paDetainerOutcomes(d, { by: q.by, facility: q.facility }));
  route('/removals', (d, q) => removalsByThreat(d, { fy: intParam(q, 'fy'), by: q.by, aor: q.aor }));
  route('/287g', (d, q) => agreements287g(d, { by: q.by, state: q.state, signedBefore: q.signedBefore }));
  route('/sanctuary-lists', (d) => sanctuaryLists(d));
  route('/policy-vs-practice', (d, q) =>
    policyVsPractice(d, { fy: intParam(q, 'fy'), date: q.date, top: intParam(q, 'top'), counties: q.county ? q.county.split(',') : undefined }),
  );
  route('/attribution', (d, q) => attributionCoverage(d, { of: q.of, fy: intParam(q, 'fy'), aor: q.aor, method: q.method }));
  route('/quality', (d, q) => recordQuality(d, { table: q.table }));
  route('/claims', (d) => checkClaims(d));
  return app;
}
