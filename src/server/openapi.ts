/**
 * The OpenAPI 3.1 document, made from the route specs (route-spec.ts) whose zod schemas check every
 * request, and from the metric catalog for the observatory's routes.
 */
import { z } from 'zod';
import { METRICS, type MetricSpec } from '../observe/index.js';
import { CLAIM_ROUTES } from './claims-routes.js';
import { LAW_ROUTES } from './law-routes.js';
import { SIMULATION_ROUTES } from './simulation-routes.js';
import { SERVICE_ROUTES } from './service-routes.js';
import type { RouteSpec } from './route-spec.js';

/** Every documented route with a spec, in the order of the document. */
export const ROUTE_SPECS: readonly RouteSpec[] = [
  ...Object.values(LAW_ROUTES), ...Object.values(CLAIM_ROUTES), ...Object.values(SIMULATION_ROUTES), ...Object.values(SERVICE_ROUTES),
];

/** Query parameters from the same zod schema that checks them. */
export function queryParams(schema: z.ZodType): Record<string, unknown>[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s, ...(s.description ? { description: s.description } : {}) }));
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const common = {
  400: { description: 'Invalid input, or an unknown query parameter (the problem names it)', content: { 'application/problem+json': { schema: problemRef } } },
  405: { description: 'The path exists but not for this method (see Allow)', content: { 'application/problem+json': { schema: problemRef } } },
};

function operation(spec: RouteSpec): Record<string, unknown> {
  const responses: Record<string, unknown> = { ...common };
  for (const [code, r] of Object.entries(spec.responses)) {
    const types = r.types ?? ['application/json'];
    responses[code] = {
      description: r.description,
      content: Object.fromEntries(types.map((t) => [t, { schema: t === 'application/problem+json' ? problemRef : t === 'application/json' ? { type: 'object' } : { type: 'string' } }])),
      ...(r.headers ? { headers: Object.fromEntries(Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }])) } : {}),
    };
  }
  return {
    summary: spec.summary, ...(spec.description ? { description: spec.description } : {}), tags: [spec.tag],
    parameters: [
      ...(spec.params ?? []).map((p) => ({ name: p.name, in: 'path', required: true, description: p.description, schema: { type: 'string' }, ...(p.example ? { example: p.example } : {}) })),
      ...queryParams(spec.query),
    ],
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${spec.body.name}` } } } } } : {}),
    responses,
  };
}

const format = { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv'], default: 'json' }, description: 'json: the metric with its definition and caveats; csv: its rows' };

/** The observatory's GET endpoints (src/server/observe-routes.ts): the metric catalog, and the claims. */
const OBSERVE: { path: string; summary: string; params: Record<string, unknown>[]; csv: boolean }[] = [
  ...(METRICS as readonly MetricSpec[]).map((m) => ({ path: m.name, summary: m.summary, params: [...queryParams(m.options), format], csv: true })),
  { path: 'codebook', summary: "Every column of every metric's table: unit, meaning, sources", params: [{ name: 'metric', in: 'query', required: false, schema: { type: 'string', enum: (METRICS as readonly MetricSpec[]).map((m) => m.name) } }, format], csv: true },
  { path: 'claims', summary: 'Every shipped claim, checked against the records (the same as /api/v1/claims)', params: [], csv: false },
];

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of ROUTE_SPECS) (paths[spec.docPath] ??= {})[spec.method] = operation(spec);
  for (const { path, summary, params, csv } of OBSERVE) {
    paths[`/api/v1/observe/${path}`] = {
      get: {
        summary, tags: ['observatory'], parameters: params,
        responses: {
          200: { description: csv ? 'The metric: definition, filters, rows, caveats (JSON), or its rows as CSV' : 'The claims (JSON)', content: { 'application/json': { schema: { type: 'object' } }, ...(csv ? { 'text/csv': { schema: { type: 'string' } } } : {}) } },
          ...common,
          503: { description: 'The records are not loaded yet (`comity data load`), or the observatory is busy (see Retry-After)', content: { 'application/problem+json': { schema: problemRef } } },
        },
      },
    };
  }
  const schemas: Record<string, unknown> = {};
  for (const spec of ROUTE_SPECS) if (spec.body) schemas[spec.body.name] = z.toJSONSchema(spec.body.schema, { io: 'input', unrepresentable: 'any' });
  schemas.Problem = {
    type: 'object', required: ['type', 'title', 'status', 'detail'],
    description: 'RFC 9457 problem details',
    properties: {
      type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' },
      field: { type: 'string', description: 'the parameter or body field at fault' },
      problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' }, suggestions: { type: 'array', items: { type: 'string' } } } } },
    },
  };
  cached = {
    openapi: '3.1.0',
    info: { title: 'Comity API', version: '1', description: 'What the law allows when ICE asks a local jail or police agency for help, what the records show, and what a scenario would change. Information, not legal advice. Errors are RFC 9457 problems (application/problem+json).' },
    paths,
    components: { schemas },
  };
  return cached;
}
