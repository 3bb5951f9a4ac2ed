// The figures a claim can be tested against: each a share or growth rate with its numerator and denominator.
import { listValue } from '@duckdb/node-api';
import { type Database, query } from '../db.js';
import { ratio } from '../metrics/common.js';
import type { MeasureRef } from './schema.js';

export interface Figure {
  id: string;
  label: string;
  value: number | null;
  numerator: number;
  denominator: number;
  definition: string;
}

type F = MeasureRef['filters'];

function fyRange(f: F): [number, number] {
  return [f.fyFrom ?? f.fy ?? 2016, f.fyTo ?? f.fy ?? 2019];
}

async function arrestShare(db: Database, f: F, cls: 'custodial' | 'at_large'): Promise<[number, number]> {
  const [from, to] = fyRange(f);
  const where = ['t.fy BETWEEN $from AND $to'];
  const params: Record<string, number | ReturnType<typeof listValue>> = { from, to };
  if (f.aor?.length) {
    where.push('t.aor IN (SELECT unnest($aor))');
    params.aor = listValue(f.aor);
  }
  if (f.county?.length) {
    where.push('l.fips IN (SELECT unnest($county))');
    params.county = listValue(f.county);
  }
  const [row] = await query<{ n: number; d: number }>(
    db,
    `SELECT count(*) FILTER (WHERE m.class = '${cls}') AS n, count(*) AS d FROM arrests t
     LEFT JOIN method_classes m ON m.method = t.method
     LEFT JOIN landmark_county l ON l.aor IS NOT DISTINCT FROM t.aor AND l.landmark = t.landmark
     WHERE ${where.join(' AND ')}`,
    params,
  );
  return [row?.n ?? 0, row?.d ?? 0];
}

async function countBy(db: Database, sql: string, params: Record<string, number>): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql, params);
  return row?.n ?? 0;
}

export async function measure(db: Database, ref: MeasureRef): Promise<Figure> {
  const f = ref.filters;
  const [from, to] = fyRange(f);
  const scope = [f.aor?.length ? `AORs ${f.aor.join(', ')}` : '', f.county?.length ? `counties ${f.county.join(', ')}` : ''].filter(Boolean).join('; ');
  const where = `FY${from}${to !== from ? `–FY${to}` : ''}${scope ? `, ${scope}` : ''}`;
  const fig = (numerator: number, denominator: number, definition: string, value = ratio(numerator, denominator)): Figure => ({
    id: ref.id,
    label: ref.label ?? ref.measure,
    value,
    numerator,
    denominator,
    definition,
  });
  switch (ref.measure) {
    case 'custodial-share': {
      const [n, d] = await arrestShare(db, f, 'custodial');
      return fig(n, d, `custodial arrests (CAP local/state/federal, Criminal Alien Program, 287(g)) / all ICE administrative arrests, ${where}`);
    }
    case 'at-large-share': {
      const [n, d] = await arrestShare(db, f, 'at_large');
      return fig(n, d, `at-large arrests (Located, Non-Custodial, Probation and Parole, Worksite) / all ICE administrative arrests, ${where}`);
    }
    case 'arrests-growth': {
      const a = await countBy(db, 'SELECT count(*) AS n FROM arrests WHERE fy = $fy', { fy: from });
      const b = await countBy(db, 'SELECT count(*) AS n FROM arrests WHERE fy = $fy', { fy: to });
      return fig(b, a, `ICE administrative arrests FY${to} / FY${from} − 1`, a > 0 ? Math.round((b / a - 1) * 10000) / 10000 : null);
    }
    case 'detainers-growth': {
      const sql = "SELECT count(*) AS n FROM encounters WHERE fy = $fy AND disposition = 'Detainer'";
      const a = await countBy(db, sql, { fy: from });
      const b = await countBy(db, sql, { fy: to });
      return fig(b, a, `encounters with disposition "Detainer" FY${to} / FY${from} − 1`, a > 0 ? Math.round((b / a - 1) * 10000) / 10000 : null);
    }
    case 'pa-booked-share': {
      const params = { from: f.yearFrom ?? 2007, to: f.yearTo ?? 2015 };
      const [row] = await query<{ n: number; d: number }>(
        db,
        `SELECT count(*) FILTER (WHERE lift_reason = 'Booked into Detention') AS n, count(*) AS d FROM pa_detainers WHERE year(date) BETWEEN $from AND $to`,
        params,
      );
      return fig(row?.n ?? 0, row?.d ?? 0, `Pennsylvania detainers lodged ${params.from}–${params.to} whose outcome is "Booked into Detention" (ICE took custody) / all detainers lodged (blank outcomes count as not booked)`);
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
