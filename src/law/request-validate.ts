/**
 * A precompiled check of the decision request for the hot path: it accepts only requests the zod
 * schema (request-schema.ts) accepts, and is conservative — anything unusual (an unknown key in an
 * offense, say) is handed to zod, which either accepts it or says exactly what is wrong. A
 * property test checks that this never accepts what zod rejects.
 */
import { INSTANT_PATTERN, JURISDICTION_MAX } from './request-patterns.js';
import { AGENCY_KINDS, CHARGE_STAGES, DOCUMENTS, MODELS_287G, OFFENSE_LEVELS, REGISTRANTS, REQUEST_TYPES } from './vocab.js';

const REQUEST_KEYS = new Set(['jurisdiction', 'agency', 'at', 'requests', 'documents', 'detainerReceivedAt', 'bookedAt', 'wouldBeReleasedAt', 'person']);
const PERSON_KEYS = new Set(['convictions', 'charges', 'registrant', 'proofOfLawfulStatus', 'interviewConsentSigned']);
const OFFENSE_KEYS = new Set(['date', 'level', 'grade', 'code', 'description', 'categories']);
const CHARGE_KEYS = new Set([...OFFENSE_KEYS, 'stage']);
const kinds = new Set<unknown>(AGENCY_KINDS);
const models = new Set<unknown>(MODELS_287G);
const requestTypes = new Set<unknown>(REQUEST_TYPES);
const documents = new Set<unknown>(DOCUMENTS);
const levels = new Set<unknown>(OFFENSE_LEVELS);
const stages = new Set<unknown>(CHARGE_STAGES);
const registrants = new Set<unknown>(REGISTRANTS);

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function onlyKeys(o: Record<string, unknown>, allowed: Set<string>): boolean {
  for (const k in o) if (!allowed.has(k) || o[k] === undefined) return false;
  return true;
}
/**
 * The commonest shape (YYYY-MM-DDTHH:MM:SS, then Z or ±HH:MM, no fraction), checked by hand; anything
 * else goes to the pattern. Exactly the pattern's rules: years 1990–2100, real calendar days, no leap second.
 */
function instant(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  if (v.length === 20 || v.length === 25) {
    const d = (i: number) => { const c = v.charCodeAt(i) - 48; return c >= 0 && c <= 9 ? c : -100; };
    const y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), mo = d(5) * 10 + d(6), da = d(8) * 10 + d(9);
    const hh = d(11) * 10 + d(12), mi = d(14) * 10 + d(15), ss = d(17) * 10 + d(18);
    if (v[4] !== '-' || v[7] !== '-' || v[10] !== 'T' || v[13] !== ':' || v[16] !== ':') return false;
    if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || da < 1 || da > daysIn(y, mo) || hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 59) return false;
    if (v.length === 20) return v[19] === 'Z';
    const oh = d(20) * 10 + d(21), om = d(23) * 10 + d(24);
    return (v[19] === '+' || v[19] === '-') && v[22] === ':' && oh >= 0 && oh <= 23 && om >= 0 && om <= 59;
  }
  return INSTANT_PATTERN.test(v);
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** YYYY-MM-DD in 1900–2100, a real calendar day. */
function offenseDate(v: unknown): boolean {
  if (typeof v !== 'string' || v.length !== 10 || v[4] !== '-' || v[7] !== '-') return false;
  const d = (i: number) => { const c = v.charCodeAt(i) - 48; return c >= 0 && c <= 9 ? c : -100; };
  const y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3), mo = d(5) * 10 + d(6), da = d(8) * 10 + d(9);
  return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && da >= 1 && da <= daysIn(y, mo);
}
function enumList(v: unknown, allowed: Set<unknown>, min: number, max: number): boolean {
  if (!Array.isArray(v) || v.length < min || v.length > max) return false;
  for (let i = 0; i < v.length; i++) {
    if (!allowed.has(v[i])) return false;
    for (let k = 0; k < i; k++) if (v[k] === v[i]) return false;
  }
  return true;
}
function str(v: unknown, max: number): boolean {
  return v === undefined || (typeof v === 'string' && v.length <= max);
}
function offenses(v: unknown, charge: boolean): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > 200) return false;
  for (const o of v) {
    if (!isObj(o) || !onlyKeys(o, charge ? CHARGE_KEYS : OFFENSE_KEYS)) return false;
    if (!offenseDate(o.date) || !levels.has(o.level)) return false;
    if (!str(o.grade, 40) || !str(o.code, 200) || !str(o.description, 2000)) return false;
    if (o.categories !== undefined) {
      if (!Array.isArray(o.categories) || o.categories.length > 100) return false;
      for (const c of o.categories) if (typeof c !== 'string' || c.length > 100) return false;
    }
    if (charge && o.stage !== undefined && !stages.has(o.stage)) return false;
  }
  return true;
}

/** True only for a request the contract accepts; false means "ask zod". */
export function validateRequest(v: unknown): boolean {
  if (!isObj(v) || !onlyKeys(v, REQUEST_KEYS)) return false;
  const j = v.jurisdiction;
  if (typeof j !== 'string' || j.length === 0 || j.length > JURISDICTION_MAX) return false;
  const a = v.agency;
  if (!isObj(a) || !kinds.has(a.kind)) return false;
  for (const k in a) if (k !== 'kind' && k !== 'agreement287g') return false;
  if ('agreement287g' in a && a.agreement287g !== null && !models.has(a.agreement287g)) return false;
  if (!instant(v.at)) return false;
  if (!enumList(v.requests, requestTypes, 1, 20)) return false;
  if (v.documents !== undefined && !enumList(v.documents, documents, 0, 20)) return false;
  if (v.detainerReceivedAt !== undefined && !instant(v.detainerReceivedAt)) return false;
  if (v.bookedAt !== undefined && !instant(v.bookedAt)) return false;
  if (v.wouldBeReleasedAt !== undefined && !instant(v.wouldBeReleasedAt)) return false;
  const p = v.person;
  if (p !== undefined) {
    if (!isObj(p) || !onlyKeys(p, PERSON_KEYS)) return false;
    if (!offenses(p.convictions, false) || !offenses(p.charges, true)) return false;
    if (p.registrant !== undefined && !enumList(p.registrant, registrants, 0, 10)) return false;
    if (p.proofOfLawfulStatus !== undefined && typeof p.proofOfLawfulStatus !== 'boolean') return false;
    if (p.interviewConsentSigned !== undefined && typeof p.interviewConsentSigned !== 'boolean') return false;
  }
  return true;
}
