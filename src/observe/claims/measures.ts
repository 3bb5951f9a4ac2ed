// The figures a claim can be tested against: each a share or growth rate with its numerator and denominator.
import { listValue } from '@duckdb/node-api';
import { type Database, query } from '../db.js';
import { ratio } from '../metrics/common.js';
import type { MeasureRef } from './schema.js';
import type { QualityTable } from '../metrics/record-quality.js';

/** A measure that cannot be computed from its filters (a claim-file mistake, reported with the measure's id). */
export class MeasureError extends Error {
  constructor(
    readonly measure: string,
    message: string,
  ) {
    super(`measure ${measure}: ${message}`);
    this.name = 'MeasureError';
  }
}

export interface Figure {
  id: string;
  label: string;
  /** A share (0–1), a growth rate (0.3 = +30%) or a count of records. */
  unit: 'share' | 'growth' | 'count';
  value: number | null;
  numerator: number;
  /** What the share or growth is of; null for a count. */
  denominator: number | null;
  definition: string;
  /** The ICE records table and fiscal years the figure counts (for the record-quality notes), if any. */
  source?: { table: QualityTable; fyFrom: number; fyTo: number };
}

type F = MeasureRef['filters'];

/** A figure's value as people read it: 67.8%, +30.2%, 1,234. */
export function formatValue(unit: Figure['unit'], value: number | null): string {
  if (value === null) return 'n/a';
  if (unit === 'count') return value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const pct = `${(value * 100).toFixed(1)}%`;
  return unit === 'growth' && value > 0 ? `+${pct}` : pct;
}

/** The figure with what it is made of: "67.8% (368,951 / 544,059)" or "195". */
export function formatFigure(f: Figure): string {
  const v = formatValue(f.unit, f.value);
  if (f.denominator === null) return v;
  return `${v} (${f.numerator.toLocaleString('en-US')} / ${f.denominator.toLocaleString('en-US')})`;
}

function fyRange(f: F): [number, number] {
  return [f.fyFrom ?? f.fy ?? 2016, f.fyTo ?? f.fy ?? 2019];
}

interface ArrestCounts {
  /** The week left out (withoutLargestWeek), as its Monday. */
  excludedWeek?: string;
  total: number;
  custodial: number;
  atLarge: number;
  localJail: number;
  prison: number;
  program287g: number;
}

/** The AOR and county filters of a claim, as WHERE clauses on alias t (AOR) and `countyColumn`. */
function areaFilter(f: F, countyColumn: string): { where: string[]; params: Record<string, ReturnType<typeof listValue>> } {
  const where: string[] = [];
  const params: Record<string, ReturnType<typeof listValue>> = {};
  if (f.aor?.length) {
    where.push('t.aor IN (SELECT unnest($aor))');
    params.aor = listValue(f.aor);
  }
  if (f.county?.length) {
    where.push(`${countyColumn} IN (SELECT unnest($county))`);
    params.county = listValue(f.county);
  }
  return { where, params };
}

