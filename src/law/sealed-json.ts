/**
 * JSON for answers made mostly of shared parts. Most of a decision is the same objects for every request that the
 * same rules decide (its citations, sources, duties and warnings, memoised by decision-parts.ts; the facts left out,
 * written once per rule; the jurisdiction's account): sealed here (frozen through and through, so their JSON can
 * never change), each is serialized and UTF-8 encoded once, and an answer is the few bytes that vary around them.
 * `jsonBytes(v)` is byte for byte the UTF-8 of `JSON.stringify(v)` (test/law/sealed-json.test.ts checks it on
 * arbitrary values).
 */

const sealed = new WeakSet<object>();
const encoded = new WeakMap<object, Uint8Array<ArrayBuffer>>();
// TextEncoder, not Buffer: the law runs wherever JavaScript does.
const encoder = new TextEncoder();

/** Freezes `o` and everything it holds, and marks each object as one whose JSON is fixed. Returns `o`. */
export function seal<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !sealed.has(o)) {
    Object.freeze(o);
    sealed.add(o);
    for (const v of Object.values(o)) seal(v);
  }
  return o;
}

export const isSealed = (o: unknown): boolean => o !== null && typeof o === 'object' && sealed.has(o);

/** The bytes of a sealed object's JSON, encoded the first time they are asked for. */
function bytesOfSealed(o: object): Uint8Array<ArrayBuffer> {
  let b = encoded.get(o);
  if (b === undefined) encoded.set(o, (b = encoder.encode(JSON.stringify(o))));
  return b;
}

/**
 * Sealed objects serialized once already. Their bytes are kept from the second time only (a "doorkeeper"): the
 * parts of answers that come once (a rare combination of rules, a decision made of them) cost no memory beyond
 * their memo, while the parts that repeat, nearly all of a busy server's, are encoded once. The first time, a part
 * is written from its members, so the members that repeat are still their kept bytes.
 */
const seenOnce = new WeakSet<object>();

function writeSealed(o: object, out: Chunks): void {
  const b = encoded.get(o);
  if (b !== undefined) out.bytes(b);
  else if (seenOnce.has(o)) out.bytes(bytesOfSealed(o));
  else {
    seenOnce.add(o);
    walkInside(o, out);
  }
}

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** Collects an answer as text runs between the encoded bytes of its sealed parts, written into one array at the end. */
class Chunks {
  readonly parts: (string | Uint8Array<ArrayBuffer>)[] = [];
  text = '';
  /** At most the bytes of the answer: its parts' bytes, and three per UTF-16 unit of its text runs. */
  size = 0;
  bytes(b: Uint8Array<ArrayBuffer>): void {
    if (this.text !== '') this.flush();
    this.parts.push(b);
    this.size += b.length;
  }
  flush(): void {
    this.parts.push(this.text);
    this.size += 3 * this.text.length;
    this.text = '';
  }
  finish(): Uint8Array<ArrayBuffer> {
    if (this.text !== '') this.flush();
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      if (typeof p === 'string') at = writeText(p, out, at);
      else {
        out.set(p, at);
        at += p.length;
      }
    }
    return out.subarray(0, at);
  }
}

/** Writes text at `at` and returns the end: short ASCII runs (keys, punctuation, dates) byte by byte, others by the encoder. */
function writeText(text: string, out: Uint8Array, at: number): number {
  if (text.length <= 64) {
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) break;
      out[at + i] = c;
    }
    if (i === text.length) return at + i;
  }
  return at + encoder.encodeInto(text, out.subarray(at)).written;
}

function walk(v: unknown, out: Chunks): void {
  if (v === null || typeof v !== 'object') {
    out.text += typeof v === 'bigint' ? JSON.stringify(v) /* throws, as JSON.stringify does */ : (JSON.stringify(v) ?? 'null');
    return;
  }
  if (sealed.has(v)) {
    writeSealed(v, out);
    return;
  }
  walkInside(v, out);
}

/** An object's JSON from its members (each sealed member as its kept bytes). */
function walkInside(v: object, out: Chunks): void {
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    out.text += JSON.stringify(v) ?? 'null'; // answers are plain data: a Date, say, is left to JSON.stringify whole
    return;
  }
  if (Array.isArray(v)) {
    out.text += '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out.text += ',';
      const x: unknown = v[i];
      if (skipped(x)) out.text += 'null';
      else walk(x, out);
    }
    out.text += ']';
    return;
  }
  out.text += '{';
  let first = true;
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    if (skipped(x)) continue;
    out.text += `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    walk(x, out);
  }
  out.text += '}';
}

/** The UTF-8 bytes of `JSON.stringify(v)`, reusing the encoded JSON of every sealed object in it (a shared one is returned as kept: do not write to it). */
export function jsonBytes(v: unknown): Uint8Array<ArrayBuffer> {
  if (isSealed(v)) return bytesOfSealed(v as object);
  const out = new Chunks();
  walk(v, out);
  return out.parts.length === 0 ? encoder.encode(out.text) : out.finish();
}
