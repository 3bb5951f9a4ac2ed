/**
 * One replication of the model, AOR by AOR (the areas do not interact), day by day, county by
 * county. Counts only: every quantity is a Poisson or binomial draw per county, day and class, so no
 * record of a person exists, real or synthetic. The time unit is one day; within a day the order is
 * fixed: bookings and the jail's answers, then ICE's pickups within field capacity, then at-large
 * arrests with the hours left, then exits from the backlog.
 *
 * The draws come from `Draws`: random (keyed by seed, replication, county or AOR, and day) or their
 * means (the mean-field model used by calibration).
 */
import { Answer, periodAt } from './law-table.js';
import { N_CLASSES } from './classes.js';
import { MeanDraws, RandomDraws, type Draws } from './samplers.js';
import { AOR_UNIT_BASE, Stream } from './rng.js';
import type { AorRates, World } from './world.js';

export const METRICS = [
  'bookings', 'matched', 'requests', 'declined', 'custodialLocal', 'custodial287g', 'custodialPrison', 'atLarge', 'other',
  'referrals', 'missedCapacity', 'hoursPickup', 'hoursAtLarge', 'hours287g', 'hoursSurge', 'atLargeAttempts',
] as const;
export type Metric = (typeof METRICS)[number];
const M = Object.fromEntries(METRICS.map((m, i) => [m, i])) as Record<Metric, number>;
export const N_METRICS = METRICS.length;

/** Totals that must balance (the conservation tests read them). */
export interface Ledger {
  bookings: number; nonRemovable: number; matched: number; notRequested: number; requested: number;
  honoredHold: number; honoredNotify: number; declined: number; pickupsDemanded: number; lostAtPickup: number;
  declinedPickups: number;
  backlogStart: number; inflowJail: number; inflowOther: number; inflowMissed: number; arrestsAtLarge: number; exits: number; backlogEnd: number;
}

export interface RunOutput {
  /** values[(metric * nAor + aor) * nMonths + month] */
  values: Float64Array;
  /** At-large backlog at the end of each month, [aor * nMonths + month]. */
  backlog: Float64Array;
  /** Local custodial arrests (jail and 287(g)) by AOR and class: removals of people booked locally. */
  localByClass: Float64Array;
  /** Custodial (jail + 287(g)) and at-large arrests by county and month, [county * nMonths + month]. */
  countyCustodial: Float64Array;
  countyAtLarge: Float64Array;
  /** Local custodial arrests by county and class, [county * N_CLASSES + class]. */
  countyByClass: Float64Array;
  ledger: Ledger;
}

export function emptyLedger(): Ledger {
  return { bookings: 0, nonRemovable: 0, matched: 0, notRequested: 0, requested: 0, honoredHold: 0, honoredNotify: 0, declined: 0, pickupsDemanded: 0, lostAtPickup: 0, declinedPickups: 0, backlogStart: 0, inflowJail: 0, inflowOther: 0, inflowMissed: 0, arrestsAtLarge: 0, exits: 0, backlogEnd: 0 };
}

export interface RunKey { seed: number; replication: number }

/** The counts of one county's bookings on one day, up to the pickups ICE must make. */
interface JailDay { bookings: number; matched: number; requested: number; declined: number; referrals: number; demand: Float64Array }

/**
 * Step 1 for county i on one day under the AOR's rates then in force: bookings, matches by class, requests, the law's answer, pickups demanded
 * (into out.demand per class) and people referred to the at-large caseload.
 */
