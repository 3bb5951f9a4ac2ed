// 287(g) agreements by state, county, model and signing year.
import { G287_BY } from './domains.js';
import { type Database, query } from '../db.js';
import { type MetricResult, checkChoice, checkDate, parseState } from './common.js';

export interface G287Row {
  state: string | null;
  county: string | null;
  model: string | null;
  year: number | null;
  agreements: number;
  agencies: number;
  onListJan2025: number;
}

export async function agreements287g(db: Database, options: { by?: string; state?: string; signedBefore?: string } = {}): Promise<MetricResult<G287Row>> {
  const by = checkChoice('by', options.by, G287_BY, 'state');
  checkDate('signedBefore', options.signedBefore);
  const cols = {
    state: by === 'state' || by === 'state-model' || by === 'county' ? 'g.state' : 'NULL',
    county: by === 'county' ? 'g.county' : 'NULL',
    model: by === 'model' || by === 'state-model' ? 'g.model' : 'NULL',
    year: by === 'year' ? 'CAST(year(g.signed) AS INTEGER)' : 'NULL',
  };
  const where: string[] = [];
  const params: Record<string, string> = {};
  const state = parseState('state', options.state);
  if (state) {
    where.push('upper(trim(g.state)) = upper($state)');
    params.state = state;
  }
  if (options.signedBefore) {
    where.push('g.signed < CAST($before AS DATE)');
    params.before = options.signedBefore;
  }
  const rows = await query<G287Row>(
    db,
    `SELECT ${cols.state} AS state, ${cols.county} AS county, ${cols.model} AS model, ${cols.year} AS year,
       count(*) AS agreements, count(DISTINCT g.state || '|' || g.agency) AS agencies,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM g287_agreements_2025_01 o
         WHERE upper(trim(o.state)) = upper(trim(g.state)) AND o.agency = g.agency AND o.model = g.model)) AS onListJan2025
     FROM g287_agreements g ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     GROUP BY 1, 2, 3, 4 ORDER BY ${by === 'year' ? 'year' : 'agreements DESC, 1, 2, 3'}`,
    params,
  );
  return {
    metric: '287g-agreements',
    definition: "ICE's list of 287(g) agreements published 2026-05-18 (one row per agency and model: Jail Enforcement, Warrant Service Officer, Task Force); year = MOA signing year; onListJan2025 = also on the list archived 2025-01-04.",
    filters: { by, state: state ?? null, signedBefore: options.signedBefore ?? null },
    rows,
    caveats: ['The list shows agreements in force on 2026-05-18; agreements that ended earlier (e.g. Mecklenburg 2018) are absent. g287_tracked records agreements seen since 2025-02 that left the list.'],
  };
}
