/** Health, the OpenAPI document and the browsable reference page. */
import type { Hono } from 'hono';
import { z } from 'zod';
import type { Engine } from '../law/index.js';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './api-docs-page.js';
import { route, type RouteSpec } from './route-spec.js';

export const SERVICE_ROUTES = {
  health: {
    method: 'get', path: '/api/v1/health', docPath: '/api/v1/health', tag: 'service',
    summary: 'Liveness and the registry\'s fingerprint', query: z.strictObject({}),
    responses: { 200: { description: 'ok' } },
  },
  openapi: {
    method: 'get', path: '/api/v1/openapi.json', docPath: '/api/v1/openapi.json', tag: 'service',
    summary: 'This document', query: z.strictObject({}),
    responses: { 200: { description: 'The OpenAPI 3.1 document' } },
  },
} satisfies Record<string, RouteSpec>;

/** The reference page's files: not API routes, so not in the document. */
const DOCS_FILES: Record<string, { type: string; text: string }> = {
  '/api/docs': { type: 'text/html; charset=utf-8', text: DOCS_HTML },
  '/api/docs/docs.js': { type: 'text/javascript; charset=utf-8', text: DOCS_JS },
  '/api/docs/docs.css': { type: 'text/css; charset=utf-8', text: DOCS_CSS },
};

export function mountServiceRoutes(app: Hono, engine: () => Engine, openApi: () => Record<string, unknown>): void {
  route(app, SERVICE_ROUTES.health, (c) => c.json({ ok: true, registry: engine().registry.fingerprint }));
  route(app, SERVICE_ROUTES.openapi, (c) => c.json(openApi()));
  for (const [path, file] of Object.entries(DOCS_FILES)) {
    route(app, { ...SERVICE_ROUTES.health, path, docPath: path, summary: '' }, (c) => c.body(file.text, 200, { 'content-type': file.type, 'cache-control': 'no-cache' }));
  }
  app.get('/api/docs/', (c) => c.redirect('/api/docs', 301));
}
