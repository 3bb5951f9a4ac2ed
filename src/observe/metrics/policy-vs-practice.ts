// Policy vs practice: each county's law (the engine's answer to a standard HOLD and NOTIFY_RELEASE request at a
// date) beside what the records show there (custodial share of ICE arrests, detainers, TRAC custody share).
import { ARREST_FYS, ENCOUNTER_FYS } from './domains.js';
import { listValue } from '@duckdb/node-api';
import { type LawAt, STANDARD_REQUEST_TEXT, lawAt, ocdIdFor } from './law-at.js';
import { STATE_BY_FIPS } from '../attribution/states.js';
import { type Database, query } from '../db.js';
import { type MetricResult, recordsPeriod, checkCountyFips, checkDate, checkFy, ratio } from './common.js';

export interface PolicyPracticeRow {
  fips: string;
  county: string;
  jurisdiction: string;
  hold: string | null;
  notifyRelease: string | null;
  lawNote: string | null;
  /** The most specific level of law the registry holds for the county (see law-at.ts). */
  lawRegisteredAt: LawAt['lawRegisteredAt'];
  arrests: number;
  custodial: number;
  atLarge: number;
  custodialShare: number | null;
  /** Arrests processed through the county's 287(g) program in the fiscal year. */
  program287g: number;
  /** Encounters in the fiscal year with disposition "Detainer" whose landmark is in the county (null: no encounter records for the year). */
  detainersLodged: number | null;
  tracDetainers: number | null;
  tracCustodyShare: number | null;
}

/** Open Civic Data id of a county from its Census name ("St. Louis County" → county:st._louis, "Richmond city" → place:richmond). */
export function countyOcdId(fips: string, countyName: string): string | null {
  const state = STATE_BY_FIPS.get(fips.slice(0, 2));
  if (!state) return null;
  return ocdIdFor('county', countyName, state.abbr);
}

export async function policyVsPractice(
  db: Database,
  options: { fy?: number; counties?: string[]; top?: number; date?: string } = {},
): Promise<MetricResult<PolicyPracticeRow>> {
  checkFy(options.fy, ARREST_FYS);
  // The latest year with both arrests and encounters (FY2018's encounters were not released), so no column is empty.
  const fy = options.fy ?? 2019;
  for (const c of options.counties ?? []) checkCountyFips('county', c);
  const date = options.date ?? `${fy}-04-01`;
  checkDate('date', date);
  const top = options.top ?? 25;
  const countyFilter = options.counties?.length ? 'AND t.fips IN (SELECT unnest($counties))' : '';
  const params: Record<string, number | ReturnType<typeof listValue>> = { fy, top };
  if (options.counties?.length) params.counties = listValue(options.counties);
  // The encounter records lack FY2018: detainers lodged are then unknown (null), not zero.
  const haveEncounters = (ENCOUNTER_FYS as readonly number[]).includes(fy);
  const rows = await query<{
    fips: string; county: string; state: string; arrests: number; custodial: number; atLarge: number; program287g: number;
    detainersLodged: number | null; tracDetainers: number | null; tracYes: number | null;
  }>(
    db,
    `WITH a AS (
       SELECT t.fips, CAST(sum(t.n) AS BIGINT) AS arrests, CAST(coalesce(sum(t.n) FILTER (WHERE t.class = 'custodial'), 0) AS BIGINT) AS custodial,
         CAST(coalesce(sum(t.n) FILTER (WHERE t.class = 'at_large'), 0) AS BIGINT) AS atLarge,
         CAST(coalesce(sum(t.n) FILTER (WHERE t.detail = '287g'), 0) AS BIGINT) AS program287g
       FROM arrests_cube t
       WHERE t.fy = $fy AND t.fips IS NOT NULL ${countyFilter}
       GROUP BY 1 ORDER BY arrests DESC, t.fips LIMIT $top),
     d AS (
       SELECT l.fips, count(*) AS n FROM encounters t
       JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark
       WHERE t.fy = $fy AND t.disposition = 'Detainer' AND l.fips IN (SELECT fips FROM a)
       GROUP BY 1)
     SELECT a.fips, p.county_name AS county, p.state_name AS state, a.arrests, a.custodial, a.atLarge, a.program287g,
       ${haveEncounters ? 'coalesce(d.n, 0)' : 'NULL'} AS detainersLodged,
       tc.detainers AS tracDetainers, tc.custody_yes AS tracYes
     FROM a JOIN census_population p ON p.fips = a.fips AND p.sumlev = '050'
     LEFT JOIN d ON d.fips = a.fips
     LEFT JOIN trac_detainers_county tc ON lower(tc.state) = lower(p.state_name) AND lower(tc.county) = lower(p.county_name)
     ORDER BY a.arrests DESC, a.fips`,
    params,
  );
  const out = rows.map((r) => {
    const jurisdiction = countyOcdId(r.fips, r.county) ?? '';
    const law = lawAt(jurisdiction, date);
    return {
      fips: r.fips,
      county: `${r.county}, ${r.state}`,
      jurisdiction,
      hold: law.hold,
      notifyRelease: law.notifyRelease,
      lawNote: law.note,
      lawRegisteredAt: law.lawRegisteredAt,
      arrests: r.arrests,
      custodial: r.custodial,
      atLarge: r.atLarge,
      custodialShare: ratio(r.custodial, r.arrests),
      program287g: r.program287g,
      detainersLodged: r.detainersLodged,
      tracDetainers: r.tracDetainers,
      tracCustodyShare: r.tracDetainers === null || r.tracYes === null ? null : ratio(r.tracYes, r.tracDetainers),
    };
  });
  return {
    period: { ...recordsPeriod(fy, ARREST_FYS, 'ICE arrests and encounters'), note: `ICE arrests and encounters, FY${fy}; the law on ${date}` },
    metric: 'policy-vs-practice',
    definition: `law = the engine's modality on ${date} for ${STANDARD_REQUEST_TEXT}; practice = ICE arrests in FY${fy} attributed to the county from landmarks (custodial share, 287(g) arrests), detainers lodged at encounters there in FY${fy}, and TRAC's cumulative FY2003–2016 detainer custody share.`,
    filters: { fy, date, counties: options.counties ?? null, top },
    rows: out,
    caveats: [
      'Arrests are placed in counties by landmark text; at-large arrests rarely name a county, so county custodial shares are biased high.',
      'The law column is only as complete as the registry: a county with no registered local law gets its state and federal layers.',
      'TRAC counts end in early FY2016 and are cumulative; they predate most of the FY2016–2019 arrests.',
      'The encounter records have no FY2018; detainersLodged is then null. Detainers lodged count encounters whose final disposition is "Detainer" (about half of all detainers).',
    ],
  };
}
