/**
 * The condition language of rules: small, typed predicates over the facts of a request,
 * compiled once into closures (compile-expr.ts). Offense categories may name a catalog with "@id".
 */
import { z } from 'zod';
import { AgencyKind, ChargeStage, DocumentType, Model287g, OffenseLevel, Registrant } from './vocab.js';

const isoDate = z.iso.date();

export const OffenseMatch = z.strictObject({
  levels: z.array(OffenseLevel).min(1).optional(),
  grades: z.array(z.string()).min(1).optional(),
  /** At least one of these categories; "@catalog-id" stands for every category of that catalog. */
  anyOf: z.array(z.string()).min(1).optional(),
  /** Every one of these categories. */
  allOf: z.array(z.string()).min(1).optional(),
  /** Offense dated within this many years before the decision date (that day included). */
  withinYears: z.number().int().positive().optional(),
  /** Offense dated on or after this date. */
  onOrAfter: isoDate.optional(),
});
export type OffenseMatch = z.infer<typeof OffenseMatch>;

export const ChargeMatch = OffenseMatch.extend({ stages: z.array(ChargeStage).min(1).optional() });
export type ChargeMatch = z.infer<typeof ChargeMatch>;

export type Expr =
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { document: z.infer<typeof DocumentType>[] }
  | { conviction: OffenseMatch }
  | { charge: ChargeMatch }
  | { registrant: z.infer<typeof Registrant>[] }
  | { proofOfLawfulStatus: boolean }
  | { interviewConsentSigned: boolean }
  | { agreement287g: z.infer<typeof Model287g>[] }
  | { agency: z.infer<typeof AgencyKind>[] };

export const Expr: z.ZodType<Expr> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Expr).min(1) }),
    z.strictObject({ any: z.array(Expr).min(1) }),
    z.strictObject({ not: Expr }),
    z.strictObject({ document: z.array(DocumentType).min(1) }),
    z.strictObject({ conviction: OffenseMatch }),
    z.strictObject({ charge: ChargeMatch }),
    z.strictObject({ registrant: z.array(Registrant).min(1) }),
    z.strictObject({ proofOfLawfulStatus: z.boolean() }),
    z.strictObject({ interviewConsentSigned: z.boolean() }),
    z.strictObject({ agreement287g: z.array(Model287g).min(1) }),
    z.strictObject({ agency: z.array(AgencyKind).min(1) }),
  ]),
);

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
