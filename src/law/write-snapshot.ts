/**
 * Build step (`npm run build`): validate the bundled registry and write dist/registry-snapshot.json,
 * so that `createEngine()` starts without parsing YAML. A registry with problems writes no
 * snapshot (and says why): the engine then loads the folder and reports the problems itself.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadRegistry } from './load-registry.js';
import { registrySnapshot } from './light.js';
import { registryStats } from './registry-files.js';
import { defaultPoliciesDir, snapshotPath } from './project-root.js';
import { formatProblem } from './yaml-file.js';

const target = snapshotPath();
const r = loadRegistry(defaultPoliciesDir());
if (r.ok) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, registrySnapshot(r.registry, registryStats(defaultPoliciesDir())));
  process.stdout.write(`registry snapshot ${r.registry.fingerprint}: ${r.registry.provisions.length} provisions\n`);
} else {
  rmSync(target, { force: true });
  process.stderr.write(`no registry snapshot: the registry has ${r.problems.length} problem(s)\n${r.problems.slice(0, 5).map(formatProblem).join('\n')}\n`);
}
