// ICE's detained population (average daily population, ADP) per fiscal year by AOR and by facility type (from
// the facility lists), and ICE's national ADP by facility type and month, FY2019–FY2026.
import { z } from 'zod';
import { type Database, query } from '../db.js';
import { MetricInputError, ratio } from './common.js';
import { detentionFy, detentionThrough, partialYears } from './book-ins.js';
import { POPULATION_BY, detentionPopulationOptions, type DetentionPopulationOptions } from './recent-options.js';
export { POPULATION_BY, detentionPopulationOptions, type DetentionPopulationOptions } from './recent-options.js';
import { type OptionsInput, type PeriodResult, parseOptions } from './options.js';



export interface DetentionPopulationRow {
  fy: number;
  /** AOR code, Type Detailed, or ICE's facility type (Total, Adult, FRC/FSC) by month. */
  key: string | null;
  label: string | null;
  /** YYYY-MM, or "FY" for ICE's fiscal-year figure (by month only). */
  month: string | null;
  /** Facilities listed with an ADP (by aor and type). */
  facilities: number | null;
  adp: number;
  /** Share of the fiscal year's ADP summed over the facility list (by aor and type). */
  share: number | null;
  partial: boolean;
}

export const DETENTION_POPULATION_DEFINITION =
  'Average daily population (ADP) in ICE detention. By aor and type: each facility\'s fiscal-year ADP (Male Crim + Male Non-Crim + Female Crim + Female Non-Crim, ICE\'s Facilities sheet) summed by its AOR or its Type Detailed (IGSA, DIGSA, USMS IGA, CDF, SPC, …); share = of the sum over all listed facilities that year. By month: ICE\'s national table "ICE Average Daily Population by Facility Type and Month" (Total, Adult, and family facilities: FRC, later FSC), with month "FY" for its FY Overall column.';

const round1 = (n: number): number => Math.round(n * 10) / 10;

