/** RFC 9457 problem details: the one error shape of the API. */
import type { Context } from 'hono';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The input the problem is about: a query parameter, a path parameter or a body field (dotted path). */
  field?: string;
  problems?: { path: string; message: string; suggestions?: string[] }[];
}

export type ProblemStatus = 400 | 404 | 405 | 413 | 415 | 429 | 500 | 503;

export interface ProblemOptions extends Partial<Pick<Problem, 'field' | 'problems'>> {
  /** Extra response headers (Allow, Retry-After). */
  headers?: Record<string, string>;
  /**
   * Close the connection after this answer: for a body the server did not read (413, 415), so the client
   * never sends its next request on a socket the server is about to close.
   */
  close?: boolean;
}

const slug = (title: string): string => title.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');

export function problemBody(status: ProblemStatus, title: string, detail: string, extra: Pick<ProblemOptions, 'field' | 'problems'> = {}): Problem {
  return {
    type: `https://comity.invalid/problems/${slug(title)}`, title, status, detail,
    ...(extra.field !== undefined ? { field: extra.field } : {}), ...(extra.problems ? { problems: extra.problems } : {}),
  };
}

export function problem(c: Context, status: ProblemStatus, title: string, detail: string, opts: ProblemOptions = {}): Response {
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', ...opts.headers };
  if (opts.close) headers.connection = 'close';
  return c.body(JSON.stringify(problemBody(status, title, detail, opts)), status, headers);
}
