/**
 * The calibration file: per-AOR fitted and measured rates, by regime, with their provenance (which records, their
 * sha256, when and how the fit was made, the objective). Versioned; the simulator refuses a file of
 * another version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const CALIBRATION_VERSION = 2;

/** One AOR's rates in one regime, with the fit's diagnostics. */
export const RegimeFit = z.strictObject({
  matchShare: z.number().nonnegative(),
  fieldHours: z.number().nonnegative(),
  prisonPerDay: z.number().nonnegative(),
  otherPerDay: z.number().nonnegative(),
  otherInflowPerDay: z.number().nonnegative(),
  objective: z.number().nonnegative(),
  evaluations: z.number().int().nonnegative(),
  /** Observed and fitted local custodial (jail + 287(g)) and at-large arrests per day over the regime's fitted months (weighted as in the objective). */
  observed: z.strictObject({ localPerDay: z.number(), atLargePerDay: z.number() }),
  fitted: z.strictObject({ localPerDay: z.number(), atLargePerDay: z.number() }),
});
export type RegimeFit = z.infer<typeof RegimeFit>;

/** An AOR's fit: one entry per regime of the file, in the same order. */
export const AorFit = z.strictObject({ regimes: z.array(RegimeFit).min(1) });
export type AorFit = z.infer<typeof AorFit>;

/** A regime: the rates hold from its first day until the next regime's (the last one, on after the window). */
export const Regime = z.strictObject({
  name: z.string().min(1),
  from: z.iso.date(),
  /** The window's months the regime's rates were fitted to (a month belongs to the regime in force on its last day). */
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
});
export type Regime = z.infer<typeof Regime>;

export const CalibrationFile = z.strictObject({
  version: z.literal(CALIBRATION_VERSION),
  window: z.strictObject({ from: z.iso.date(), to: z.iso.date(), fiscalYears: z.array(z.number().int()), heldOut: z.string() }),
  fittedAt: z.iso.datetime({ offset: true }),
  method: z.string(),
  objective: z.string(),
  /** The choices of the fit (calibrate.ts FitSpec, less its window and regimes, which are fields of their own). */
  spec: z.strictObject({ name: z.string(), measuredMonths: z.number().int().positive().nullable(), halfLifeMonths: z.number().positive().nullable(), shareWeight: z.number().nonnegative(), declinedCustodial: z.boolean().optional() }),
  objectiveValue: z.number(),
  data: z.array(z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  registry: z.string(),
  parameters: z.record(z.string(), z.number()),
  /** The fit of the share of declined releases that still end in a custodial arrest (declined-custodial.ts); absent: 0. */
  declinedCustodial: z.strictObject({
    value: z.number().min(0).max(1), recordedArrests: z.number().nonnegative(), declinedRequests: z.number().nonnegative(),
    countyMonths: z.number().int().nonnegative(), counties: z.number().int().nonnegative(),
    /** How many times the AORs were refitted with the share (the share and the fits alternate until the share settles). */
    passes: z.number().int().positive(), method: z.string(),
  }).optional(),
  regimes: z.array(Regime).min(1),
  aors: z.record(z.string(), AorFit),
}).superRefine((c, ctx) => {
  c.regimes.forEach((r, k) => {
    if (k === 0 && r.from !== c.window.from) ctx.addIssue({ code: 'custom', path: ['regimes', k, 'from'], message: `the first regime must begin on the window's first day (${c.window.from})` });
    if (k > 0 && r.from <= c.regimes[k - 1]!.from) ctx.addIssue({ code: 'custom', path: ['regimes', k, 'from'], message: 'regimes must be in order of their first day' });
  });
  for (const [aor, f] of Object.entries(c.aors)) {
    if (f.regimes.length !== c.regimes.length) ctx.addIssue({ code: 'custom', path: ['aors', aor, 'regimes'], message: `has ${f.regimes.length} regimes, the file ${c.regimes.length}` });
  }
});
export type CalibrationFile = z.infer<typeof CalibrationFile>;

export class CalibrationError extends Error {
  override readonly name = 'CalibrationError';
}

export function readCalibration(path: string): CalibrationFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CalibrationError(`${path}: cannot read the calibration (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); run \`comity simulate calibrate\``);
  }
  const r = CalibrationFile.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new CalibrationError(`${path}: ${i.path.join('.') || '(file)'}: ${i.message}`);
  }
  return r.data;
}

export function writeCalibration(path: string, c: CalibrationFile): void {
  writeFileSync(path, `${JSON.stringify(CalibrationFile.parse(c), null, 2)}\n`);
}
