/** The law's routes: decide, jurisdictions (search and one), the map and its changes. */
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { z } from 'zod';
import {
  ChangesQuery, DecisionRequest, MapQuery, answerBytes, changesCsv, explain, jurisdictionDetail, lawChanges, lawMap, listJurisdictions, mapCsv, memo,
  searchJurisdictions, type Engine, type LawMap, type RequestType,
} from '../law/index.js';
import { BoundedCache } from '../law/bounded-cache.js';
import { AnswerCache, bytesOf, utf8, type Bytes } from './answer-cache.js';
import { readJsonBody } from './json-body.js';
import { problem } from './problem.js';
import { route, type RouteSpec } from './route-spec.js';
import type { ObservedLookup } from './observed-lookup.js';

const problemResponses = {
  400: { description: 'Invalid input (the problem names the field)', types: ['application/problem+json'] },
} as const;

export const DecideQuery = z.strictObject({
  format: z.enum(['json', 'text', 'md', 'memo']).default('json')
    .describe('json: the contract; text: the readable account of `comity decide --explain`; md: a printable Markdown memo for a jail\'s file (memo: the same)'),
  trace: z.enum(['true', 'false']).default('false').describe('true adds the trace of every provision considered to the JSON'),
});

export const JurisdictionsQuery = z.strictObject({
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional()
    .describe('a name ("Orange County, CA", "San Jose"), a FIPS code (06059, 0668000, 06) or an Open Civic Data id'),
  state: z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter postal code').optional().describe('only jurisdictions of this state'),
  limit: z.string().regex(/^\d{1,3}$/, 'must be a whole number from 1 to 50').transform(Number).refine((n) => n >= 1 && n <= 50, 'must be a whole number from 1 to 50').optional()
    .describe('how many matches for q (default 10)'),
});

const Empty = z.strictObject({});

export const LAW_ROUTES = {
  decide: {
    method: 'post', path: '/api/v1/decide', docPath: '/api/v1/decide', tag: 'law',
    summary: 'Decide each request under federal, state and local law',
    description: 'The jurisdiction may be an OCD id, a 5-digit county FIPS code or a name ("San Jose, CA"); an unknown one is a 400 with the closest names as suggestions. Send application/json (or a +json type), at most 256 KiB.',
    query: DecideQuery,
    body: { schema: DecisionRequest, name: 'DecisionRequest' },
    responses: {
      200: { description: 'One decision per request type, with citations and their links, duties, warnings, the facts left out that would change it (and the trace when asked)', types: ['application/json', 'text/plain', 'text/markdown'] },
      ...problemResponses,
      413: { description: 'The body exceeds 256 KiB (the connection is closed after the answer)', types: ['application/problem+json'] },
      415: { description: 'The body is not application/json (the connection is closed after the answer)', types: ['application/problem+json'] },
    },
  },
  jurisdictions: {
    method: 'get', path: '/api/v1/jurisdictions', docPath: '/api/v1/jurisdictions', tag: 'law',
    summary: 'Search jurisdictions by name, FIPS code or OCD id; without q, what the registry knows',
    query: JurisdictionsQuery,
    responses: { 200: { description: 'Matches (with q), or the jurisdictions with law registered (without q)' }, ...problemResponses },
  },
  jurisdiction: {
    method: 'get', path: '/api/v1/jurisdictions/:id{.+}', docPath: '/api/v1/jurisdictions/{id}', tag: 'law',
    summary: 'One jurisdiction: its layered law with citations, the timeline of that law, 287(g) agreements, the lists that name it, observed metrics',
    description: 'The id is an Open Civic Data id (its slashes may be sent as they are or as %2F), a FIPS code or a name. The lists and observed metrics come from the loaded records: `observed` says when they are not loaded yet.',
    query: Empty,
    params: [{ name: 'id', description: 'OCD id, FIPS code or name', example: 'ocd-division/country:us/state:nc/county:mecklenburg' }],
    responses: { 200: { description: 'The jurisdiction' }, 404: { description: 'No such jurisdiction (with the closest names)', types: ['application/problem+json'] } },
  },
  map: {
    method: 'get', path: '/api/v1/law/map', docPath: '/api/v1/law/map', tag: 'law',
    summary: 'Every county\'s answer to ICE\'s standard request at its jail on a date',
    description: 'The standard request: the detainer form of the day (I-247, I-247D, then I-247A with an I-200), at would-be release, at the county jail (the state\'s jail in AK, CT, DE, HI, RI, VT). Per county: the modality, the deciding level, provision, citation and instrument, the confidence, and the jail\'s 287(g) agreement from ICE\'s lists.',
    query: MapQuery,
    responses: { 200: { description: 'The map (JSON) or one county a line (CSV)', types: ['application/json', 'text/csv'] }, ...problemResponses },
  },
  changes: {
    method: 'get', path: '/api/v1/law/changes', docPath: '/api/v1/law/changes', tag: 'law',
    summary: 'Every county whose answer to the standard request changed between two dates, with the instrument that changed it',
    query: ChangesQuery,
    responses: { 200: { description: 'The changes (JSON or CSV)', types: ['application/json', 'text/csv'] }, ...problemResponses },
  },
} satisfies Record<string, RouteSpec>;

