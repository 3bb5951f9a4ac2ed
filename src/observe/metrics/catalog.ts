// Every metric in one list: its name (the API path under /observe), what it measures, its options schema and the
// function that computes it. The CLI's observe commands, the API's routes and the OpenAPI document are made from
// this list, so a metric's options are written once.
import { z } from 'zod';
import type { Database } from '../db.js';
import type { MetricResult } from './common.js';
import { ACCURACY_SAMPLES, ARREST_FYS, COVERAGE_OF, ENCOUNTER_FYS, G287_BY, LODGED_BY, PA_BY, QUALITY_TABLES, REMOVALS_BY, REMOVAL_FYS, SHARE_BY, TRAC_BY } from './domains.js';
import { arrestsMonthlyOptions, atLargeAorMapOptions, atLargeRecentOptions, bookInsOptions, detentionPopulationOptions, provenanceOptions } from './recent-options.js';
import { aorOption, choiceOption, countiesOption, countyOption, dateOption, flagOption, fyOption, intOption, stateOption, textOption } from './options.js';

/** A metric function loaded when first called: the metric modules (and DuckDB with them) stay out of `comity decide`. */
function lazy<M, K extends keyof M>(load: () => Promise<M>, key: K): M[K] {
  return (async (...args: unknown[]) => ((await load())[key] as (...a: unknown[]) => unknown)(...args)) as M[K];
}
const custodialShare = lazy(() => import('./custodial-share.js'), 'custodialShare');
const detainersLodged = lazy(() => import('./detainers.js'), 'detainersLodged');
const tracDetainers = lazy(() => import('./detainers.js'), 'tracDetainers');
const paDetainerOutcomes = lazy(() => import('./detainers.js'), 'paDetainerOutcomes');
const removalsByThreat = lazy(() => import('./removals.js'), 'removalsByThreat');
const agreements287g = lazy(() => import('./g287.js'), 'agreements287g');
const sanctuaryLists = lazy(() => import('./sanctuary.js'), 'sanctuaryLists');
const policyVsPractice = lazy(() => import('./policy-vs-practice.js'), 'policyVsPractice');
const attributionCoverage = lazy(() => import('./attribution-coverage.js'), 'attributionCoverage');
const recordQuality = lazy(() => import('./record-quality.js'), 'recordQuality');
const attributionAccuracy = lazy(() => import('./attribution-accuracy.js'), 'attributionAccuracy');
const atLargeRecent = lazy(() => import('./at-large-recent.js'), 'atLargeRecent');
const atLargeAorMap = lazy(() => import('./at-large-aor-map.js'), 'atLargeAorMap');
const arrestsMonthly = lazy(() => import('./arrests-monthly.js'), 'arrestsMonthly');
const bookIns = lazy(() => import('./book-ins.js'), 'bookIns');
const detentionPopulation = lazy(() => import('./detention-population.js'), 'detentionPopulation');
const provenance = lazy(() => import('./provenance.js'), 'provenance');

export interface MetricSpec<S extends z.ZodObject = z.ZodObject> {
  /** The metric's name and its path under /api/v1/observe. */
  name: string;
  summary: string;
  options: S;
  run(db: Database, options: z.output<S>): Promise<MetricResult<object>>;
  /** Rows as a flat table (for text and CSV) when the metric's rows nest objects. */
  flatRows?(result: MetricResult<object>): Record<string, unknown>[];
}

function metric<S extends z.ZodObject>(spec: MetricSpec<S>): MetricSpec<S> {
  return spec;
}

