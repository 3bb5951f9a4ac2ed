// Custodial vs at-large arrests: how many of ICE's arrests were of people already in jail or prison custody.
import { ARREST_FYS, SHARE_BY } from './domains.js';
import { type Database, query } from '../db.js';
import { type MetricResult, AOR_NAME_JOIN, UNATTRIBUTED, recordsPeriod, checkChoice, checkCountyFips, checkFy, ratio, fyAorFilter } from './common.js';

export type ShareBy = (typeof SHARE_BY)[number];

export interface CustodialShareOptions {
  fy?: number;
  by?: string;
  aor?: string;
  county?: string;
  /** By state or county: keep the row of arrests whose landmark names no single county (left out by default). */
  unattributed?: boolean;
}

export interface CustodialShareRow {
  key: string | null;
  label: string | null;
  total: number;
  custodial: number;
  atLarge: number;
  other: number;
  custodialShare: number | null;
  atLargeShare: number | null;
  localJail: number;
  statePrison: number;
  federalPrison: number;
  program287g: number;
}

// Read from arrests_cube (classified.ts): one row per fiscal year, AOR, month, county and method class.
const KEY: Record<ShareBy, { key: string; label: string }> = {
  aor: { key: 't.aor', label: 'any_value(an.name)' },
  state: { key: 'substr(t.fips, 1, 2)', label: `CASE WHEN substr(t.fips, 1, 2) IS NULL THEN ${UNATTRIBUTED} ELSE any_value(cn.state_name) END` },
  county: { key: 't.fips', label: `CASE WHEN t.fips IS NULL THEN ${UNATTRIBUTED} ELSE any_value(cn.county_name || ', ' || cn.state_name) END` },
  month: { key: 't.month', label: 'NULL' },
  fy: { key: 'CAST(t.fy AS VARCHAR)', label: 'NULL' },
};

export const CUSTODIAL_SHARE_DEFINITION =
  'custodial = CAP Local/State/Federal Incarceration, Criminal Alien Program, 287(g) Program; at-large = Located, Non-Custodial Arrest, Probation and Parole, Worksite Enforcement; other = every other apprehension method. Shares are of all administrative arrests in the group. FY = the ICE file the record came from (Oct–Sep).';

export async function custodialShare(db: Database, options: CustodialShareOptions = {}): Promise<MetricResult<CustodialShareRow>> {
  checkFy(options.fy, ARREST_FYS);
  // A county filter reads by county unless asked otherwise: its arrests are not the AOR's.
  const by = checkChoice('by', options.by, SHARE_BY, options.county ? 'county' : 'aor');
  const { key } = KEY[by];
  const label = by === 'aor' && options.county ? `any_value(an.name) || ' AOR, only arrests placed in ' || any_value(cn.county_name || ', ' || cn.state_name)` : KEY[by].label;
  const { where, params } = await fyAorFilter(db, options);
  checkCountyFips('county', options.county);
  if (options.county) {
    where.push('t.fips = $county');
    params.county = options.county;
  }
  const rows = await query<CustodialShareRow & Record<string, number | string | null>>(
    db,
    `SELECT ${key} AS key, ${label} AS label, CAST(sum(t.n) AS BIGINT) AS total,
       CAST(coalesce(sum(t.n) FILTER (WHERE t.class = 'custodial'), 0) AS BIGINT) AS custodial,
       CAST(coalesce(sum(t.n) FILTER (WHERE t.class = 'at_large'), 0) AS BIGINT) AS atLarge,
       CAST(coalesce(sum(t.n) FILTER (WHERE t.class = 'other'), 0) AS BIGINT) AS other,
       CAST(coalesce(sum(t.n) FILTER (WHERE t.detail = 'local_jail'), 0) AS BIGINT) AS localJail,
       CAST(coalesce(sum(t.n) FILTER (WHERE t.detail = 'state_prison'), 0) AS BIGINT) AS statePrison,
       CAST(coalesce(sum(t.n) FILTER (WHERE t.detail = 'federal_prison'), 0) AS BIGINT) AS federalPrison,
       CAST(coalesce(sum(t.n) FILTER (WHERE t.detail = '287g'), 0) AS BIGINT) AS program287g
     FROM arrests_cube t
     LEFT JOIN census_population cn ON cn.fips = t.fips AND cn.sumlev = '050' ${AOR_NAME_JOIN}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     GROUP BY 1 ORDER BY ${by === 'month' || by === 'fy' ? 'key' : 'total DESC, key'}`,
    params,
  );
  const all = rows.map((r) => ({ ...r, custodialShare: ratio(r.custodial, r.total), atLargeShare: ratio(r.atLarge, r.total) }));
  // By state or county, the arrests that name no single county (most at-large arrests) are left out unless asked:
  // beside the counties they would read as a place of their own. How many there are is said.
  const byPlace = by === 'state' || by === 'county';
  const dropped = byPlace && !options.unattributed ? all.filter((r) => r.key === null) : [];
  const out = dropped.length ? all.filter((r) => r.key !== null) : all;
  const caveats = [
    'Custodial arrests include people ICE took from state and federal prisons, not only local jails.',
    ...(options.fy === undefined || options.fy === 2019 ? ['FY2019 arrest records cover 2018-10-01 to 2019-09-01 only (11 months).'] : []),
  ];
  for (const d of dropped) {
    const n = all.reduce((sum, r) => sum + r.total, 0);
    caveats.push(`${d.total.toLocaleString('en-US')} arrests (${((100 * d.total) / n).toFixed(1)}% of ${n.toLocaleString('en-US')}; ${((d.atLargeShare ?? 0) * 100).toFixed(1)}% of them at large) name no single county and are left out of these rows (unattributed: true, or --unattributed, shows them as one row). State and county shares are of the arrests placed in a county, so they are biased towards custody.`);
  }
  if (by === 'county' || by === 'state' || options.county) {
    caveats.push('Counties come from the free-text landmark (see landmark_county); most at-large arrests name no single county ("… GENERAL AREA, NON-SPECIFIC"), so at-large shares by county and state are biased low.');
  }
  return { metric: 'custodial-share', period: recordsPeriod(options.fy, ARREST_FYS, 'ICE administrative arrests'), definition: CUSTODIAL_SHARE_DEFINITION, filters: { fy: options.fy ?? null, by, aor: options.aor ?? null, county: options.county ?? null, unattributed: options.unattributed ?? false }, rows: out, caveats };
}
