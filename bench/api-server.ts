// The server the API benchmark (bench/api.ts) drives, in its own process, started as `npm start` starts it (the map
// page's maps computed in the background): it listens on a free port, says which over IPC once those maps are
// computed, and answers requests for its memory (after a garbage collection when node runs with --expose-gc).
import { startServer } from '../src/server/start.js';

const server = await startServer({ port: 0, autoLoad: false, log: () => {}, out: () => {} });
const warmed = await server.mapsWarmed;
const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (m: string) => {
  if (m === 'memory') {
    gc?.();
    process.send!({ memory: process.memoryUsage() });
  } else if (m === 'stop') void server.stop().then(() => process.exit(0));
});
process.send!({ warmed });
process.send!({ url: server.url });
