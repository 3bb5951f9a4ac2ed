/**
 * ICE's standard request at a county jail on a date, as the law map, the simulator's law tables and the web app's
 * jurisdiction page ask it. Type imports only: the web app bundles this module.
 */
import type { DecisionRequest } from './request-schema.js';
import type { DocumentType, RequestType } from './vocab.js';

/**
 * ICE's usual paper on a date: the I-247 until the PEP forms (2015-07-02), the I-247D until
 * 2017-04-02, then the I-247A with an administrative warrant (ICE Policy 10074.2).
 */
export function standardDocuments(date: string): DocumentType[] {
  if (date >= '2017-04-02') return ['I-247A', 'I-200'];
  if (date >= '2015-07-02') return ['I-247D'];
  return ['I-247'];
}

/**
 * States whose jails are run by the state, not counties (unified correctional systems): there the
 * standard request goes to the state's jail, an agency of kind state_prison.
 */
export const UNIFIED_JAIL_STATES: ReadonlySet<string> = new Set(['ak', 'ct', 'de', 'hi', 'ri', 'vt']);

/** The agency that answers ICE at a county's jail: the sheriff's jail, or the state's in a unified system. */
export function jailAgency(countyId: string): 'sheriff_jail' | 'state_prison' {
  const st = /\/(?:state|district):([a-z]{2})/.exec(countyId)?.[1] ?? '';
  return UNIFIED_JAIL_STATES.has(st) ? 'state_prison' : 'sheriff_jail';
}

/** The standard request at a county jail on a date: mid-day in every U.S. zone, at would-be release. */
export function standardRequest(countyId: string, date: string, request: RequestType): DecisionRequest {
  const at = `${date}T18:00:00Z`;
  return { jurisdiction: countyId, agency: { kind: jailAgency(countyId) }, at, requests: [request], documents: standardDocuments(date), wouldBeReleasedAt: at, detainerReceivedAt: at };
}