export function mountLawRoutes(app: Hono, engine: () => Engine, observed: ObservedLookup): void {
  // decide() is pure: recent answers are kept by the body as sent (answer-cache.ts says which and why).
  const answers = new AnswerCache(256);
  route(app, LAW_ROUTES.decide, async (c, q) => {
    const body = await readJsonBody(c, undefined, 'the decision request');
    if (!body.ok) return body.response;
    const trace = q.trace === 'true' || q.format === 'text';
    const key = body.text.length <= 4096 ? `${engine().registry.fingerprint}|${q.format ?? 'json'}|${trace}|${body.text}` : undefined;
    const hit = key === undefined ? undefined : answers.get(key);
    if (hit) return c.body(hit.body, 200, { 'content-type': hit.type });
    const r = engine().decideUnknown(body.value, { trace });
    if (!r.ok) {
      const first = r.problems[0]!;
      return problem(c, 400, 'Invalid request', `${first.path}: ${first.message}`, { field: first.path, problems: r.problems });
    }
    // JSON: most of an answer is parts shared with other answers, kept encoded (sealed-json.ts); an answer made only
    // of them is the bytes of the same answer earlier that day (answer-bytes.ts).
    const answer = q.format === 'text' ? { bytes: utf8(explain(r.response)), type: 'text/plain; charset=UTF-8' }
      : q.format === 'md' || q.format === 'memo' ? { bytes: utf8(memo(body.value as DecisionRequest, r.response)), type: 'text/markdown; charset=utf-8' }
      : { bytes: answerBytes(r.response), type: 'application/json' };
    if (key !== undefined) answers.offer(key, answer.bytes, answer.type);
    return c.body(answer.bytes, 200, { 'content-type': answer.type });
  });

  route(app, LAW_ROUTES.jurisdictions, (c, q) => {
    if (q.q === undefined) {
      if (q.limit !== undefined) return problem(c, 400, 'Invalid query', 'limit: applies to a search (q)', { field: 'limit' });
      return c.json(listJurisdictions(engine().registry, q.state ? { state: q.state } : {}));
    }
    return c.json(searchJurisdictions(engine(), q.q, { ...(q.state ? { state: q.state } : {}), limit: q.limit ?? 10 }));
  });

  route(app, LAW_ROUTES.jurisdiction, async (c) => {
    const id = c.req.param('id') ?? '';
    if (id.length > 300) return problem(c, 400, 'Invalid path', 'id: not a valid jurisdiction id', { field: 'id' });
    const d = jurisdictionDetail(engine(), id);
    if (!d.ok) return problem(c, 404, 'Unknown jurisdiction', `id: ${d.message}`, { field: 'id', ...(d.suggestions ? { problems: [{ path: 'id', message: d.message, suggestions: d.suggestions }] } : {}) });
    const j = d.value.jurisdiction;
    const obs = await observed(c, { id: j.id, level: j.level, ...(j.fips ? { fips: j.fips } : {}), aliases: j.aliases, ...(j.countyFips ? { countyFips: j.countyFips } : {}) });
    return c.json({ ...d.value, ...obs });
  });

  // The law map: every county's answer to the standard request on a date (tens of milliseconds to compute once
  // the counties are resolved): cached as the bytes sent, JSON, gzip and CSV, so a cached map costs no
  // serialization. Room for the slider's maps of two request types (the server computes them after it starts).
  const maps = new BoundedCache<string, { json: string; gzip?: Bytes; csv?: string }>(72);
  const mapOf = (date: string, request: RequestType, state: string | undefined) => {
    const key = `${engine().registry.fingerprint}|${date}|${request}|${state ?? ''}`;
    let m = maps.get(key);
    if (!m) maps.set(key, (m = { json: JSON.stringify(lawMap(engine(), date, request, state ? { state } : {})) }));
    return m;
  };
  route(app, LAW_ROUTES.map, (c, q) => {
    if (q.format === 'text') return problem(c, 400, 'Invalid query', 'format: the API answers json or csv', { field: 'format' });
    const m = mapOf(q.date, q.request, q.state);
    if (q.format === 'csv') return c.body((m.csv ??= mapCsv(lawMap(engine(), q.date, q.request, q.state ? { state: q.state } : {}))), 200, { 'content-type': 'text/csv; charset=utf-8' });
    // About a megabyte for the whole country: compressed once, for clients that accept gzip.
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      m.gzip ??= bytesOf(gzipSync(m.json));
      return c.body(m.gzip, 200, { 'content-type': 'application/json', 'content-encoding': 'gzip', vary: 'accept-encoding' });
    }
    return c.body(m.json, 200, { 'content-type': 'application/json', vary: 'accept-encoding' });
  });
  route(app, LAW_ROUTES.changes, (c, q) => {
    if (q.format === 'text') return problem(c, 400, 'Invalid query', 'format: the API answers json or csv', { field: 'format' });
    const ch = lawChanges(engine(), q.from, q.to, q.request, q.state ? { state: q.state } : {});
    if (q.format === 'csv') return c.body(changesCsv(ch), 200, { 'content-type': 'text/csv; charset=utf-8' });
    return c.json(ch);
  });
}

