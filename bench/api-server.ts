// The server the API benchmark (bench/api.ts) drives, in its own process: it listens on a free port, says which
// over IPC, and answers requests for its memory (after a garbage collection when node runs with --expose-gc).
import { createApp } from '../src/server/app.js';
import { listen } from '../src/server/listen.js';

const app = createApp({ log: () => {} });
const server = await listen(app, 0, '127.0.0.1', () => {});
const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (m: string) => {
  if (m === 'memory') {
    gc?.();
    process.send!({ memory: process.memoryUsage() });
  } else if (m === 'stop') void server.close().then(() => process.exit(0));
});
process.send!({ url: server.url });
