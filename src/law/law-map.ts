/**
 * The map's data: for every county, the answer to a standard ICE request at the county jail on a
 * date, with the deciding level and instrument and the registry's confidence; and the counties whose
 * answer changed between two dates. These feed the web map and the simulator.
 */
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { Gazetteer } from './gazetteer.js';
import { STATES } from './states.js';
import type { Engine } from './index.js';
import type { Decision } from './decide.js';
import type { CompiledChain, CompiledLaw, CompiledRegistry } from './engine.js';
import { dayOf } from './days.js';
import type { Confidence } from './registry-schema.js';
import { REQUEST_TYPES, type DocumentType, type Modality, type Model287g, type RequestType } from './vocab.js';
import { UNIFIED_JAIL_STATES, jailAgency, standardDocuments, standardRequest } from './standard-request.js';

export { UNIFIED_JAIL_STATES, jailAgency, standardDocuments, standardRequest };

const isoDay = z.iso.date('must be a day as YYYY-MM-DD').refine((d) => d >= '2013-01-01' && d <= '2100-12-31', 'Comity\'s law runs from 2013-01-01 (and dates stop at 2100)');

export interface MapRow {
  fips: string;
  id: string;
  name: string;
  state: string;
  modality: Modality;
  /** The level, jurisdiction, provision, citation and instrument that settled the answer. */
  level: string;
  jurisdiction: string;
  provision: string;
  citation: string;
  instrument: string;
  confidence: Confidence;
  /** The county jail's 287(g) models on the date, and where that came from. */
  agreement287g: Model287g[];
  agreementSource: string;
}

export interface LawMap {
  date: string;
  request: RequestType;
  /** The standard request asked of every county jail. */
  standard: { documents: DocumentType[]; agency: 'sheriff_jail'; unifiedJailStates: string[]; note: string };
  registry: string;
  rows: MapRow[];
  /** How many counties answer each modality. */
  counts: Partial<Record<Modality, number>>;
  disclaimer: string;
}

/**
 * Every county's compiled chain, per compiled registry: a fixed set (the gazetteer's counties), kept apart from the
 * engine's id cache, which is bounded for ids from the network and smaller than the map's 3,143 counties.
 */
const countyChains = new WeakMap<CompiledRegistry, Map<string, CompiledChain>>();
function countyChain(compiled: CompiledRegistry, ocd: string): CompiledChain {
  let chains = countyChains.get(compiled);
  if (!chains) countyChains.set(compiled, (chains = new Map()));
  let chain = chains.get(ocd);
  if (!chain) {
    const ch = compiled.chain(ocd);
    if (!ch.ok) throw new Error(`${ocd}: ${ch.message}`);
    chains.set(ocd, (chain = ch.chain));
  }
  return chain;
}

/**
 * Every county and county equivalent of the 50 states and DC, with its answer on `date`.
 *
 * A county's answer to the standard request depends only on the law of its chain, its time zone and the
 * models of its jail's 287(g) agreement that day (the only fact taken from where it is): counties that share
 * all three share the decision, which is computed once (about 3,100 counties come to a few hundred
 * decisions). test/law/law-map.test.ts checks the map against one full decision per county.
 */
export function lawMap(engine: Engine, date: string, request: RequestType = 'HOLD', opts: { state?: string } = {}): LawMap {
  const g = Gazetteer.load();
  const compiled = engine.compiled;
  const day = dayOf(date);
  const rows: MapRow[] = [];
  const counts: Partial<Record<Modality, number>> = {};
  const decided = new Map<CompiledLaw, Map<string, Decision>>();
  let registry = '';
  let disclaimer = '';
  for (const st of STATES) {
    if (st.ocdType === 'territory' || (opts.state && st.code !== opts.state.toLowerCase())) continue;
    for (const c of g.countiesOf(st.code)) {
      const { law, jurisdiction } = countyChain(compiled, c.ocd);
      const kind = jailAgency(c.ocd);
      const area = jurisdiction.area;
      const key = `${jurisdiction.timeZone}|${kind}|${area ? compiled.agreements.mask(area, kind, day) ?? 'unknown' : 'none'}`;
      let byKey = decided.get(law);
      if (!byKey) decided.set(law, (byKey = new Map()));
      let d = byKey.get(key);
      if (!d) {
        const r = engine.decideValid(standardRequest(c.ocd, date, request));
        d = r.decisions[request]!;
        registry = r.registry;
        disclaimer = r.disclaimer;
        byKey.set(key, d);
      }
      // As the full decision reports it: from ICE's lists where the jail can be placed on them.
      const agreement = area ? compiled.agreements.lookup(area, kind, day) : undefined;
      counts[d.modality] = (counts[d.modality] ?? 0) + 1;
      rows.push({
        fips: c.fips, id: c.ocd, name: c.name, state: st.code.toUpperCase(), modality: d.modality,
        level: d.decidedBy.level, jurisdiction: d.decidedBy.jurisdiction, provision: d.decidedBy.provision,
        citation: d.decidedBy.citation, instrument: d.decidedBy.instrument, confidence: d.confidence,
        agreement287g: agreement?.models ?? [], agreementSource: agreement?.source ?? 'unknown',
      });
    }
  }
  return {
    date, request, registry, rows, counts, disclaimer,
    standard: {
      documents: standardDocuments(date), agency: 'sheriff_jail', unifiedJailStates: [...UNIFIED_JAIL_STATES].map((s) => s.toUpperCase()),
      note: 'ICE\'s usual request on that date at the county jail: the detainer form then in use (I-247 to 2015-07-01, I-247D to 2017-04-01, then the I-247A with an I-200 administrative warrant), received at would-be release, with nothing stated about the person. In Alaska, Connecticut, Delaware, Hawaii, Rhode Island and Vermont the state runs the jails, so the request goes to the state\'s jail (agency kind state_prison). The jail\'s 287(g) agreement is taken from ICE\'s published lists.',
    },
  };
}

