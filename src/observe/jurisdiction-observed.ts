// What the records say about one jurisdiction, for its page: the published lists that name it, and its observed
// arrests (custodial vs at large by fiscal year, and the county's law beside its arrests and detainers).
import type { Database } from './db.js';
import type { MetricResult } from './metrics/common.js';
import { custodialShare } from './metrics/custodial-share.js';
import { policyVsPractice } from './metrics/policy-vs-practice.js';
import { sanctuaryLists, type SanctuaryRow } from './metrics/sanctuary.js';

export interface ObservedJurisdiction {
  /** The entries of the DOJ 2025 and CIS 2017 lists that name this jurisdiction. */
  lists: SanctuaryRow[];
  /** Metrics measured for it (for a place: those of the county it lies in, said in `scope`). */
  observed: { scope: string; metric: MetricResult<object> }[];
}

export interface JurisdictionRef {
  id: string;
  level: 'federal' | 'state' | 'county' | 'place';
  /** The state's 2-digit or the county's 5-digit FIPS code. */
  fips?: string;
  /** For a place: the county it lies in (or is assumed to). */
  countyFips?: string;
  aliases?: string[];
}

export async function observedFor(db: Database, j: JurisdictionRef): Promise<ObservedJurisdiction> {
  const ids = new Set([j.id, ...(j.aliases ?? [])]);
  const all = (await sanctuaryLists(db)).rows;
  const lists = all.filter((r) => {
    if (r.jurisdictionId && ids.has(r.jurisdictionId)) return true;
    if (r.list !== 'CIS 2017') return false;
    if (j.level === 'county') return r.level === 'county' && r.countyFips === j.fips;
    if (j.level === 'state') return r.level === 'state' && r.stateFips === j.fips;
    return false;
  });
  const observed: ObservedJurisdiction['observed'] = [];
  const county = j.level === 'county' ? j.fips : j.level === 'place' ? j.countyFips : undefined;
  if (county) {
    const scope = j.level === 'county' ? 'county' : `county ${county}, in which this place lies`;
    observed.push({ scope, metric: await custodialShare(db, { county, by: 'fy', unattributed: false }) });
    observed.push({ scope, metric: await policyVsPractice(db, { counties: [county] }) });
  } else if (j.level === 'state' && j.fips) {
    const byState = await custodialShare(db, { by: 'state' });
    observed.push({ scope: 'state', metric: { ...byState, rows: byState.rows.filter((r) => r.key === j.fips) } });
  }
  return { lists, observed };
}
