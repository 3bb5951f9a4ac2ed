/**
 * The condition language of rules: small, typed predicates over the facts of a request,
 * compiled once into closures (compile-expr.ts). Offense categories may name a catalog with "@id".
 */
import type { AgencyKind, ChargeStage, DocumentType, Model287g, OffenseLevel, Registrant } from './vocab.js';


export interface OffenseMatch {
  levels?: OffenseLevel[] | undefined;
  grades?: string[] | undefined;
  /** At least one of these categories; "@catalog-id" stands for every category of that catalog. */
  anyOf?: string[] | undefined;
  /** Every one of these categories. */
  allOf?: string[] | undefined;
  /** Offense dated within this many years before the decision date (that day included). */
  withinYears?: number | undefined;
  /** Offense dated on or after this date. */
  onOrAfter?: string | undefined;
}
export interface ChargeMatch extends OffenseMatch { stages?: ChargeStage[] | undefined }

export type Expr =
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { document: DocumentType[] }
  | { conviction: OffenseMatch }
  | { charge: ChargeMatch }
  | { registrant: Registrant[] }
  | { proofOfLawfulStatus: boolean }
  | { interviewConsentSigned: boolean }
  | { agreement287g: Model287g[] }
  | { agency: AgencyKind[] };

/** A readable account of a condition, for traces and --explain. */
export function describeExpr(e: Expr): string {
  if ('all' in e) return e.all.map(describeExpr).join(' and ');
  if ('any' in e) return `(${e.any.map(describeExpr).join(' or ')})`;
  if ('not' in e) {
    if ('document' in e.not) return `no ${e.not.document.join(' or ')} accompanies the request`;
    return `not ${describeExpr(e.not)}`;
  }
  if ('document' in e) return `${e.document.join(' or ')} accompanies the request`;
  if ('conviction' in e) return `a conviction ${describeOffense(e.conviction)}`;
  if ('charge' in e) return `a charge ${describeOffense(e.charge)}${e.charge.stages ? ` at stage ${e.charge.stages.join('/')}` : ''}`;
  if ('registrant' in e) return `a current ${e.registrant.join(' or ')} registrant`;
  if ('proofOfLawfulStatus' in e) return e.proofOfLawfulStatus ? 'proof of citizenship or lawful status provided' : 'no proof of lawful status';
  if ('interviewConsentSigned' in e) return e.interviewConsentSigned ? 'written interview consent signed' : 'no signed interview consent';
  if ('agreement287g' in e) return `the agency operates under a 287(g) ${e.agreement287g.join('/')} agreement`;
  return `the agency is a ${e.agency.join(' or ')}`;
}

function describeOffense(m: OffenseMatch): string {
  const parts: string[] = [];
  if (m.levels) parts.push(`(${m.levels.join('/')})`);
  if (m.grades) parts.push(`graded ${m.grades.join('/')}`);
  if (m.anyOf) parts.push(`in ${m.anyOf.join(', ')}`);
  if (m.allOf) parts.push(`that is ${m.allOf.join(' and ')}`);
  if (m.withinYears) parts.push(`within ${m.withinYears} years`);
  if (m.onOrAfter) parts.push(`dated on or after ${m.onOrAfter}`);
  return parts.join(' ') || 'of any kind';
}
