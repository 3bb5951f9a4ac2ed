/** Wall-clock times in the jail's time zone ⇄ ISO 8601 instants with that zone's offset. */

function wallParts(utcMs: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
}

/** "2025-10-02T14:00" in America/New_York → "2025-10-02T14:00:00-04:00". Undefined when the text is not a local date-time. */
export function zonedIso(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(guess)) return undefined;
  let offset = wallParts(guess, timeZone) - guess;
  offset = wallParts(guess - offset, timeZone) - (guess - offset);
  const sign = offset < 0 ? '-' : '+';
  const mins = Math.abs(Math.round(offset / 60000));
  return `${local}:00${sign}${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}

/** An instant shown in the jail's zone, in the reader's language. */
export function showInZone(iso: string, timeZone: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-US' : 'en-US', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(d)
    + ` (${new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? timeZone})`;
}

/** Now as a local date-time "YYYY-MM-DDTHH:mm" in the reader's zone (the form's default). */
export function nowLocal(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
