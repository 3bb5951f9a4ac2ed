/**
 * Reading a JSON request body with every check the API makes before it parses: the media type
 * (application/json or a +json type), the size (a Content-Length check that costs nothing, then a
 * running count that stops a chunked body at the limit), the syntax and the nesting depth. Each refusal
 * is a problem answer; a refusal of a body left unread closes the connection.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { problem } from './problem.js';

export const MAX_BODY_BYTES = 256 * 1024;
/** Deeper than any valid request or scenario; a 100k-deep body is refused before anything walks it. */
export const MAX_DEPTH = 64;

/** The parsed body, and its text as sent (for a cache of answers keyed by it). */
export type BodyResult = { ok: true; value: unknown; text: string } | { ok: false; response: Response };

/** application/json, or a structured-syntax +json type (application/problem+json), parameters aside. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const semi = header.indexOf(';');
  const type = (semi < 0 ? header : header.slice(0, semi)).trim().toLowerCase();
  if (type === 'application/json') return true;
  const slash = type.indexOf('/');
  return slash > 0 && type.endsWith('+json') && /^[a-z0-9!#$&^_.-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(type);
}

const TOO_LARGE = Symbol('too large');
const ABORTED = Symbol('aborted');

/** The node request's bytes, stopping (without destroying the socket) once past max. */
function readIncoming(incoming: IncomingMessage, max: number): Promise<Buffer | typeof TOO_LARGE | typeof ABORTED> {
  if (incoming.readableEnded) return Promise.resolve(ABORTED);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onAbort);
      incoming.off('aborted', onAbort);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        incoming.pause();
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onAbort = (): void => {
      cleanup();
      resolve(ABORTED);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onAbort);
    incoming.on('aborted', onAbort);
  });
}

/** The same from a web Request (in-process requests, other runtimes). */
async function readStream(req: Request, max: number): Promise<Buffer | typeof TOO_LARGE | typeof ABORTED> {
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        void reader.cancel().catch(() => undefined);
        return TOO_LARGE;
      }
      chunks.push(value);
    }
  } catch {
    return ABORTED;
  }
  return Buffer.concat(chunks, size);
}

/** The deepest nesting of arrays and objects in JSON text, counting past strings; stops early past limit. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > limit) return true;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return false;
}

const tooLarge = (c: Context, max: number): Response =>
  problem(c, 413, 'Request too large', `The request body exceeds ${Math.round(max / 1024)} KiB.`, { close: true });

/** Check the media type and size of a JSON body, read it and parse it. */
export async function readJsonBody(c: Context, max = MAX_BODY_BYTES, what = 'the request'): Promise<BodyResult> {
  // Node's own parsed headers when there are some: building the web Request's Headers costs more than the check.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const fromNode = incoming && typeof incoming.on === 'function';
  const header = (name: 'content-type' | 'content-length'): string | undefined => (fromNode ? incoming.headers[name] : c.req.header(name));
  const type = header('content-type');
  if (!isJsonMediaType(type)) {
    return { ok: false, response: problem(c, 415, 'Unsupported media type', `Send ${what} as application/json (got ${type ? 'another media type' : 'no Content-Type'}).`, { close: true, headers: { 'accept-post': 'application/json' } }) };
  }
  const declared = header('content-length');
  if (declared !== undefined) {
    const n = Number(declared);
    if (!Number.isSafeInteger(n) || n < 0) return { ok: false, response: problem(c, 400, 'Invalid request', 'Content-Length is not a byte count.', { close: true }) };
    if (n > max) return { ok: false, response: tooLarge(c, max) };
  }
  const bytes = fromNode ? await readIncoming(incoming, max) : await readStream(c.req.raw, max);
  if (bytes === TOO_LARGE) return { ok: false, response: tooLarge(c, max) };
  if (bytes === ABORTED) return { ok: false, response: problem(c, 400, 'Invalid request', 'The request body ended early.', { close: true }) };
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: false, response: problem(c, 400, 'Invalid JSON', `The body is empty: send ${what} as a JSON object.`, { field: '(body)' }) };
  if (jsonDepthExceeds(text, MAX_DEPTH)) {
    return { ok: false, response: problem(c, 400, 'Invalid JSON', `The body nests arrays or objects more than ${MAX_DEPTH} deep.`, { field: '(body)' }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text };
  } catch {
    // The parser's message quotes the body: it is not echoed.
    return { ok: false, response: problem(c, 400, 'Invalid JSON', 'The body is not valid JSON.', { field: '(body)' }) };
  }
}
