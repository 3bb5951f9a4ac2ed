/** `npm start`: the server and web app on the embedded defaults. PORT and HOST may override. */
import { createApp } from './app.js';
import { listen } from './listen.js';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`comity: PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}
await listen(createApp(), port, process.env.HOST ?? '127.0.0.1');
