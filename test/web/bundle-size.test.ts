// The web app's first load: the JavaScript index.html loads before anything else, gzipped, stays within 300 KB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../../src/law/project-root.js';

const web = join(projectRoot(), 'dist', 'web');
const built = existsSync(join(web, 'index.html'));

/** The scripts index.html loads, and the modules they import statically (not the lazy chunks). */
export function firstLoadScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    const src = readFileSync(join(dir, f), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of src.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

test('the first load\'s JavaScript is at most 300 KB gzipped', built ? {} : { skip: 'needs the web build in dist/web: npm run build' }, (t) => {
  const files = firstLoadScripts(web);
  assert.ok(files.length >= 1);
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(web, f))).length, 0);
  t.diagnostic(`first-load JavaScript: ${files.join(', ')} — ${(gz / 1024).toFixed(1)} KB gzipped`);
  assert.ok(gz <= 300 * 1024, `${gz} bytes gzipped`);
});