function jailDay(w: World, i: number, rates: AorRates, draws: Draws, out: JailDay, ledger: Ledger | null, period: number): void {
  const p = w.params;
  const B = w.counties.bookingsPerDay[i]!;
  const m = Math.min(1, rates.matchShare * w.matchShareScale);
  const non = draws.poisson(B * (1 - m));
  const law = w.laws[i]!;
  let matched = 0;
  let requested = 0;
  let declined = 0;
  let referrals = 0;
  for (let k = 0; k < N_CLASSES; k++) {
    const mk = draws.poisson(B * m * w.classShares[k]!);
    const rq = draws.binomial(mk, p.requestProbability);
    const base = (period * N_CLASSES + k) * 2;
    const h = law.answers[base]!;
    const nf = law.answers[base + 1]!;
    const holdOk = h === Answer.Comply ? rq : h === Answer.Choice ? draws.binomial(rq, p.mayComplyProbability) : 0;
    const rest = rq - holdOk;
    const notifyOk = nf === Answer.Comply ? rest : nf === Answer.Choice ? draws.binomial(rest, p.mayComplyProbability) : 0;
    const dec = rest - notifyOk;
    const pickHold = draws.binomial(holdOk, p.holdPickupProbability);
    const pickNotify = draws.binomial(notifyOk, p.notifyPickupProbability);
    const lost = holdOk - pickHold + (notifyOk - pickNotify);
    // A declined release that ICE still meets at the jail (no draw when the share is 0: streams unchanged).
    const pickDeclined = draws.binomial(dec, w.declinedCustodial);
    out.demand[k] = pickHold + pickNotify + pickDeclined;
    matched += mk;
    requested += rq;
    declined += dec;
    referrals += dec - pickDeclined + lost;
    if (ledger) {
      ledger.matched += mk;
      ledger.notRequested += mk - rq;
      ledger.requested += rq;
      ledger.honoredHold += holdOk;
      ledger.honoredNotify += notifyOk;
      ledger.declined += dec;
      ledger.pickupsDemanded += pickHold + pickNotify + pickDeclined;
      ledger.lostAtPickup += lost;
      ledger.declinedPickups += pickDeclined;
    }
  }
  out.bookings = non + matched;
  out.matched = matched;
  out.requested = requested;
  out.declined = declined;
  out.referrals = referrals;
  if (ledger) {
    ledger.bookings += non + matched;
    ledger.nonRemovable += non;
  }
}

/** Expected daily inflow to a county's backlog on the first day (to set the initial stock). */
function expectedInflow(w: World, i: number): number {
  const s: JailDay = { bookings: 0, matched: 0, requested: 0, declined: 0, referrals: 0, demand: new Float64Array(N_CLASSES) };
  const rates = w.rates[w.counties.aorIndex[i]!]!;
  jailDay(w, i, rates, MeanDraws, s, null, 0);
  return s.referrals + otherInflowOf(w, rates, i);
}

/** County i's share (by residents) of its AOR's inflow to the caseload from other sources. */
function otherInflowOf(w: World, rates: AorRates, i: number): number {
  const c = w.counties;
  const a = c.aorIndex[i]!;
  let res = 0;
  for (let j = c.aorStart[a]!; j < c.aorStart[a + 1]!; j++) res += c.residents[j]!;
  return res > 0 ? (rates.otherInflowPerDay * c.residents[i]!) / res : 0;
}

export function newOutput(w: World): RunOutput {
  const A = w.counties.aors.length;
  const Mo = w.months.length;
  return {
    values: new Float64Array(N_METRICS * A * Mo), backlog: new Float64Array(A * Mo), localByClass: new Float64Array(A * N_CLASSES),
    countyCustodial: new Float64Array(w.counties.n * Mo), countyAtLarge: new Float64Array(w.counties.n * Mo),
    countyByClass: new Float64Array(w.counties.n * N_CLASSES), ledger: emptyLedger(),
  };
}

/**
 * Run one AOR over the whole span, adding into `out`. `key` null runs the mean-field model.
 */
