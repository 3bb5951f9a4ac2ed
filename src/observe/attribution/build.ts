// At load time: attribute every distinct (AOR, landmark) of arrests and encounters and store the result.
import { DuckDBConnection } from '@duckdb/node-api';
import { type Database, query, run } from '../db.js';
import { buildGazetteer } from './gazetteer.js';
import { attributeLandmark } from './match.js';

export async function loadGazetteer(db: Database | DuckDBConnection) {
  const counties = await query<{ fips: string; name: string }>(db, `SELECT fips, county_name AS name FROM census_population WHERE sumlev = '050'`);
  const countyAor = await query<{ fips: string; aor: string; state_name: string }>(db, 'SELECT fips, aor, state_name FROM county_aor');
  const facilities = await query<{ name: string; city: string | null; state: string | null; countyfips: string | null }>(
    db,
    `SELECT name, city, state, countyfips FROM hifld_facilities WHERE type IN ('COUNTY', 'LOCAL', 'STATE', 'FEDERAL', 'MULTI') OR type IS NULL`,
  );
  return buildGazetteer({ counties, countyAor, facilities });
}

export async function buildLandmarkCounties(db: Database | DuckDBConnection): Promise<{ landmarks: number; attributed: number }> {
  const gaz = await loadGazetteer(db);
  const pairs = await query<{ aor: string | null; landmark: string }>(
    db,
    `SELECT DISTINCT aor, landmark FROM (SELECT aor, landmark FROM arrests UNION ALL SELECT aor, landmark FROM encounters)
     WHERE landmark IS NOT NULL ORDER BY aor NULLS FIRST, landmark`,
  );
  await run(
    db,
    `CREATE TABLE landmark_county (aor VARCHAR, landmark VARCHAR NOT NULL, fips VARCHAR, method VARCHAR, confidence VARCHAR, reason VARCHAR, detail VARCHAR)`,
  );
  const appender = await (db instanceof DuckDBConnection ? db : db.connection).createAppender('landmark_county');
  let attributed = 0;
  for (const { aor, landmark } of pairs) {
    const a = attributeLandmark(landmark, aor, gaz);
    if (aor === null) appender.appendNull();
    else appender.appendVarchar(aor);
    appender.appendVarchar(landmark);
    if (a.fips === null) {
      appender.appendNull();
      appender.appendNull();
      appender.appendNull();
      appender.appendVarchar(a.reason);
    } else {
      attributed += 1;
      appender.appendVarchar(a.fips);
      appender.appendVarchar(a.method);
      appender.appendVarchar(a.confidence);
      appender.appendNull();
    }
    appender.appendVarchar(a.detail);
    appender.endRow();
  }
  appender.closeSync();
  return { landmarks: pairs.length, attributed };
}
