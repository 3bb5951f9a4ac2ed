/**
 * `npm start`: the server and web app on the embedded defaults. PORT and HOST may override.
 * When no observatory database exists yet, the public records are fetched (when not at hand) and
 * loaded in the background; the law API answers at once, the observatory endpoints once the load is done.
 */
import { existsSync } from 'node:fs';
import { autoLoad, resolveDbPath } from '../observe/index.js';
import { createApp } from './app.js';
import { listen } from './listen.js';

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`comity: PORT must be a port number, got "${process.env.PORT}"`);
  process.exit(2);
}
await listen(createApp(), port, process.env.HOST ?? '127.0.0.1');

const db = resolveDbPath();
if (!existsSync(db) && process.env.COMITY_NO_AUTOLOAD === undefined) {
  console.log(`No observatory database at ${db} yet.`);
  void autoLoad((line) => console.log(line));
}
