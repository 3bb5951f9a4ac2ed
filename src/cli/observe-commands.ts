/** `comity data …`, `comity observe …`, `comity claims check`: parse, call the observatory library, format. */
import type { Command } from 'commander';
import type * as Observatory from '../observe/index.js';
import type { Database } from '../observe/db.js';
import { UsageError } from './usage-error.js';

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

function int(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number (got ${value})`);
    return Number(value);
  };
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

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = Object.keys(rows[0] ?? {});
  // Columns named …Share/share hold ratios (0–1): shown as percentages, including exactly 0 and 1; counts with separators.
  const cell = (v: unknown, col: string): string =>
    v === null || v === undefined ? '—'
      : typeof v === 'number' && /share$/i.test(col) ? `${(v * 100).toFixed(1)}%`
        : typeof v === 'number' && Number.isInteger(v) && !/^(fy|year)$/i.test(col) ? v.toLocaleString('en-US')
          : String(v);
  const heads = cols.map(obs.headerWords);
  const widths = cols.map((c, i) => Math.max(heads[i]!.length, ...rows.map((r) => cell(r[c], c).length)));
  const numeric = cols.map((c) => rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'));
  const line = (vals: string[]): string => vals.map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(heads), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => cell(r[c], c))))].join('\n');
}

type Format = 'text' | 'json' | 'csv';
/** --format (text, json or csv), with --json kept as a shorthand. */
function formatOf(o: { json?: boolean; format?: string }): Format {
  const f = o.json ? 'json' : (o.format ?? 'text');
  if (f !== 'text' && f !== 'json' && f !== 'csv') throw new UsageError(`--format: expected text, json or csv, got "${f.slice(0, 20)}"`);
  return f;
}

function print<R extends object>(result: Observatory.MetricResult<R>, format: Format, textRows?: Record<string, unknown>[]): void {
  if (format === 'json') {
    write(JSON.stringify(result, null, 2));
    return;
  }
  if (format === 'csv') {
    process.stdout.write(obs.metricCsv(result));
    return;
  }
  write(table(textRows ?? (result.rows as Record<string, unknown>[])));
  write(`\ndefinition: ${result.definition}`);
  for (const c of result.caveats) write(`caveat: ${c}`);
}

export function registerObserveCommands(program: Command): void {
  const data = program.command('data').description('the public records: fetch and load them into the local database').hook('preAction', loadObservatory);
  data
    .command('load')
    .description('load every dataset into the DuckDB file (atomic: a failed load keeps the previous database)')
    .option('--from <dir>', 'data directory (default: $COMITY_DATA, ../shared/data, or the download cache)')
    .option('--db <path>', 'database file (default: $COMITY_DB or ~/.local/share/comity/comity.duckdb)')
    .action(async (opts: { from?: string; db?: string }) => {
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
        if (unknown.length > 0) write(`note: ${unknown.length} file(s) differ from the published checksums: ${unknown.map((s) => s.file).join(', ')}`);
      } catch (error) {
        progress.stop();
        throw asUsage(error);
      }
    });
  data
    .command('fetch')
    .description('download the public records into the cache, checking sha256 checksums')
    .option('--mirror <url>', 'base URL of a mirror of the data directory (default: $COMITY_DATA_MIRROR, else each upstream URL)')
    .option('--dest <dir>', 'destination directory (default: the user download cache)')
    .action(async (opts: { mirror?: string; dest?: string }) => {
      try {
        const results = await obs.fetchData({ ...opts, onFile: (r) => write(`${r.status.padEnd(11)} ${r.path}`) });
        const missing = results.filter((r) => r.status === 'unavailable');
        if (missing.length > 0) write(`${missing.length} derived file(s) have no upstream URL; fetch them from a mirror with --mirror or COMITY_DATA_MIRROR`);
      } catch (error) {
        throw asUsage(error);
      }
    });

  const observe = program.command('observe').description('measure the records: arrests, detainers, removals, 287(g), policy vs practice').hook('preAction', loadObservatory);
  const dbOpt = ['--db <path>', 'database file'] as const;
  observe
    .command('custodial-share')
    .description('custodial vs at-large ICE arrests')
    .option('--fy <year>', 'fiscal year (2016–2019)', int('fy'))
    .option('--by <key>', 'aor | state | county | month | fy', 'aor')
    .option('--aor <code>', 'only this AOR (3-letter code)')
    .option('--unattributed', 'by state or county: keep the row of arrests whose landmark names no single county')
    .option('--county <fips>', 'only this county (5-digit FIPS)')
    .option(...dbOpt)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (o: { fy?: number; by?: string; aor?: string; county?: string; db?: string; json?: boolean; format?: string }) => {
      print(await withDb(o.db, (d) => obs.custodialShare(d, o)), formatOf(o));
    });
  observe
    .command('detainers')
    .description('detainers: lodged (ICE encounters), TRAC custody outcomes, Pennsylvania outcomes')
    .option('--source <source>', 'lodged | trac | pa', 'lodged')
    .option('--fy <year>', 'fiscal year for lodged (2016, 2017, 2019)', int('fy'))
    .option('--by <key>', 'lodged: aor|state|county|month|fy; trac: facility|county|state; pa: facility|year|facility-year')
    .option('--aor <code>', 'only this AOR (lodged)')
    .option('--state <name>', 'only this state (trac)')
    .option('--facility <text>', 'facility name contains (pa)')
    .option(...dbOpt)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (o: { source: string; fy?: number; by?: string; aor?: string; state?: string; facility?: string; db?: string; json?: boolean; format?: string }) => {
      if (!['lodged', 'trac', 'pa'].includes(o.source)) throw new UsageError(`--source must be lodged, trac or pa (got ${o.source})`);
      const result = await withDb(o.db, (d): Promise<Observatory.MetricResult<object>> =>
        o.source === 'trac' ? obs.tracDetainers(d, o) : o.source === 'pa' ? obs.paDetainerOutcomes(d, o) : obs.detainersLodged(d, o),
      );
      print(result, formatOf(o));
    });
  observe
    .command('removals')
    .description('removals by ICE threat level')
    .option('--fy <year>', 'fiscal year (2016–2019)', int('fy'))
    .option('--by <key>', 'aor | fy | aor-fy', 'aor')
    .option('--aor <code>', 'only this AOR')
    .option(...dbOpt)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (o: { fy?: number; by?: string; aor?: string; db?: string; json?: boolean; format?: string }) => {
      print(await withDb(o.db, (d) => obs.removalsByThreat(d, o)), formatOf(o));
    });
  observe
    .command('287g')
    .description("287(g) agreements on ICE's list, and the published sanctuary lists")
    .option('--by <key>', 'state | model | year | county | state-model', 'state')
    .option('--state <name>', 'only this state (full name)')
    .option('--signed-before <date>', 'only agreements signed before YYYY-MM-DD')
    .option('--sanctuary', 'show the DOJ 2025 and CIS 2017 sanctuary lists joined to FIPS instead')
    .option(...dbOpt)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (o: { by?: string; state?: string; signedBefore?: string; sanctuary?: boolean; db?: string; json?: boolean; format?: string }) => {
      const result = await withDb(o.db, (d): Promise<Observatory.MetricResult<object>> => (o.sanctuary ? obs.sanctuaryLists(d) : obs.agreements287g(d, o)));
      print(result, formatOf(o));
    });
  observe
    .command('policy-vs-practice')
    .description("each county's law (HOLD, NOTIFY_RELEASE) beside its observed custodial share and detainer outcomes")
    .option('--fy <year>', 'fiscal year (2016–2019)', int('fy'))
    .option('--date <date>', 'date of the law, YYYY-MM-DD (default: April 1 of the fiscal year)')
    .option('--county <fips...>', 'counties (5-digit FIPS); default: the counties with the most arrests')
    .option('--top <n>', 'how many counties by default', int('top'))
    .option(...dbOpt)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (o: { fy?: number; date?: string; county?: string[]; top?: number; db?: string; json?: boolean; format?: string }) => {
      print(await withDb(o.db, (d) => obs.policyVsPractice(d, { ...o, counties: o.county })), formatOf(o));
    });

  observe
    .command('attribution')
    .description('how many records the landmark → county attribution places, by method and confidence, and why the rest are not placed')
    .option('--of <records>', 'arrests | encounters', 'arrests')
    .option('--fy <year>', 'fiscal year', int('fy'))
    .option('--aor <code>', 'only this AOR')
    .option('--method <method>', 'only arrests made by this apprehension method (e.g. "CAP Local Incarceration")')
    .option(...dbOpt)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (o: { of?: string; fy?: number; aor?: string; method?: string; db?: string; json?: boolean; format?: string }) => {
      print(await withDb(o.db, (d) => obs.attributionCoverage(d, o)), formatOf(o));
    });

  observe
    .command('attribute')
    .description('where one landmark goes and why (method, confidence, candidates considered); with "-", many from standard input, one AOR<TAB>landmark a line, as JSON lines')
    .argument('<landmark>', 'the landmark text, or - to read AOR<TAB>landmark lines from standard input')
    .option('--aor <code>', "the record's AOR code (e.g. BOS); without it every state is searched")
    .option(...dbOpt)
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

  observe
    .command('quality')
    .description('what the ICE records leave blank, and how many rows are identical to another in every released field')
    .option('--table <table>', 'arrests | encounters | removals', 'arrests')
    .option(...dbOpt)
    .option('--json', 'JSON output (same as --format json)')
    .option('--format <format>', 'text, json or csv', 'text')
    .action(async (o: { table?: string; db?: string; json?: boolean; format?: string }) => {
      const result = await withDb(o.db, (d) => obs.recordQuality(d, o));
      // The blanks are a nested object: one column per field in the table.
      const rows = result.rows.map(({ blank, ...r }) => ({ ...r, ...Object.fromEntries(Object.entries(blank).map(([k, v]) => [k.endsWith(' (redacted)') ? `redacted ${k.slice(0, -11)}` : `blank ${k}`, v])) }));
      print(result, formatOf(o), rows);
    });

  program
    .command('claims')
    .description('public claims about ICE and sanctuary policies, checked against the records')
    .hook('preAction', loadObservatory)
    .command('check')
    .argument('[files...]', 'claim files (default: every file in claims/)')
    .option(...dbOpt)
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
