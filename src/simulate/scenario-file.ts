/** Read a scenario YAML file: the scenario, or every problem with the file, line and field. */
import { readFileSync } from 'node:fs';
import { parseYamlFile, formatProblem, type FileProblem } from '../law/yaml-file.js';
import { Scenario } from './scenario-schema.js';

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(readonly problems: FileProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: FileProblem[] };

export function parseScenario(file: string, text: string): ScenarioResult {
  const r = parseYamlFile(file, text, Scenario);
  return r.ok ? { ok: true, scenario: r.value } : { ok: false, problems: r.problems };
}

/** Read and check a scenario file; throws ScenarioError naming file, line and field. */
export function readScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError([{ file, path: '', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }]);
  }
  const r = parseScenario(file, text);
  if (!r.ok) throw new ScenarioError(r.problems);
  return r.scenario;
}

/**
 * Check a scenario given as an object (a server's JSON body, a web app's form): the scenario, or a
 * ScenarioError whose problems name each field (`source` stands in for the file name).
 */
export function scenarioFromObject(input: unknown, source = 'scenario'): Scenario {
  const r = Scenario.safeParse(input);
  if (r.success) return r.data;
  throw new ScenarioError(r.error.issues.map((i) => ({ file: source, path: i.path.map(String).join('.'), message: i.message })));
}
