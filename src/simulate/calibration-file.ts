/**
 * The calibration file: per-AOR fitted and measured rates with their provenance (which records, their
 * sha256, when and how the fit was made, the objective). Versioned; the simulator refuses a file of
 * another version.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const CALIBRATION_VERSION = 1;

export const AorFit = z.strictObject({
  matchShare: z.number().nonnegative(),
  fieldHours: z.number().nonnegative(),
  prisonPerDay: z.number().nonnegative(),
  otherPerDay: z.number().nonnegative(),
  otherInflowPerDay: z.number().nonnegative(),
  objective: z.number().nonnegative(),
  evaluations: z.number().int().nonnegative(),
  /** Observed and fitted local custodial (jail + 287(g)) and at-large arrests per day over the window. */
  observed: z.strictObject({ localPerDay: z.number(), atLargePerDay: z.number() }),
  fitted: z.strictObject({ localPerDay: z.number(), atLargePerDay: z.number() }),
});
export type AorFit = z.infer<typeof AorFit>;

export const CalibrationFile = z.strictObject({
  version: z.literal(CALIBRATION_VERSION),
  window: z.strictObject({ from: z.iso.date(), to: z.iso.date(), fiscalYears: z.array(z.number().int()), heldOut: z.string() }),
  fittedAt: z.iso.datetime({ offset: true }),
  method: z.string(),
  objective: z.string(),
  objectiveValue: z.number(),
  data: z.array(z.strictObject({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  registry: z.string(),
  parameters: z.record(z.string(), z.number()),
  aors: z.record(z.string(), AorFit),
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
