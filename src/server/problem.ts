/** RFC 9457 problem details: the one error shape of the API. */
import type { Context } from 'hono';

export interface Problem { type: string; title: string; status: number; detail: string; field?: string; problems?: { path: string; message: string; suggestions?: string[] }[] }

export function problem(c: Context, status: 400 | 404 | 405 | 413 | 415 | 500, title: string, detail: string, extra: Partial<Problem> = {}): Response {
  const body: Problem = { type: `https://comity.invalid/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`, title, status, detail, ...extra };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}
