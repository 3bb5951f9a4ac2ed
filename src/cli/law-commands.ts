/** `comity decide`, `comity jurisdictions`, `comity policy …`: parse, call the library, format. */
import type { Command } from 'commander';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DecideResult, DecisionRequest } from '../law/index.js';
import { explain, memo } from '../law/explain.js';
import { defaultPoliciesDir, projectRoot } from '../law/project-root.js';

// The full library (with zod and the YAML loader) loads only when needed: a valid request against the
// bundled registry is decided from the registry's build-time snapshot, so `comity decide` starts fast.
const law = () => import('../law/index.js');

async function decideInput(input: unknown, policies: string | undefined, trace: boolean): Promise<DecideResult> {
  if (!policies) {
    const [{ bundledFromSnapshot }, { validateRequest }, { decideChecked }] = await Promise.all([
      import('../law/light.js'), import('../law/request-validate.js'), import('../law/decide.js'),
    ]);
    const compiled = bundledFromSnapshot();
    if (compiled && validateRequest(input)) return decideChecked(compiled, input as DecisionRequest, { trace });
  }
  const { createEngine, defaultEngine } = await law();
  return (policies ? createEngine(policies) : defaultEngine()).decideUnknown(input, { trace });
}
import { readJsonInput } from './read-input.js';
import { safeText } from './safe-text.js';
import { UsageError } from './usage-error.js';

