/**
 * The decision tester's form, written to and read from the page's address so a request can be shared.
 * Reading checks every parameter against the contract's vocabulary and reports what it had to drop.
 */
import type { DecisionRequest } from './api.js';
import { zonedIso } from './zoned-time.js';

export const REQUEST_TYPES = ['HOLD', 'NOTIFY_RELEASE', 'TRANSFER', 'INTERVIEW', 'FACILITY_ACCESS', 'SHARE_STATUS_INFO', 'SHARE_PERSONAL_INFO', 'STATUS_INQUIRY', 'SERVE_ADMIN_WARRANT', 'ENTER_287G', 'DETENTION_CONTRACT'] as const;
export const AGENCY_KINDS = ['sheriff_jail', 'municipal_police', 'state_police', 'state_prison', 'probation', 'court_officers', 'school_police'] as const;
export const DOCUMENTS = ['I-247', 'I-247A', 'I-247D', 'I-247N', 'I-247X', 'I-200', 'I-203', 'I-205', 'JUDICIAL_WARRANT', 'STATE_COURT_ORDER'] as const;
export const LEVELS = ['felony', 'misdemeanor', 'infraction'] as const;
export const REGISTRANTS = ['sex_offender', 'arson'] as const;

export interface OffenseRow { kind: 'conviction' | 'charge'; date: string; level: (typeof LEVELS)[number]; description: string }

export interface TesterForm {
  j: string;
  agency: (typeof AGENCY_KINDS)[number];
  at: string;
  requests: string[];
  documents: string[];
  received: string;
  booked: string;
  release: string;
  offenses: OffenseRow[];
  registrant: string[];
  proof: boolean;
  consent: boolean;
}

export function emptyForm(at: string): TesterForm {
  return { j: '', agency: 'sheriff_jail', at, requests: ['HOLD', 'NOTIFY_RELEASE'], documents: ['I-247A', 'I-200'], received: '', booked: '', release: '', offenses: [], registrant: [], proof: false, consent: false };
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function formToQuery(f: TesterForm): string {
  const q = new URLSearchParams();
  q.set('j', f.j);
  q.set('agency', f.agency);
  q.set('at', f.at);
  q.set('req', f.requests.join(','));
  if (f.documents.length) q.set('docs', f.documents.join(','));
  if (f.received) q.set('recv', f.received);
  if (f.booked) q.set('booked', f.booked);
  if (f.release) q.set('release', f.release);
  for (const o of f.offenses) q.append('off', [o.kind, o.date, o.level, o.description].join('~'));
  if (f.registrant.length) q.set('reg', f.registrant.join(','));
  if (f.proof) q.set('proof', '1');
  if (f.consent) q.set('consent', '1');
  return q.toString();
}

/** The form from the address, and a note for every parameter that did not fit (and was left out). */
export function queryToForm(q: URLSearchParams, fallbackAt: string): { form: TesterForm; issues: string[] } {
  const f = emptyForm(fallbackAt);
  const issues: string[] = [];
  const list = <T extends string>(name: string, allowed: readonly T[]): T[] | undefined => {
    const v = q.get(name);
    if (v === null) return undefined;
    const out: T[] = [];
    for (const x of v.split(',').filter(Boolean)) {
      if ((allowed as readonly string[]).includes(x) && !out.includes(x as T)) out.push(x as T);
      else issues.push(`${name}: "${x.slice(0, 40)}" is not one of ${allowed.join(', ')}`);
    }
    return out;
  };
  const local = (name: string): string => {
    const v = q.get(name);
    if (v === null || v === '') return '';
    if (LOCAL.test(v)) return v;
    issues.push(`${name}: expected a local date-time YYYY-MM-DDTHH:MM, got "${v.slice(0, 40)}"`);
    return '';
  };
  for (const key of q.keys()) {
    if (!['j', 'agency', 'at', 'req', 'docs', 'recv', 'booked', 'release', 'off', 'reg', 'proof', 'consent'].includes(key)) issues.push(`${key.slice(0, 40)}: unknown parameter`);
  }
  f.j = (q.get('j') ?? '').slice(0, 300);
  const agency = q.get('agency');
  if (agency !== null) {
    if ((AGENCY_KINDS as readonly string[]).includes(agency)) f.agency = agency as TesterForm['agency'];
    else issues.push(`agency: "${agency.slice(0, 40)}" is not one of ${AGENCY_KINDS.join(', ')}`);
  }
  f.at = local('at') || fallbackAt;
  f.requests = list('req', REQUEST_TYPES) ?? f.requests;
  f.documents = list('docs', DOCUMENTS) ?? (q.has('j') ? [] : f.documents);
  f.received = local('recv');
  f.booked = local('booked');
  f.release = local('release');
  for (const raw of q.getAll('off')) {
    const [kind, date = '', level = '', ...desc] = raw.split('~');
    if ((kind === 'conviction' || kind === 'charge') && DAY.test(date) && (LEVELS as readonly string[]).includes(level)) {
      f.offenses.push({ kind, date, level: level as OffenseRow['level'], description: desc.join('~').slice(0, 2000) });
    } else issues.push(`off: "${raw.slice(0, 60)}" is not kind~YYYY-MM-DD~level~description`);
  }
  f.registrant = list('reg', REGISTRANTS) ?? [];
  f.proof = q.get('proof') === '1';
  f.consent = q.get('consent') === '1';
  return { form: f, issues };
}

/** The decision request the form describes, its local times placed in the jail's zone. */
export function formToRequest(f: TesterForm, timeZone: string): DecisionRequest {
  const inst = (v: string) => (v ? zonedIso(v, timeZone) : undefined);
  const convictions = f.offenses.filter((o) => o.kind === 'conviction').map((o) => ({ date: o.date, level: o.level, ...(o.description ? { description: o.description } : {}) }));
  const charges = f.offenses.filter((o) => o.kind === 'charge').map((o) => ({ date: o.date, level: o.level, ...(o.description ? { description: o.description } : {}) }));
  const person = {
    ...(convictions.length ? { convictions } : {}),
    ...(charges.length ? { charges } : {}),
    ...(f.registrant.length ? { registrant: f.registrant as ('sex_offender' | 'arson')[] } : {}),
    ...(f.proof ? { proofOfLawfulStatus: true } : {}),
    ...(f.consent ? { interviewConsentSigned: true } : {}),
  };
  const req: DecisionRequest = {
    jurisdiction: f.j.trim(),
    agency: { kind: f.agency },
    at: inst(f.at) ?? `${f.at}:00Z`,
    requests: f.requests as DecisionRequest['requests'],
    ...(f.documents.length ? { documents: f.documents as NonNullable<DecisionRequest['documents']> } : {}),
  };
  const recv = inst(f.received);
  const booked = inst(f.booked);
  const release = inst(f.release);
  if (recv) req.detainerReceivedAt = recv;
  if (booked) req.bookedAt = booked;
  if (release) req.wouldBeReleasedAt = release;
  if (Object.keys(person).length) req.person = person;
  return req;
}
