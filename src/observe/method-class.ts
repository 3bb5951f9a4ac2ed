// Arrest method classes: how ICE came to make each arrest.
// custodial = already in jail/prison custody (CAP) or processed by deputized local officers (287(g));
// at-large = found in the community; other = everything else (task forces, reprocessed arrests, patrol…).

export type MethodClass = 'custodial' | 'at_large' | 'other';
/** The finer split kept beside the class. */
export type MethodDetail =
  | 'local_jail'
  | 'state_prison'
  | 'federal_prison'
  | 'cap_unspecified'
  | '287g'
  | 'at_large'
  | 'other';

export const METHOD_CLASSES: Readonly<Record<string, { class: MethodClass; detail: MethodDetail }>> = {
  'CAP Local Incarceration': { class: 'custodial', detail: 'local_jail' },
  'CAP State Incarceration': { class: 'custodial', detail: 'state_prison' },
  'CAP Federal Incarceration': { class: 'custodial', detail: 'federal_prison' },
  'Criminal Alien Program': { class: 'custodial', detail: 'cap_unspecified' },
  '287(g) Program': { class: 'custodial', detail: '287g' },
  Located: { class: 'at_large', detail: 'at_large' },
  'Non-Custodial Arrest': { class: 'at_large', detail: 'at_large' },
  'Probation and Parole': { class: 'at_large', detail: 'at_large' },
  'Worksite Enforcement': { class: 'at_large', detail: 'at_large' },
};

export function classifyMethod(method: string | null | undefined): { class: MethodClass; detail: MethodDetail } {
  return (method && METHOD_CLASSES[method]) || { class: 'other', detail: 'other' };
}

/** SQL expression giving the class of a method column, for methods absent from the table too. */
export function methodClassSql(column: string): string {
  const cases = Object.entries(METHOD_CLASSES)
    .map(([m, c]) => `WHEN ${column} = '${m.replaceAll("'", "''")}' THEN '${c.class}'`)
    .join(' ');
  return `(CASE ${cases} ELSE 'other' END)`;
}

export function methodDetailSql(column: string): string {
  const cases = Object.entries(METHOD_CLASSES)
    .map(([m, c]) => `WHEN ${column} = '${m.replaceAll("'", "''")}' THEN '${c.detail}'`)
    .join(' ');
  return `(CASE ${cases} ELSE 'other' END)`;
}
