// Published sanctuary lists (DOJ 2025, CIS 2017) joined to jurisdictions (state and county FIPS).
import { type Database, query } from '../db.js';
import type { MetricResult } from './common.js';

export interface SanctuaryRow {
  list: 'DOJ 2025-08-05' | 'CIS 2017';
  level: string;
  jurisdiction: string;
  state: string | null;
  stateFips: string | null;
  countyFips: string | null;
}

export async function sanctuaryLists(db: Database): Promise<MetricResult<SanctuaryRow>> {
  const rows = await query<SanctuaryRow>(
    db,
    `SELECT 'DOJ 2025-08-05' AS list, level, jurisdiction, state, state_fips AS stateFips, county_fips AS countyFips FROM doj_sanctuary_2025
     UNION ALL
     SELECT 'CIS 2017' AS list,
       CASE designation WHEN 1 THEN 'city' WHEN 2 THEN 'county' WHEN 3 THEN 'state' ELSE 'unknown' END AS level,
       trim(split_part(s.location, ',', 1)) AS jurisdiction, trim(split_part(s.location, ',', 2)) AS state,
       (SELECT min(substr(p.fips, 1, 2)) FROM census_population p WHERE p.sumlev = '040' AND lower(p.state_name) = lower(trim(split_part(s.location, ',', 2)))
          OR (s.designation = 3 AND p.sumlev = '040' AND lower(p.state_name) = lower(trim(split_part(s.location, ',', 1))))) AS stateFips,
       CASE WHEN s.designation = 2 THEN (SELECT min(p.fips) FROM census_population p WHERE p.sumlev = '050'
          AND lower(p.county_name) = lower(trim(split_part(s.location, ',', 1)))
          AND lower(p.state_name) = lower(trim(split_part(s.location, ',', 2)))) END AS countyFips
     FROM cis_sanctuary_2017 s
     ORDER BY 1, 2, 4, 3`,
  );
  return {
    metric: 'sanctuary-lists',
    definition: "DOJ's 2025-08-05 list (states, counties, cities) and the CIS 2017 map table; counties joined to 5-digit FIPS by name within the state.",
    filters: {},
    rows,
    caveats: ['Both are political designations, not coded policy data.', 'CIS entries that name a county jail group or a city get no county FIPS.'],
  };
}
