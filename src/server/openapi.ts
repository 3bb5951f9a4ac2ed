/** The OpenAPI 3.1 document, with the request schema generated from the same zod schema that validates it. */
import { z } from 'zod';
import { ChangesQuery, DecisionRequest, MapQuery } from '../law/index.js';
import { arrestsMonthlyOptions, atLargeRecentOptions, bookInsOptions, detentionPopulationOptions, provenanceOptions } from '../observe/index.js';

/** Query parameters from the same zod schema that checks them. */
function queryParams(schema: z.ZodType): Record<string, unknown>[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s, ...(s.description ? { description: s.description } : {}) }));
}

type Param = [name: string, schema: Record<string, unknown>, description: string];
const fy: Param = ['fy', { type: 'integer' }, 'fiscal year (October–September)'];
const aor: Param = ['aor', { type: 'string', pattern: '^[A-Za-z]{3}$' }, "ICE Area of Responsibility, 3-letter code (e.g. LOS)"];
const format: Param = ['format', { type: 'string', enum: ['json', 'csv'], default: 'json' }, 'json: the metric with its definition and caveats; csv: its rows'];
const by = (values: readonly string[]): Param => ['by', { type: 'string', enum: values }, 'grouping'];

/** The observatory's GET endpoints (src/server/observe-routes.ts), each a metric with its definition and caveats. */
const OBSERVE: Record<string, { summary: string; params: Param[]; schema?: z.ZodType; description?: string }> = {
  'custodial-share': { summary: 'Custodial vs at-large ICE arrests', params: [fy, by(['aor', 'state', 'county', 'month', 'fy']), aor, ['county', { type: 'string', pattern: '^\\d{5}$' }, 'county FIPS'], ['unattributed', { type: 'string', enum: ['true', 'false'] }, 'by state or county: keep the row of arrests that name no single county']] },
  detainers: { summary: 'Detainers lodged at ICE encounters', params: [fy, by(['aor', 'state', 'county', 'month', 'fy']), aor] },
  'detainers/trac': { summary: "TRAC's detainers and ICE custody outcomes", params: [by(['facility', 'county', 'state']), ['state', { type: 'string' }, 'state name']] },
  'detainers/pa': { summary: 'Pennsylvania detainer outcomes', params: [by(['facility', 'year', 'facility-year']), ['facility', { type: 'string' }, 'facility name contains']] },
  removals: { summary: 'Removals by ICE threat level', params: [fy, by(['aor', 'fy', 'aor-fy']), aor] },
  '287g': { summary: "287(g) agreements on ICE's list", params: [by(['state', 'model', 'year', 'county', 'state-model']), ['state', { type: 'string' }, 'state name'], ['signedBefore', { type: 'string', format: 'date' }, 'signed before']] },
  'sanctuary-lists': { summary: 'The DOJ 2025 and CIS 2017 sanctuary lists, joined to jurisdictions and the registered law', params: [] },
  'policy-vs-practice': {
    summary: "Each county's registered law beside its observed arrests and detainer outcomes",
    params: [fy, ['date', { type: 'string', format: 'date' }, 'date of the law'], ['top', { type: 'integer' }, 'how many counties'], ['county', { type: 'string' }, 'comma-separated county FIPS']],
  },
  attribution: { summary: 'How many records the landmark → county attribution places, and why the rest are not placed', params: [['of', { type: 'string', enum: ['arrests', 'encounters'] }, 'records'], fy, aor, ['method', { type: 'string' }, 'apprehension method (arrests)']] },
  quality: { summary: 'What the ICE records leave blank, and rows identical to another in every released field', params: [['table', { type: 'string', enum: ['arrests', 'encounters', 'removals'] }, 'records table']] },
  claims: { summary: 'Every shipped claim, checked against the records: verdict, figures, caveats', params: [] },
  // Parameters from the zod schema each metric validates its options with.
  'at-large-recent': {
    summary: 'At-large share of ICE arrests by AOR, state or nation: FY2016–FY2019 records beside calendar 2024, calendar 2025 and Aug 2025–Jul 2026',
    description: 'A county (area of 5 digits, or by=county) is a 400: the record-level files end in August 2019, and for 2024–26 only AOR and state totals exist.',
    params: [], schema: atLargeRecentOptions,
  },
  'arrests-monthly': { summary: 'All ICE arrests nationally by month, 2024-01 to 2026-08 (August 2026 partial)', params: [], schema: arrestsMonthlyOptions },
  'book-ins': { summary: 'ICE initial book-ins into detention by arresting agency (ICE, CBP) and month, FY2019–FY2026', params: [], schema: bookInsOptions },
  provenance: { summary: 'Each loaded file: the table it feeds, rows, checksum, and the attribution and licence its source asks for', params: [], schema: provenanceOptions },
  'detention-population': { summary: 'ICE detention average daily population per fiscal year by AOR or facility type, or nationally by facility type and month', params: [], schema: detentionPopulationOptions },
};

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
    Object.entries(OBSERVE).map(([path, { summary, params, schema: options, description }]) => [
      `/api/v1/observe/${path}`,
      {
        get: {
          summary,
          ...(description ? { description } : {}),
          tags: ['observatory'],
          parameters: [...(options ? queryParams(options) : []), ...[...params, format].map(([name, schema, description]) => ({ name, in: 'query', schema, description }))],
          responses: {
            200: { description: 'The metric: definition, filters, rows, caveats (JSON), or its rows as CSV', content: { 'application/json': { schema: { type: 'object' } }, 'text/csv': { schema: { type: 'string' } } } },
            400: { description: 'Invalid query parameter (the problem names it)', content: { 'application/problem+json': { schema: problem } } },
            503: { description: 'The records are not loaded yet (`comity data load`)', content: { 'application/problem+json': { schema: problem } } },
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
