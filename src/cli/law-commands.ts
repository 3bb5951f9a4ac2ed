/** `comity decide`, `comity jurisdictions`, `comity policy …`: parse, call the library, format. */
import type { Command } from 'commander';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, defaultEngine, explain, formatProblem, listJurisdictions, loadRegistry } from '../law/index.js';
import { defaultPoliciesDir } from '../law/project-root.js';
import { registryJsonSchemas } from '../law/json-schemas.js';
import { readJsonInput } from './read-input.js';
import { UsageError } from './usage-error.js';

export function registerLawCommands(program: Command, out: (s: string) => void): void {
  program
    .command('decide')
    .description('Decide what the law allows for a request (JSON per the decision-request contract)')
    .argument('<file>', 'request JSON file, or - for standard input')
    .option('--explain', 'print a readable account instead of JSON')
    .option('--policies <dir>', 'use another registry folder')
    .action(async (file: string, opts: { explain?: boolean; policies?: string }) => {
      const input = await readJsonInput(file);
      const engine = opts.policies ? createEngine(opts.policies) : defaultEngine();
      const r = engine.decideUnknown(input, { trace: true });
      if (!r.ok) {
        const p = r.problems[0]!;
        const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more problem${r.problems.length > 2 ? 's' : ''})` : '';
        throw new UsageError(`invalid request: ${p.path}: ${p.message}${more}`);
      }
      out(opts.explain ? explain(r.response) : JSON.stringify(r.response, null, 2));
    });

  program
    .command('jurisdictions')
    .description('List the jurisdictions the registry knows')
    .option('--state <xx>', 'only this state (postal code)')
    .option('--json', 'print JSON')
    .action((opts: { state?: string; json?: boolean }) => {
      if (opts.state && !/^[a-zA-Z]{2}$/.test(opts.state)) throw new UsageError(`--state: expected a two-letter postal code, got "${opts.state}"`);
      const rows = listJurisdictions(defaultEngine().registry, opts.state ? { state: opts.state } : {});
      if (opts.json) return out(JSON.stringify(rows, null, 2));
      for (const r of rows) {
        out(`${r.id.padEnd(58)} ${r.name.padEnd(28)} ${String(r.provisions).padStart(3)} provisions${r.layering.length ? `  [${r.layering.join(', ')}]` : ''}`);
      }
    });

  const policy = program.command('policy').description('Work with the law registry (policies/)');
  policy
    .command('validate')
    .description('Validate every registry file; report each problem with file, line and field')
    .argument('[dir]', 'registry folder', defaultPoliciesDir())
    .action((dir: string) => {
      const r = loadRegistry(dir);
      if (!r.ok) {
        for (const p of r.problems) process.stderr.write(`${formatProblem(p)}\n`);
        throw new UsageError(`${r.problems.length} problem(s) in the registry`);
      }
      out(`ok: ${r.registry.files} files, ${r.registry.instruments.length} instruments, ${r.registry.provisions.length} provisions, ${r.registry.catalogs.size} offense catalogs (registry ${r.registry.fingerprint})`);
    });
  policy
    .command('schema')
    .description('Write the registry JSON Schemas (for editor autocompletion) into a folder')
    .argument('[dir]', 'output folder', 'schema')
    .action((dir: string) => {
      mkdirSync(dir, { recursive: true });
      for (const [name, schema] of Object.entries(registryJsonSchemas())) {
        writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
      }
      out(`wrote ${Object.keys(registryJsonSchemas()).length} schemas to ${dir}`);
    });
}
