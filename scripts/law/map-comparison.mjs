#!/usr/bin/env node
/**
 * Writes docs/research/map-comparison.md: the engine's answers beside the DOJ "sanctuary
 * jurisdiction" list of 2025-08-05 and the CIS 2017 table, with every disagreement and its
 * explanation (from docs/research/map-comparison-notes.yaml where a researcher wrote one, otherwise
 * classified from what the registry holds). Usage (after `npm run build`):
 *   node scripts/law/map-comparison.mjs [data-dir]
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DuckDBInstance } from '@duckdb/node-api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { defaultEngine, lawMap, jailAgency, REQUEST_TYPES } = await import(join(root, 'dist', 'src', 'law', 'index.js'));
const dataDir = process.argv[2] ?? process.env.COMITY_DATA_DIR ?? join(root, '..', 'shared', 'data');
const dir = join(dataDir, 'sanctuary-lists');
const DOJ = 'doj_sanctuary_jurisdictions_2025-08-05.csv';
const CIS = 'cis_sanctuary_map_2017.csv';
for (const f of [DOJ, CIS]) if (!existsSync(join(dir, f))) { console.error(`map-comparison: ${join(dir, f)} not found; pass the data folder`); process.exit(2); }
const DOJ_DATE = '2025-08-05';
// The CIS table is "as of about 2017": compare with the law at the start of 2017 (before the I-247A).
const CIS_DATE = '2017-01-15';

const notesFile = join(root, 'docs', 'research', 'map-comparison-notes.yaml');
const notes = existsSync(notesFile) ? parse(readFileSync(notesFile, 'utf8')) ?? [] : [];
const noteOf = (list, jurisdiction) => notes.find((n) => n.list === list && n.jurisdiction === jurisdiction);

const db = await (await DuckDBInstance.create(':memory:')).connect();
const rows = async (f) => (await db.runAndReadAll(`SELECT * FROM read_csv('${join(dir, f).replace(/'/g, "''")}', all_varchar = true, header = true)`)).getRowObjectsJS();

const engine = defaultEngine();
const docsOf = (date) => (date >= '2017-04-02' ? ['I-247A', 'I-200'] : date >= '2015-07-02' ? ['I-247D'] : ['I-247']);
/** Every request type at the jurisdiction's jail on a date: the modalities, and those the law forbids. */
function answer(query, date, preferPlace = false) {
  const at = `${date}T18:00:00Z`;
  let jurisdiction = query;
  // A city's name may also be its county's ("Los Angeles, CA"): the list means the city.
  const probe = engine.decide({ jurisdiction, agency: { kind: 'sheriff_jail' }, at, requests: ['HOLD'] });
  if (!probe.ok && preferPlace) {
    const place = (probe.problems[0].suggestions ?? []).map((s) => /\((ocd-division\/[^)]*\/place:[^)]*)\)/.exec(s)?.[1]).find(Boolean);
    if (place) jurisdiction = place;
  } else if (probe.ok) jurisdiction = probe.response.jurisdiction.id;
  const kinds = preferPlace ? [jailAgency(jurisdiction), 'municipal_police'] : [jailAgency(jurisdiction)];
  const answers = kinds.map((kind) => engine.decide({ jurisdiction, agency: { kind }, at, requests: [...REQUEST_TYPES], documents: docsOf(date), wouldBeReleasedAt: at, detainerReceivedAt: at }, { trace: true }));
  const r = answers[0];
  if (!r.ok) return { error: r.problems.map((p) => p.message).join('; ') };
  const d = r.response.decisions;
  // For a city, what its police may do counts too: a city's law often binds its police, not the county's jail.
  const forbidden = REQUEST_TYPES.filter((t) => answers.some((x) => x.ok && x.response.decisions[t].modality === 'MUST_NOT'));
  return {
    id: r.response.jurisdiction.id, name: r.response.jurisdiction.name, lawChain: r.response.jurisdiction.lawChain,
    hold: d.HOLD.modality, holdBy: d.HOLD.decidedBy, confidence: d.HOLD.confidence, forbidden,
    voided: answers.flatMap((x) => (x.ok ? x.response.trace ?? [] : []).filter((e) => e.step === 'void').map((e) => e.provision)),
  };
}
const registry = engine.registry;
const localLaw = (id) => registry.provisions.some((p) => p.jurisdiction === id) ;
const localFinding = (id) => registry.jurisdictions.get(id)?.noLocalLaw?.length > 0;

