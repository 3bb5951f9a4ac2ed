// Detainers: lodged (ICE encounters with disposition "Detainer"), TRAC's custody outcomes, Pennsylvania outcomes.
import { ENCOUNTER_FYS, LODGED_BY, TRAC_BY, PA_BY } from './domains.js';
import { type Database, query } from '../db.js';
import { type MetricResult, recordsPeriod, AOR_NAME_JOIN, COUNTY_JOIN, COUNTY_NAME_JOIN, UNATTRIBUTED, checkChoice, checkFy, parseState, ratio, fyAorFilter } from './common.js';


export interface DetainersLodgedRow {
  key: string | null;
  label: string | null;
  encounters: number;
  detainers: number;
  detainerShare: number | null;
}

const KEY: Record<(typeof LODGED_BY)[number], { key: string; label: string }> = {
  aor: { key: 't.aor', label: 'any_value(an.name)' },
  state: { key: 'substr(l.fips, 1, 2)', label: `CASE WHEN substr(l.fips, 1, 2) IS NULL THEN ${UNATTRIBUTED} ELSE any_value(cn.state_name) END` },
  county: { key: 'l.fips', label: `CASE WHEN l.fips IS NULL THEN ${UNATTRIBUTED} ELSE any_value(cn.county_name || ', ' || cn.state_name) END` },
  month: { key: "strftime(t.event_date, '%Y-%m')", label: 'NULL' },
  fy: { key: 'CAST(t.fy AS VARCHAR)', label: 'NULL' },
};

export async function detainersLodged(db: Database, options: { fy?: number; by?: string; aor?: string } = {}): Promise<MetricResult<DetainersLodgedRow>> {
  checkFy(options.fy, ENCOUNTER_FYS);
  const by = checkChoice('by', options.by, LODGED_BY, 'aor');
  const { where, params } = await fyAorFilter(db, options);
  const rows = await query<DetainersLodgedRow & { encounters: number; detainers: number }>(
    db,
    `SELECT ${KEY[by].key} AS key, ${KEY[by].label} AS label, count(*) AS encounters,
       count(*) FILTER (WHERE t.disposition = 'Detainer') AS detainers
     FROM encounters t ${COUNTY_JOIN} ${COUNTY_NAME_JOIN} ${AOR_NAME_JOIN}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY 1 ORDER BY ${by === 'month' || by === 'fy' ? 'key' : 'detainers DESC, key'}`,
    params,
  );
  return {
    period: recordsPeriod(options.fy, ENCOUNTER_FYS, 'ICE encounters'),
    metric: 'detainers-lodged',
    definition: 'detainers = ICE ERO encounters whose Processing Disposition is "Detainer"; encounters = all encounters in the group.',
    filters: { fy: options.fy ?? null, by, aor: options.aor ?? null },
    rows: rows.map((r) => ({ ...r, detainerShare: ratio(r.detainers, r.encounters) })),
    caveats: [
      'FY2018 encounters are missing from the public copy.',
      'An encounter records the detainer being lodged, not whether the jail honoured it or ICE took custody.',
      'Counties come from the free-text landmark; the row with key null cannot be placed in one county.',
    ],
  };
}

export interface TracDetainersRow {
  state: string | null;
  county: string | null;
  facility: string | null;
  detainers: number;
  custodyYes: number;
  custodyNo: number;
  custodyShare: number | null;
}

