// The floor any engine pays: California's SB 54 + Gov. Code § 7282.5 release-notification rule, written by hand.
import type { DecisionRequest } from '../src/law/index.js';

const SERIOUS_VIOLENT = new Set(['serious_felony', 'violent_felony', 'robbery']);
const LISTED = new Set(['assault', 'battery', 'domestic_violence', 'threats', 'sex_offense', 'child_abuse', 'burglary', 'robbery',
  'theft', 'fraud', 'forgery', 'embezzlement', 'obstruction', 'bribery', 'escape', 'weapons', 'vandalism_with_priors', 'gang',
  'homicide', 'great_bodily_injury', 'human_trafficking', 'false_imprisonment', 'money_laundering', 'criminal_profiteering',
  'torture', 'mayhem', 'public_safety_threat', 'arson', 'elder_abuse', 'hate_crime', 'stalking', 'solicitation', 'offense_on_bail',
  'rape', 'kidnapping', 'hit_and_run']);
const FELONY_ONLY = new Set(['dui', 'drug_trafficking', 'drug_possession']);
const PACIFIC = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit', day: '2-digit' });

type Conviction = NonNullable<NonNullable<DecisionRequest['person']>['convictions']>[number];
const minusYears = (isoDay: string, n: number) => `${String(+isoDay.slice(0, 4) - n).padStart(4, '0')}${isoDay.slice(4)}`;

/** The jail's calendar date (Pacific time). */
export const localDate = (req: DecisionRequest): string => PACIFIC.format(Date.parse(req.at));

export const facts = {
  registrant: (req: DecisionRequest) => (req.person?.registrant?.length ?? 0) > 0,
  seriousViolentOrPrisonFelony: (req: DecisionRequest) => (req.person?.convictions ?? []).some((c) =>
    c.level === 'felony' && (c.categories ?? []).some((x) => SERIOUS_VIOLENT.has(x) || x === 'state_prison_felony')),
  listedFelonyWithin15: (req: DecisionRequest, today = localDate(req)) => (req.person?.convictions ?? []).some((c: Conviction) =>
    c.level === 'felony' && c.date >= minusYears(today, 15) && c.date <= today && (c.categories ?? []).some((x) => LISTED.has(x) || FELONY_ONLY.has(x))),
  listedWobblerWithin5: (req: DecisionRequest, today = localDate(req)) => (req.person?.convictions ?? []).some((c: Conviction) =>
    c.level === 'misdemeanor' && (c.categories ?? []).includes('wobbler') && c.date >= minusYears(today, 5) && c.date <= today
    && (c.categories ?? []).some((x) => LISTED.has(x))),
  aggravatedFelony: (req: DecisionRequest) => (req.person?.convictions ?? []).some((c) => (c.categories ?? []).includes('aggravated_felony_federal')),
  /** § 7282.5(a)(5): identified as the subject of an outstanding federal felony arrest warrant. */
  federalWarrant: (req: DecisionRequest) => (req.documents ?? []).includes('JUDICIAL_WARRANT'),
};

/** MAY when § 7282.5(a) allows notification, else MUST_NOT (Gov. Code § 7284.6(a)(1)(C)). */
export function caNotifyByHand(req: DecisionRequest): 'MAY' | 'MUST_NOT' {
  const today = localDate(req);
  return facts.registrant(req) || facts.seriousViolentOrPrisonFelony(req) || facts.listedFelonyWithin15(req, today)
    || facts.listedWobblerWithin5(req, today) || facts.aggravatedFelony(req) || facts.federalWarrant(req) ? 'MAY' : 'MUST_NOT';
}