/** The explanation of a disagreement: a researcher's note, else what the registry shows. */
function explain(list, label, a, listedLimits) {
  const n = noteOf(list, label);
  if (n) return { category: n.category, text: n.note };
  if (listedLimits) {
    // On the list, but the engine's standard request is not forbidden.
    if (a.forbidden.length) return { category: 'other requests', text: `The law here forbids ${a.forbidden.join(', ')}${a.hold === 'MUST_NOT' ? '' : ', not the hold at the jail'}: the designation rests on those limits.` };
    if (a.voided.length) return { category: 'law', text: `Local law limits cooperation, but higher law voids it (${[...new Set(a.voided)].join(', ')}): the designation describes a policy without legal effect on that date.` };
    const local = a.lawChain.filter((id) => /\/(county|parish|borough|census_area|place):/.test(id) && localLaw(id));
    if (local.length) return { category: 'law', text: `Local law is registered (${local.map((id) => id.replace(/^.*\//, '')).join(', ')}), but it forbids nothing on the standard request on that date (conditions, dates or the agency it binds differ).` };
    if (localFinding(a.id)) return { category: 'list or politics', text: 'Comity\'s research found no local law limiting cooperation here (see the noLocalLaw finding).' };
    return { category: 'registry lacks', text: 'No local law limiting cooperation is registered here; the designation may rest on a policy Comity has not found in primary form.' };
  }
  return { category: 'not listed', text: `${a.holdBy.citation} forbids the hold.` };
}

const out = [];
const md = (s = '') => out.push(s);
md('# The engine\'s answers beside the published "sanctuary" lists');
md();
md('Generated by `node scripts/law/map-comparison.mjs` (after `npm run build`) from the registry and the two lists in the data folder');
md('(`sanctuary-lists/`). Both lists are political designations, not coded law. For each listed jurisdiction, Comity decides ICE\'s');
md('standard request (the detainer form of the day with, from 2017-04-02, an I-200 administrative warrant, at the jail — the state\'s jail');
md('in the six states that run all jails: AK, CT, DE, HI, RI, VT — at would-be');
md('release, nothing stated about the person) for every request type. A jurisdiction **limits cooperation** in Comity\'s terms when');
md('its law forbids (MUST_NOT) at least one request type. Explanations come from `docs/research/map-comparison-notes.yaml` where a');
md('researcher wrote one, otherwise from what the registry holds. Comity gives information, not legal advice.');
md();
md(`Registry ${registry.fingerprint}.`);

// --- DOJ 2025 ---------------------------------------------------------------------------------
const doj = await rows(DOJ);
const dojResults = doj.map((r) => {
  const label = r.jurisdiction;
  const query = r.level === 'state' ? stateId(label) : label.replace(/^New York City, NY$/, 'New York, NY').replace(/^San Francisco City, CA$/, 'San Francisco, CA');
  const a = answer(query, DOJ_DATE, r.level === 'city');
  return { label, level: r.level, a };
});
function stateId(name) {
  const s = registry.jurisdictions && [...registry.jurisdictions.values()].find((j) => j.name === name && /\/(state|district):[a-z]{2}$/.test(j.jurisdiction));
  return s ? s.jurisdiction : name;
}
const agreeDoj = dojResults.filter((x) => !x.a.error && x.a.forbidden.length);
const disagreeDoj = dojResults.filter((x) => x.a.error || !x.a.forbidden.length);
md();
md(`## DOJ list of ${DOJ_DATE} (${doj.length} jurisdictions)`);
md();
md(`On the list's date the law limits cooperation in ${agreeDoj.length} of ${doj.length} listed jurisdictions; the hold itself is forbidden in ${dojResults.filter((x) => x.a.hold === 'MUST_NOT').length}.`);
md();
md('| jurisdiction | level | HOLD | forbidden request types | decided by (HOLD) | confidence |');
md('|---|---|---|---|---|---|');
for (const x of dojResults) {
  if (x.a.error) { md(`| ${x.label} | ${x.level} | — | not resolved: ${x.a.error} | | |`); continue; }
  md(`| ${x.label} | ${x.level} | ${x.a.hold} | ${x.a.forbidden.length ? x.a.forbidden.join(', ') : '**none**'} | ${x.a.holdBy.citation} | ${x.a.confidence} |`);
}
md();
md(`### Listed, but the law forbids no request (${disagreeDoj.length})`);
md();
if (!disagreeDoj.length) md('None.');
for (const x of disagreeDoj) {
  const e = x.a.error ? { category: 'not resolved', text: x.a.error } : explain('DOJ', x.label, x.a, true);
  md(`- **${x.label}** — ${e.category}: ${e.text}`);
}

