/** The OpenAPI 3.1 document, with the request schema generated from the same zod schema that validates it. */
import { z } from 'zod';
import { ChangesQuery, DecisionRequest, MapQuery } from '../law/index.js';
import { METRICS, type MetricSpec } from '../observe/index.js';

/** Query parameters from the same zod schema that checks them. */
function queryParams(schema: z.ZodType): Record<string, unknown>[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s, ...(s.description ? { description: s.description } : {}) }));
}

const format = { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'csv'], default: 'json' }, description: 'json: the metric with its definition and caveats; csv: its rows' };

/** The observatory's GET endpoints (src/server/observe-routes.ts): the metric catalog, and the claims. */
const OBSERVE: { path: string; summary: string; params: Record<string, unknown>[] }[] = [
  ...(METRICS as readonly MetricSpec[]).map((m) => ({ path: m.name, summary: m.summary, params: queryParams(m.options) })),
  { path: 'codebook', summary: "Every column of every metric's table: unit, meaning, sources", params: [{ name: 'metric', in: 'query', required: false, schema: { type: 'string', enum: (METRICS as readonly MetricSpec[]).map((m) => m.name) } }] },
  { path: 'claims', summary: 'Every shipped claim, checked against the records: verdict, figures, caveats', params: [] },
];

export function openApiDocument(): Record<string, unknown> {
  const problem = { $ref: '#/components/schemas/Problem' };
  /** A law endpoint answering JSON or CSV, its query from the zod schema that checks it. */
  const lawGet = (schema: z.ZodType, summary: string, answer: string, description?: string) => ({
    get: {
      summary, ...(description ? { description } : {}), tags: ['law'], parameters: queryParams(schema),
      responses: {
        200: { description: answer, content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } },
        400: { description: 'Invalid query (the problem names the parameter)', content: { 'application/problem+json': { schema: problem } } },
      },
    },
  });
  const observePaths = Object.fromEntries(
    OBSERVE.map(({ path, summary, params }) => [
      `/api/v1/observe/${path}`,
      {
        get: {
          summary,
          tags: ['observatory'],
          parameters: [...params, format],
          responses: {
            200: { description: 'The metric: definition, filters, rows, caveats (JSON), or its rows as CSV', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } },
            400: { description: 'Invalid query parameter (the problem names it)', content: { 'application/problem+json': { schema: problem } } },
            503: { description: 'The records are not loaded yet (`comity data load`), or the observatory is busy (see Retry-After)', content: { 'application/problem+json': { schema: problem } } },
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: { title: 'Comity API', version: '1', description: 'What the law allows when ICE asks a local jail or police agency for help. Information, not legal advice.' },
    paths: {
      '/api/v1/decide': {
        post: {
          summary: 'Decide each request under federal, state and local law',
          description: 'The jurisdiction may be an OCD id, a 5-digit county FIPS code or a name ("San Jose, CA"); an unknown one is a 400 with the closest names as suggestions.',
          parameters: [
            { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'text', 'memo'], default: 'json' }, description: 'json: the contract; text: the readable account of `comity decide --explain`; memo: a printable Markdown memo for a jail\'s file' },
            { name: 'trace', in: 'query', schema: { type: 'string', enum: ['true', 'false'], default: 'true' }, description: 'false leaves the trace of every provision considered out of the JSON' },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DecisionRequest' } } } },
          responses: {
            200: {
              description: 'One decision per request type, with citations and their links, duties, warnings, the facts left out that would change it, and a trace',
              content: { 'application/json': { schema: { type: 'object' } }, 'text/plain': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } } },
            },
            400: { description: 'Invalid request', content: { 'application/problem+json': { schema: problem } } },
          },
        },
      },
      '/api/v1/jurisdictions': {
        get: {
          summary: 'Jurisdictions the registry knows',
          parameters: [{ name: 'state', in: 'query', schema: { type: 'string', pattern: '^[a-zA-Z]{2}$' } }],
          responses: { 200: { description: 'A list of jurisdictions' }, 400: { description: 'Invalid query', content: { 'application/problem+json': { schema: problem } } } },
        },
      },
      '/api/v1/law/map': lawGet(MapQuery, 'Every county\'s answer to ICE\'s standard request at its jail on a date', 'The map (JSON) or one county a line (CSV)',
        'The standard request: the detainer form of the day (I-247, I-247D, then I-247A with an I-200), at would-be release, at the county jail (the state\'s jail in AK, CT, DE, HI, RI, VT). Per county: the modality, the deciding level, provision, citation and instrument, the confidence, and the jail\'s 287(g) agreement from ICE\'s lists.'),
      '/api/v1/law/changes': lawGet(ChangesQuery, 'Every county whose answer to the standard request changed between two dates, with the instrument that changed it', 'The changes (JSON or CSV)'),
      '/api/v1/health': { get: { summary: 'Liveness and registry fingerprint', responses: { 200: { description: 'ok' } } } },
      ...observePaths,
    },
    components: {
      schemas: {
        DecisionRequest: z.toJSONSchema(DecisionRequest, { io: 'input', unrepresentable: 'any' }),
        Problem: {
          type: 'object', required: ['type', 'title', 'status', 'detail'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, field: { type: 'string' } },
        },
      },
    },
  };
}
