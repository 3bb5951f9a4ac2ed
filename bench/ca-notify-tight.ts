// The tight floor: the same California NOTIFY_RELEASE rule as ca-notify-rule.ts, with no Intl per call —
// the jail's local day from cached zone offsets, conviction dates compared as day numbers.
import type { DecisionRequest } from '../src/law/index.js';
import { dayOf, localDay, yearsBefore, civilFromDays } from '../src/law/days.js';

const ZONE = 'America/Los_Angeles';
const SERIOUS_VIOLENT = new Set(['serious_felony', 'violent_felony', 'robbery', 'state_prison_felony']);
const LISTED = new Set(['assault', 'battery', 'domestic_violence', 'threats', 'sex_offense', 'child_abuse', 'burglary', 'robbery',
  'theft', 'fraud', 'forgery', 'embezzlement', 'obstruction', 'bribery', 'escape', 'weapons', 'vandalism_with_priors', 'gang',
  'homicide', 'great_bodily_injury', 'human_trafficking', 'false_imprisonment', 'money_laundering', 'criminal_profiteering',
  'torture', 'mayhem', 'public_safety_threat', 'arson', 'elder_abuse', 'hate_crime', 'stalking', 'solicitation', 'offense_on_bail',
  'rape', 'kidnapping', 'hit_and_run']);
const LISTED_FELONY = new Set([...LISTED, 'dui', 'drug_trafficking', 'drug_possession']);

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The first day inside an n-year lookback ending on `today`, with the string semantics of the
 * hand-written rule: from Feb 29 into a non-leap year the string cutoff "YYYY-02-29" admits Mar 1 on,
 * while yearsBefore() clamps to Feb 28 (one day more). The floors must agree, so this follows the strings.
 */
function lookbackStart(today: number, n: number): number {
  const start = yearsBefore(today, n);
  const [y, m, d] = civilFromDays(today);
  return m === 2 && d === 29 && !isLeap(y - n) ? start + 1 : start;
}

const anyOf = (xs: readonly string[] | undefined, set: ReadonlySet<string>): boolean => {
  if (xs) for (const x of xs) if (set.has(x)) return true;
  return false;
};

/** MAY when § 7282.5(a) allows notification, else MUST_NOT (Gov. Code § 7284.6(a)(1)(C)). */
export function caNotifyTight(req: DecisionRequest): 'MAY' | 'MUST_NOT' {
  const person = req.person;
  if ((person?.registrant?.length ?? 0) > 0) return 'MAY';
  if (req.documents?.includes('JUDICIAL_WARRANT')) return 'MAY';
  const convictions = person?.convictions;
  if (!convictions || convictions.length === 0) return 'MUST_NOT';
  let today = -1, from15 = 0, from5 = 0;
  for (const c of convictions) {
    const cats = c.categories;
    if (cats?.includes('aggravated_felony_federal')) return 'MAY';
    if (c.level === 'felony') {
      if (anyOf(cats, SERIOUS_VIOLENT)) return 'MAY';
      if (!anyOf(cats, LISTED_FELONY)) continue;
    } else if (c.level !== 'misdemeanor' || !cats?.includes('wobbler') || !anyOf(cats, LISTED)) continue;
    if (today < 0) {
      today = localDay(Date.parse(req.at), ZONE);
      from15 = lookbackStart(today, 15);
      from5 = lookbackStart(today, 5);
    }
    const day = dayOf(c.date);
    if (day <= today && day >= (c.level === 'felony' ? from15 : from5)) return 'MAY';
  }
  return 'MUST_NOT';
}