// Counties where the law forbids the hold on the list's date, in states the list does not name, and not named themselves.
const listedStates = new Set(dojResults.filter((x) => x.level === 'state' && !x.a.error).map((x) => x.a.id));
const listedIds = new Set(dojResults.filter((x) => !x.a.error).flatMap((x) => [x.a.id]));
const map = lawMap(engine, DOJ_DATE, 'HOLD');
const unlisted = new Map();
for (const r of map.rows) {
  if (r.modality !== 'MUST_NOT') continue;
  const st = r.id.replace(/\/(county|parish|borough|census_area|place):.*$/, '');
  if (listedStates.has(st) || listedIds.has(r.id)) continue;
  const key = `${r.state}|${r.provision}|${r.citation}`;
  const e = unlisted.get(key) ?? { state: r.state, provision: r.provision, citation: r.citation, counties: [] };
  e.counties.push(r.name);
  unlisted.set(key, e);
}
md();
md(`### Not listed, but the law forbids the hold (${[...unlisted.values()].reduce((s, e) => s + e.counties.length, 0)} counties)`);
md();
md('Counties whose jail may not hold on the standard request on the list\'s date, in states the list does not name and not named themselves:');
md();
md('| state | counties | decided by | |');
md('|---|---:|---|---|');
for (const e of [...unlisted.values()].sort((a, b) => a.state.localeCompare(b.state) || b.counties.length - a.counties.length)) {
  const n = noteOf('DOJ-unlisted', `${e.state} ${e.provision}`);
  md(`| ${e.state} | ${e.counties.length} | ${e.citation} (\`${e.provision}\`) | ${n ? `${n.category}: ${n.note}` : e.counties.length <= 3 ? e.counties.join(', ') : ''} |`);
}

// --- CIS 2017 ---------------------------------------------------------------------------------
const cis = await rows(CIS);
const cisResults = cis.map((r) => {
  const label = r.Location;
  const m = /^(.*?) County Jails, (.*)$/.exec(label);
  const fix = noteOf('CIS', label)?.id;
  const query = fix ?? (m ? stateId(m[2]) : r.Designation === '3' ? stateId(label.split(',')[0].trim()) : label);
  return { label, policy: r.Policy, criteria: r['Criteria for Honoring Detainer'], enacted: r['Date Enacted'], a: answer(query, CIS_DATE, r.Designation === '1') };
});
const agreeCis = cisResults.filter((x) => !x.a.error && x.a.hold === 'MUST_NOT');
md();
md(`## CIS table of about 2017 (${cis.length} jurisdictions), compared with the law on ${CIS_DATE}`);
md();
md(`CIS lists jurisdictions that decline some detainers. On ${CIS_DATE} the engine forbids the standard hold (then on Form I-247D) in ${agreeCis.length} of them; ${cisResults.filter((x) => x.a.error).length} could not be resolved to a jurisdiction.`);
md();
const byCat = new Map();
for (const x of cisResults) {
  if (!x.a.error && x.a.hold === 'MUST_NOT') continue;
  const e = x.a.error ? { category: 'not resolved', text: x.a.error } : explain('CIS', x.label, x.a, true);
  const list = byCat.get(e.category) ?? [];
  list.push({ x, e });
  byCat.set(e.category, list);
}
md(`### Listed, but the engine does not forbid the hold (${[...byCat.values()].reduce((s, l) => s + l.length, 0)})`);
for (const [cat, list] of [...byCat].sort((a, b) => b[1].length - a[1].length)) {
  md();
  md(`#### ${cat} (${list.length})`);
  md();
  for (const { x, e } of list) md(`- **${x.label}** (${x.enacted}; ${x.policy}: "${x.criteria}") — HOLD ${x.a.hold ?? '—'}. ${e.text}`);
}
md();
writeFileSync(join(root, 'docs', 'research', 'map-comparison.md'), out.join('\n'));
console.log(`wrote docs/research/map-comparison.md: DOJ ${agreeDoj.length}/${doj.length} agree, ${disagreeDoj.length} disagree; CIS ${agreeCis.length}/${cis.length} agree`);
