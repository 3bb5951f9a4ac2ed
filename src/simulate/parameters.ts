/**
 * Every parameter of the model in one table: value, unit, and where it comes from. `docs/model.md`
 * documents each; a test checks the two agree. Parameters fitted per ICE area (AOR) live in the
 * calibration file (calibration/fit-fy2016-18.json), not here.
 */

export type ParamKind = 'published' | 'measured' | 'assumption';

export interface Param {
  value: number;
  unit: string;
  kind: ParamKind;
  /** Where the value comes from, or why it is what it is. */
  source: string;
}

export const PARAMETERS = {
  admissionsPerInmateYear: {
    value: 10_900_000 / 721_300,
    unit: 'jail admissions per average-daily-population inmate per year',
    kind: 'published',
    source: 'BJS, Jail Inmates in 2015 (NCJ 250394): 10.9 million admissions and an average daily population of 721,300 in 2015 ("nearly 15 times").',
  },
  jailRatePer100k: {
    value: 229,
    unit: 'jail inmates per 100,000 residents',
    kind: 'published',
    source: 'BJS, Jail Inmates in 2017 (NCJ 251774): 229 per 100,000 at midyear 2017. Used only for counties with no open county or local jail in the HIFLD table.',
  },
  jailOccupancy: {
    value: 125_265 / 153_412,
    unit: 'inmates per rated bed',
    kind: 'measured',
    source: 'HIFLD Prison Boundaries, counties whose every open county/local facility reports both population and capacity: 125,265 inmates in 153,412 beds. Turns capacity into population where population is missing.',
  },
  shareViolent: {
    value: 1_749 / 9_489,
    unit: 'share of matched removable bookings',
    kind: 'measured',
    source: 'Travis County (TX) jail bookings with an ICE detainer, 2006-09 to 2016-10 (Austin American-Statesman): 1,749 of 9,489 with at least one violent crime.',
  },
  shareFelony: {
    value: (2_146 - 1_749) / 9_489,
    unit: 'share of matched removable bookings',
    kind: 'measured',
    source: 'Same series: 2,146 of 9,489 with at least one felony, less the 1,749 with a violent crime (assumes the violent crimes are felonies; the series does not cross-tabulate).',
  },
  requestProbability: {
    value: 1,
    unit: 'probability ICE sends a detainer (hold + notification) on a matched removable booking',
    kind: 'assumption',
    source: 'ICE\'s selectivity is absorbed by the fitted removable share (matchShare) of each AOR; one number cannot be separated from the other with arrest records alone.',
  },
  mayComplyProbability: {
    value: 0.9,
    unit: 'probability a jail free to choose (MAY, NOT_REQUIRED) honors the request',
    kind: 'assumption',
    source: 'No public record measures discretionary compliance nationally (TRAC\'s "ICE did not take custody" mixes refusals with other reasons). A sensitivity to vary.',
  },
  notifyPickupProbability: {
    value: 0.75,
    unit: 'probability ICE takes custody when the jail only notifies release (no hold)',
    kind: 'assumption',
    source: 'Without a hold ICE must be at the door at release; assumed lower than with a hold (1). A sensitivity to vary.',
  },
  custodialPickupHours: {
    value: 2,
    unit: 'officer-hours per custodial pickup',
    kind: 'assumption',
    source: 'Relative cost only: the fitted field hours of each AOR absorb the scale.',
  },
  atLargeAttemptHours: {
    value: 8,
    unit: 'officer-hours per at-large arrest attempt',
    kind: 'assumption',
    source: 'Relative cost: with locateProbability, an at-large arrest costs 16 officer-hours, 8 times a custodial pickup. ICE says at-large arrests cost more; no public record gives the ratio.',
  },
  locateProbability: {
    value: 0.5,
    unit: 'probability an at-large attempt finds and arrests the person',
    kind: 'assumption',
    source: 'No public record. Only its product with atLargeAttemptHours matters for arrests; it matters for attempts.',
  },
  backlogExitRate: {
    value: 1 / 730,
    unit: 'share of the at-large backlog leaving it per day (departure, status, moves)',
    kind: 'assumption',
    source: 'A mean stay of two years in the caseload when not arrested. Affects the backlog stock, not arrests while the backlog is large.',
  },
  initialBacklogDays: {
    value: 365,
    unit: 'days of inflow in the at-large backlog on the first day',
    kind: 'assumption',
    source: 'The backlog starts at one year of its inflow (jail referrals and other sources), so arrests are not limited by an empty caseload at the start.',
  },
  spinUpDays: {
    value: 365,
    unit: 'days the at-large backlog is run in (mean-field, before the run) from initialBacklogDays of inflow',
    kind: 'assumption',
    source: 'A run starts from the stock the model itself reaches, as the calibration\'s unbroken run does, not from the assumed initial stock: one year, within which an area whose field hours outrun its inflow (HOU, BAL, ATL) has worked its stock down (model.ts, startingBacklogs). 0 starts from initialBacklogDays.',
  },
  recorded287gMinArrests: {
    value: 12,
    unit: '287(g) Program arrests in a fiscal year that make a county jail a 287(g) jail for that year (before ICE\'s lists begin, 2025-01-04)',
    kind: 'assumption',
    source: 'ICE FOIA 2019-ICFO-53623 arrests, FY2016–FY2018, method 287(g) Program, landmark attributed to a county (arrests_classified.detail = \'287g\'): at least one a month on average, so a stray attribution does not make a jail a 287(g) jail. FY2018: 33 counties, 7,062 of the 10,338 287(g) arrests (the rest name no county). FY2019 is held out: from FY2019 until the lists begin, the FY2018 set holds.',
  },
  holdPickupProbability: {
    value: 1,
    unit: 'probability ICE takes custody on an honored hold, capacity permitting',
    kind: 'assumption',
    source: 'A 48-hour hold gives ICE time to come; misses for lack of field capacity are modelled separately.',
  },
} as const satisfies Record<string, Param>;

export type ParameterName = keyof typeof PARAMETERS;
export type ParameterValues = Record<ParameterName, number>;

/** The values alone, for the model. */
export function parameterValues(): ParameterValues {
  return Object.fromEntries(Object.entries(PARAMETERS).map(([k, p]) => [k, p.value])) as ParameterValues;
}