export function runAor(w: World, a: number, key: RunKey | null, out: RunOutput, start?: Float64Array): Float64Array {
  const c = w.counties;
  const p = w.params;
  const A = c.aors.length;
  const Mo = w.months.length;
  const i0 = c.aorStart[a]!;
  const i1 = c.aorStart[a + 1]!;
  const nc = i1 - i0;
  const countyStream = new Stream();
  const atLargeStream = new Stream();
  const aorStream = new Stream();
  const countyDraws: Draws = key ? new RandomDraws(countyStream) : MeanDraws;
  const atLargeDraws: Draws = key ? new RandomDraws(atLargeStream) : MeanDraws;
  const aorDraws: Draws = key ? new RandomDraws(aorStream) : MeanDraws;
  const ledger = out.ledger;
  let rates = w.rates[a]!;
  let nextRegime = 0;
  const backlog = new Float64Array(nc);
  const inflowOther = new Float64Array(nc);
  const period = new Int32Array(nc);
  const jem = new Uint8Array(nc);
  const demand = new Float64Array(nc * N_CLASSES);
  const day: JailDay = { bookings: 0, matched: 0, requested: 0, declined: 0, referrals: 0, demand: new Float64Array(N_CLASSES) };
  for (let j = 0; j < nc; j++) {
    const init = start ? start[j]! : expectedInflow(w, i0 + j) * p.initialBacklogDays;
    backlog[j] = key ? Math.round(init) : init;
    ledger.backlogStart += backlog[j]!;
    inflowOther[j] = otherInflowOf(w, rates, i0 + j);
  }
  const v = out.values;
  const at = (metric: number, month: number): number => (metric * A + a) * Mo + month;
  const targeted = new Float64Array(nc);
  for (let d = w.from; d <= w.to; d++) {
    const mo = w.monthOfDay[d - w.from]!;
    while (nextRegime < w.rateChanges.length && w.rateChanges[nextRegime]!.from <= d) {
      // A new regime of rates (calibration regimes) from this day on.
      rates = w.rateChanges[nextRegime++]!.rates[a]!;
      for (let j = 0; j < nc; j++) inflowOther[j] = otherInflowOf(w, rates, i0 + j);
    }
    let pickDemand = 0;
    // 1. Jails: bookings, the law's answer, pickups demanded, referrals.
    for (let j = 0; j < nc; j++) {
      const i = i0 + j;
      const law = w.laws[i]!;
      let pr = period[j]!;
      while (pr + 1 < law.starts.length && law.starts[pr + 1]! <= d) pr++;
      period[j] = pr;
      jem[j] = law.jem[pr]!;
      if (key) countyStream.reset(key.seed, key.replication, i, d);
      jailDay(w, i, rates, countyDraws, day, ledger, pr);
      v[at(M.bookings, mo)] = v[at(M.bookings, mo)]! + (day.bookings);
      v[at(M.matched, mo)] = v[at(M.matched, mo)]! + (day.matched);
      v[at(M.requests, mo)] = v[at(M.requests, mo)]! + (day.requested);
      v[at(M.declined, mo)] = v[at(M.declined, mo)]! + (day.declined);
      backlog[j] = backlog[j]! + (day.referrals);
      ledger.inflowJail += day.referrals;
      v[at(M.referrals, mo)] = v[at(M.referrals, mo)]! + (day.referrals);
      const oi = countyDraws.poisson(inflowOther[j]!);
      backlog[j] = backlog[j]! + (oi);
      ledger.inflowOther += oi;
      for (let k = 0; k < N_CLASSES; k++) {
        const dk = day.demand[k]!;
        if (jem[j]) {
          // 287(g) Jail Enforcement: deputized jail officers process the person; no field hours.
          v[at(M.custodial287g, mo)] = v[at(M.custodial287g, mo)]! + (dk);
          v[at(M.hours287g, mo)] = v[at(M.hours287g, mo)]! + (dk * p.custodialPickupHours);
          out.localByClass[a * N_CLASSES + k] = out.localByClass[a * N_CLASSES + k]! + (dk);
          out.countyCustodial[i * Mo + mo] = out.countyCustodial[i * Mo + mo]! + (dk);
          out.countyByClass[i * N_CLASSES + k] = out.countyByClass[i * N_CLASSES + k]! + (dk);
          demand[j * N_CLASSES + k] = 0;
        } else {
          demand[j * N_CLASSES + k] = dk;
          pickDemand += dk;
        }
      }
    }
    // 2. Field capacity: pickups at jails and prisons first, within the AOR's officer-hours.
    if (key) aorStream.reset(key.seed, key.replication, AOR_UNIT_BASE + a, d);
    let hours = rates.fieldHours * w.fieldHoursScale * (w.fieldHoursByMonth ? w.fieldHoursByMonth[mo]! : 1);
    targeted.fill(0);
    let surgeTargeted = 0;
    for (const s of w.surges) {
      if (d < s.from || d > s.to) continue;
      if (s.counties.length === 0) {
        if (s.aors.includes(a)) { hours += s.hoursPerDay; v[at(M.hoursSurge, mo)] = v[at(M.hoursSurge, mo)]! + (s.hoursPerDay); }
        continue;
      }
      let bl = 0;
      let mine = false;
      for (const ci of s.counties) if (ci >= i0 && ci < i1) { mine = true; bl += backlog[ci - i0]!; }
      if (!mine) continue;
      // A county-targeted surge splits its hours over the AOR's targeted counties by backlog.
      const share = s.counties.every((ci) => ci >= i0 && ci < i1) ? 1 : countiesShare(s, w, a);
      const h = s.hoursPerDay * share;
      v[at(M.hoursSurge, mo)] = v[at(M.hoursSurge, mo)]! + (h);
      surgeTargeted += h;
      for (const ci of s.counties) if (ci >= i0 && ci < i1 && bl > 0) targeted[ci - i0] = targeted[ci - i0]! + ((h * backlog[ci - i0]!) / bl);
    }
    const prison = aorDraws.poisson(rates.prisonPerDay);
    const other = aorDraws.poisson(rates.otherPerDay);
    v[at(M.other, mo)] = v[at(M.other, mo)]! + (other);
    const need = (pickDemand + prison) * p.custodialPickupHours;
    const served = need <= hours || need === 0 ? 1 : hours / need;
    let prisonServed = prison;
    if (served < 1) prisonServed = aorDraws.binomial(prison, served);
    v[at(M.custodialPrison, mo)] = v[at(M.custodialPrison, mo)]! + (prisonServed);
    let pickups = prisonServed;
    for (let j = 0; j < nc; j++) {
      for (let k = 0; k < N_CLASSES; k++) {
        const dk = demand[j * N_CLASSES + k]!;
        if (dk === 0) continue;
        const got = served < 1 ? aorDraws.binomial(dk, served) : dk;
        const missed = dk - got;
        pickups += got;
        v[at(M.custodialLocal, mo)] = v[at(M.custodialLocal, mo)]! + (got);
        out.localByClass[a * N_CLASSES + k] = out.localByClass[a * N_CLASSES + k]! + (got);
        out.countyCustodial[(i0 + j) * Mo + mo] = out.countyCustodial[(i0 + j) * Mo + mo]! + (got);
        out.countyByClass[(i0 + j) * N_CLASSES + k] = out.countyByClass[(i0 + j) * N_CLASSES + k]! + (got);
        if (missed > 0) {
          backlog[j] = backlog[j]! + (missed);
          ledger.inflowMissed += missed;
          v[at(M.missedCapacity, mo)] = v[at(M.missedCapacity, mo)]! + (missed);
          v[at(M.referrals, mo)] = v[at(M.referrals, mo)]! + (missed);
        }
      }
    }
    const missedPrison = prison - prisonServed;
    if (missedPrison > 0) {
      // Unserved prison releases join the caseload in the AOR's most populous county (index order is FIPS; use the first).
      backlog[0] = backlog[0]! + (missedPrison);
      ledger.inflowMissed += missedPrison;
      v[at(M.missedCapacity, mo)] = v[at(M.missedCapacity, mo)]! + (missedPrison);
    }
    const pickHours = Math.min(hours, pickups * p.custodialPickupHours);
    v[at(M.hoursPickup, mo)] = v[at(M.hoursPickup, mo)]! + (pickHours);
    // 3. At large: the hours left buy attempts, spread over the AOR's counties by backlog; surges aimed at counties add their own.
    const left = hours - pickHours;
    // Whole attempts, rounded at random so that their expectation is the mean-field model's (the one calibrated).
    let attempts = aorDraws.round(left / p.atLargeAttemptHours);
    let total = 0;
    for (let j = 0; j < nc; j++) total += backlog[j]!;
    let spentAttempts = 0;
    for (let j = 0; j < nc; j++) {
      const i = i0 + j;
      if (key) atLargeStream.reset(key.seed, key.replication, (1 << 21) + i, d);
      const bl = backlog[j]!;
      let tries = 0;
      if (total > 0 && attempts > 0) {
        const share = bl / total;
        tries = key ? atLargeDraws.binomial(attempts, Math.min(1, share)) : attempts * share;
        attempts -= tries;
        total -= bl;
      }
      const extra = targeted[j]! / p.atLargeAttemptHours;
      tries += atLargeDraws.round(extra);
      tries = Math.min(tries, bl);
      spentAttempts += tries;
      const caught = atLargeDraws.binomial(tries, p.locateProbability);
      backlog[j] = bl - caught;
      ledger.arrestsAtLarge += caught;
      v[at(M.atLarge, mo)] = v[at(M.atLarge, mo)]! + (caught);
      out.countyAtLarge[i * Mo + mo] = out.countyAtLarge[i * Mo + mo]! + (caught);
      // 4. Exits from the caseload (departure, status, moves).
      const ex = atLargeDraws.binomial(backlog[j]!, p.backlogExitRate);
      backlog[j] = backlog[j]! - (ex);
      ledger.exits += ex;
    }
    v[at(M.atLargeAttempts, mo)] = v[at(M.atLargeAttempts, mo)]! + (spentAttempts);
    v[at(M.hoursAtLarge, mo)] = v[at(M.hoursAtLarge, mo)]! + (Math.min(left + surgeTargeted, spentAttempts * p.atLargeAttemptHours));
    if (d === w.to || w.monthOfDay[d + 1 - w.from] !== mo) {
      let s = 0;
      for (let j = 0; j < nc; j++) s += backlog[j]!;
      out.backlog[a * Mo + mo] = s;
    }
  }
  for (let j = 0; j < nc; j++) ledger.backlogEnd += backlog[j]!;
  return backlog;
}

