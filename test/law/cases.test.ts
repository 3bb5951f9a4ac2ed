// Runs every case in test/cases/*.yaml: requests drawn from statute texts, with the expected decision.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaseFile, checkCase } from '../../src/law/case-file.js';
import { defaultEngine } from '../../src/law/index.js';
import { projectRoot } from '../../src/law/project-root.js';
import { parseYamlFile, formatProblem } from '../../src/law/yaml-file.js';

const dir = join(projectRoot(), 'test', 'cases');
const engine = defaultEngine();

for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  const parsed = parseYamlFile(`test/cases/${name}`, readFileSync(join(dir, name), 'utf8'), CaseFile);
  describe(`cases: ${name}`, () => {
    if (!parsed.ok) {
      test('case file is valid', () => assert.fail(parsed.problems.map(formatProblem).join('\n')));
      return;
    }
    for (const c of parsed.value.cases) {
      test(`${c.name} [${c.cite}]`, () => {
        const problems = checkCase(engine.decideUnknown(c.request), c.expect);
        assert.deepEqual(problems, []);
      });
    }
  });
}
