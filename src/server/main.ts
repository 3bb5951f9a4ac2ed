/** `npm start`: the server and web app on the embedded defaults (see start.ts). PORT and HOST may override. */
import { startServer } from './start.js';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`comity: PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}
await startServer({ port, host: process.env.HOST ?? '127.0.0.1' });
