/** Start the HTTP server on localhost and print its URL. */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export function listen(app: Hono, port: number, host = '127.0.0.1', log: (s: string) => void = console.log): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      const url = `http://${host}:${info.port}/`;
      log(`Comity is serving on ${url} (API: ${url}api/v1/, press Ctrl-C to stop)`);
      resolve({ url, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
