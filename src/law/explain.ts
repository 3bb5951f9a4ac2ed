/** A readable account of a decision: for people, not programs (`comity decide --explain`). */
import type { DecisionResponse } from './decide.js';
import { LEVELS } from './vocab.js';

export function explain(res: DecisionResponse): string {
  const out: string[] = [];
  const j = res.jurisdiction;
  out.push(`${j.name} (${j.id})`);
  out.push(`Decision date ${res.decisionDate}, local time ${j.timeZone}. Law layered: ${j.chain.join(' → ')}.`);
  for (const n of res.notes) out.push(`Note: ${n}`);
  for (const [type, d] of Object.entries(res.decisions)) {
    if (!d) continue;
    out.push('');
    out.push(`${type}: ${d.modality}${d.holdUntil ? ` — hold no later than ${d.holdUntil}` : ''}`);
    out.push(`  decided at the ${d.decidedBy.level} level by ${d.decidedBy.provision} (confidence: ${d.confidence})`);
    out.push(`  citations: ${d.citations.join('; ')}`);
    for (const duty of d.duties) out.push(`  duty ${duty.kind}: ${duty.text}${duty.deadline ? ` (deadline: ${duty.deadline})` : ''} [${duty.citation}]`);
    for (const w of d.warnings) out.push(`  warning: ${w}`);
    const steps = res.trace.filter((t) => t.request === type)
      .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    if (steps.length) out.push('  provisions considered, in order:');
    for (const s of steps) out.push(`    ${s.applied ? '✓' : '·'} [${s.level}] ${s.citation} — ${s.reason}`);
  }
  out.push('');
  out.push(res.disclaimer);
  out.push(`Registry ${res.registry}.`);
  return out.join('\n');
}
