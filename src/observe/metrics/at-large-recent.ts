// At-large share of ICE arrests by AOR, by state or nationally: the record-level FY2016–FY2019 arrests beside the
// 2024–26 aggregates (calendar 2024, calendar 2025, August 2025–July 2026).
import { z } from 'zod';
import { type Database, query } from '../db.js';
import { COUNTY_JOIN, MetricInputError, parseState, ratio } from './common.js';
import { AT_LARGE_PERIODS, AT_LARGE_BY, NO_COUNTY_AFTER_2019, periodList, atLargeRecentOptions, type AtLargePeriod, type AtLargeRecentOptions } from './recent-options.js';
export { AT_LARGE_PERIODS, AT_LARGE_BY, NO_COUNTY_AFTER_2019, atLargeRecentOptions, type AtLargePeriod, type AtLargeRecentOptions } from './recent-options.js';
import { type OptionsInput, type PeriodResult, parseOptions } from './options.js';


const RECORDS = 'ICE FOIA 2019-ICFO-53623, one row per arrest';
const AGGREGATES = 'ICE via FOIA, Deportation Data Project; aggregated by M. Strasser';
export const PERIODS: Record<AtLargePeriod, { from: string; to: string; source: string; label: string }> = {
  fy2016: { from: '2015-10-01', to: '2016-09-30', source: RECORDS, label: 'FY2016' },
  fy2017: { from: '2016-10-01', to: '2017-09-30', source: RECORDS, label: 'FY2017' },
  fy2018: { from: '2017-10-01', to: '2018-09-30', source: RECORDS, label: 'FY2018' },
  // The FY2019 file ends about 2019-09-01 (docs/observatory.md).
  fy2019: { from: '2018-10-01', to: '2019-09-01', source: RECORDS, label: 'FY2019 (to about 2019-09-01)' },
  y2024: { from: '2024-01-01', to: '2024-12-31', source: AGGREGATES, label: 'calendar 2024' },
  y2025: { from: '2025-01-01', to: '2025-12-31', source: AGGREGATES, label: 'calendar 2025' },
  w2526: { from: '2025-08-01', to: '2026-07-31', source: AGGREGATES, label: 'August 2025 – July 2026' },
};




export interface AtLargeRecentRow {
  key: string | null;
  label: string | null;
  period: AtLargePeriod;
  periodLabel: string;
  from: string;
  to: string;
  source: string;
  arrests: number;
  atLarge: number;
  /** Arrests − at-large: custodial, 287(g) and other methods together (all the 2024–26 tables give). */
  notAtLarge: number;
  atLargeShare: number | null;
  /** The split of notAtLarge, record-level years only (null for 2024–26). */
  custodial: number | null;
  program287g: number | null;
  otherMethods: number | null;
}

export const AT_LARGE_RECENT_DEFINITION =
  "At-large = arrests whose apprehension method is Located, Non-Custodial Arrest, Probation and Parole or Worksite Enforcement: Comity's at-large class for the FY2016–FY2019 records and DDP's \"At-Large Arrest\" (apprehension_method_simple) for 2024–26, the same four methods. Share = at-large / all arrests in the group. The remainder (notAtLarge) is custodial (CAP), 287(g) and other methods together; the record-level years split it (custodial = CAP only, program287g, otherMethods), the 2024–26 tables cannot.";

type Resolved = { by: (typeof AT_LARGE_BY)[number]; aor?: string; state?: { code: string; name: string } };

async function resolveArea(db: Database, by: string | undefined, area: string | undefined): Promise<Resolved> {
  if (area === undefined || area.trim() === '') return { by: (by as Resolved['by']) ?? 'aor' };
  const v = area.trim();
  if (/^\d{5}$/.test(v)) throw new MetricInputError('area', `area ${v} is a county: ${NO_COUNTY_AFTER_2019}`);
  const codes = (await query<{ code: string }>(db, `SELECT code FROM aor_codes WHERE code <> 'HQ' UNION SELECT DISTINCT aor FROM ddp_arrests_aor ORDER BY 1`)).map((r) => r.code);
  if (/^[A-Za-z]{3}$/.test(v) && codes.includes(v.toUpperCase())) {
    if (by !== undefined && by !== 'aor') throw new MetricInputError('by', `area ${v.toUpperCase()} is an AOR: by must be aor (or left out)`);
    return { by: 'aor', aor: v.toUpperCase() };
  }
  let name: string | undefined;
  try {
    name = parseState('area', v);
  } catch {
    throw new MetricInputError('area', `area must be an AOR code (${codes.join(', ')}) or a state (postal code like TX, name like Texas, FIPS code like 48); got "${v.slice(0, 40)}"`);
  }
  const [st] = await query<{ code: string; label: string }>(db, 'SELECT code, label FROM state_names WHERE label = $name', { name: name ?? '' });
  if (!st) throw new MetricInputError('area', `unknown state "${v.slice(0, 40)}"`);
  if (by !== undefined && by !== 'state') throw new MetricInputError('by', `area ${st.code} is a state: by must be state (or left out)`);
  return { by: 'state', state: { code: st.code, name: st.label } };
}

