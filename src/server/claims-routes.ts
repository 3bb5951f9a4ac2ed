/** The claims: every shipped claim checked against the records, and one by id. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { checkClaim, checkShippedClaims, shippedClaims, type LiveObservatory } from '../observe/index.js';
import { observatoryProblem } from './observe-routes.js';
import { problem } from './problem.js';
import { route, type RouteSpec } from './route-spec.js';

const notLoaded = { description: 'The records are not loaded yet, or the observatory is busy (see Retry-After)', types: ['application/problem+json'] };

export const CLAIM_ROUTES = {
  claims: {
    method: 'get', path: '/api/v1/claims', docPath: '/api/v1/claims', tag: 'claims',
    summary: 'Every shipped claim, checked against the records: verdict, reasoning, figures, caveats',
    query: z.strictObject({}),
    responses: { 200: { description: 'The claims with their verdicts' }, 503: notLoaded },
  },
  claim: {
    method: 'get', path: '/api/v1/claims/:id', docPath: '/api/v1/claims/{id}', tag: 'claims',
    summary: 'One claim, checked against the records',
    query: z.strictObject({}),
    params: [{ name: 'id', description: 'the claim\'s id (see GET /api/v1/claims)', example: 'mecklenburg-287g-end-at-large' }],
    responses: { 200: { description: 'The claim with its verdict' }, 404: { description: 'No claim has this id', types: ['application/problem+json'] }, 503: notLoaded },
  },
} satisfies Record<string, RouteSpec>;

export function mountClaimRoutes(app: Hono, observatory: LiveObservatory): void {
  let catalog: ReturnType<typeof shippedClaims> | undefined;
  const claims = () => (catalog ??= shippedClaims());

  route(app, CLAIM_ROUTES.claims, async (c) => {
    try {
      return c.json(await observatory.cached('claims', (db) => checkShippedClaims(db), c.req.raw.signal));
    } catch (error) {
      const answer = observatoryProblem(c, error);
      if (answer) return answer;
      throw error;
    }
  });
  route(app, CLAIM_ROUTES.claim, async (c) => {
    const id = c.req.param('id') ?? '';
    const entry = (await claims()).get(id);
    if (!entry) {
      const known = [...(await claims()).keys()];
      return problem(c, 404, 'Unknown claim', `id: no claim "${id.slice(0, 80)}"; the claims are ${known.join(', ')}`, { field: 'id' });
    }
    try {
      return c.json(await observatory.cached(`claim:${id}`, (db) => checkClaim(db, entry.claim, entry.file), c.req.raw.signal));
    } catch (error) {
      const answer = observatoryProblem(c, error);
      if (answer) return answer;
      throw error;
    }
  });
}
