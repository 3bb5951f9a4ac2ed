// How much of the records the landmark → county attribution places, and why the rest is not placed: the
// yardstick for every by-county figure.
import { ARREST_FYS, ENCOUNTER_FYS } from './domains.js';
import { COVERAGE_OF } from './domains.js';
import { type Database, query } from '../db.js';
import { type MetricResult, recordsPeriod, COUNTY_JOIN, MetricInputError, checkChoice, checkFy, ratio, fyAorFilter } from './common.js';


export interface AttributionCoverageRow {
  /** The match method (county-name, ori, hifld-facility, …) or, when not attributed, "none: <reason>". */
  outcome: string;
  confidence: string | null;
  records: number;
  share: number | null;
  landmarks: number;
  /** The landmark with the most records in this group, as an example of what it holds. */
  example: string | null;
}

export async function attributionCoverage(
  db: Database,
  options: { of?: string; fy?: number; aor?: string; method?: string } = {},
): Promise<MetricResult<AttributionCoverageRow>> {
  const of = checkChoice('of', options.of, COVERAGE_OF, 'arrests');
  checkFy(options.fy, of === 'arrests' ? ARREST_FYS : ENCOUNTER_FYS);
  if (options.method !== undefined && of !== 'arrests') throw new MetricInputError('method', 'method applies to arrests only');
  const { where, params } = await fyAorFilter(db, options);
  if (options.method) {
    where.push('t.method = $method');
    params.method = options.method;
  }
  const rows = await query<Omit<AttributionCoverageRow, 'share'>>(
    db,
    `WITH g AS (
       SELECT CASE WHEN l.fips IS NOT NULL THEN l.method ELSE 'none: ' || coalesce(l.reason, 'blank') END AS outcome,
         l.confidence AS confidence, t.landmark, count(*) AS n
       FROM ${of} t ${COUNTY_JOIN}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       GROUP BY ALL)
     SELECT outcome, confidence, sum(n) AS records, count(landmark) AS landmarks, first(landmark ORDER BY n DESC, landmark) AS example
     FROM g GROUP BY ALL ORDER BY records DESC, outcome, confidence`,
    params,
  );
  const total = rows.reduce((s, r) => s + r.records, 0);
  const attributed = rows.filter((r) => !r.outcome.startsWith('none')).reduce((s, r) => s + r.records, 0);
  return {
    period: recordsPeriod(options.fy, of === 'arrests' ? ARREST_FYS : ENCOUNTER_FYS, `ICE ${of}`),
    metric: 'attribution-coverage',
    definition: `How the ${of}' free-text landmarks were placed in counties (docs/observatory.md, "Counties from landmarks"): records by match method and confidence, or by the reason none was made. ${attributed.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} records (${((ratio(attributed, total) ?? 0) * 100).toFixed(1)}%) are attributed to a county.`,
    filters: { of, fy: options.fy ?? null, aor: options.aor ?? null, method: options.method ?? null },
    rows: rows.map((r) => ({ ...r, share: ratio(r.records, total) })),
    caveats: [
      'A landmark names where ICE recorded the arrest (a jail, a prison, an office, an area), not where the person lived.',
      '"none: general-area" landmarks ("… GENERAL AREA, NON-SPECIFIC") and ICE offices name no county; most at-large arrests are among them.',
      'Precision is measured on a hand-labelled sample of landmarks (test/observe/fixtures/landmarks.yaml), not on every landmark.',
    ],
  };
}
