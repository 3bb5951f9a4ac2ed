/** Reads and validates policies/287g/agreements.tsv: every row checked, each problem with its line. */
import { z } from 'zod';
import type { Agreement287g } from './agreements-287g.js';
import { AGENCY_KINDS, MODELS_287G } from './vocab.js';
import { STATES } from './states.js';
import type { FileProblem } from './yaml-file.js';

const COLUMNS = ['state', 'agency', 'type', 'kind', 'countyFips', 'place', 'model', 'signed', 'lastSeen', 'ongoing', 'sources'] as const;
const date = z.iso.date();
const Row = z.strictObject({
  state: z.enum(STATES.map((s) => s.code.toUpperCase()) as [string, ...string[]]),
  agency: z.string().min(1),
  type: z.enum(['County', 'Municipality', 'State Agency']),
  kind: z.enum([...AGENCY_KINDS, 'other']),
  countyFips: z.string().regex(/^(\d{5})?$/, 'must be a 5-digit county FIPS code or empty'),
  place: z.string().regex(/^(ocd-division\/country:us\/[a-z0-9_:/~.-]+)?$/, 'must be an OCD id or empty'),
  model: z.enum(MODELS_287G),
  signed: date,
  lastSeen: date,
  ongoing: z.enum(['0', '1']).transform((v) => v === '1'),
  sources: z.string().regex(/^[LTW]+$/, 'must be letters among L, T, W'),
}).refine((r) => r.lastSeen >= r.signed || r.sources === 'W', { message: 'lastSeen is before signed', path: ['lastSeen'] });

export function parseAgreements(file: string, text: string): { ok: true; value: Agreement287g[] } | { ok: false; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const out: Agreement287g[] = [];
  const lines = text.split('\n');
  let header = false;
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) {
      header = true;
      if (cells.join('\t') !== COLUMNS.join('\t')) problems.push({ file, line: i + 1, path: '', message: `the header must be: ${COLUMNS.join(', ')}` });
      return;
    }
    if (cells.length !== COLUMNS.length) { problems.push({ file, line: i + 1, path: '', message: `has ${cells.length} columns, expected ${COLUMNS.length}` }); return; }
    const r = Row.safeParse(Object.fromEntries(COLUMNS.map((c, k) => [c, cells[k]])));
    if (!r.success) for (const iss of r.error.issues) problems.push({ file, line: i + 1, path: iss.path.join('.'), message: iss.message });
    else out.push(r.data as Agreement287g);
  });
  if (!header) problems.push({ file, path: '', message: 'has no header row' });
  return problems.length ? { ok: false, problems } : { ok: true, value: out };
}
