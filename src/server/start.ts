/**
 * Start Comity's server, as `npm start` and `comity serve` both do: serve at once, fetch and load the public records in
 * the background when no observatory database exists yet (the law answers meanwhile; the observatory says it is
 * loading), print the URL, and shut down gracefully on SIGINT or SIGTERM.
 */
import { existsSync } from 'node:fs';
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

export async function startServer(options: StartOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const out = options.out ?? ((line: string) => console.log(line));
  const app = createApp(options);
  const server = await listen(app, options.port, options.host ?? '127.0.0.1', out);
  let stopping: Promise<void> | undefined;
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
  return { url: server.url, stop };
}
