// The claim file format (claims/*.yaml), validated with zod; the TypeScript types derive from it.
import { z } from 'zod';

export const VERDICTS = ['supported', 'partly supported', 'not supported', 'not testable with these records'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const MEASURES = [
  'custodial-share',
  'at-large-share',
  'local-jail-share',
  'prison-share',
  'program-287g-share',
  'arrests-count',
  'at-large-count',
  'at-large-per-year',
  'arrests-per-week',
  'at-large-per-week',
  'arrests-growth',
  'detainers-growth',
  'pa-booked-share',
  'pa-booked-share-of-recorded',
  'trac-custody-share',
  'removals-convicted-share',
] as const;

const isoDate = z.iso.date();

export const MeasureRef = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  measure: z.enum(MEASURES),
  label: z.string().optional(),
  filters: z
    .strictObject({
      fy: z.number().int().optional(),
      fyFrom: z.number().int().optional(),
      fyTo: z.number().int().optional(),
      /** Arrest dates (apprehension_date), inclusive, on top of the fiscal years. */
      dateFrom: isoDate.optional(),
      dateTo: isoDate.optional(),
      yearFrom: z.number().int().optional(),
      yearTo: z.number().int().optional(),
      aor: z.array(z.string().length(3)).optional(),
      county: z.array(z.string().regex(/^\d{5}$/)).optional(),
      state: z.string().optional(),
      /** Leave out the week (Monday to Sunday) with the most matching arrests: a sensitivity to one operation. */
      withoutLargestWeek: z.boolean().optional(),
    })
    .refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, { message: 'dateFrom must not be after dateTo', path: ['dateTo'] })
    .default({}),
}).refine((m) => !m.measure.endsWith('-per-week') || (m.filters.dateFrom && m.filters.dateTo), {
  message: 'a per-week measure needs filters dateFrom and dateTo',
  path: ['filters'],
});
export type MeasureRef = z.infer<typeof MeasureRef>;

const Verdict = z.enum(VERDICTS);

/**
 * How the measured figure relates to what the claim asserts (docs/claims.md): direct — it is the quantity the
 * claim states; proxy — it stands in for it; part — it tests only part of the claim. Proxy and part cap the
 * verdict at "partly supported", and `gap` says what the figure cannot show.
 */
export const Fit = z.enum(['direct', 'proxy', 'part']);

export const Judge = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('near'), measure: z.string(), target: z.number(), tolerance: z.number().positive(), fit: Fit, gap: z.string().min(1).optional(), explain: z.string() }),
  z.strictObject({ rule: z.literal('below'), measure: z.string(), threshold: z.number(), margin: z.number().nonnegative().default(0), fit: Fit, gap: z.string().min(1).optional(), explain: z.string() }),
  z.strictObject({ rule: z.literal('above'), measure: z.string(), threshold: z.number(), margin: z.number().nonnegative().default(0), fit: Fit, gap: z.string().min(1).optional(), explain: z.string() }),
  z.strictObject({ rule: z.literal('greater'), measure: z.string(), than: z.string(), minDifference: z.number().nonnegative().default(0), fit: Fit, gap: z.string().min(1).optional(), explain: z.string() }),
  z.strictObject({ rule: z.literal('not-testable'), explain: z.string() }),
]);
export type Judge = z.infer<typeof Judge>;
const needsGap = (j: Judge): boolean => j.rule !== 'not-testable' && j.fit !== 'direct' && !j.gap;

export const Claim = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  statement: z.string().min(1),
  claimant: z.strictObject({
    who: z.string(),
    where: z.string(),
    url: z.url().optional(),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  }),
  measures: z.array(MeasureRef).default([]),
  judge: Judge,
  caveats: z.array(z.string()).default([]),
}).superRefine((claim, ctx) => {
  if (needsGap(claim.judge)) ctx.addIssue({ code: 'custom', path: ['judge', 'gap'], message: 'a proxy or partial figure needs its gap: what the figure cannot show' });
  // The judge must name figures the claim measures: a typo would otherwise read as "no data".
  const ids = new Set(claim.measures.map((m) => m.id));
  const judge = claim.judge;
  const refs: ['measure' | 'than', string][] = judge.rule === 'not-testable' ? [] : [['measure', judge.measure], ...(judge.rule === 'greater' ? [['than', judge.than] as ['than', string]] : [])];
  for (const [key, id] of refs) {
    if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['judge', key], message: `no measure with id "${id}" (the claim measures ${[...ids].join(', ') || 'nothing'})` });
  }
});
export type Claim = z.infer<typeof Claim>;
