/**
 * Calendar dates as integer day numbers (days since 1970-01-01), so that the hot path compares
 * integers instead of parsing dates. Algorithms from Howard Hinnant, "chrono-Compatible Low-Level
 * Date Algorithms" (public domain).
 */

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** "2024-12-01" → day number. The string must already be a valid ISO date (schemas check that). */
export function dayOf(isoDate: string): number {
  const s = isoDate;
  return daysFromCivil(
    (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48),
    (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48),
    (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48),
  );
}

const dayStrings = new Map<number, string>();
/** Day number → "2024-12-01" (memoised: a decision date is asked for on every decision). */
export function isoOfDay(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = formatDay(day);
    if (dayStrings.size > 50_000) dayStrings.clear();
    dayStrings.set(day, s);
  }
  return s;
}

function formatDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same calendar date n years earlier (Feb 29 → Feb 28). A lookback of n years from `day` includes this day. */
export function yearsBefore(day: number, n: number): number {
  const [y, m, d] = civilFromDays(day);
  const ty = y - n;
  const leap = (ty % 4 === 0 && ty % 100 !== 0) || ty % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return daysFromCivil(ty, m, Math.min(d, dim));
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/**
 * Per zone, per UTC day from 1989-12-31 to 2100-12-31 (the request's instants): the offset in minutes
 * when it holds all day, TRANSITION when it changes that day, UNKNOWN until first asked. A typed
 * array, so the hot path is one index (82 KB a zone, filled on demand).
 */
const TABLE_FROM = daysFromCivil(1989, 12, 31);
const TABLE_DAYS = daysFromCivil(2101, 1, 1) - TABLE_FROM;
const UNKNOWN = 32767, TRANSITION = 32766;
const dayTables = new Map<string, Int16Array>();
const hourCache = new Map<string, Map<number, number>>();

/**
 * The UTC offset (minutes) of a time zone at an instant, from the platform's time-zone database
 * (Intl). US zones change offset only on whole UTC hours, so a lookup per zone and UTC day — or
 * per hour on the two transition days a year — is exact; the tables keep the hot path cheap.
 */
let lastZone = '', lastTable: Int16Array | undefined;
export function zoneOffsetMinutes(epochMs: number, zone: string): number {
  const day = Math.floor(epochMs / DAY_MS);
  let table = lastTable;
  if (zone !== lastZone || !table) {
    table = dayTables.get(zone);
    if (!table) dayTables.set(zone, (table = new Int16Array(TABLE_DAYS).fill(UNKNOWN)));
    lastZone = zone;
    lastTable = table;
  }
  const i = day - TABLE_FROM;
  if (i >= 0 && i < TABLE_DAYS) {
    let off = table[i]!;
    if (off === UNKNOWN) {
      const a = computeOffset(day * DAY_MS, zone);
      const b = computeOffset(day * DAY_MS + DAY_MS - HOUR_MS, zone);
      table[i] = off = a === b ? a : TRANSITION;
    }
    if (off !== TRANSITION) return off;
  }
  let byHour = hourCache.get(zone);
  if (!byHour) hourCache.set(zone, (byHour = new Map()));
  const hour = Math.floor(epochMs / HOUR_MS);
  let h = byHour.get(hour);
  if (h === undefined) {
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(hour, (h = computeOffset(hour * HOUR_MS, zone)));
  }
  return h;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function computeOffset(epochMs: number, zone: string): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(epochMs))) if (part.type !== 'literal') p[part.type] = +part.value;
  const asUtc = daysFromCivil(p.year!, p.month!, p.day!) * 86_400_000 + p.hour! * HOUR_MS + p.minute! * 60_000 + p.second! * 1000;
  return Math.round((asUtc - epochMs) / 60_000);
}

/** The calendar day, in the given zone, of an instant. */
export function localDay(epochMs: number, zone: string): number {
  return Math.floor((epochMs + zoneOffsetMinutes(epochMs, zone) * 60_000) / 86_400_000);
}

/** An instant formatted as ISO 8601 with the zone's offset at that instant, e.g. 2025-03-12T17:00:00-07:00. */
export function isoInZone(epochMs: number, zone: string): string {
  const off = zoneOffsetMinutes(epochMs, zone);
  const local = epochMs + off * 60_000;
  const day = Math.floor(local / 86_400_000);
  const ms = local - day * 86_400_000;
  const hh = Math.floor(ms / HOUR_MS), mm = Math.floor((ms % HOUR_MS) / 60_000), ss = Math.floor((ms % 60_000) / 1000);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${isoOfDay(day)}T${two(hh)}:${two(mm)}:${two(ss)}${sign}${two(Math.floor(a / 60))}:${two(a % 60)}`;
}

/**
 * Epoch ms of an ISO 8601 instant that has already passed the request's pattern
 * (YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), request-patterns.ts): read from fixed positions, which
 * is several times faster than Date.parse on the hot path. Fractions are truncated to milliseconds,
 * as Date.parse does.
 */
export function parseInstant(s: string): number {
  // Digits read in place (no helper closure): this runs for every decision.
  const y = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const mo = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  const hh = (s.charCodeAt(11) - 48) * 10 + (s.charCodeAt(12) - 48);
  const mi = (s.charCodeAt(14) - 48) * 10 + (s.charCodeAt(15) - 48);
  const ss = (s.charCodeAt(17) - 48) * 10 + (s.charCodeAt(18) - 48);
  let ms = daysFromCivil(y, mo, d) * 86_400_000 + hh * HOUR_MS + mi * 60_000 + ss * 1000;
  let i = 19;
  if (s.charCodeAt(i) === 46 /* . */) {
    let frac = 0, digits = 0;
    for (i++; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (digits++ < 3) frac = frac * 10 + (c - 48);
    }
    while (digits++ < 3) frac *= 10;
    ms += frac;
  }
  if (s.charCodeAt(i) === 90 /* Z */) return ms;
  const sign = s.charCodeAt(i) === 45 /* - */ ? -1 : 1;
  const oh = (s.charCodeAt(i + 1) - 48) * 10 + (s.charCodeAt(i + 2) - 48);
  const om = (s.charCodeAt(i + 4) - 48) * 10 + (s.charCodeAt(i + 5) - 48);
  return ms - sign * (oh * HOUR_MS + om * 60_000);
}
