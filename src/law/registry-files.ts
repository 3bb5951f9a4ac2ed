/** The registry folder's files (YAML, and the 287(g) table), their text and the fingerprint over them (no parsing: see load-registry.ts). */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface RegistryFiles { files: string[]; texts: string[]; fingerprint: string }

/** Size and modification time of every YAML file under `root`: a cheap check that nothing changed since a snapshot. */
export function registryStats(root: string): string {
  return listYaml(root).map((abs) => {
    const st = statSync(abs);
    return `${relative(root, abs).split(sep).join('/')}:${st.size}:${st.mtimeMs}`;
  }).join('|');
}

/** Every YAML file under `root`, in a stable order, with a sha256 over names and contents. */
export function registryFiles(root: string): RegistryFiles {
  const files = listYaml(root);
  const texts = files.map((abs) => readFileSync(abs, 'utf8'));
  const hash = createHash('sha256');
  files.forEach((abs, i) => hash.update(relative(join(root, '..'), abs).split(sep).join('/')).update('\0').update(texts[i]!).update('\0'));
  return { files, texts, fingerprint: hash.digest('hex').slice(0, 16) };
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listYaml(p));
    else if (/\.(ya?ml|tsv)$/.test(name)) out.push(p);
  }
  return out;
}