export function registerLawCommands(program: Command, out: (s: string) => void): void {
  program
    .command('decide')
    .description('Decide what the law allows for a request (JSON per the decision-request contract)')
    .argument('<file>', 'request JSON file, or - for standard input')
    .option('--explain', 'print a readable account instead of JSON (same as --format text)')
    .option('--format <format>', 'json (the contract), text (a readable account) or memo (Markdown for a jail\'s file)', 'json')
    .option('--no-trace', 'leave the trace of every provision considered out of the JSON')
    .option('--policies <dir>', 'use another registry folder')
    .action(async (file: string, opts: { explain?: boolean; format: string; trace: boolean; policies?: string }) => {
      const format = opts.explain ? 'text' : opts.format;
      if (!['json', 'text', 'memo'].includes(format)) throw new UsageError(`--format: expected json, text or memo, got "${format}"`);
      const input = await readJsonInput(file);
      const r = await decideInput(input, opts.policies, format === 'text' || opts.trace);
      if (!r.ok) {
        const p = r.problems[0]!;
        const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more problem${r.problems.length > 2 ? 's' : ''})` : '';
        throw new UsageError(`invalid request: ${p.path}: ${p.message}${more}`);
      }
      if (format === 'text') out(explain(r.response));
      else if (format === 'memo') out(memo(input as DecisionRequest, r.response));
      else out(JSON.stringify(r.response, null, 2));
    });

  program
    .command('jurisdictions')
    .description('List the jurisdictions the registry knows')
    .option('--state <xx>', 'only this state (postal code)')
    .option('--counties', 'with --state: every county of the state (from the gazetteer), with its FIPS code, id and time zone')
    .option('--all', 'every registered county and city too')
    .option('--json', 'print JSON')
    .action(async (opts: { state?: string; counties?: boolean; all?: boolean; json?: boolean }) => {
      const { countiesOf, defaultEngine, listJurisdictions, stateInfo } = await law();
      if (opts.state && !/^[a-zA-Z]{2}$/.test(opts.state)) throw new UsageError(`--state: expected a two-letter postal code, got "${opts.state}"`);
      if (opts.counties && !opts.state) throw new UsageError('--counties needs --state');
      const st = opts.state ? stateInfo(opts.state) : undefined;
      if (opts.state && !st) throw new UsageError(`--state: unknown state "${opts.state}"`);
      if (opts.counties) {
        const rows = countiesOf(opts.state!, defaultEngine().registry);
        if (opts.json) return out(JSON.stringify(rows, null, 2));
        for (const c of rows) out(`${c.fips}  ${c.id.padEnd(60)} ${c.name.padEnd(32)} ${c.timeZone}${c.lawRegistered ? '  [local law registered]' : ''}`);
        return;
      }
      const all = listJurisdictions(defaultEngine().registry, { includeUnregistered: true, ...(opts.state ? { state: opts.state } : {}) });
      const rows = opts.state || opts.all ? all : all.filter((r) => r.level !== 'county' && r.level !== 'place');
      if (opts.json) return out(JSON.stringify(rows, null, 2));
      if (!opts.state && !opts.all) {
        const states = rows.filter((r) => r.level === 'state');
        out(`${states.length} states and DC; ${states.filter((r) => r.status === 'law registered').length} with state law registered, ${states.filter((r) => r.status === 'no state law found').length} where the research found none, ${states.filter((r) => r.status === 'not researched').length} not researched.`);
        out(`${'state'.padEnd(22)} ${'status'.padEnd(19)} ${'provisions'.padStart(10)}  ${'localities'.padStart(10)}  layering / no law found on`);
      }
      for (const r of rows) {
        if (r.level === 'federal') { out(`${'United States'.padEnd(22)} ${'federal baseline'.padEnd(19)} ${String(r.provisions).padStart(10)}`); continue; }
        if (r.level === 'state') {
          const extra = [r.layering.join('+'), r.noLawOn.length ? `no law found on ${r.noLawOn.length === 11 ? 'any request type' : r.noLawOn.join(', ')}` : ''].filter(Boolean).join('; ');
          out(`${r.name.padEnd(22)} ${r.status!.padEnd(19)} ${String(r.provisions).padStart(10)}  ${String(r.localities).padStart(10)}  ${extra}`);
          continue;
        }
        out(`  ${r.id.padEnd(62)} ${r.name.padEnd(28)} ${String(r.provisions).padStart(3)} provisions${r.layering.length ? `  [${r.layering.join(', ')}]` : ''}${r.noLawOn.length ? `  no law found on ${r.noLawOn.length} types` : ''}`);
      }
      if (!opts.state && !opts.all) out('Counties and cities: comity jurisdictions --state xx (or --all).');
    });

  const lawCmd = program.command('law').description('The law across the country: the map and what changed');
  /** The options the map commands share, and their check against the library's schema (exit 2 naming the option). */
  const mapOptions = (c: Command): Command => c
    .option('--request <type>', 'the request type', 'HOLD')
    .option('--state <xx>', 'only this state (postal code)')
    .option('--format <format>', 'json, csv or text', 'text');
  const checked = <T>(q: { ok: true; value: T } | { ok: false; field: string; message: string }): T => {
    if (!q.ok) throw new UsageError(`--${q.field}: ${safeText(q.message)}`);
    return q.value;
  };
  mapOptions(lawCmd
    .command('map')
    .description('For every county, the answer to ICE\'s standard request (the detainer form of the day, at the county jail) on a date')
    .requiredOption('--date <date>', 'the day (YYYY-MM-DD)'))
    .action(async (opts: Record<string, string>) => {
      const { defaultEngine, lawMap, mapSummary, MapQuery, parseMapQuery, mapCsv } = await law();
      const o = checked(parseMapQuery(MapQuery, opts));
      const m = lawMap(defaultEngine(), o.date, o.request, o.state ? { state: o.state } : {});
      if (o.format === 'json') return out(JSON.stringify(m, null, 2));
      if (o.format === 'csv') return out(mapCsv(m).trimEnd());
      out(`${m.request} at the county jail on ${m.date} (${m.standard.documents.join(' + ')}), ${m.rows.length} counties: ${Object.entries(m.counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
      for (const e of mapSummary(m)) out(`  ${String(e.counties).padStart(5)}  ${e.modality.padEnd(12)} ${e.provision.padEnd(44)} ${safeText(e.citation)}`);
      out('Per county: --format csv or json. Comity gives information, not legal advice.');
    });
  mapOptions(lawCmd
    .command('changes')
    .description('Every county whose answer to the standard request changed between two dates, with the instrument that changed it')
    .requiredOption('--from <date>', 'the earlier day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'the later day (YYYY-MM-DD)'))
    .action(async (opts: Record<string, string>) => {
      const { defaultEngine, lawChanges, ChangesQuery, parseMapQuery, changesCsv } = await law();
      const o = checked(parseMapQuery(ChangesQuery, opts));
      const c = lawChanges(defaultEngine(), o.from, o.to, o.request, o.state ? { state: o.state } : {});
      if (o.format === 'json') return out(JSON.stringify(c, null, 2));
      if (o.format === 'csv') return out(changesCsv(c).trimEnd());
      out(`${c.changes.length} counties answer ${c.request} differently on ${c.to} than on ${c.from}.`);
      for (const x of c.changes) out(`  ${x.fips}  ${`${x.name}, ${x.state}`.padEnd(34)} ${x.from.padEnd(12)} -> ${x.to.padEnd(12)} ${safeText(x.now.citation)}`);
    });

  const policy = program.command('policy').description('Work with the law registry (policies/)');
  policy
    .command('validate')
    .description('Validate every registry file; report each problem with file, line and field')
    .argument('[dir]', 'registry folder', defaultPoliciesDir())
    .action(async (dir: string) => {
      const { loadRegistry, formatProblem } = await law();
      const r = loadRegistry(dir);
      if (!r.ok) {
        for (const p of r.problems) process.stderr.write(`${formatProblem(p)}\n`);
        throw new UsageError(`${r.problems.length} problem(s) in the registry`);
      }
      out(`ok: ${r.registry.files} files, ${r.registry.instruments.length} instruments, ${r.registry.provisions.length} provisions, ${r.registry.catalogs.size} offense catalogs (registry ${r.registry.fingerprint})`);
    });
  policy
    .command('contract')
    .description('Print the decision-request JSON Schema generated from the library\'s schema (--write: into contracts/)')
    .option('--write', 'rewrite contracts/decision-request.schema.json')
    .action(async (opts: { write?: boolean }) => {
      const { requestContract } = await import('../law/contract-schema.js');
      const text = `${JSON.stringify(requestContract(), null, 2)}\n`;
      if (!opts.write) return out(text.trimEnd());
      writeFileSync(join(projectRoot(), 'contracts', 'decision-request.schema.json'), text);
      out('wrote contracts/decision-request.schema.json');
    });
  policy
    .command('schema')
    .description('Write the registry JSON Schemas (for editor autocompletion) into a folder')
    .argument('[dir]', 'output folder', 'schema')
    .action(async (dir: string) => {
      const { registryJsonSchemas } = await import('../law/json-schemas.js');
      mkdirSync(dir, { recursive: true });
      for (const [name, schema] of Object.entries(registryJsonSchemas())) {
        writeFileSync(join(dir, `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
      }
      out(`wrote ${Object.keys(registryJsonSchemas()).length} schemas to ${dir}`);
    });
}
