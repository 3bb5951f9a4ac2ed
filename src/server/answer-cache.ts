/**
 * The answers POST /decide keeps: decide() is pure, so the same body and registry give the same bytes. An answer is
 * kept only when its key comes a second time (a "doorkeeper" admission, as in TinyLFU): a stream of distinct
 * requests then costs a small key set instead of promoting a 10 KB answer per request into the old generation,
 * while the requests that repeat (every visitor to a county's page asks it the same standard request that day) are
 * answered from the cache from their third time. Answers are sent and kept as encoded bytes: a string body with
 * non-ASCII text (citations carry "§") is scanned for its length, copied behind the headers and transcoded on
 * every send; bytes are written as they are.
 */
import { DoorkeptCache } from '../law/bounded-cache.js';

/** Bytes as Hono's c.body takes them (a Buffer's view, no copy). */
export type Bytes = Uint8Array<ArrayBuffer>;
export const bytesOf = (b: Buffer): Bytes => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);
export const utf8 = (text: string): Bytes => bytesOf(Buffer.from(text));

export interface KeptAnswer { body: Bytes; type: string }

export class AnswerCache {
  private readonly answers: DoorkeptCache<string, KeptAnswer>;
  constructor(max = 256) {
    this.answers = new DoorkeptCache(max);
  }
  get(key: string): KeptAnswer | undefined {
    return this.answers.get(key);
  }
  /** Offers an answer just computed (its encoded bytes): kept when the key was offered before; true when kept. */
  offer(key: string, body: Bytes, type: string): boolean {
    if (!this.answers.admit(key)) return false;
    this.answers.set(key, { body, type });
    return true;
  }
  /** Answers kept (at most twice `max`). */
  get size(): number {
    return this.answers.size;
  }
}
