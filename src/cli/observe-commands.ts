/** `comity data …`, `comity observe …`, `comity claims check`: parse, call the observatory library, format. */
import type { Command } from 'commander';
import type { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { METRICS, type MetricSpec, metricSpec } from '../observe/metrics/catalog.js';
import { codebookRows } from '../observe/metrics/codebook.js';
import { cliKind, parseOptions } from '../observe/metrics/options.js';
import type * as Observatory from '../observe/index.js';
import type { Database } from '../observe/db.js';
import { textTable } from './text-table.js';
import { UsageError } from './usage-error.js';

/** A command of `comity observe`: one metric, or several behind a switch (`detainers --source trac`). */
interface CliCommand {
  command: string;
  description: string;
  /** The metrics by the switch's value; a command with one metric has one entry keyed "". */
  metrics: Record<string, MetricSpec>;
  select?: { flags: string; key: string; description: string; fallback: string };
}

const spec = (name: string): MetricSpec => {
  const m = metricSpec(name);
  if (!m) throw new Error(`no metric ${name}`);
  return m;
};
const single = (name: string, description: string): CliCommand => ({ command: name, description, metrics: { '': spec(name) } });

const CLI_COMMANDS: CliCommand[] = [
  single('custodial-share', 'custodial vs at-large ICE arrests'),
  {
    command: 'detainers',
    description: 'detainers: lodged (ICE encounters), TRAC custody outcomes, Pennsylvania outcomes',
    metrics: { lodged: spec('detainers'), trac: spec('detainers/trac'), pa: spec('detainers/pa') },
    select: { flags: '--source <source>', key: 'source', description: 'lodged | trac | pa', fallback: 'lodged' },
  },
  single('removals', 'removals by ICE threat level'),
  {
    command: '287g',
    description: "287(g) agreements on ICE's list, and the published sanctuary lists",
    metrics: { false: spec('287g'), true: spec('sanctuary-lists') },
    select: { flags: '--sanctuary', key: 'sanctuary', description: 'show the DOJ 2025 and CIS 2017 sanctuary lists joined to FIPS instead', fallback: 'false' },
  },
  single('policy-vs-practice', "each county's law (HOLD, NOTIFY_RELEASE) beside its observed custodial share and detainer outcomes"),
  {
    command: 'attribution',
    description: 'how many records the landmark → county attribution places, by method and confidence, and why the rest are not placed; with --accuracy, how often it is right',
    metrics: { false: spec('attribution'), true: spec('attribution-accuracy') },
    select: { flags: '--accuracy', key: 'accuracy', description: 'precision and recall on the hand-labelled random samples, by landmark and by record', fallback: 'false' },
  },
  single('quality', 'what the ICE records leave blank, and how many rows are identical to another in every released field'),
  single('at-large-recent', 'at-large share of ICE arrests by AOR, state or nation: FY2016–FY2019 records beside calendar 2024, 2025 and Aug 2025–Jul 2026'),
  single('at-large-aor-map', "at-large share of ICE arrests in each county's AOR for one period (the AOR's figures, with its counties under that period's AOR map)"),
  single('arrests-monthly', 'all ICE arrests nationally by month, 2024-01 to 2026-08 (August 2026 partial)'),
  single('book-ins', 'ICE initial book-ins into detention by arresting agency (ICE, CBP) and month, FY2019–FY2026'),
  single('detention-population', 'ICE detention average daily population per fiscal year by AOR or facility type, or nationally by facility type and month'),
  single('provenance', 'each loaded file: the table it feeds, rows, checksum, and the attribution and licence its source asks for'),
];

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const COMMON = new Set(['db', 'json', 'format', 'out']);

/** The command's flags come from its metrics' option schemas (one schema checks the CLI, the API and the OpenAPI document). */
function registerMetricCommand(parent: Command, c: CliCommand): void {
  const cmd = parent.command(c.command).description(c.description);
  if (c.select) cmd.option(c.select.flags, c.select.description, ...(c.select.flags.includes('<') ? [c.select.fallback] : []));
  const seen = new Map<string, string[]>();
  for (const [variant, m] of Object.entries(c.metrics)) {
    for (const [key, schema] of Object.entries(m.options.shape as Record<string, z.ZodType>)) {
      const text = schema.description ?? key;
      const label = c.select?.key === 'source' ? `${variant}: ${text}` : text;
      seen.set(key, [...(seen.get(key) ?? []), label]);
    }
  }
  for (const [key, descriptions] of seen) {
    const first = Object.values(c.metrics).map((m) => (m.options.shape as Record<string, z.ZodType>)[key]).find(Boolean);
    const kind = first ? cliKind.get(first)?.kind : undefined;
    const flag = kind === 'flag' ? `--${kebab(key)}` : kind === 'list' ? `--${kebab(key)} <values...>` : `--${kebab(key)} <value>`;
    cmd.option(flag, [...new Set(descriptions)].join('; '));
  }
  cmd
    .option('--db <path>', 'database file')
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json, csv or parquet', 'text')
    .option('--out <file>', 'with --format parquet: the file to write')
    .action(async (o: Record<string, unknown>) => {
      const format = formatOf(o as { json?: boolean; format?: string });
      if (format === 'parquet' && typeof o.out !== 'string') throw new UsageError('--format parquet writes a file: give it with --out FILE.parquet');
      if (format !== 'parquet' && o.out !== undefined) throw new UsageError('--out goes with --format parquet');
      const variant = c.select ? String(o[c.select.key] ?? c.select.fallback) : '';
      const m = c.metrics[variant];
      if (!m) throw new UsageError(`--${c.select?.key}: expected ${Object.keys(c.metrics).join(', ')} (got ${variant.slice(0, 20)})`);
      const input: Record<string, string | undefined> = {};
      for (const [key, value] of Object.entries(o)) {
        if (COMMON.has(key) || key === c.select?.key || value === undefined) continue;
        if (!(key in m.options.shape)) throw new UsageError(`--${kebab(key)} does not apply${c.select ? ` with --${c.select.key} ${variant}` : ''}`);
        input[key] = Array.isArray(value) ? value.join(',') : String(value);
      }
      let options: Record<string, unknown>;
      try {
        options = parseOptions(m.options, input) as Record<string, unknown>;
      } catch (error) {
        throw asUsage(error);
      }
      const result = await withDb(o.db as string | undefined, (d) => m.run(d, options));
      if (format === 'parquet') {
        await obs.writeMetricParquet(result, m.flatRows?.(result) ?? (result.rows as Record<string, unknown>[]), o.out as string);
        write(`wrote ${result.rows.length.toLocaleString('en-US')} rows to ${o.out as string} (column meanings: comity observe codebook --metric ${m.name})`);
        return;
      }
      print(result, format, m.flatRows?.(result));
    });
}

/** The observatory (and DuckDB) is loaded only when one of its commands runs, so `comity decide` starts fast. */
let obs: typeof Observatory;
async function loadObservatory(): Promise<void> {
  obs ??= await import('../observe/index.js');
}

const write = (s: string): void => {
  process.stdout.write(`${s}\n`);
};

/** Library errors caused by the user's input or environment become UsageError (exit 2, one line). */
function asUsage(error: unknown): unknown {
  if (error instanceof obs.MetricInputError || error instanceof obs.DatabaseMissingError || error instanceof obs.DatabaseUnreadableError || error instanceof obs.LoadError || error instanceof obs.ClaimFileError || error instanceof obs.FetchError || error instanceof obs.LandmarkInputError) {
    return new UsageError(error.message.split('\n').join('; '));
  }
  return error;
}

async function withDb<T>(db: string | undefined, fn: (d: Database) => Promise<T>): Promise<T> {
  let opened: Database | undefined;
  try {
    opened = await obs.openObservatory(db);
    return await fn(opened);
  } catch (error) {
    throw asUsage(error);
  } finally {
    opened?.close();
  }
}

type Format = 'text' | 'json' | 'csv' | 'parquet';
/** --format (text, json or csv), with --json kept as a shorthand. */
function formatOf(o: { json?: boolean; format?: string }): Format {
  const f = o.json ? 'json' : (o.format ?? 'text');
  if (f !== 'text' && f !== 'json' && f !== 'csv' && f !== 'parquet') throw new UsageError(`--format: expected text, json, csv or parquet, got "${f.slice(0, 20)}"`);
  return f;
}

function print<R extends object>(result: Observatory.MetricResult<R>, format: Format, textRows?: Record<string, unknown>[]): void {
  if (format === 'json') {
    write(JSON.stringify(result, null, 2));
    return;
  }
  if (format === 'csv') {
    process.stdout.write(obs.metricCsv<object>(textRows ? { ...result, rows: textRows } : result));
    return;
  }
  const rows = textRows ?? (result.rows as Record<string, unknown>[]);
  // A source column (records beside aggregates) is listed under the table, each source once, not repeated per row.
  const sources = new Set(rows.map((r) => r.source).filter((x): x is string => typeof x === 'string'));
  write(textTable(sources.size ? rows.map(({ source: _source, ...r }) => r) : rows));
  const period = (result as { period?: { from: string; to: string; note: string } }).period;
  if (period) write(`\nperiod: ${period.from} to ${period.to} (${period.note})`);
  write(`${period ? '' : '\n'}definition: ${result.definition}`);
  for (const c of result.caveats) write(`caveat: ${c}`);
  for (const source of sources) write(`source: ${source}`);
}

export function registerObserveCommands(program: Command): void {
  const data = program.command('data').description('the public records: fetch and load them into the local database').hook('preAction', loadObservatory);
  data
    .command('load')
    .description('load every dataset into the DuckDB file (atomic: a failed load keeps the previous database)')
    .option('--from <dir>', 'data directory (default: $COMITY_DATA, else the download cache)')
    .option('--db <path>', 'database file (default: $COMITY_DB or ~/.local/share/comity/comity.duckdb)')
    .option('--allow-modified', 'load files whose checksums differ from the published ones, after checking their rows and the attribution rate against expected ranges')
    .action(async (opts: { from?: string; db?: string; allowModified?: boolean }) => {
      const progress = obs.terminalProgress();
      try {
        const r = await obs.loadData({ ...opts, onProgress: progress.update });
        progress.stop();
        write(`loaded ${Object.keys(r.tables).length} tables from ${r.dataDir} into ${r.db} in ${(r.ms / 1000).toFixed(1)} s`);
        for (const [name, rows] of Object.entries(r.tables)) write(`  ${name.padEnd(28)} ${rows.toLocaleString('en-US')}`);
        write(`  landmarks attributed to a county: ${r.attribution.attributed.toLocaleString('en-US')} of ${r.attribution.landmarks.toLocaleString('en-US')}`);
        const jail = await withDb(r.db, (d) => obs.attributionCoverage(d, { method: 'CAP Local Incarceration' }));
        const share = jail.rows.filter((x) => !x.outcome.startsWith('none')).reduce((sum, x) => sum + (x.share ?? 0), 0);
        write(`  CAP Local Incarceration arrests attributed to a county: ${(share * 100).toFixed(1)}% (comity observe attribution)`);
        const unknown = r.sources.filter((s) => !s.known);
        if (unknown.length > 0) write(`note: loaded ${unknown.length} modified file(s) (--allow-modified; rows and attribution rate in range): ${unknown.map((s) => s.file).join(', ')}`);
      } catch (error) {
        progress.stop();
        throw asUsage(error);
      }
    });
  data
    .command('fetch')
    .description('put the public records in the cache: download, derive from public originals, or install bundled copies, checking sha256 checksums')
    .option('--mirror <url>', 'base URL of a mirror of the data directory, used for every file (default: $COMITY_DATA_MIRROR, else each file\'s origin)')
    .option('--dest <dir>', 'destination directory (default: the user download cache)')
    .option('--originals <dir>', 'keep the downloaded originals of derived files here and reuse them (default: $COMITY_ORIGINALS, else a temporary directory)')
    .action(async (opts: { mirror?: string; dest?: string; originals?: string }) => {
      try {
        const results = await obs.fetchData({ ...opts, onFile: (r) => write(`${r.status.padEnd(11)} ${r.path}`) });
        const missing = results.filter((r) => r.status === 'unavailable');
        for (const r of missing) write(`${r.path}: no public origin (${r.reason}); fetch it from a mirror with --mirror or COMITY_DATA_MIRROR`);
      } catch (error) {
        throw asUsage(error);
      }
    });

  const observe = program.command('observe').description('measure the records: arrests, detainers, removals, 287(g), policy vs practice').hook('preAction', loadObservatory);
  for (const command of CLI_COMMANDS) registerMetricCommand(observe, command);
  observe
    .command('codebook')
    .description("every column of every metric's table: its unit, what it counts, and the metric's sources")
    .option('--metric <name>', `only this metric (${(METRICS as readonly MetricSpec[]).map((m) => m.name).join(', ')})`)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action((o: { metric?: string; json?: boolean; format?: string }) => {
      const format = formatOf(o);
      if (o.metric !== undefined && !metricSpec(o.metric)) throw new UsageError(`--metric: no metric "${o.metric.slice(0, 40)}" (one of ${(METRICS as readonly MetricSpec[]).map((m) => m.name).join(', ')})`);
      const rows = codebookRows(o.metric);
      if (format === 'json') write(JSON.stringify(rows, null, 2));
      else if (format === 'csv') process.stdout.write(stringify(rows, { header: true }));
      else {
        for (const m of [...new Set(rows.map((r) => r.metric))]) {
          const of = rows.filter((r) => r.metric === m);
          write(`${m}\n  source: ${of[0]?.source ?? ''}`);
          for (const r of of) write(`  ${r.column} (${r.unit}): ${r.description}`);
        }
      }
    });

  observe
    .command('attribute')
    .description('where one landmark goes and why (method, confidence, candidates considered); with "-", many from standard input, one AOR<TAB>landmark a line, as JSON lines')
    .argument('<landmark>', 'the landmark text, or - to read AOR<TAB>landmark lines from standard input')
    .option('--aor <code>', "the record's AOR code (e.g. BOS); without it every state is searched")
    .option('--db <path>', 'database file')
    .option('--json', 'JSON output')
    .action(async (landmark: string, o: { aor?: string; db?: string; json?: boolean }) => {
      await withDb(o.db, async (d) => {
        const att = await obs.openAttributor(d, obs.resolveDbPath(o.db));
        if (landmark !== '-') {
          const e = obs.explainOne(att, landmark, o.aor);
          write(o.json ? JSON.stringify(e, null, 2) : obs.formatExplanation(att, e));
          return;
        }
        if (o.aor !== undefined) throw new obs.LandmarkInputError('--aor: with "-" each line gives its own AOR (AOR<TAB>landmark)');
        const { createInterface } = await import('node:readline');
        let n = 0;
        for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
          n += 1;
          if (line.trim() === '') continue;
          write(JSON.stringify(obs.attributeLine(att, line, n)));
        }
      });
    });


  program
    .command('claims')
    .description('public claims about ICE and sanctuary policies, checked against the records')
    .hook('preAction', loadObservatory)
    .command('check')
    .argument('[files...]', 'claim files (default: every file in claims/)')
    .option('--db <path>', 'database file')
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (files: string[], o: { db?: string; json?: boolean; format?: string }) => {
      const results = await withDb(o.db, (d) => obs.checkClaims(d, files));
      const format = formatOf(o);
      if (format === 'json') write(JSON.stringify(results, null, 2));
      else if (format === 'csv') throw new UsageError('--format csv: claims are documents, not a table; use --format json');
      else write(results.map(obs.formatClaimResult).join('\n\n'));
    });
}
