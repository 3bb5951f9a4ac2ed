// The classified arrests: every arrest with its method class, custodial kind and county, a view created at load so
// that every metric and claim reads one definition (method-class.ts for the classes, attribution/ for the counties).
// Its common group-by is stored (arrests_cube): the metrics sum it; the claims' date windows read the view.
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Database, query, run } from './db.js';

/**
 * One row per arrest: fiscal year, AOR, date and month, method; class (custodial, at_large, other) and detail
 * (local_jail, state_prison, federal_prison, cap_unspecified, 287g, at_large, other) from method_classes; the
 * county the landmark names (fips, null when none) with the attribution's method and confidence.
 */
export const CLASSIFIED_ARRESTS_SQL = `
CREATE VIEW arrests_classified AS
SELECT t.fy, t.aor, t.apprehension_date, strftime(t.apprehension_date, '%Y-%m') AS month, t.method,
  coalesce(m.class, 'other') AS class, coalesce(m.detail, 'other') AS detail,
  l.fips, l.method AS place_method, l.confidence AS place_confidence
FROM arrests t
LEFT JOIN method_classes m ON m.method = t.method
LEFT JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark`;

/** The common group-by of the classified arrests, precomputed: every custodial-share and policy figure sums it. */
export const ARRESTS_CUBE_SQL = `
CREATE TABLE arrests_cube AS
SELECT fy, aor, month, fips, class, detail, count(*) AS n
FROM arrests_classified
GROUP BY ALL`;

/** Needs arrests, method_classes and landmark_county. */
export async function buildClassified(db: Database | DuckDBConnection): Promise<{ arrests_classified: number; arrests_cube: number }> {
  await run(db, CLASSIFIED_ARRESTS_SQL);
  await run(db, ARRESTS_CUBE_SQL);
  const [a] = await query<{ n: number }>(db, 'SELECT count(*) AS n FROM arrests_classified');
  const [c] = await query<{ n: number }>(db, 'SELECT count(*) AS n FROM arrests_cube');
  return { arrests_classified: a?.n ?? 0, arrests_cube: c?.n ?? 0 };
}
