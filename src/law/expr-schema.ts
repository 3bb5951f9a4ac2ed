/** The condition language as zod schemas, for validating registry files (its types and readable form: expr.ts). */
import { z } from 'zod';
import type { Expr as ExprType } from './expr.js';
import { AgencyKind, ChargeStage, DocumentType, Model287g, OffenseLevel, Registrant } from './vocab-schema.js';

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

export const ChargeMatch = OffenseMatch.extend({ stages: z.array(ChargeStage).min(1).optional() });

export const Expr: z.ZodType<ExprType> = z.lazy(() =>
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

