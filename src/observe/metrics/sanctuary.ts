// Published sanctuary lists (DOJ 2025, CIS 2017) joined to jurisdictions (state and county FIPS).
import { type Database, query } from '../db.js';
import type { MetricResult } from './common.js';
import { type LawAt, STANDARD_REQUEST_TEXT, lawAt, ocdIdFor } from './law-at.js';

export interface SanctuaryRow {
  list: 'DOJ 2025-08-05' | 'CIS 2017';
  level: string;
  jurisdiction: string;
  state: string | null;
  stateFips: string | null;
  countyFips: string | null;
  /** Open Civic Data id, for the DOJ list (whose entries name a state, county or city plainly). */
  jurisdictionId: string | null;
  /** The registered law on the list's date: a sheriff's jail asked to HOLD and to NOTIFY_RELEASE (DOJ list only). */
  hold: string | null;
  notifyRelease: string | null;
  lawRegisteredAt: LawAt['lawRegisteredAt'] | null;
}

const DOJ_LIST_DATE = '2025-08-05';

export async function sanctuaryLists(db: Database): Promise<MetricResult<SanctuaryRow>> {
  const rows = await query<Omit<SanctuaryRow, 'jurisdictionId' | 'hold' | 'notifyRelease' | 'lawRegisteredAt'>>(
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
  const out: SanctuaryRow[] = rows.map((r) => {
    if (r.list !== 'DOJ 2025-08-05') return { ...r, jurisdictionId: null, hold: null, notifyRelease: null, lawRegisteredAt: null };
    // DOJ entries read "Cook County, IL" / "Chicago, IL" / "California".
    const [name = '', abbr = ''] = r.jurisdiction.split(/,\s*/);
    const level = r.level === 'state' ? 'state' : r.level === 'county' ? 'county' : 'city';
    const jurisdictionId = level === 'state' ? ocdIdFor('state', name, name) : ocdIdFor(level, name, abbr);
    const law = jurisdictionId ? lawAt(jurisdictionId, DOJ_LIST_DATE) : null;
    return { ...r, jurisdictionId, hold: law?.hold ?? null, notifyRelease: law?.notifyRelease ?? null, lawRegisteredAt: law?.lawRegisteredAt ?? null };
  });
  return {
    metric: 'sanctuary-lists',
    definition: `DOJ's ${DOJ_LIST_DATE} list (states, counties, cities) and the CIS 2017 map table; counties joined to 5-digit FIPS by name within the state. For the DOJ list, the registered law on the list's date: the engine's modality for ${STANDARD_REQUEST_TEXT}.`,
    filters: {},
    rows: out,
    caveats: [
      'Both are political designations, not coded policy data.',
      'CIS entries that name a county jail group or a city get no county FIPS.',
      'The law columns are only as complete as Comity\'s registry. Where lawRegisteredAt is "state", no local law is registered and the answer is the state\'s and federal law; where it is "federal", no state law is registered either, and MAY means only that federal law neither requires nor forbids it.',
      'A city on the list usually runs no jail; the law shown is what a sheriff\'s jail in that place would answer.',
    ],
  };
}
