/** `comity serve`: the same server as `npm start`. */
import type { Command } from 'commander';
import { UsageError } from './usage-error.js';

export function registerServeCommand(program: Command, out: (s: string) => void): void {
  program
    .command('serve')
    .description('Serve the API and web app on localhost')
    .option('--port <n>', 'port', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (opts: { port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected a port number, got "${opts.port}"`);
      // The server (and the observatory behind it) loads only when serving; it behaves as `npm start`.
      const { startServer } = await import('../server/start.js');
      await startServer({ port, host: opts.host, out });
      await new Promise(() => {}); // serve until a signal stops it
    });
}
