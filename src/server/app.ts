/**
 * The HTTP API: a thin adapter over the library. Every route's input is checked by the zod schemas of
 * its spec (route-spec.ts) that also write the OpenAPI document; every error is an RFC 9457 problem,
 * never a stack trace or a server path. Routes are mounted in one place: `mountRoutes` below.
 */
import { Hono } from 'hono';
import { defaultEngine, type Engine } from '../law/index.js';
import { LiveObservatory, type ObservatoryLimits } from '../observe/index.js';
import { SimulationJobs, type JobLimits } from '../simulate/index.js';
import { mountClaimRoutes } from './claims-routes.js';
import { mountLawRoutes } from './law-routes.js';
import { allowedMethods } from './method-not-allowed.js';
import { observeRoutes } from './observe-routes.js';
import { observedLookup } from './observed-lookup.js';
import { openApiDocument } from './openapi.js';
import { problem } from './problem.js';
import { securityHeaders } from './security-headers.js';
import { mountServiceRoutes } from './service-routes.js';
import { mountSimulationRoutes, type SimulationRouteOptions } from './simulation-routes.js';
import { webAssets } from './web-assets.js';

export interface AppOptions {
  engine?: Engine;
  /** The observatory's database (default: COMITY_DB or the user data folder). */
  db?: string;
  observatoryLimits?: Partial<ObservatoryLimits>;
  jobLimits?: Partial<JobLimits>;
  simulations?: SimulationRouteOptions;
  /** Mount more routes (the web app's static files) after the API's. */
  mount?: (app: Hono) => void;
  /** Where errors the client does not see are written (default: stderr). */
  log?: (line: string) => void;
}

export interface ComityApp extends Hono {
  /** Stop running simulations and close the observatory (for a server shutting down). */
  shutdown?: () => Promise<void>;
}

export function createApp(opts: AppOptions = {}): ComityApp {
  const engine = () => opts.engine ?? defaultEngine();
  const log = opts.log ?? ((line: string) => console.error(line));
  const app: ComityApp = new Hono();
  const observatory = new LiveObservatory(opts.db, opts.observatoryLimits);
  let jobs: SimulationJobs | undefined;
  const simulationJobs = () => (jobs ??= new SimulationJobs({ ...(opts.db ? { db: opts.db } : {}), ...(opts.jobLimits ? { limits: opts.jobLimits } : {}), log }));

  app.use(securityHeaders);
  app.onError((err, c) => {
    // The message and stack go to the log, never into the answer.
    log(`${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return problem(c, 500, 'Internal error', 'The server could not answer this request.');
  });

  // Every route of the API, in one place.
  mountServiceRoutes(app, engine, openApiDocument);
  mountLawRoutes(app, engine, observedLookup(observatory));
  mountClaimRoutes(app, observatory);
  mountSimulationRoutes(app, simulationJobs, opts.simulations);
  app.route('/api/v1/observe', observeRoutes({ observatory }));
  opts.mount?.(app);
  // The web app (dist/web): its files, and index.html for its client routes.
  app.get('*', webAssets());

  const allowed = allowedMethods(app);
  app.notFound((c) => {
    const methods = allowed(c.req.path);
    if (methods.length > 0) {
      return problem(c, 405, 'Method not allowed', `${c.req.method} is not answered at ${c.req.path.slice(0, 200)}; use ${methods.join(' or ')}.`, { headers: { allow: methods.join(', ') }, close: c.req.method !== 'GET' && c.req.method !== 'HEAD' });
    }
    return problem(c, 404, 'Not found', `No route for ${c.req.method} ${c.req.path.slice(0, 200)}.`);
  });
  app.shutdown = async () => {
    await jobs?.close();
    observatory.close();
  };
  return app;
}