/** The map in brief: how many counties each (modality, deciding provision) answers, most first. */
export function mapSummary(m: LawMap): { modality: Modality; provision: string; citation: string; counties: number }[] {
  const by = new Map<string, { modality: Modality; provision: string; citation: string; counties: number }>();
  for (const r of m.rows) {
    const k = `${r.modality}|${r.provision}`;
    const e = by.get(k) ?? { modality: r.modality, provision: r.provision, citation: r.citation, counties: 0 };
    e.counties++;
    by.set(k, e);
  }
  return [...by.values()].sort((a, b) => b.counties - a.counties);
}

export interface MapChange {
  fips: string; id: string; name: string; state: string;
  from: Modality; to: Modality;
  /** The instrument that decides on the later date, and the one that decided before. */
  now: { provision: string; citation: string; level: string };
  before: { provision: string; citation: string; level: string };
}

/** Every county whose answer to the standard request differs between two dates. */
export function lawChanges(engine: Engine, from: string, to: string, request: RequestType = 'HOLD', opts: { state?: string } = {}): { from: string; to: string; request: RequestType; changes: MapChange[] } {
  const a = lawMap(engine, from, request, opts);
  const b = lawMap(engine, to, request, opts);
  const changes: MapChange[] = [];
  b.rows.forEach((r, i) => {
    const o = a.rows[i]!;
    if (o.modality === r.modality && o.provision === r.provision) return;
    changes.push({
      fips: r.fips, id: r.id, name: r.name, state: r.state, from: o.modality, to: r.modality,
      now: { provision: r.provision, citation: r.citation, level: r.level },
      before: { provision: o.provision, citation: o.citation, level: o.level },
    });
  });
  return { from, to, request, changes };
}

/** The map's query (CLI options and the API's query string), checked by one schema. */
export const MapQuery = z.strictObject({
  date: isoDay.describe('the day (YYYY-MM-DD), 2013-01-01 or later'),
  request: z.enum(REQUEST_TYPES).default('HOLD').describe('the request type'),
  state: z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter postal code').refine((s) => STATES.some((x) => x.code === s.toLowerCase() && x.ocdType !== 'territory'), 'unknown state').transform((s) => s.toLowerCase()).optional(),
  format: z.enum(['json', 'csv', 'text']).default('json'),
});
export const ChangesQuery = MapQuery.omit({ date: true }).extend({ from: isoDay, to: isoDay }).refine((q) => q.to >= q.from, { message: 'must not be before from', path: ['to'] });

export type MapQueryResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export function parseMapQuery<S extends z.ZodType>(schema: S, input: Record<string, unknown>): MapQueryResult<z.infer<S>> {
  const r = schema.safeParse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
  if (r.success) return { ok: true, value: r.data };
  const iss = r.error.issues[0]!;
  const field = iss.path.join('.') || (iss.code === 'unrecognized_keys' ? String(iss.keys[0]) : '');
  return { ok: false, field, message: iss.code === 'unrecognized_keys' ? `unknown parameter "${field}"` : iss.message };
}

/** CSV of the map's rows (one county a line), or of the changes. */
export function mapCsv(m: LawMap): string {
  return stringify(m.rows.map((r) => ({ ...r, agreement287g: r.agreement287g.join(' ') })), { header: true });
}
export function changesCsv(c: ReturnType<typeof lawChanges>): string {
  return stringify(c.changes.map((x) => ({ fips: x.fips, id: x.id, name: x.name, state: x.state, from: x.from, to: x.to, provision: x.now.provision, citation: x.now.citation, level: x.now.level, before: x.before.provision, beforeCitation: x.before.citation })), { header: true, columns: ['fips', 'id', 'name', 'state', 'from', 'to', 'provision', 'citation', 'level', 'before', 'beforeCitation'] });
}