export async function tracDetainers(db: Database, options: { by?: string; state?: string } = {}): Promise<MetricResult<TracDetainersRow>> {
  const by = checkChoice('by', options.by, TRAC_BY, 'state');
  const params: Record<string, string> = {};
  const state = parseState('state', options.state);
  const stateFilter = state ? 'AND lower(state) = lower($state)' : '';
  if (state) params.state = state;
  const sql =
    by === 'facility'
      ? `SELECT state, county, facility, detainers, custody_yes AS custodyYes, custody_no AS custodyNo FROM trac_detainers_facility WHERE county <> 'All' ${stateFilter} ORDER BY detainers DESC`
      : by === 'county'
        ? `SELECT state, county, NULL AS facility, detainers, custody_yes AS custodyYes, custody_no AS custodyNo FROM trac_detainers_county WHERE county <> 'All' ${stateFilter} ORDER BY detainers DESC`
        : `SELECT state, NULL AS county, NULL AS facility, sum(detainers) AS detainers, sum(custody_yes) AS custodyYes, sum(custody_no) AS custodyNo FROM trac_detainers_facility WHERE county <> 'All' ${stateFilter} GROUP BY state ORDER BY detainers DESC`;
  const rows = await query<TracDetainersRow>(db, sql, params);
  return {
    period: { from: '2002-10-01', to: '2015-10-01', note: "TRAC's cumulative counts, FY2003 to early FY2016 (TRAC gives no end date; to is the first day of FY2016)" },
    metric: 'trac-detainers',
    definition: 'TRAC detainer counts by receiving facility, FY2003 to early FY2016, cumulative; custodyYes = ICE assumed custody; custodyShare = custodyYes / detainers. County and state figures sum the distinct facility rows.',
    filters: { by, state: state ?? null },
    rows: rows.map((r) => ({ ...r, custodyShare: ratio(r.custodyYes, r.detainers) })),
    caveats: ['Counts are cumulative over FY2003–early FY2016 with no time dimension.', '"No" is not "the jail refused": refusals were not collected.', 'Scraped from TRAC\'s tool in 2017 by a third party; attribute TRAC.', 'The scrape repeats whole rows (151,809 detainers counted twice or more); Comity drops the exact repeats at load (`observe quality` says how many), so county and state totals differ from the third party\'s published rollup.'],
  };
}

export interface PaOutcomeRow {
  facility: string | null;
  year: number | null;
  detainers: number;
  booked: number;
  declined: number;
  blank: number;
  otherOutcome: number;
  bookedShare: number | null;
}

export async function paDetainerOutcomes(db: Database, options: { by?: string; facility?: string } = {}): Promise<MetricResult<PaOutcomeRow>> {
  const by = checkChoice('by', options.by, PA_BY, 'year');
  const facility = by === 'year' ? 'NULL' : 'facility';
  const year = by === 'facility' ? 'NULL' : 'CAST(year(date) AS INTEGER)';
  const params: Record<string, string> = {};
  const where = options.facility ? 'WHERE facility ILIKE $facility' : '';
  if (options.facility) params.facility = `%${options.facility}%`;
  const rows = await query<PaOutcomeRow>(
    db,
    `SELECT ${facility} AS facility, ${year} AS year, count(*) AS detainers,
       count(*) FILTER (WHERE lift_reason = 'Booked into Detention') AS booked,
       count(*) FILTER (WHERE lift_reason = 'Detainer Declined by LEA') AS declined,
       count(*) FILTER (WHERE lift_reason IS NULL) AS blank,
       count(*) FILTER (WHERE lift_reason IS NOT NULL AND lift_reason NOT IN ('Booked into Detention', 'Detainer Declined by LEA')) AS otherOutcome
     FROM pa_detainers ${where} GROUP BY 1, 2 ORDER BY ${by === 'year' ? 'year' : 'detainers DESC, facility, year'}`,
    params,
  );
  return {
    period: { from: '2007-10-01', to: '2015-07-31', note: 'Pennsylvania detainers lodged October 2007 to July 2015' },
    metric: 'pa-detainer-outcomes',
    definition: 'Pennsylvania detainers 2007-10 to 2015-07 by lift reason: booked = "Booked into Detention" (ICE took custody); declined = "Detainer Declined by LEA"; blank = no lift reason recorded; otherOutcome = case closed, lifted, transferred, etc.',
    filters: { by, facility: options.facility ?? null },
    rows: rows.map((r) => ({ ...r, bookedShare: ratio(r.booked, r.detainers) })),
    caveats: ['Blank lift reasons (about a third) may be detainers still open when the extract was made.', '2007 and 2015 are partial years.'],
  };
}
