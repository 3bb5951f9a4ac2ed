/**
 * Start Comity's server, as `npm start` and `comity serve` both do: serve at once, fetch and load the public records in
 * the background when no observatory database exists yet (the law answers meanwhile; the observatory says it is
 * loading), print the URL, and shut down gracefully on SIGINT or SIGTERM.
 */
import { existsSync } from 'node:fs';
import { setImmediate as turn } from 'node:timers/promises';
import { mapTimeSteps } from '../law/map-steps.js';
import { autoLoad, resolveDbPath } from '../observe/index.js';
import { type AppOptions, createApp } from './app.js';
import { listen } from './listen.js';

export interface StartOptions extends AppOptions {
  port: number;
  host?: string;
  /** Fetch and load the records when no database exists (default: unless COMITY_NO_AUTOLOAD is set). */
  autoLoad?: boolean;
  out?: (line: string) => void;
}

export interface StartedServer {
  url: string;
  stop: () => Promise<void>;
  /** Settles when the map page's maps have been computed in the background (how many, and how long it took). */
  mapsWarmed: Promise<{ maps: number; ms: number }>;
}

export async function startServer(options: StartOptions): Promise<StartedServer> {
  const out = options.out ?? ((line: string) => console.log(line));
  const app = createApp(options);
  const server = await listen(app, options.port, options.host ?? '127.0.0.1', out);
  let stopping: Promise<void> | undefined;
  const mapsWarmed = warmLawMaps(app, () => stopping !== undefined);
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await server.close();
      await app.shutdown?.();
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      out(`\n${signal}: stopping (open requests finish first)`);
      // A second signal, or a shutdown that hangs, ends the process at once.
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      void stop().then(() => process.exit(0));
    });
  }
  const db = resolveDbPath(options.db);
  if ((options.autoLoad ?? process.env.COMITY_NO_AUTOLOAD === undefined) && !existsSync(db)) {
    out(`No observatory database at ${db} yet: fetching and loading the public records in the background.`);
    void autoLoad(out);
  }
  return { url: server.url, stop, mapsWarmed };
}

/** Today's date where the server runs (the web app's default map date is the reader's local day). */
function localDay(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The map page's answers, computed one at a time in the background once the server listens: today's map for both
 * request types the page offers, then every stop of its time slider. Each takes tens of milliseconds and gives the
 * event loop back between maps, so requests meanwhile are not held up; afterwards the page never waits for a map.
 */
async function warmLawMaps(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }, stopped: () => boolean): Promise<{ maps: number; ms: number }> {
  const t0 = performance.now();
  const today = localDay();
  const asks = [`date=${today}&request=HOLD`, `date=${today}&request=NOTIFY_RELEASE`, ...mapTimeSteps(today).reverse().map((d) => `date=${d}&request=HOLD`)];
  let maps = 0;
  for (const q of asks) {
    await turn();
    if (stopped()) break;
    const res = await app.request(`/api/v1/law/map?${q}`, { headers: { 'accept-encoding': 'gzip' } });
    await res.arrayBuffer();
    if (!res.ok) break;
    maps++;
  }
  return { maps, ms: Math.round(performance.now() - t0) };
}
