/**
 * A route as data: its method and path, the zod schemas of its query and body, and what it answers.
 * The same spec registers the handler (whose query is parsed by the spec's schema before it runs) and
 * writes the route's entry in the OpenAPI document (openapi.ts), so what is documented is what is checked.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { problem } from './problem.js';

export interface ResponseSpec {
  description: string;
  /** Media types answered (default application/json; problems are application/problem+json). */
  types?: readonly string[];
  headers?: Record<string, string>;
}

export interface RouteSpec<Q extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** The Hono path (with :param{regex} when a parameter holds slashes). */
  path: string;
  /** The OpenAPI path, {param} style. */
  docPath: string;
  summary: string;
  description?: string;
  tag: string;
  /** A strict object schema: an unknown parameter is a 400 naming it. */
  query: Q;
  params?: { name: string; description: string; example?: string }[];
  body?: { schema: z.ZodType; name: string; description?: string; maxBytes?: number };
  responses: Record<number, ResponseSpec>;
}

export type QueryResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const keysOf = new WeakMap<z.ZodType, Set<string> | undefined>();
function knownKeys(schema: z.ZodType): Set<string> | undefined {
  if (!keysOf.has(schema)) {
    const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
    keysOf.set(schema, shape ? new Set(Object.keys(shape)) : undefined);
  }
  return keysOf.get(schema);
}

/** Parse a URL's query string with a strict schema: one value per name, unknown names refused. */
export function parseQueryString<S extends z.ZodType>(schema: S, url: string, noQuery?: QueryResult<z.output<S>>): QueryResult<z.output<S>> {
  const q = url.indexOf('?');
  if (q < 0 && noQuery) return noQuery;
  const raw: Record<string, string> = {};
  if (q >= 0) {
    const hash = url.indexOf('#', q);
    for (const [k, v] of new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash))) {
      if (Object.hasOwn(raw, k)) return { ok: false, field: k.slice(0, 60), message: 'given more than once' };
      raw[k] = v;
    }
  }
  // An unknown name is reported first, even when a required parameter is missing too.
  const known = knownKeys(schema);
  if (known) for (const k of Object.keys(raw)) if (!known.has(k)) return { ok: false, field: k.slice(0, 60), message: `unknown parameter "${k.slice(0, 60)}"` };
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const iss = r.error.issues[0]!;
  if (iss.code === 'unrecognized_keys') {
    const field = String(iss.keys[0]).slice(0, 60);
    return { ok: false, field, message: `unknown parameter "${field}"` };
  }
  return { ok: false, field: iss.path.map(String).join('.'), message: iss.message };
}

/** Register a route: its query is checked by the spec's schema, then the handler runs with the parsed query. */
export function route<Q extends z.ZodType>(app: Hono, spec: RouteSpec<Q>, handler: (c: Context, query: z.output<Q>) => Response | Promise<Response>): void {
  // Most requests carry no query: that answer is computed once.
  const empty = parseQueryString(spec.query, '');
  const noQuery = empty.ok ? empty : undefined;
  app.on(spec.method.toUpperCase(), spec.path, (c) => {
    const q = parseQueryString(spec.query, c.req.url, noQuery);
    if (!q.ok) return problem(c, 400, 'Invalid query', `${q.field}: ${q.message}`, { field: q.field });
    return handler(c, q.value);
  });
}