interface Counts {
  period: string;
  key: string | null;
  label: string | null;
  arrests: number;
  atLarge: number;
  custodial: number | null;
  program287g: number | null;
  otherMethods: number | null;
}

async function recordRows(db: Database, r: Resolved, fys: number[]): Promise<Counts[]> {
  if (fys.length === 0) return [];
  const key = r.by === 'aor' ? 't.aor' : r.by === 'state' ? 's.code' : 'NULL';
  const label = r.by === 'aor' ? 'any_value(an.name)' : r.by === 'state' ? 'any_value(s.label)' : "'United States'";
  const joins = r.by === 'state' ? `${COUNTY_JOIN} LEFT JOIN state_names s ON s.fips = substr(l.fips, 1, 2)` : r.by === 'aor' ? 'LEFT JOIN aor_codes an ON an.code = t.aor' : '';
  const where = [`t.fy IN (${fys.join(', ')})`];
  const params: Record<string, string> = {};
  if (r.aor) {
    where.push('t.aor = $aor');
    params.aor = r.aor;
  }
  // A state filter is applied after grouping, so the arrests that name no county can still be counted in a caveat.
  const rows = await query<Counts>(
    db,
    `SELECT 'fy' || t.fy AS period, ${key} AS key, ${label} AS label, count(*) AS arrests,
       count(*) FILTER (WHERE m.class = 'at_large') AS atLarge,
       count(*) FILTER (WHERE m.class = 'custodial' AND m.detail <> '287g') AS custodial,
       count(*) FILTER (WHERE m.detail = '287g') AS program287g,
       count(*) FILTER (WHERE m.class IS NULL) AS otherMethods
     FROM arrests t LEFT JOIN method_classes m ON m.method = t.method ${joins}
     WHERE ${where.join(' AND ')} GROUP BY 1, 2`,
    params,
  );
  return r.state ? rows.filter((x) => x.key === null || x.key === r.state?.code) : rows;
}

async function aggregateRows(db: Database, r: Resolved, windows: string[]): Promise<Counts[]> {
  if (windows.length === 0) return [];
  const list = windows.map((w) => `'${w}'`).join(', ');
  const common = 'NULL AS custodial, NULL AS program287g, NULL AS otherMethods';
  if (r.by === 'state') {
    return query<Counts>(
      db,
      `SELECT d.period, d.state AS key, s.label, d.arrests, d.at_large AS atLarge, ${common}
       FROM ddp_arrests_state d JOIN state_names s ON s.code = d.state WHERE d.period IN (${list}) ${r.state ? 'AND d.state = $state' : ''}`,
      r.state ? { state: r.state.code } : {},
    );
  }
  if (r.by === 'aor') {
    return query<Counts>(
      db,
      `SELECT d.period, d.aor AS key, coalesce(an.name, d.aor_name) AS label, d.arrests, d.at_large AS atLarge, ${common}
       FROM ddp_arrests_aor d LEFT JOIN aor_codes an ON an.code = d.aor WHERE d.period IN (${list}) ${r.aor ? 'AND d.aor = $aor' : ''}`,
      r.aor ? { aor: r.aor } : {},
    );
  }
  return query<Counts>(
    db,
    `SELECT period, NULL AS key, 'United States' AS label, sum(arrests) AS arrests, sum(at_large) AS atLarge, ${common}
     FROM ddp_arrests_aor WHERE period IN (${list}) GROUP BY period`,
  );
}

