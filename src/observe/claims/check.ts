// `comity claims check`: measure each claim's figures and judge it.
import { basename, join } from 'node:path';
import type { Database } from '../db.js';
import { projectRoot } from '../paths.js';
import { judge } from './judge.js';
import { ClaimFileError, claimFilesIn, readClaimFile } from './load-claims.js';
import { type Figure, MeasureError, formatFigure, measure } from './measures.js';
import type { Claim, Verdict } from './schema.js';
import { IDENTICAL_CAVEAT, qualityNote } from '../metrics/record-quality.js';

export interface ClaimResult {
  id: string;
  file: string;
  statement: string;
  claimant: Claim['claimant'];
  verdict: Verdict;
  reasoning: string;
  figures: Figure[];
  caveats: string[];
  /** Computed from the loaded records: rows, rows identical to another, blanks, for each table and years a figure counts. */
  records: string[];
}

export function defaultClaimsDir(): string {
  return join(projectRoot() ?? process.cwd(), 'claims');
}

export async function checkClaim(db: Database, claim: Claim, file = ''): Promise<ClaimResult> {
  const figures: Figure[] = [];
  for (const [i, ref] of claim.measures.entries()) {
    try {
      figures.push(await measure(db, ref));
    } catch (error) {
      if (error instanceof MeasureError) throw new ClaimFileError([{ file, line: null, path: `measures.${i}`, message: error.message }]);
      throw error;
    }
  }
  const { verdict, reasoning } = judge(claim.judge, new Map(figures.map((f) => [f.id, f])));
  const sources = new Map(figures.flatMap((f) => (f.source ? [[`${f.source.table}:${f.source.fyFrom}:${f.source.fyTo}`, f.source] as const] : [])));
  const records: string[] = [];
  for (const s of sources.values()) {
    const note = await qualityNote(db, s.table, s.fyFrom, s.fyTo);
    if (note) records.push(note);
  }
  const caveats = records.length > 0 ? [...claim.caveats, IDENTICAL_CAVEAT] : claim.caveats;
  return { id: claim.id, file, statement: claim.statement, claimant: claim.claimant, verdict, reasoning, figures, caveats, records };
}

/** Check the given claim files, or every file in claims/. */
export async function checkClaims(db: Database, files?: string[]): Promise<ClaimResult[]> {
  const list = files && files.length > 0 ? files : await claimFilesIn(defaultClaimsDir());
  const out: ClaimResult[] = [];
  for (const file of list) out.push(await checkClaim(db, await readClaimFile(file), file));
  return out;
}

export function formatClaimResult(r: ClaimResult): string {
  const lines = [
    `${r.id}: ${r.verdict.toUpperCase()}`,
    `  claim: "${r.statement}"`,
    `  by: ${r.claimant.who}, ${r.claimant.where}${r.claimant.url ? ` <${r.claimant.url}>` : ''}`,
    `  judged: ${r.reasoning}`,
    ...r.figures.map((f) => `  figure ${f.id}: ${formatFigure(f)} — ${f.definition}`),
    ...r.records.map((n) => `  records: ${n}`),
    ...r.caveats.map((c) => `  caveat: ${c}`),
  ];
  return lines.join('\n');
}

/** The shipped claims (claims/*.yaml) by id, each with its file named relative to the project (never a server path). */
export async function shippedClaims(dir = defaultClaimsDir()): Promise<Map<string, { claim: Claim; file: string }>> {
  const out = new Map<string, { claim: Claim; file: string }>();
  for (const path of await claimFilesIn(dir)) {
    const claim = await readClaimFile(path);
    out.set(claim.id, { claim, file: `claims/${basename(path)}` });
  }
  return out;
}

/** Check every shipped claim; files are named relative to the project. */
export async function checkShippedClaims(db: Database, dir?: string): Promise<ClaimResult[]> {
  const out: ClaimResult[] = [];
  for (const { claim, file } of (await shippedClaims(dir)).values()) out.push(await checkClaim(db, claim, file));
  return out;
}
