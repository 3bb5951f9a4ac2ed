/**
 * Criminal-history classes of the simulated (synthetic, anonymous) people, and the facts the law engine
 * is asked about for each. A class is a proxy: a conviction two years before the decision, of a kind
 * that the registry's offense catalogs recognize (violent), or do not (other).
 */
import type { DecisionRequest } from '../law/index.js';

export const CLASSES = ['violent', 'felony', 'other'] as const;
export type CrimClass = (typeof CLASSES)[number];
export const N_CLASSES = CLASSES.length;

/** Categories that the registry's catalogs use for violent or serious offenses (policies/offenses). */
const VIOLENT_CATEGORIES = ['violent_felony', 'serious_felony', 'violent', 'crime_of_violence', 'dangerous_crime', 'assault', 'robbery'];

function yearsBefore(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
}

/** The person facts for a class on a decision date. */
export function classPerson(k: CrimClass, date: string): NonNullable<DecisionRequest['person']> {
  const d = yearsBefore(date, 2);
  switch (k) {
    case 'violent':
      return { convictions: [{ date: d, level: 'felony', categories: [...VIOLENT_CATEGORIES, 'state_prison_felony'] }] };
    case 'felony':
      return { convictions: [{ date: d, level: 'felony', categories: ['drug_possession'] }] };
    case 'other':
      return { convictions: [{ date: d, level: 'misdemeanor', categories: [] }] };
  }
}
