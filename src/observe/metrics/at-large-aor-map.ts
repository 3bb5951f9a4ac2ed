// The at-large share of ICE arrests in each county's AOR, for one period: what the map colors a county by where no
// county figure exists (2024–26) or to compare the years on one scale. The figure is the AOR's (at-large-recent by
// AOR); each AOR row lists its counties under the AOR map of that period: the 2019 map for the FY2016–FY2019
// records (UWCHR's county → AOR table), ICE's 2025/26 field-office map for the 2024–26 tables
// (deportationdata/ice-offices), whose offices are named as DDP's AOR table names them.
import { type Database, query } from '../db.js';
import { atLargeRecent, PERIODS, type AtLargeRecentRow } from './at-large-recent.js';
import { atLargeAorMapOptions, type AtLargeAorMapOptions, type AtLargePeriod } from './recent-options.js';
import { type PeriodResult, parseOptions } from './options.js';

export interface AtLargeAorMapRow {
  /** The AOR's code. */
  key: string;
  label: string | null;
  period: AtLargePeriod;
  periodLabel: string;
  arrests: number;
  atLarge: number;
  atLargeShare: number | null;
  /** The counties (5-digit FIPS) in this AOR under the period's map, sorted. */
  counties: string[];
  /**
   * The states (2-digit FIPS) wholly in this AOR: a map whose counties are another census's (Connecticut's eight
   * former counties, which the county table has replaced by its planning regions) can place them by their state.
   */
  states: string[];
}

/** A county's AOR under the 2025/26 map: its state's office, or the office that names the county (CA, NY, TX). */
const MAP_2025 = `
  SELECT c.fips, c.state_fips AS state, c.aor AS aor2019, count(DISTINCT d.aor) AS offices, coalesce(any_value(d.aor), c.aor) AS aor
  FROM county_aor c
  LEFT JOIN aor_map_2025 m ON lower(m.state_name) = c.state_name
    AND (m.county_name IS NULL OR c.county_name IN (lower(m.county_name), lower(m.county_name) || ' county'))
  LEFT JOIN (SELECT DISTINCT aor, aor_name FROM ddp_arrests_aor) d ON d.aor_name = m.office_name
  GROUP BY c.fips, c.state_fips, c.aor`;

const fmt = (n: number): string => n.toLocaleString('en-US');

export async function atLargeAorMap(db: Database, input: AtLargeAorMapOptions = {}): Promise<PeriodResult<AtLargeAorMapRow>> {
  const options = parseOptions(atLargeAorMapOptions, input);
  const period = options.period ?? 'y2025';
  const records = period.startsWith('fy');
  const assigned = await query<{ fips: string; state: string; aor: string; aor2019: string; offices: number }>(
    db,
    records ? 'SELECT fips, state_fips AS state, aor, aor AS aor2019, 1 AS offices FROM county_aor ORDER BY fips' : `${MAP_2025} ORDER BY c.fips`,
  );
  const figures = await atLargeRecent(db, { by: 'aor', period: [period] });
  const byAor = new Map<string, string[]>();
  const aorsOfState = new Map<string, Set<string>>();
  for (const a of assigned) {
    let list = byAor.get(a.aor);
    if (!list) byAor.set(a.aor, (list = []));
    list.push(a.fips);
    let aors = aorsOfState.get(a.state);
    if (!aors) aorsOfState.set(a.state, (aors = new Set()));
    aors.add(a.aor);
  }
  const whole = (aor: string): string[] => [...aorsOfState].filter(([, aors]) => aors.size === 1 && aors.has(aor)).map(([st]) => st).sort();
  const rows: AtLargeAorMapRow[] = figures.rows
    .filter((r): r is AtLargeRecentRow & { key: string } => r.key !== null)
    .map((r) => ({ key: r.key, label: r.label, period, periodLabel: r.periodLabel, arrests: r.arrests, atLarge: r.atLarge, atLargeShare: r.atLargeShare, counties: byAor.get(r.key) ?? [], states: whole(r.key) }));

  const moved = assigned.filter((a) => a.aor !== a.aor2019);
  const caveats = [
    'Each county shows its AOR\'s share, not its own: an AOR spans a state or several, and the share within it varies (for FY2016–FY2019 by county, use custodial-share with by=county).',
    records
      ? 'Counties are placed in AORs by the 2019 map (UWCHR\'s county → AOR table), the map of the FY2016–FY2019 records.'
      : `Counties are placed in AORs by ICE's 2025/26 field-office map (deportationdata/ice-offices), whose offices DDP's AOR table names: it moves ${fmt(moved.length)} of ${fmt(assigned.length)} counties from their 2019 AOR${moved.length ? ` (to ${[...new Set(moved.map((a) => a.aor))].sort().join(', ')})` : ''}.`,
  ];
  const unplaced = assigned.filter((a) => !rows.some((r) => r.key === a.aor));
  if (unplaced.length > 0) caveats.push(`${fmt(unplaced.length)} counties are in an AOR with no figure for ${PERIODS[period].label} (${[...new Set(unplaced.map((a) => a.aor))].join(', ')}).`);
  const ambiguous = assigned.filter((a) => a.offices > 1);
  if (ambiguous.length > 0) caveats.push(`${fmt(ambiguous.length)} counties are named by two offices of the 2025/26 map; each is placed in one of them (${ambiguous.slice(0, 5).map((a) => a.fips).join(', ')}).`);
  const fallback = records ? [] : assigned.filter((a) => a.offices === 0);
  if (fallback.length > 0) caveats.push(`${fmt(fallback.length)} counties the 2025/26 map does not name keep their 2019 AOR.`);
  return {
    metric: 'at-large-aor-map',
    definition: `${figures.definition} Each AOR's row lists its counties (5-digit FIPS) under the AOR map of the period.`,
    filters: { period },
    period: { from: PERIODS[period].from, to: PERIODS[period].to, note: PERIODS[period].label },
    rows,
    caveats: [...caveats, ...figures.caveats],
  };
}
