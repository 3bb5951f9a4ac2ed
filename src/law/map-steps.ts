/**
 * The law map's time slider: January 1 and July 1 of every year from 2013, then the last day. Shared by the
 * web map (its stops) and the server (which computes these maps in the background after it starts, so the
 * slider never waits). No imports: the web app bundles it.
 */
export const MAP_FIRST_DAY = '2013-01-01';

export function mapTimeSteps(end: string): string[] {
  const out: string[] = [];
  for (let y = 2013; `${y}-01-01` <= end; y++) {
    for (const md of ['01-01', '07-01']) if (`${y}-${md}` <= end) out.push(`${y}-${md}`);
  }
  if (out[out.length - 1] !== end) out.push(end);
  return out;
}
