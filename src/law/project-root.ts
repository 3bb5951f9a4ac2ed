/** The project's root folder (where package.json and policies/ live), found from this module's location. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function projectRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'policies'))) return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the Comity project root (package.json beside policies/)');
    dir = up;
  }
}

export function defaultPoliciesDir(): string {
  return process.env.COMITY_POLICIES || join(projectRoot(), 'policies');
}

/** The validated registry written at build time (dist/registry-snapshot.json). */
export function snapshotPath(): string {
  return join(projectRoot(), 'dist', 'registry-snapshot.json');
}