export async function detentionPopulation(db: Database, input: DetentionPopulationOptions = {}): Promise<PeriodResult<DetentionPopulationRow>> {
  const options = parseOptions(detentionPopulationOptions, input);
  const by = options.by ?? 'aor';
  const aor = options.aor?.toUpperCase();
  if (aor && by === 'month') throw new MetricInputError('aor', "aor: ICE's ADP by facility type and month is national only; use by aor or type for an AOR");
  if (aor) {
    const known = (await query<{ aor: string }>(db, 'SELECT DISTINCT aor FROM detention_facilities ORDER BY 1')).map((r) => r.aor);
    if (!known.includes(aor)) throw new MetricInputError('aor', `aor must be an AOR code of the facility lists, one of ${known.join(', ')} (got ${options.aor})`);
  }
  const releases = await detentionThrough(db);
  const params: Record<string, string | number> = {};
  const where: string[] = [];
  if (options.fy) {
    where.push('fy = $fy');
    params.fy = options.fy;
  }
  let rows: DetentionPopulationRow[];
  const caveats: string[] = [];
  if (by === 'month') {
    const raw = await query<{ fy: number; key: string; month: string | null; adp: number; partial: boolean }>(
      db,
      `SELECT fy, facility_type AS key, coalesce(strftime(month, '%Y-%m'), 'FY') AS month, adp, partial FROM detention_adp_type
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY fy, month IS NULL, month, CASE facility_type WHEN 'Total' THEN 0 WHEN 'Adult' THEN 1 ELSE 2 END`,
      params,
    );
    rows = raw.map((r) => ({ fy: r.fy, key: r.key, label: null, month: r.month, facilities: null, adp: round1(r.adp), share: null, partial: r.partial }));
    caveats.push('FY2024 titles this table "ICE Average Daily Population by Month" and lists only Adult facilities; family facilities are FRC to FY2021 and FSC from FY2022 (ICE used no family facilities from March 2022 to April 2025, per its footnotes).');
  } else {
    const key = by === 'aor' ? 'f.aor' : "coalesce(f.type_detailed, '(blank)')";
    const label = by === 'aor' ? "any_value(coalesce(an.name, CASE f.aor WHEN 'HLG' THEN 'Harlingen' END))" : 'NULL';
    const fwhere = [...where.map((w) => `f.${w}`), 'f.adp IS NOT NULL'];
    if (aor) {
      fwhere.push('f.aor = $aor');
      params.aor = aor;
    }
    const raw = await query<{ fy: number; key: string; label: string | null; facilities: number; adp: number; fyTotal: number }>(
      db,
      `WITH totals AS (SELECT fy, sum(adp) AS t FROM detention_facilities GROUP BY fy)
       SELECT f.fy, ${key} AS key, ${label} AS label, count(*) AS facilities, sum(f.adp) AS adp, any_value(t.t) AS fyTotal
       FROM detention_facilities f JOIN totals t ON t.fy = f.fy LEFT JOIN aor_codes an ON an.code = f.aor
       WHERE ${fwhere.join(' AND ')} GROUP BY f.fy, 2 ORDER BY f.fy, adp DESC, key`,
      params,
    );
    rows = raw.map((r) => ({
      fy: r.fy, key: r.key, label: r.label, month: null, facilities: r.facilities, adp: round1(r.adp),
      share: ratio(r.adp, r.fyTotal), partial: (releases.get(r.fy)?.facilitiesDate ?? '') < `${r.fy}-09-30`,
    }));
    // How far the facility list's sum falls short of ICE's national fiscal-year ADP, per year.
    const national = await query<{ fy: number; listed: number; overall: number; blank: number }>(
      db,
      `SELECT f.fy, sum(f.adp) AS listed, any_value(a.adp) AS overall, count(*) FILTER (WHERE f.adp IS NULL) AS blank
       FROM detention_facilities f JOIN detention_adp_type a ON a.fy = f.fy AND a.facility_type = 'Total' AND a.month IS NULL
       ${where.length ? `WHERE f.${where[0]}` : ''} GROUP BY f.fy ORDER BY f.fy`,
      params.fy ? { fy: params.fy } : {},
    );
    caveats.push(
      `The facility lists do not cover every place ICE holds people (from FY2023 they say they leave out HOLD, HOSPITAL, HOTEL, ORR and MIRP facilities and those with no one detained on the day of the data pull), so their sum is below ICE's national ADP: ${national.map((n) => `FY${n.fy} ${Math.round(n.listed).toLocaleString('en-US')} of ${Math.round(n.overall).toLocaleString('en-US')}`).join('; ')}.`,
      'Facility names, addresses and AORs change between years and the sheet has no facility code: compare AORs and types, not facilities, across years.',
    );
    const blank = national.filter((n) => n.blank > 0);
    if (blank.length > 0) caveats.push(`Facilities listed with blank ADP cells are left out: ${blank.map((n) => `FY${n.fy} ${n.blank}`).join('; ')}.`);
    if (by === 'aor') caveats.push('Harlingen (HLG) appears in the facility lists but not in geo/uwchr_aor_codes.yaml; Comity adds it.');
  }
  const fys = [...new Set(rows.map((r) => r.fy))];
  caveats.push(
    'ADP is a count of people in detention on an average day (midnight counts), not of arrests or book-ins; detention of people CBP arrested is included.',
    ...partialYears(new Map([...releases].map(([fy, r]) => [fy, { through: by === 'month' ? r.adpThrough : r.facilitiesDate }])), fys, by === 'month' ? 'ADP figures' : 'facility ADPs'),
  );
  const last = fys.at(-1);
  return {
    metric: 'detention-population',
    definition: DETENTION_POPULATION_DEFINITION,
    filters: { by, fy: options.fy ?? null, aor: aor ?? null },
    period: {
      from: `${(fys[0] ?? 2019) - 1}-10-01`,
      to: last !== undefined ? ((by === 'month' ? releases.get(last)?.adpThrough : releases.get(last)?.facilitiesDate) ?? '') : '',
      note: 'fiscal years (October–September) of ICE detention statistics; each year to the data date of its workbook',
    },
    rows,
    caveats,
  };
}
