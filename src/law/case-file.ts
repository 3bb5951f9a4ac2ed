/**
 * Test cases as data (test/cases/*.yaml): a request, the expected decision, and the citation that
 * justifies it. Read by the test suite and by `comity policy test`.
 */
import { z } from 'zod';
import { Modality, RequestType } from './vocab-schema.js';
import type { RequestType as RequestTypeName } from './vocab.js';

const Expectation = z.union([
  Modality,
  z.strictObject({
    modality: Modality,
    /** Exact ISO date-time with offset, or null. */
    holdUntil: z.string().nullable().optional(),
    /** Duty kinds that must be present. */
    duties: z.array(z.string()).optional(),
    /** Duty kinds that must be absent. */
    noDuties: z.array(z.string()).optional(),
    /** Substrings that must appear among the citations. */
    citations: z.array(z.string()).optional(),
    /** Substrings that must appear among the warnings. */
    warnings: z.array(z.string()).optional(),
    confidence: z.enum(['verified', 'secondary', 'uncertain']).optional(),
  }),
]);
export type Expectation = z.infer<typeof Expectation>;

export const CaseFile = z.strictObject({
  description: z.string().min(1),
  cases: z.array(z.strictObject({
    name: z.string().min(1),
    /** The provision(s) that justify the expected answer. */
    cite: z.string().min(1),
    note: z.string().optional(),
    request: z.record(z.string(), z.unknown()),
    expect: z.partialRecord(RequestType, Expectation),
  })).min(1),
});
export type CaseFile = z.infer<typeof CaseFile>;

export interface CaseFailure { name: string; problems: string[] }

import type { DecideResult } from './decide.js';

/** Compare a decision with a case's expectations; an empty list means the case passes. */
export function checkCase(result: DecideResult, expect: CaseFile['cases'][number]['expect']): string[] {
  if (!result.ok) return [`request rejected: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`];
  const problems: string[] = [];
  for (const [type, exp] of Object.entries(expect)) {
    const d = result.response.decisions[type as RequestTypeName];
    if (!d) { problems.push(`${type}: no decision`); continue; }
    const e = typeof exp === 'string' ? { modality: exp } : exp!;
    if (d.modality !== e.modality) problems.push(`${type}: expected ${e.modality}, got ${d.modality} (decided by ${d.decidedBy.provision})`);
    if ('holdUntil' in e && e.holdUntil !== undefined && d.holdUntil !== e.holdUntil) problems.push(`${type}: expected holdUntil ${e.holdUntil}, got ${d.holdUntil}`);
    const kinds = d.duties.map((x) => x.kind);
    for (const k of ('duties' in e ? e.duties : undefined) ?? []) if (!kinds.includes(k)) problems.push(`${type}: missing duty ${k} (has ${kinds.join(', ') || 'none'})`);
    for (const k of ('noDuties' in e ? e.noDuties : undefined) ?? []) if (kinds.includes(k)) problems.push(`${type}: unexpected duty ${k}`);
    for (const c of ('citations' in e ? e.citations : undefined) ?? []) if (!d.citations.some((x) => x.includes(c))) problems.push(`${type}: no citation containing "${c}" (has ${d.citations.join(' | ')})`);
    for (const w of ('warnings' in e ? e.warnings : undefined) ?? []) if (!d.warnings.some((x) => x.includes(w)) && !d.warningDetails.some((x) => x.text.includes(w))) problems.push(`${type}: no warning containing "${w}"`);
    if ('confidence' in e && e.confidence && d.confidence !== e.confidence) problems.push(`${type}: expected confidence ${e.confidence}, got ${d.confidence}`);
  }
  return problems;
}
