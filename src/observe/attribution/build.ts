// At load time: attribute every distinct (AOR, landmark) of arrests and encounters and store the result.
import { type DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { Gazetteer as PlaceGazetteer } from '../../law/gazetteer.js';
import { type Database, query, run } from '../db.js';
import { type Gazetteer, type PlaceInput, buildGazetteer } from './gazetteer.js';
import { attributeLandmark } from './match.js';

/** The table of landmarks and where each goes (written by LandmarkCounties, or read back by attribution-cache.ts). */
export const LANDMARK_COUNTY_DDL = 'CREATE TABLE landmark_county (aor VARCHAR, landmark VARCHAR NOT NULL, fips VARCHAR, method VARCHAR, confidence VARCHAR, reason VARCHAR, detail VARCHAR)';

export async function loadGazetteer(db: Database | DuckDBConnection) {
  const counties = await query<{ fips: string; name: string }>(db, `SELECT fips, county_name AS name FROM census_population WHERE sumlev = '050'`);
  const countyAor = await query<{ fips: string; aor: string; state_name: string }>(db, 'SELECT fips, aor, state_name FROM county_aor');
  const facilities = await query<{ name: string; city: string | null; state: string | null; countyfips: string | null; type: string | null }>(
    db,
    `SELECT name, city, state, countyfips, type FROM hifld_facilities WHERE type IN ('COUNTY', 'LOCAL', 'STATE', 'FEDERAL', 'MULTI') OR type IS NULL`,
  );
  return buildGazetteer({ counties, countyAor, facilities, places: censusPlaces() });
}

/** Census places with their counties, from the law engine's gazetteer; other names from their OCD aliases ("place:lexington"). */
function censusPlaces(): PlaceInput[] {
  return PlaceGazetteer.load().places.map((p) => ({
    name: p.name,
    state: p.state,
    lsad: p.lsad,
    counties: p.counties,
    aliases: p.aliases.flatMap((a) => {
      const m = /\/place:([a-z0-9_~-]+)$/.exec(a);
      return m?.[1] ? [m[1].replace(/[_~-]/g, ' ')] : [];
    }),
  }));
}

/**
 * Builds landmark_county one records table at a time, so the arrests' landmarks are matched (in JavaScript)
 * while DuckDB is still loading the encounters. Each distinct (AOR, landmark) is attributed once.
 */
export class LandmarkCounties {
  private readonly seen = new Set<string>();
  private attributed = 0;

  private constructor(
    private readonly db: Database | DuckDBConnection,
    private readonly gaz: Gazetteer,
    private readonly appender: DuckDBAppender,
  ) {}

  /** Needs census_population, county_aor and hifld_facilities; creates the empty table. */
  static async start(db: Database | DuckDBConnection): Promise<LandmarkCounties> {
    const gaz = await loadGazetteer(db);
    await run(db, LANDMARK_COUNTY_DDL);
    const appender = await (db instanceof DuckDBConnection ? db : db.connection).createAppender('landmark_county');
    return new LandmarkCounties(db, gaz, appender);
  }

  /** Attribute the landmarks of one records table that earlier tables did not already have. */
  async add(table: 'arrests' | 'encounters'): Promise<void> {
    const pairs = await query<{ aor: string | null; landmark: string }>(this.db, `SELECT DISTINCT aor, landmark FROM ${table} WHERE landmark IS NOT NULL`);
    const appender = this.appender;
    let since = performance.now();
    for (const { aor, landmark } of pairs) {
      // Yield now and then: the load's DuckDB lanes start their next statement from this thread, and would idle
      // while a long run of matching held it.
      if (performance.now() - since > 20) {
        await new Promise((r) => setImmediate(r));
        since = performance.now();
      }
      const key = `${aor ?? ''}\u0000${landmark}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const a = attributeLandmark(landmark, aor, this.gaz);
      if (aor === null) appender.appendNull();
      else appender.appendVarchar(aor);
      appender.appendVarchar(landmark);
      if (a.fips === null) {
        appender.appendNull();
        appender.appendNull();
        appender.appendNull();
        appender.appendVarchar(a.reason);
      } else {
        this.attributed += 1;
        appender.appendVarchar(a.fips);
        appender.appendVarchar(a.method);
        appender.appendVarchar(a.confidence);
        appender.appendNull();
      }
      appender.appendVarchar(a.detail);
      appender.endRow();
    }
  }

  finish(): { landmarks: number; attributed: number } {
    this.appender.closeSync();
    return { landmarks: this.seen.size, attributed: this.attributed };
  }
}
