/** The scenarios shipped with Comity (scenarios/*.yaml), each checked by the schema, for a client to start from. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../observe/paths.js';
import { readScenario } from './scenario-file.js';
import type { Scenario } from './scenario-schema.js';

export interface ShippedScenario { file: string; scenario: Scenario }

/** The scenarios directory of the project (undefined when it cannot be found). */
export function scenariosDir(): string | undefined {
  const root = projectRoot();
  return root ? join(root, 'scenarios') : undefined;
}

/** Every scenarios/*.yaml, sorted by file name; a file that fails its schema throws ScenarioError naming it. */
export function shippedScenarios(dir: string | undefined = scenariosDir()): ShippedScenario[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  } catch {
    return [];
  }
  return names.map((file) => ({ file, scenario: readScenario(join(dir, file)) }));
}