export const METRICS = [
  metric({
    name: 'custodial-share',
    summary: 'Custodial vs at-large ICE arrests',
    options: z
      .object({
        fy: fyOption(ARREST_FYS),
        by: choiceOption('by', SHARE_BY, 'grouping (default aor; county when a county is given)'),
        aor: aorOption,
        county: countyOption,
        unattributed: flagOption('unattributed', 'by state or county: keep the row of arrests whose landmark names no single county'),
      })
      .strict(),
    run: (db, o) => custodialShare(db, o),
  }),
  metric({
    name: 'detainers',
    summary: 'Detainers lodged at ICE encounters',
    options: z.object({ fy: fyOption(ENCOUNTER_FYS), by: choiceOption('by', LODGED_BY, 'grouping (default aor)'), aor: aorOption }).strict(),
    run: (db, o) => detainersLodged(db, o),
  }),
  metric({
    name: 'detainers/trac',
    summary: "TRAC's detainers and ICE custody outcomes (FY2003–early FY2016, cumulative)",
    options: z.object({ by: choiceOption('by', TRAC_BY, 'grouping (default state)'), state: stateOption }).strict(),
    run: (db, o) => tracDetainers(db, o),
  }),
  metric({
    name: 'detainers/pa',
    summary: 'Pennsylvania detainer outcomes (2007–2015)',
    options: z.object({ by: choiceOption('by', PA_BY, 'grouping (default year)'), facility: textOption('facility name contains') }).strict(),
    run: (db, o) => paDetainerOutcomes(db, o),
  }),
  metric({
    name: 'removals',
    summary: 'Removals by ICE threat level',
    options: z.object({ fy: fyOption(REMOVAL_FYS), by: choiceOption('by', REMOVALS_BY, 'grouping (default aor)'), aor: aorOption }).strict(),
    run: (db, o) => removalsByThreat(db, o),
  }),
  metric({
    name: '287g',
    summary: "287(g) agreements on ICE's list",
    options: z
      .object({
        by: choiceOption('by', G287_BY, 'grouping (default state)'),
        state: stateOption,
        signedBefore: dateOption('signedBefore', 'only agreements signed before this date'),
      })
      .strict(),
    run: (db, o) => agreements287g(db, o),
  }),
  metric({
    name: 'sanctuary-lists',
    summary: 'The DOJ 2025 and CIS 2017 sanctuary lists, joined to jurisdictions and the registered law',
    options: z.object({}).strict(),
    run: (db) => sanctuaryLists(db),
  }),
  metric({
    name: 'policy-vs-practice',
    summary: "Each county's registered law beside its observed arrests and detainer outcomes",
    options: z
      .object({
        fy: fyOption(ARREST_FYS),
        date: dateOption('date', 'date of the law (default: April 1 of the fiscal year)'),
        county: countiesOption,
        top: intOption('top', 1, 3300, 'how many counties, by arrests, when no county is given'),
      })
      .strict(),
    run: (db, o) => policyVsPractice(db, { fy: o.fy, date: o.date, top: o.top, counties: o.county }),
  }),
  metric({
    name: 'attribution',
    summary: 'How many records the landmark → county attribution places, by method and confidence, and why the rest are not placed',
    options: z
      .object({
        of: choiceOption('of', COVERAGE_OF, 'records (default arrests)'),
        fy: fyOption([...new Set([...ARREST_FYS, ...ENCOUNTER_FYS])].sort()),
        aor: aorOption,
        method: textOption('only arrests made by this apprehension method (e.g. "CAP Local Incarceration")'),
      })
      .strict(),
    run: (db, o) => attributionCoverage(db, o),
  }),
  metric({
    name: 'attribution-accuracy',
    summary: 'How often the landmark → county attribution is right: precision and recall on two hand-labelled random samples, by landmark and by arrest record',
    options: z.object({ sample: choiceOption('sample', ACCURACY_SAMPLES, 'labelled sample (default: both)') }).strict(),
    run: (db, o) => attributionAccuracy(db, o),
  }),
  metric({
    name: 'quality',
    summary: 'What the ICE records leave blank, and rows identical to another in every released field',
    options: z.object({ table: choiceOption('table', QUALITY_TABLES, 'records table (default arrests)') }).strict(),
    run: (db, o) => recordQuality(db, o),
    // The blanks are a nested object: one column per field in the table.
    flatRows: (result) =>
      (result.rows as { blank: Record<string, number> }[]).map(({ blank, ...r }) => ({
        ...r,
        ...Object.fromEntries(Object.entries(blank).map(([k, v]) => [k.endsWith(' (redacted)') ? `redacted ${k.slice(0, -11)}` : `blank ${k}`, v])),
      })),
  }),
  metric({
    name: 'at-large-recent',
    summary: 'At-large share of ICE arrests by AOR, state or nation: FY2016–FY2019 records beside calendar 2024, 2025 and Aug 2025–Jul 2026',
    options: atLargeRecentOptions,
    run: (db, o) => atLargeRecent(db, o),
    flatRows: (result) =>
      (result.rows as { key: string | null; label: string | null; periodLabel: string; arrests: number; atLarge: number; atLargeShare: number | null; custodial: number | null; program287g: number | null; otherMethods: number | null; source: string }[]).map((r) => ({
        key: r.key, label: r.label, period: r.periodLabel, arrests: r.arrests, atLarge: r.atLarge, atLargeShare: r.atLargeShare,
        custodial: r.custodial, program287g: r.program287g, otherMethods: r.otherMethods, source: r.source,
      })),
  }),
  metric({
    name: 'at-large-aor-map',
    summary: "The at-large share of ICE arrests in each county's AOR for one period (FY2016–FY2019 by the 2019 AOR map, 2024–26 by ICE's 2025/26 map): the AOR's figures with its counties",
    options: atLargeAorMapOptions,
    run: (db, o) => atLargeAorMap(db, o),
    // One line per county: its AOR's figures.
    flatRows: (result) =>
      (result.rows as { key: string; label: string | null; periodLabel: string; arrests: number; atLarge: number; atLargeShare: number | null; counties: string[] }[]).flatMap((r) =>
        r.counties.map((fips) => ({ county: fips, aor: r.key, aorLabel: r.label, period: r.periodLabel, arrests: r.arrests, atLarge: r.atLarge, atLargeShare: r.atLargeShare }))),
  }),
  metric({ name: 'arrests-monthly', summary: 'All ICE arrests nationally by month, 2024-01 to 2026-08 (August 2026 partial)', options: arrestsMonthlyOptions, run: (db, o) => arrestsMonthly(db, o) }),
  metric({ name: 'book-ins', summary: 'ICE initial book-ins into detention by arresting agency (ICE, CBP) and month, FY2019–FY2026', options: bookInsOptions, run: (db, o) => bookIns(db, o) }),
  metric({
    name: 'detention-population',
    summary: 'ICE detention average daily population per fiscal year by AOR or facility type, or nationally by facility type and month (FY2019–FY2026)',
    options: detentionPopulationOptions,
    run: (db, o) => detentionPopulation(db, o),
  }),
  metric({ name: 'provenance', summary: 'Each loaded file: the table it feeds, rows, checksum, and the attribution and licence its source asks for', options: provenanceOptions, run: (db, o) => provenance(db, o) }),
] as const satisfies readonly MetricSpec<z.ZodObject>[];

export type MetricName = (typeof METRICS)[number]['name'];

export function metricSpec(name: string): MetricSpec | undefined {
  return (METRICS as readonly MetricSpec<z.ZodObject>[]).find((m) => m.name === name);
}
