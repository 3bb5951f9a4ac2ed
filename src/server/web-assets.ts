/**
 * The web app's files (the Vite build in dist/web), served by the API's server: hashed assets cached
 * for a year, index.html for every client route (no-cache), gzip when the client accepts it. Paths
 * under /api/ are never answered here. Without a build, `/` says how to make one.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

/** dist/web, beside dist/src (this file compiles to dist/src/server/). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/', import.meta.url));

interface Asset { body: Uint8Array; gz?: Uint8Array; type: string; cache: string }

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Comity</title></head>
<body><h1>Comity</h1><p>The web app is not built: run <code>npm run build</code>, then start the server again.</p>
<ul><li><code>POST /api/v1/decide</code> — a decision request (see <a href="/api/v1/openapi.json">the OpenAPI document</a>)</li>
<li><a href="/api/v1/jurisdictions">/api/v1/jurisdictions</a> — what the registry knows</li></ul>
<p><small>Comity gives information about the law, not legal advice.</small></p></body></html>`;

export function webAssets(root: string = DEFAULT_WEB_ROOT): MiddlewareHandler {
  const cache = new Map<string, Asset | null>();
  const load = async (rel: string): Promise<Asset | null> => {
    if (cache.has(rel)) return cache.get(rel)!;
    const file = normalize(join(root, rel));
    let asset: Asset | null = null;
    if (file.startsWith(normalize(root.endsWith(sep) ? root : root + sep))) {
      const s = await stat(file).catch(() => undefined);
      if (s?.isFile()) {
        const ext = extname(file).toLowerCase();
        const body = new Uint8Array(await readFile(file));
        asset = {
          body,
          type: TYPES[ext] ?? 'application/octet-stream',
          cache: rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          ...(COMPRESSIBLE.has(ext) && body.length > 1024 ? { gz: new Uint8Array(gzipSync(body)) } : {}),
        };
      }
    }
    cache.set(rel, asset);
    return asset;
  };

  return async (c, next) => {
    const path = c.req.path;
    if (path === '/api' || path.startsWith('/api/')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    if (rel.includes('\0')) return next();
    // A file of the build, else the app's page for a client route (a path that names no file type).
    let asset = rel && !rel.endsWith('/') ? await load(rel) : null;
    if (!asset && !rel.startsWith('assets/') && !/\.[a-z0-9]{1,8}$/i.test(rel)) {
      asset = await load('index.html');
      if (!asset) return c.html(NOT_BUILT);
    }
    if (!asset) return next();
    const gzip = asset.gz && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const body = gzip ? asset.gz! : asset.body;
    const headers: Record<string, string> = { 'content-type': asset.type, 'cache-control': asset.cache, 'x-content-type-options': 'nosniff' };
    if (asset.gz) headers.vary = 'accept-encoding';
    if (gzip) headers['content-encoding'] = 'gzip';
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
  };
}
