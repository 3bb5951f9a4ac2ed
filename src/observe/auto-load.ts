/**
 * What `npm start` does when there is no observatory database yet: fetch the public records that are not at
 * hand from their published origins (downloaded, derived from public originals, or installed from the bundled
 * copy; checksums verified), then load them. Every step is reported as a line;
 * a failure says what failed and how to point Comity at a copy instead. Never throws.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fetchData, FetchError } from './fetch.js';
import { loadData } from './load.js';
import { LoadError } from './load-error.js';
import { DATA_FILES } from './manifest.js';
import { resolveDataDir } from './paths.js';

const HOW = 'point Comity at a copy of the records with `npx comity data load --from DIR` (or COMITY_DATA=DIR), or at a mirror with COMITY_DATA_MIRROR=URL';

export async function autoLoad(log: (line: string) => void): Promise<boolean> {
  const dir = resolveDataDir();
  const missing = DATA_FILES.filter((f) => !existsSync(join(dir.path, ...f.path.split('/'))));
  if (missing.length > 0) {
    if (dir.origin !== 'cache') {
      log(`Observatory not loaded: ${missing.length} of ${DATA_FILES.length} record files are missing from ${dir.path}; ${HOW}.`);
      return false;
    }
    log(`Fetching ${missing.length} public record file(s) into ${dir.path}…`);
    try {
      const results = await fetchData({ dest: dir.path, files: missing, onFile: (r) => log(`  ${r.status.padEnd(11)} ${r.path}`) });
      const unavailable = results.filter((r) => r.status === 'unavailable');
      if (unavailable.length > 0) {
        log(`Observatory not loaded: ${unavailable.length} file(s) have no public origin (${unavailable.slice(0, 3).map((r) => r.path).join(', ')}${unavailable.length > 3 ? ', …' : ''}); ${HOW}.`);
        return false;
      }
    } catch (e) {
      const why = e instanceof FetchError ? e.message : (e as Error).message;
      log(`Observatory not loaded: fetching failed (${why}); ${HOW}.`);
      return false;
    }
  }
  log('Loading the public records in the background…');
  try {
    const r = await loadData({});
    log(`Observatory loaded: ${r.sources.length} sources in ${(r.ms / 1000).toFixed(1)} s.`);
    return true;
  } catch (e) {
    log(`Observatory not loaded (${e instanceof LoadError ? e.message : (e as Error).message}); run \`npx comity data load\`.`);
    return false;
  }
}
