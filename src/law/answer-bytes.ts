/**
 * A decision's answer as JSON bytes, for a server. An answer made only of shared parts (every decision, the
 * jurisdiction's account and the 287(g) fact sealed: no hold clock running, no trace) has the same bytes as every
 * other answer with the same parts on the same day under the same registry: the same county's request at any
 * instant of the day. Those bytes are kept, from the second time they are asked for (a doorkeeper: one-off answers
 * cost nothing), in a bounded cache, and sent as kept. decide() itself stays free of this bookkeeping.
 */
import { DoorkeptCache } from './bounded-cache.js';
import type { DecisionResponse } from './decide.js';
import { isSealed, jsonBytes } from './sealed-json.js';

/** At most twice this many answers' bytes are kept (two generations). */
const KEPT_ANSWERS = 256;
const kept = new DoorkeptCache<string, Uint8Array<ArrayBuffer>>(KEPT_ANSWERS);

const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;
function idOf(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = ++lastObjectId));
  return id;
}

/**
 * What an answer's bytes follow from when all its parts are shared, or undefined when a part is the request's own.
 * The notes follow from the jurisdiction (one account per resolved jurisdiction) and the request types (each
 * shared decision is one type's: its parts are per type), in the request's order; the disclaimer is a constant.
 */
export function sharedAnswerKey(res: DecisionResponse): string | undefined {
  if (res.trace !== undefined || !isSealed(res.jurisdiction) || !isSealed(res.agreement287g)) return undefined;
  let key = `${res.registry}|${res.decisionDate}|${idOf(res.jurisdiction)}|${idOf(res.agreement287g)}`;
  for (const t in res.decisions) {
    const d = res.decisions[t as keyof DecisionResponse['decisions']]!;
    if (!isSealed(d)) return undefined;
    key += `|${idOf(d)}`;
  }
  return key;
}

/** The answer's JSON as UTF-8 bytes (those of `JSON.stringify`); kept bytes are shared: do not write to them. */
export function answerBytes(res: DecisionResponse): Uint8Array<ArrayBuffer> {
  const key = sharedAnswerKey(res);
  if (key === undefined) return jsonBytes(res);
  const hit = kept.get(key);
  if (hit) return hit;
  const bytes = jsonBytes(res);
  // Kept exactly: the serializer may return a view of a larger array.
  if (kept.admit(key)) kept.set(key, bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice());
  return bytes;
}