/** Arrests matching the filters, split by method class (see method-class.ts). */
async function arrestCounts(db: Database, f: F): Promise<ArrestCounts> {
  const [from, to] = fyRange(f);
  const area = areaFilter(f, 't.fips');
  const where = ['t.fy BETWEEN $from AND $to', ...area.where];
  const params: Record<string, number | string | ReturnType<typeof listValue>> = { from, to, ...area.params };
  if (f.dateFrom) {
    where.push('t.apprehension_date >= CAST($dateFrom AS DATE)');
    params.dateFrom = f.dateFrom;
  }
  if (f.dateTo) {
    where.push('t.apprehension_date <= CAST($dateTo AS DATE)');
    params.dateTo = f.dateTo;
  }
  let excludedWeek: string | undefined;
  if (f.withoutLargestWeek) {
    const [top] = await query<{ w: string }>(
      db,
      `SELECT CAST(date_trunc('week', t.apprehension_date) AS VARCHAR) AS w FROM arrests_classified t WHERE ${where.join(' AND ')} AND t.apprehension_date IS NOT NULL
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
      params,
    );
    if (top) {
      excludedWeek = top.w.slice(0, 10);
      where.push(`date_trunc('week', t.apprehension_date) <> CAST($week AS DATE)`);
      params.week = excludedWeek;
    }
  }
  const [row] = await query<{ [K in Exclude<keyof ArrestCounts, 'excludedWeek'>]: number }>(
    db,
    `SELECT count(*) AS total, count(*) FILTER (WHERE t.class = 'custodial') AS custodial, count(*) FILTER (WHERE t.class = 'at_large') AS atLarge,
       count(*) FILTER (WHERE t.detail = 'local_jail') AS localJail, count(*) FILTER (WHERE t.detail IN ('state_prison', 'federal_prison')) AS prison,
       count(*) FILTER (WHERE t.detail = '287g') AS program287g
     FROM arrests_classified t
     WHERE ${where.join(' AND ')}`,
    params,
  );
  return { ...(row ?? { total: 0, custodial: 0, atLarge: 0, localJail: 0, prison: 0, program287g: 0 }), ...(excludedWeek ? { excludedWeek } : {}) };
}

async function countBy(db: Database, sql: string, params: Record<string, number | ReturnType<typeof listValue>>): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql, params);
  return row?.n ?? 0;
}

/** The records table each measure counts. */
const SOURCE_TABLE: Partial<Record<MeasureRef['measure'], QualityTable>> = {
  'custodial-share': 'arrests', 'at-large-share': 'arrests', 'local-jail-share': 'arrests', 'prison-share': 'arrests',
  'program-287g-share': 'arrests', 'arrests-count': 'arrests', 'at-large-count': 'arrests', 'at-large-per-year': 'arrests',
  'arrests-per-week': 'arrests', 'at-large-per-week': 'arrests', 'arrests-growth': 'arrests', 'detainers-growth': 'encounters',
  'removals-convicted-share': 'removals',
};

/** AOR codes in a claim's filters must be codes the records use: an unknown one would silently measure nothing. */
async function checkAors(db: Database, ref: MeasureRef): Promise<void> {
  const aors = ref.filters.aor ?? [];
  if (aors.length === 0) return;
  const known = new Set((await query<{ code: string }>(db, 'SELECT code FROM aor_codes')).map((r) => r.code));
  const unknown = aors.filter((a) => !known.has(a));
  if (unknown.length > 0) throw new MeasureError(ref.id, `unknown AOR code(s) ${unknown.join(', ')}; the records use ${[...known].sort().join(', ')}`);
}

export async function measure(db: Database, ref: MeasureRef): Promise<Figure> {
  await checkAors(db, ref);
  const figure = await measureFigure(db, ref);
  const table = SOURCE_TABLE[ref.measure];
  if (!table) return figure;
  const [fyFrom, fyTo] = fyRange(ref.filters);
  return { ...figure, source: { table, fyFrom, fyTo } };
}

async function measureFigure(db: Database, ref: MeasureRef): Promise<Figure> {
  const f = ref.filters;
  const [from, to] = fyRange(f);
  const scope = [f.aor?.length ? `AORs ${f.aor.join(', ')}` : '', f.county?.length ? `counties ${f.county.join(', ')}` : ''].filter(Boolean).join('; ');
  const dates = f.dateFrom || f.dateTo ? `, arrest dates ${f.dateFrom ?? '…'} to ${f.dateTo ?? '…'}` : '';
  const where = `FY${from}${to !== from ? `–FY${to}` : ''}${scope ? `, ${scope}` : ''}${dates}`;
  const fig = (numerator: number, denominator: number, definition: string, value = ratio(numerator, denominator)): Figure => ({
    id: ref.id,
    label: ref.label ?? ref.measure,
    unit: 'share',
    value,
    numerator,
    denominator,
    definition,
  });
  const growth = (b: number, a: number, definition: string): Figure => ({
    ...fig(b, a, definition),
    unit: 'growth',
    value: a > 0 ? Math.round((b / a - 1) * 10000) / 10000 : null,
  });
  const count = (n: number, definition: string, value: number = n): Figure => ({ ...fig(n, 0, definition), unit: 'count', denominator: null, value });
  const ALL = 'all ICE administrative arrests';
  switch (ref.measure) {
    case 'custodial-share': {
      const c = await arrestCounts(db, f);
      return fig(c.custodial, c.total, `custodial arrests (CAP local/state/federal, Criminal Alien Program, 287(g)) / ${ALL}, ${where}`);
    }
    case 'at-large-share': {
      const c = await arrestCounts(db, f);
      return fig(c.atLarge, c.total, `at-large arrests (Located, Non-Custodial, Probation and Parole, Worksite) / ${ALL}, ${where}`);
    }
    case 'local-jail-share': {
      const c = await arrestCounts(db, f);
      return fig(c.localJail, c.total, `arrests by method "CAP Local Incarceration" / ${ALL}, ${where}`);
    }
    case 'prison-share': {
      const c = await arrestCounts(db, f);
      return fig(c.prison, c.total, `arrests by method "CAP State Incarceration" or "CAP Federal Incarceration" / ${ALL}, ${where}`);
    }
    case 'program-287g-share': {
      const c = await arrestCounts(db, f);
      return fig(c.program287g, c.total, `arrests by method "287(g) Program" / ${ALL}, ${where}`);
    }
    case 'arrests-count': {
      const c = await arrestCounts(db, f);
      return count(c.total, `ICE administrative arrests, ${where}`);
    }
    case 'at-large-count': {
      const c = await arrestCounts(db, f);
      return count(c.atLarge, `at-large arrests (Located, Non-Custodial, Probation and Parole, Worksite), ${where}`);
    }
    case 'at-large-per-year': {
      const c = await arrestCounts(db, f);
      const years = to - from + 1;
      return count(c.atLarge, `at-large arrests (Located, Non-Custodial, Probation and Parole, Worksite) per fiscal year: ${c.atLarge.toLocaleString('en-US')} over ${years} year(s), ${where}`, Math.round(c.atLarge / years));
    }
    case 'arrests-per-week':
    case 'at-large-per-week': {
      if (!f.dateFrom || !f.dateTo) throw new MeasureError(ref.id, `${ref.measure} needs filters dateFrom and dateTo`);
      const c = await arrestCounts(db, f);
      // A week left out leaves its days inside the window out of the count of weeks too.
      const dayMs = 86_400_000;
      const from = Date.parse(f.dateFrom), to = Date.parse(f.dateTo);
      const left = c.excludedWeek ? Math.max(0, Math.min(to, Date.parse(c.excludedWeek) + 6 * dayMs) - Math.max(from, Date.parse(c.excludedWeek)) + dayMs) / dayMs : 0;
      const weeks = ((to - from) / dayMs + 1 - left) / 7;
      const [n, what] = ref.measure === 'at-large-per-week' ? [c.atLarge, 'at-large arrests (Located, Non-Custodial, Probation and Parole, Worksite)'] : [c.total, 'ICE administrative arrests'];
      const without = c.excludedWeek ? `, leaving out the week of ${c.excludedWeek} (the most arrests)` : '';
      return count(n, `${what} per week: ${n.toLocaleString('en-US')} over ${weeks.toFixed(1)} weeks, ${where}${without}`, Math.round((n / weeks) * 10) / 10);
    }
    case 'arrests-growth': {
      // The area and date filters apply to both years (a growth measure never silently widens to the nation).
      const a = (await arrestCounts(db, { ...f, fy: from, fyFrom: from, fyTo: from })).total;
      const b = (await arrestCounts(db, { ...f, fy: to, fyFrom: to, fyTo: to })).total;
      return growth(b, a, `ICE administrative arrests FY${to} / FY${from} − 1${scope ? `, ${scope}` : ''}`);
    }
    case 'detainers-growth': {
      const { where: area, params } = areaFilter(f, 'l.fips');
      if (f.dateFrom || f.dateTo || f.withoutLargestWeek) throw new MeasureError(ref.id, 'detainers-growth compares whole fiscal years: date filters do not apply');
      const sql = `SELECT count(*) AS n FROM encounters t ${f.county?.length ? 'LEFT JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark' : ''}
        WHERE t.fy = $fy AND t.disposition = 'Detainer'${area.map((w) => ` AND ${w}`).join('')}`;
      const a = await countBy(db, sql, { ...params, fy: from });
      const b = await countBy(db, sql, { ...params, fy: to });
      return growth(b, a, `encounters with disposition "Detainer" FY${to} / FY${from} − 1${scope ? `, ${scope}` : ''}`);
    }
    case 'pa-booked-share':
    case 'pa-booked-share-of-recorded': {
      const params = { from: f.yearFrom ?? 2007, to: f.yearTo ?? 2015 };
      const [row] = await query<{ n: number; d: number; blank: number }>(
        db,
        `SELECT count(*) FILTER (WHERE lift_reason = 'Booked into Detention') AS n, count(*) AS d, count(*) FILTER (WHERE lift_reason IS NULL) AS blank
         FROM pa_detainers WHERE year(date) BETWEEN $from AND $to`,
        params,
      );
      const blank = row?.blank ?? 0;
      if (ref.measure === 'pa-booked-share-of-recorded') {
        return fig(row?.n ?? 0, (row?.d ?? 0) - blank, `Pennsylvania detainers lodged ${params.from}–${params.to} whose outcome is "Booked into Detention" / those with any outcome recorded (${blank.toLocaleString('en-US')} blank left out)`);
      }
      return fig(row?.n ?? 0, row?.d ?? 0, `Pennsylvania detainers lodged ${params.from}–${params.to} whose outcome is "Booked into Detention" (ICE took custody) / all detainers lodged (the ${blank.toLocaleString('en-US')} with a blank outcome count as not booked)`);
    }
    case 'trac-custody-share': {
      const params: Record<string, string> = {};
      const where2 = f.state ? 'AND lower(state) = lower($state)' : '';
      if (f.state) params.state = f.state;
      const [row] = await query<{ n: number; d: number }>(db, `SELECT sum(custody_yes) AS n, sum(detainers) AS d FROM trac_detainers_facility WHERE county <> 'All' ${where2}`, params);
      return fig(row?.n ?? 0, row?.d ?? 0, `TRAC: detainers after which ICE assumed custody / all detainers, facility rows${f.state ? ` in ${f.state}` : ''}, FY2003–early FY2016 cumulative`);
    }
    case 'removals-convicted-share': {
      const params: Record<string, number | ReturnType<typeof listValue>> = { from, to };
      const aor = f.aor?.length ? 'AND aor IN (SELECT unnest($aor))' : '';
      if (f.aor?.length) params.aor = listValue(f.aor);
      const [row] = await query<{ n: number; d: number }>(
        db,
        `SELECT count(*) FILTER (WHERE threat_level IS DISTINCT FROM 'NA') AS n, count(*) AS d FROM removals WHERE fy BETWEEN $from AND $to ${aor}`,
        params,
      );
      return fig(row?.n ?? 0, row?.d ?? 0, `removals whose RC Threat Level is not "NA" (a level 1–3, redacted in this release) / all removals, ${where}`);
    }
  }
}
