// Removals by ICE criminality threat level.
import { REMOVAL_FYS, REMOVALS_BY } from './domains.js';
import { type Database, query } from '../db.js';
import { type MetricResult, recordsPeriod, checkChoice, checkFy, ratio, fyAorFilter } from './common.js';


export interface RemovalsRow {
  aor: string | null;
  fy: number | null;
  removals: number;
  noConvictionRecorded: number;
  threatLevelRedacted: number;
  noConvictionShare: number | null;
}

export async function removalsByThreat(db: Database, options: { fy?: number; by?: string; aor?: string } = {}): Promise<MetricResult<RemovalsRow>> {
  checkFy(options.fy, REMOVAL_FYS);
  const by = checkChoice('by', options.by, REMOVALS_BY, 'aor');
  const { where, params } = await fyAorFilter(db, options, '');
  const aor = by === 'fy' ? 'NULL' : 'aor';
  const fy = by === 'aor' ? 'NULL' : 'CAST(fy AS INTEGER)';
  const rows = await query<RemovalsRow>(
    db,
    `SELECT ${aor} AS aor, ${fy} AS fy, count(*) AS removals,
       count(*) FILTER (WHERE threat_level = 'NA') AS noConvictionRecorded,
       count(*) FILTER (WHERE threat_level_redacted) AS threatLevelRedacted
     FROM removals ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
  return {
    period: recordsPeriod(options.fy, REMOVAL_FYS, 'ICE removals'),
    metric: 'removals-by-threat',
    definition: 'Removals by ICE "RC Threat Level": 1–3 = criminality levels (1 most serious; redacted in this release, so counted together as threatLevelRedacted); NA = no criminal conviction recorded. noConvictionShare = NA / all removals.',
    filters: { fy: options.fy ?? null, by, aor: options.aor ?? null },
    rows: rows.map((r) => ({ ...r, noConvictionShare: ratio(r.noConvictionRecorded, r.removals) })),
    caveats: [
      'In this release every threat level 1–3 is redacted ("(B)(7)(E)"); only NA is visible. Redacted rows are counted as threatLevelRedacted, which presumably means a level 1–3 (a conviction) but the records cannot confirm it.',
      'Removals carry an AOR but no landmark: they cannot be placed in a county.',
      ...(options.fy === undefined || options.fy === 2019
        ? ['FY2019 removals cover 2018-10-01 to 2019-08-31 only (11 months): 241,513 rows, against 267,258 removals in ICE\'s FY2019 annual report for the full year.']
        : []),
    ],
  };
}