/**
 * The backlog each AOR's counties start a run with. The calibration's model runs without a break from the start of
 * its window, so by the regime a run uses, an area whose field hours outrun its caseload's inflow has worked its
 * caseload down (HOU: to a few people, at-large arrests then equal to the inflow). A run that started from
 * `initialBacklogDays` of inflow would instead spend its first months arresting that stock at the hours' pace (HOU,
 * FY2018: about twice its recorded at-large arrests in the first eight months). So the stock is first run in, mean-field,
 * over `spinUpDays` of the run's own days (its span repeated if shorter) under the conditions of its first day (the
 * regime then in force; no surges, which are the scenario's own events), and the run starts from where that ends.
 * Deterministic: the same for every replication and thread.
 */
export function startingBacklogs(w: World): Float64Array[] | null {
  const days = w.params.spinUpDays;
  if (!(days > 0)) return null;
  const key = `${w.from}|${w.to}|${w.fieldHoursScale}|${w.fieldHoursByMonth ? Array.from(w.fieldHoursByMonth).join(',') : ''}`;
  const kept = spunUp.get(w);
  if (kept?.key === key) return kept.starts;
  const quiet: World = { ...w, surges: [], rateChanges: [] };
  const scratch = newOutput(quiet);
  const span = w.to - w.from + 1;
  const starts: Float64Array[] = [];
  for (let a = 0; a < w.counties.aors.length; a++) {
    let backlog: Float64Array | undefined;
    for (let done = 0; done < days; done += span) {
      const pass: World = days - done >= span ? quiet : { ...quiet, to: quiet.from + (days - done) - 1 };
      backlog = runAor(pass, a, null, scratch, backlog);
    }
    starts.push(backlog!);
  }
  spunUp.set(w, { key, starts });
  return starts;
}
const spunUp = new WeakMap<World, { key: string; starts: Float64Array[] }>();

/** The share of a multi-AOR county surge that falls in AOR a: by the targeted counties' residents. */
function countiesShare(s: { counties: Int32Array }, w: World, a: number): number {
  let mine = 0;
  let all = 0;
  for (const ci of s.counties) {
    const r = w.counties.residents[ci]!;
    all += r;
    if (w.counties.aorIndex[ci] === a) mine += r;
  }
  return all > 0 ? mine / all : 0;
}

/** One replication of every AOR. */
export function runReplication(w: World, key: RunKey | null, starts: Float64Array[] | null = startingBacklogs(w)): RunOutput {
  const out = newOutput(w);
  for (let a = 0; a < w.counties.aors.length; a++) runAor(w, a, key, out, starts?.[a]);
  return out;
}
