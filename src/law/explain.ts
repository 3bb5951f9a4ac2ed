/**
 * Readable accounts of a decision, for people rather than programs: `explain` (the CLI's
 * --explain and the API's ?format=text) and `memo`, a printable Markdown memo for a jail's file.
 */
import type { Decision, DecisionResponse } from './decide.js';
import type { DecisionRequest } from './request-schema.js';
import { LEVELS } from './vocab.js';

function registeredLevels(res: DecisionResponse): string {
  return res.jurisdiction.lawChain.join(' -> ');
}

function decisionLines(type: string, d: Decision): string[] {
  const out: string[] = [];
  out.push(`${type}: ${d.modality}${d.holdUntil ? ` — hold no later than ${d.holdUntil}` : ''}`);
  out.push(`  decided at the ${d.decidedBy.level} level by ${d.decidedBy.citation} (${d.decidedBy.provision}; confidence: ${d.confidence})`);
  out.push(`  citations: ${d.citations.join(' | ')}`);
  for (const duty of d.duties) out.push(`  duty ${duty.kind}: ${duty.text}${duty.deadline ? ` (deadline: ${duty.deadline})` : ''} [${duty.citation}]`);
  for (const w of d.warnings) out.push(`  warning: ${w}`);
  for (const m of d.missingFacts) out.push(`  not given: ${m.message}`);
  return out;
}

export function explain(res: DecisionResponse): string {
  const out: string[] = [];
  const j = res.jurisdiction;
  out.push(`${j.name} (${j.id}${j.fips ? `, FIPS ${j.fips}` : ''})`);
  out.push(`Decision date ${res.decisionDate}, local time ${j.timeZone}. Law registered and layered: ${registeredLevels(res)}.`);
  if (j.assumedCounty) out.push(`County assumed: ${j.assumedCounty.name} — ${j.assumedCounty.why}`);
  for (const n of res.notes) out.push(`Note: ${n}`);
  for (const [type, d] of Object.entries(res.decisions)) {
    if (!d) continue;
    out.push('');
    out.push(...decisionLines(type, d));
    const steps = (res.trace ?? []).filter((t) => t.request === type)
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    if (steps.length) out.push('  provisions considered, in order:');
    let last = '';
    for (const s of steps) {
      const line = `    ${s.applied ? '✓' : '·'} [${s.level}] ${s.citation} — ${s.reason}`;
      if (line !== last) out.push(line);
      last = line;
    }
  }
  out.push('');
  out.push(res.disclaimer);
  out.push(`Registry ${res.registry}.`);
  return out.join('\n');
}

/** A printable memo (Markdown): the request, the answer, the citations with links, the date and the disclaimer. */
export function memo(req: DecisionRequest, res: DecisionResponse, preparedAt: string = new Date().toISOString()): string {
  const j = res.jurisdiction;
  const md: string[] = [];
  md.push(`# ICE request: what the law allows — ${j.name}`);
  md.push('');
  md.push(`*Prepared ${preparedAt} with Comity (registry ${res.registry}). ${res.disclaimer}*`);
  md.push('');
  md.push('## The request');
  md.push('');
  md.push(`- Jurisdiction: ${j.name} (\`${j.id}\`${j.fips ? `, FIPS ${j.fips}` : ''}); time zone ${j.timeZone}`);
  md.push(`- Agency: ${req.agency.kind}${req.agency.agreement287g ? ` (287(g) ${req.agency.agreement287g})` : ''}`);
  md.push(`- Decision at: ${req.at} (decision date ${res.decisionDate})`);
  md.push(`- Requests: ${req.requests.join(', ')}`);
  md.push(`- Documents: ${req.documents?.length ? req.documents.join(', ') : 'none stated'}`);
  for (const [k, label] of [['detainerReceivedAt', 'Detainer received'], ['bookedAt', 'Booked'], ['wouldBeReleasedAt', 'Would be released']] as const) {
    if (req[k]) md.push(`- ${label}: ${req[k]}`);
  }
  const p = req.person;
  if (p) {
    md.push(`- Convictions: ${p.convictions?.length ?? 'not stated'}; charges: ${p.charges?.length ?? 'not stated'}`);
    if (p.proofOfLawfulStatus !== undefined) md.push(`- Proof of lawful status: ${p.proofOfLawfulStatus ? 'yes' : 'no'}`);
  }
  if (j.assumedCounty) md.push(`- County assumed: ${j.assumedCounty.name} (${j.assumedCounty.why})`);
  for (const n of res.notes) md.push(`- Note: ${n}`);
  md.push('');
  md.push('## The answer');
  for (const [type, d] of Object.entries(res.decisions)) {
    if (!d) continue;
    md.push('');
    md.push(`### ${type}: ${d.modality}${d.holdUntil ? ` — hold no later than ${d.holdUntil}` : ''}`);
    md.push('');
    md.push(`Decided by ${d.decidedBy.citation} (${d.decidedBy.level}; confidence ${d.confidence}).`);
    if (d.duties.length) {
      md.push('');
      md.push('Duties:');
      for (const x of d.duties) md.push(`- **${x.kind}** — ${x.text}${x.deadline ? ` (deadline: ${x.deadline})` : ''} [${x.citation}]`);
    }
    if (d.warnings.length) {
      md.push('');
      md.push('Warnings:');
      for (const w of d.warnings) md.push(`- ${w}`);
    }
    if (d.missingFacts.length) {
      md.push('');
      md.push('Facts not given that could change this answer:');
      for (const m of d.missingFacts) md.push(`- ${m.message}`);
    }
    md.push('');
    md.push('Citations:');
    for (const s of d.sources) md.push(`- [${s.citation}](${s.href})${s.verified ? `, verified ${s.verified}` : ''}${s.archived ? ` ([archived copy](${s.archived}))` : ''}`);
  }
  md.push('');
  md.push('---');
  md.push('');
  md.push(res.disclaimer);
  return md.join('\n') + '\n';
}
