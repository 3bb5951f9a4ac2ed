// Turn measured figures into a verdict by the claim's own rule.
import { type Figure, formatValue } from './measures.js';
import { type Judge, VERDICTS, type Verdict } from './schema.js';

const rank = (v: Verdict): number => VERDICTS.indexOf(v);
/** The weaker of two verdicts ("not testable" is weakest of all). */
function cap(v: Verdict, max: Verdict | undefined): Verdict {
  if (!max) return v;
  if (v === 'not testable with these records' || v === 'not supported') return v;
  return rank(max) > rank(v) ? max : v;
}

export function judge(rule: Judge, figures: Map<string, Figure>): { verdict: Verdict; reasoning: string } {
  if (rule.rule === 'not-testable') return { verdict: 'not testable with these records', reasoning: rule.explain };
  const get = (id: string): number | null => figures.get(id)?.value ?? null;
  const value = get(rule.measure);
  if (value === null) return { verdict: 'not testable with these records', reasoning: `${rule.measure} has no data. ${rule.explain}` };
  const unit = figures.get(rule.measure)?.unit ?? 'share';
  // Targets, tolerances and differences are in the measure's own unit (a share, or a count of records).
  const show = (x: number): string => formatValue(unit === 'growth' ? 'share' : unit, x);
  let verdict: Verdict;
  let reasoning: string;
  switch (rule.rule) {
    case 'near': {
      const diff = Math.abs(value - rule.target);
      verdict = diff <= rule.tolerance ? 'supported' : diff <= 2 * rule.tolerance ? 'partly supported' : 'not supported';
      reasoning = `measured ${show(value)} vs claimed ${show(rule.target)} (tolerance ±${show(rule.tolerance)})`;
      break;
    }
    case 'below':
    case 'above': {
      const ok = rule.rule === 'below' ? value < rule.threshold : value > rule.threshold;
      const near = Math.abs(value - rule.threshold) <= rule.margin;
      verdict = ok ? 'supported' : near ? 'partly supported' : 'not supported';
      reasoning = `measured ${show(value)}; the claim needs ${rule.rule} ${show(rule.threshold)}`;
      break;
    }
    case 'greater': {
      const other = get(rule.than);
      if (other === null) return { verdict: 'not testable with these records', reasoning: `${rule.than} has no data. ${rule.explain}` };
      const diff = value - other;
      verdict = diff > rule.minDifference ? 'supported' : diff > 0 ? 'partly supported' : 'not supported';
      const points = (x: number): string => (unit === 'count' ? show(x) : `${(x * 100).toFixed(1)} points`);
      reasoning = `${rule.measure} ${show(value)} vs ${rule.than} ${show(other)} (difference ${points(diff)}; needs > ${points(rule.minDifference)})`;
      break;
    }
  }
  // The rubric (docs/claims.md): a proxy or a partial test is at most "partly supported", with its gap stated.
  const capped = rule.fit === 'direct' ? verdict : cap(verdict, 'partly supported');
  if (rule.fit !== 'direct') reasoning += `; ${rule.fit === 'proxy' ? 'the figure is a proxy' : 'the figure tests only part of the claim'}, so at most "partly supported": ${(rule.gap ?? '').replace(/\.$/, '')}`;
  return { verdict: capped, reasoning: `${reasoning}. ${rule.explain}` };
}
