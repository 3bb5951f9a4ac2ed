/** The OpenAPI 3.1 document, with the request schema generated from the same zod schema that validates it. */
import { z } from 'zod';
import { DecisionRequest } from '../law/index.js';

export function openApiDocument(): Record<string, unknown> {
  const problem = { $ref: '#/components/schemas/Problem' };
  return {
    openapi: '3.1.0',
    info: { title: 'Comity API', version: '1', description: 'What the law allows when ICE asks a local jail or police agency for help. Information, not legal advice.' },
    paths: {
      '/api/v1/decide': {
        post: {
          summary: 'Decide each request under federal, state and local law',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/DecisionRequest' } } } },
          responses: {
            200: { description: 'One decision per request type, with citations, duties, warnings and a trace' },
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
      '/api/v1/health': { get: { summary: 'Liveness and registry fingerprint', responses: { 200: { description: 'ok' } } } },
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
