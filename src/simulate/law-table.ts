/**
 * The jail's answer, compiled once per county and policy period from the law engine's fast path:
 * for each criminal-history class and request (hold, release notification), comply / decline / the
 * jail's choice. A policy period is a stretch of days over which nothing in the county's chain of law
 * (a provision starting, ending or enjoined), ICE's standard detainer form or the county jail's 287(g)
 * agreement changes; the table is asked of the engine at the first day of each period.
 */
import type { Engine } from '../law/index.js';
import { jailAgency, standardDocuments } from '../law/index.js';
import { dayOf, isoOfDay } from '../law/days.js';
import type { DecisionRequest, Modality } from '../law/index.js';
import { CLASSES, N_CLASSES, classPerson } from './classes.js';

/** What the jail does with one request. */
export const enum Answer { Decline = 0, Comply = 1, Choice = 2 }
export const ANSWER_NAMES = ['decline', 'comply', 'choice'] as const;
export const TABLE_REQUESTS = ['HOLD', 'NOTIFY_RELEASE'] as const;

export function answerOf(m: Modality | undefined): Answer {
  return m === 'MUST_NOT' ? Answer.Decline : m === 'MUST' ? Answer.Comply : Answer.Choice;
}

/** One county's law over the run: period start days and, per period, class and request, the answer. */
export interface CountyLaw {
  /** First day of each period (day numbers, ascending; the first is the run's first day). */
  starts: Int32Array;
  /** answers[(period * N_CLASSES + class) * 2 + request]: request 0 = HOLD, 1 = NOTIFY_RELEASE. */
  answers: Uint8Array;
  /** 1 when the county jail has a 287(g) Jail Enforcement Model agreement in the period. */
  jem: Uint8Array;
}

/** The standard request at a county jail on a date, for a class: ICE's detainer at would-be release. */
export function classRequest(countyId: string, date: string, k: (typeof CLASSES)[number]): DecisionRequest {
  const at = `${date}T18:00:00Z`;
  return {
    jurisdiction: countyId, agency: { kind: jailAgency(countyId) }, at, requests: [...TABLE_REQUESTS],
    documents: standardDocuments(date), wouldBeReleasedAt: at, detainerReceivedAt: at, person: classPerson(k, date),
  };
}

const FORM_DAYS = ['2015-07-02', '2017-04-02'].map(dayOf);
/** Class facts carry a conviction two years back: law applied by conviction date changes two years later. */
const CONVICTION_LAG_DAYS = 731;

/** Days in [from, to] on which the county's answer may change. */
export function breakDays(engine: Engine, countyId: string, countyFips: string, from: number, to: number): number[] {
  const c = engine.compiled.chain(countyId);
  if (!c.ok) throw new Error(c.message);
  const days = new Set<number>([from, ...FORM_DAYS]);
  for (const t of TABLE_REQUESTS) {
    for (const g of c.chain.law.byRequest.get(t) ?? []) {
      for (const r of g.rules) {
        const cp = r.cp;
        const edges = [cp.startDay, cp.endDay + 1, ...cp.injunctions.flatMap((i) => [i.from, i.to + 1])];
        for (const e of edges) {
          if (!Number.isFinite(e)) continue;
          days.add(e);
          if (cp.anchor === 'conviction' || cp.anchor === 'charge') days.add(e + CONVICTION_LAG_DAYS);
        }
      }
    }
  }
  const idx = engine.compiled.agreements;
  days.add(idx.fromDay);
  for (const a of idx.all) {
    if (a.countyFips !== countyFips) continue;
    days.add(dayOf(a.signed));
    if (!a.ongoing) days.add(dayOf(a.lastSeen) + 1);
  }
  return [...days].filter((d) => d >= from && d <= to).sort((a, b) => a - b);
}

/** Compile one county's table over [from, to] (day numbers). */
export function compileCountyLaw(engine: Engine, countyId: string, countyFips: string, from: number, to: number): CountyLaw {
  const starts = breakDays(engine, countyId, countyFips, from, to);
  const answers = new Uint8Array(starts.length * N_CLASSES * 2);
  const jem = new Uint8Array(starts.length);
  const c = engine.compiled.chain(countyId);
  if (!c.ok) throw new Error(c.message);
  const area = c.chain.jurisdiction.area;
  starts.forEach((day, p) => {
    const date = isoOfDay(day);
    for (let k = 0; k < N_CLASSES; k++) {
      const m = engine.modalities(classRequest(countyId, date, CLASSES[k]!));
      answers[(p * N_CLASSES + k) * 2] = answerOf(m.HOLD);
      answers[(p * N_CLASSES + k) * 2 + 1] = answerOf(m.NOTIFY_RELEASE);
    }
    const mask = area ? engine.compiled.agreements.mask(area, jailAgency(countyId), day) : undefined;
    jem[p] = mask !== undefined && (mask & 1) !== 0 ? 1 : 0;
  });
  return { starts: Int32Array.from(starts), answers, jem };
}

/** The period index in force on a day (the last start ≤ day). */
export function periodAt(law: CountyLaw, day: number): number {
  let lo = 0;
  let hi = law.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (law.starts[mid]! <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
