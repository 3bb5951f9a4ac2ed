/**
 * 287(g) jails before ICE's lists (which begin 2025-01-04, src/law/agreements-287g.ts): read from the
 * arrest records. A county whose jail shows at least `recorded287gMinArrests` arrests by the 287(g)
 * Program in a fiscal year of FY2016–FY2018 (the calibration window; FY2019 is held out) is treated as
 * a Jail Enforcement Model jail in that fiscal year: its pickups are made by deputized jail officers,
 * outside ICE's field hours. Days before FY2016 take the FY2016 set; days from FY2019 until the lists
 * begin take the FY2018 set. From the lists' first day on, the law engine's agreements decide alone.
 */
import { query, type Database } from '../observe/db.js';
import { LISTS_FROM } from '../law/agreements-287g.js';
import { dayOf } from '../law/days.js';
import { N_CLASSES } from './classes.js';
import type { CountyInputs } from './county-inputs.js';
import { periodAt, type CountyLaw } from './law-table.js';
import { PARAMETERS } from './parameters.js';

export const RECORDED_287G_YEARS = [2016, 2017, 2018] as const;
const FIRST = RECORDED_287G_YEARS[0];
const LAST = RECORDED_287G_YEARS[RECORDED_287G_YEARS.length - 1]!;

/** County FIPS → fiscal years in which the records show it as a 287(g) jail. */
export type Recorded287g = ReadonlyMap<string, ReadonlySet<number>>;

export async function recorded287gJails(db: Database, minArrests = PARAMETERS.recorded287gMinArrests.value): Promise<Recorded287g> {
  const rows = await query<{ fips: string; fy: number }>(db, `
    SELECT fips, CAST(fy AS INTEGER) AS fy FROM arrests_classified
    WHERE detail = '287g' AND fips IS NOT NULL AND fy BETWEEN $from AND $to
    GROUP BY fips, fy HAVING count(*) >= $min ORDER BY fips, fy`, { from: FIRST, to: LAST, min: minArrests });
  const out = new Map<string, Set<number>>();
  for (const r of rows) {
    const s = out.get(r.fips) ?? new Set<number>();
    s.add(Number(r.fy));
    out.set(r.fips, s);
  }
  return out;
}

/** The first day of fiscal year fy (October 1 of the year before). */
const fyStart = (fy: number): number => dayOf(`${fy - 1}-10-01`);

/** The recorded fiscal year whose set applies on a day, or null from the lists' first day on. */
export function recordedYearOn(day: number): number | null {
  if (day >= dayOf(LISTS_FROM)) return null;
  for (let fy = LAST; fy > FIRST; fy--) if (day >= fyStart(fy)) return fy;
  return FIRST;
}

/**
 * The counties' law tables with the recorded 287(g) jails added (a new array; the input is left alone).
 * Periods split where the recorded year changes; the answers are those of the period in force.
 */
export function withRecorded287g(laws: readonly CountyLaw[], counties: CountyInputs, recorded: Recorded287g, from: number, to: number): CountyLaw[] {
  const edges = [...RECORDED_287G_YEARS.slice(1).map(fyStart), fyStart(LAST + 1), dayOf(LISTS_FROM)].filter((d) => d > from && d <= to);
  return laws.map((law, i) => {
    const years = recorded.get(counties.fips[i]!);
    if (!years || years.size === 0) return law;
    const starts = [...new Set([...law.starts, ...edges])].sort((a, b) => a - b);
    const answers = new Uint8Array(starts.length * N_CLASSES * 2);
    const jem = new Uint8Array(starts.length);
    starts.forEach((day, p) => {
      const q = periodAt(law, day);
      answers.set(law.answers.subarray(q * N_CLASSES * 2, (q + 1) * N_CLASSES * 2), p * N_CLASSES * 2);
      const fy = recordedYearOn(day);
      jem[p] = law.jem[q]! | (fy !== null && years.has(fy) ? 1 : 0);
    });
    return { starts: Int32Array.from(starts), answers, jem };
  });
}