/** All ICE arrests in each 2024–26 window, from the national monthly series (the AOR and state tables cover fewer). */
async function nationalTotals(db: Database): Promise<Record<string, number>> {
  const rows = await query<{ period: string; n: number }>(
    db,
    `SELECT 'y2024' AS period, sum(arrests) AS n FROM ddp_arrests_monthly WHERE year(month) = 2024
     UNION ALL SELECT 'y2025', sum(arrests) FROM ddp_arrests_monthly WHERE year(month) = 2025
     UNION ALL SELECT 'w2526', sum(arrests) FROM ddp_arrests_monthly WHERE month BETWEEN DATE '2025-08-01' AND DATE '2026-07-01'`,
  );
  return Object.fromEntries(rows.map((r) => [r.period, r.n]));
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

export async function atLargeRecent(db: Database, input: AtLargeRecentOptions = {}): Promise<PeriodResult<AtLargeRecentRow>> {
  const options = parseOptions(atLargeRecentOptions, input);
  const periods = options.period ?? [...AT_LARGE_PERIODS];
  const r = await resolveArea(db, options.by, options.area);
  const fys = periods.filter((p) => p.startsWith('fy')).map((p) => Number(p.slice(2)));
  const windows = periods.filter((p) => !p.startsWith('fy'));
  const counted = [...(await recordRows(db, r, fys)), ...(await aggregateRows(db, r, windows))];
  const caveats: string[] = [];

  // Record-level arrests with no AOR (by aor) or no county in the landmark (by state) have no place in these rows.
  const unplaced = counted.filter((c) => r.by !== 'nation' && c.key === null);
  if (unplaced.length > 0) {
    const n = unplaced.reduce((s, c) => s + c.arrests, 0);
    const all = r.state ? (await recordRows(db, { by: 'nation' }, fys)).reduce((s, c) => s + c.arrests, 0) : counted.filter((c) => c.period.startsWith('fy')).reduce((s, c) => s + c.arrests, 0);
    const al = unplaced.reduce((s, c) => s + c.atLarge, 0);
    caveats.push(
      r.by === 'state'
        ? `${fys.map((y) => `FY${y}`).join(", ")} by state: ${fmt(n)} of ${fmt(all)} arrests (${pct(n, all)}; ${pct(al, n)} of them at large) name no single county in their landmark and are left out, so the record-level state shares are biased towards custody. The 2024–26 state is DDP's apprehension_state_filled_in (recorded, or filled in from single-state AORs and landmarks).`
        : `${fys.map((y) => `FY${y}`).join(", ")} by AOR: ${fmt(n)} arrests with no AOR are left out.`,
    );
  }
  const order = new Map(AT_LARGE_PERIODS.map((p, i) => [p, i]));
  const rows: AtLargeRecentRow[] = counted
    .filter((c) => r.by === 'nation' || c.key !== null)
    .map((c) => {
      const period = c.period as AtLargePeriod;
      const meta = PERIODS[period];
      return {
        key: c.key, label: c.label, period, periodLabel: meta.label, from: meta.from, to: meta.to, source: meta.source,
        arrests: c.arrests, atLarge: c.atLarge, notAtLarge: c.arrests - c.atLarge, atLargeShare: ratio(c.atLarge, c.arrests),
        custodial: c.custodial, program287g: c.program287g, otherMethods: c.otherMethods,
      };
    })
    .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? '') || (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0));

  caveats.push(
    "Same at-large definition in both sources (Located, Non-Custodial Arrest, Probation and Parole, Worksite Enforcement). The remainder differs in what can be seen: DDP's tables give only arrests − at-large, in which custodial (CAP) arrests, the 287(g) Program and other methods sit together; Comity's FY2016–FY2019 custodial class includes 287(g), shown here apart (program287g) with the other methods (otherMethods).",
    'Periods differ: FY = October–September (FY2019 records end about 2019-09-01); y2024 and y2025 are calendar years; w2526 is 2025-08-01 to 2026-07-31 and overlaps y2025 by five months. No 2024–26 figure exists by county or by month within an AOR or state.',
    'Duplicates: DDP dropped its rows flagged as duplicates (duplicate_drop_row) before aggregating; the FY2016–FY2019 records keep every row, about 16% of which are identical to another in every released field (comity observe quality).',
  );
  if (windows.length > 0 && r.by !== 'state') {
    caveats.push("AORs: the FY2016–FY2019 records use the AOR map of about 2019; the 2024–26 table uses the AOR recorded with each arrest, including Harlingen (HLG), which the 2019 map does not have (geo/uwchr_aor_codes.yaml lists no HLG; Comity adds it for these tables).");
  }
  if (windows.length > 0 && r.by !== 'aor') {
    const totals = await nationalTotals(db);
    const covered = windows.map((w) => {
      const inRows = counted.filter((c) => c.period === w && (r.by === 'nation' || c.key !== null)).reduce((s, c) => s + c.arrests, 0);
      return r.state ? null : `${w} ${fmt(inRows)} of ${fmt(totals[w] ?? 0)}`;
    }).filter(Boolean);
    if (covered.length > 0) {
      caveats.push(
        r.by === 'nation'
          ? `National 2024–26 rows sum the AOR table, which leaves out arrests with an HQ or blank AOR (arrests in the rows vs all ICE arrests in the monthly series: ${covered.join('; ')}).`
          : `State rows cover the arrests with a state (arrests in the rows vs all ICE arrests in the monthly series: ${covered.join('; ')}); Puerto Rico is included, other territories are not in the table.`,
      );
    }
  }
  if (options.area !== undefined) {
    const missing = periods.filter((p) => !rows.some((x) => x.period === p));
    if (missing.length > 0) {
      const why = r.aor === 'HLG' && missing.every((p) => p.startsWith('fy')) ? ': Harlingen is not an AOR in the FY2016–FY2019 records (the 2019 map has none)' : '';
      caveats.push(`No arrests for ${r.aor ?? r.state?.code} in ${missing.map((p) => PERIODS[p].label).join(', ')}${why}.`);
    }
  }
  const spans = periods.map((p) => PERIODS[p]);
  return {
    metric: 'at-large-recent',
    definition: AT_LARGE_RECENT_DEFINITION,
    filters: { by: r.by, area: r.aor ?? r.state?.code ?? null, period: periods },
    period: {
      from: spans.map((s) => s.from).sort()[0] ?? '',
      to: spans.map((s) => s.to).sort().at(-1) ?? '',
      note: `${periods.map((p) => PERIODS[p].label).join(', ')}; no arrest figures between September 2019 and January 2024 are loaded`,
    },
    rows,
    caveats,
  };
}
