// Open the loaded database read-only, or say how to create it.
import { existsSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type Database, DatabaseMissingError, DatabaseUnreadableError, openDatabase, query } from './db.js';
import { resolveDbPath } from './paths.js';

export async function openObservatory(dbPath?: string): Promise<Database> {
  const path = resolveDbPath(dbPath);
  if (!existsSync(path)) throw new DatabaseMissingError(path);
  let db: Database;
  try {
    db = await openDatabase(path, { readOnly: true });
  } catch (error) {
    throw new DatabaseUnreadableError(path, (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '');
  }
  // Every load writes the sources table last: without it the file is not (or not wholly) a Comity database.
  const [sources] = await query<{ n: number }>(db, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'sources'");
  if (!sources?.n) {
    db.close();
    throw new DatabaseUnreadableError(path, 'it has no sources table');
  }
  return db;
}

/** Every connection is busy and the queue is full: come back later (HTTP 503 with Retry-After). */
export class ObservatoryBusyError extends Error {
  constructor(readonly retryAfterSeconds: number, message = 'the observatory is answering as many queries as it can; try again shortly') {
    super(message);
    this.name = 'ObservatoryBusyError';
  }
}

/** A query ran past its time limit and was interrupted. */
export class QueryTimeoutError extends ObservatoryBusyError {
  constructor(readonly timeoutMs: number) {
    super(2, `the query took longer than ${timeoutMs / 1000} s and was stopped; try again shortly`);
    this.name = 'QueryTimeoutError';
  }
}

/** Every request waiting for this answer went away, so its query was stopped. */
export class QueryCancelledError extends Error {
  constructor() {
    super('the request was cancelled');
    this.name = 'QueryCancelledError';
  }
}

export interface ObservatoryLimits {
  /** Connections that run queries at once (DuckDB parallelises each query too). */
  connections: number;
  /** Requests that may wait for a connection; beyond that the answer is ObservatoryBusyError. */
  queue: number;
  /** A query running longer than this is interrupted. */
  timeoutMs: number;
  /** Answers kept per loaded database (least recently used dropped first). */
  cacheEntries: number;
}

export const DEFAULT_LIMITS: ObservatoryLimits = { connections: 3, queue: 48, timeoutMs: 20_000, cacheEntries: 512 };

/** An answer being computed, shared by every request that asks for it until the last of them leaves. */
interface Pending {
  promise: Promise<unknown>;
  waiters: number;
  controller: AbortController;
}

interface Opened {
  db: Database;
  /** The file's identity when opened: a new load renames a new file into place, which changes the inode. */
  ino: number;
  mtimeMs: number;
  inFlight: number;
  retired: boolean;
  closed: boolean;
  idle: DuckDBConnection[];
  connections: number;
  waiting: { resolve: (c: DuckDBConnection) => void; reject: (e: unknown) => void }[];
  /** Answers by key, in least-recently-used order; dropped with the entry when a new load replaces the file. */
  cache: Map<string, unknown>;
  pending: Map<string, Pending>;
}

/** Close an entry once it is retired and no request uses it any more (once only). */
function closeIfIdle(e: Opened): void {
  if (e.retired && e.inFlight === 0 && !e.closed) {
    e.closed = true;
    for (const c of e.idle.splice(0)) if (c !== e.db.connection) c.closeSync();
    e.db.close();
  }
}

/** A Database whose queries run on one leased connection and stop once the lease is cut (timeout, cancellation). */
function leasedDatabase(db: Database, connection: DuckDBConnection, cut: () => Error | undefined): Database {
  const guarded = new Proxy(connection, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const error = cut();
        if (error) throw error;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { path: db.path, connection: guarded, connect: () => db.connect(), close: () => undefined };
}

/**
 * The observatory for a long-running server: opens the database on first use and, when `comity data load` has
 * since replaced the file, opens the new one for the next request and closes the old one once its requests end.
 * Queries run on a small pool of connections with a bounded queue and a time limit; answers are cached per
 * loaded database, and a query whose every requester has gone away is interrupted.
 */
export class LiveObservatory {
  private current: Promise<Opened> | undefined;
  readonly limits: ObservatoryLimits;

  constructor(
    private readonly dbPath?: string,
    limits: Partial<ObservatoryLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Run fn on a pooled connection (no cache). */
  async use<T>(fn: (db: Database) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const entry = await this.acquire();
    try {
      return await this.runPooled(entry, fn, signal);
    } finally {
      entry.inFlight -= 1;
      closeIfIdle(entry);
    }
  }

  /**
   * The answer for key from this database's cache, or computed once by fn however many requests ask at the same
   * time. A request that leaves (signal) stops waiting at once; the query stops when no one waits for it.
   */
  async cached<T>(key: string, fn: (db: Database) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const entry = await this.acquire();
    try {
      if (entry.cache.has(key)) {
        const value = entry.cache.get(key) as T;
        entry.cache.delete(key); // most recently used goes last
        entry.cache.set(key, value);
        return value;
      }
      let pending = entry.pending.get(key);
      if (!pending) {
        const controller = new AbortController();
        const promise = this.runPooled(entry, fn, controller.signal);
        pending = { promise, waiters: 0, controller };
        entry.pending.set(key, pending);
        const settled = pending;
        promise.then(
          (value) => {
            entry.pending.delete(key);
            entry.cache.set(key, value);
            while (entry.cache.size > this.limits.cacheEntries) entry.cache.delete(entry.cache.keys().next().value as string);
          },
          () => {
            if (entry.pending.get(key) === settled) entry.pending.delete(key);
          },
        );
      }
      return await this.wait(pending, signal) as T;
    } finally {
      entry.inFlight -= 1;
      closeIfIdle(entry);
    }
  }

  close(): void {
    const current = this.current;
    this.current = undefined;
    void current?.then((e) => {
      e.retired = true;
      for (const w of e.waiting.splice(0)) w.reject(new ObservatoryBusyError(1));
      closeIfIdle(e);
    }, () => undefined);
  }

  private wait(pending: Pending, signal: AbortSignal | undefined): Promise<unknown> {
    pending.waiters += 1;
    if (!signal) return pending.promise.finally(() => void (pending.waiters -= 1));
    if (signal.aborted) {
      this.leave(pending);
      return Promise.reject(new QueryCancelledError());
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.leave(pending);
        reject(new QueryCancelledError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.promise.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          pending.waiters -= 1;
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          pending.waiters -= 1;
          reject(e);
        },
      );
    });
  }

  private leave(pending: Pending): void {
    pending.waiters -= 1;
    if (pending.waiters <= 0) pending.controller.abort();
  }

  /** Lease a connection (waiting in a bounded queue), run fn on it with the time limit, give it back. */
  private async runPooled<T>(entry: Opened, fn: (db: Database) => Promise<T>, signal?: AbortSignal): Promise<T> {
    // The computation holds the entry open itself: a cached answer may outlive the request that started it.
    entry.inFlight += 1;
    try {
      return await this.runLeased(entry, fn, signal);
    } finally {
      entry.inFlight -= 1;
      closeIfIdle(entry);
    }
  }

  private async runLeased<T>(entry: Opened, fn: (db: Database) => Promise<T>, signal?: AbortSignal): Promise<T> {
    const connection = await this.lease(entry, signal);
    let stopped: Error | undefined;
    let again: NodeJS.Timeout | undefined;
    const stop = (error: Error): void => {
      if (stopped) return;
      stopped = error;
      connection.interrupt();
      // An interrupt that lands before the query has started in DuckDB is lost: repeat it until the query ends.
      again = setInterval(() => connection.interrupt(), 50);
    };
    const timer = setTimeout(() => stop(new QueryTimeoutError(this.limits.timeoutMs)), this.limits.timeoutMs);
    const onAbort = (): void => stop(new QueryCancelledError());
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const value = await fn(leasedDatabase(entry.db, connection, () => stopped));
      if (stopped) throw stopped;
      return value;
    } catch (error) {
      throw stopped ?? error;
    } finally {
      clearTimeout(timer);
      clearInterval(again);
      signal?.removeEventListener('abort', onAbort);
      this.giveBack(entry, connection);
    }
  }

  private async lease(entry: Opened, signal?: AbortSignal): Promise<DuckDBConnection> {
    if (signal?.aborted) throw new QueryCancelledError();
    const idle = entry.idle.pop();
    if (idle) return idle;
    if (entry.connections < this.limits.connections) {
      entry.connections += 1;
      try {
        return entry.connections === 1 ? entry.db.connection : await entry.db.connect();
      } catch (error) {
        entry.connections -= 1;
        throw error;
      }
    }
    if (entry.waiting.length >= this.limits.queue) throw new ObservatoryBusyError(Math.max(1, Math.ceil(entry.waiting.length / (4 * this.limits.connections))));
    return new Promise<DuckDBConnection>((resolve, reject) => {
      const waiter = {
        resolve: (c: DuckDBConnection) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(c);
        },
        reject,
      };
      const onAbort = (): void => {
        const i = entry.waiting.indexOf(waiter);
        if (i >= 0) entry.waiting.splice(i, 1);
        reject(new QueryCancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.waiting.push(waiter);
    });
  }

  private giveBack(entry: Opened, connection: DuckDBConnection): void {
    const next = entry.waiting.shift();
    if (next) next.resolve(connection);
    else if (connection === entry.db.connection) entry.idle.push(connection);
    else if (entry.retired) {
      entry.connections -= 1;
      connection.closeSync();
    } else entry.idle.push(connection);
  }

  /** The current entry, counted as in use: the check and the count happen in one synchronous step, so a
   * concurrent request that retires the entry cannot close it under this one. */
  private async acquire(): Promise<Opened> {
    for (;;) {
      const path = resolveDbPath(this.dbPath);
      const stats = existsSync(path) ? statSync(path) : undefined;
      const open = (this.current ??= this.open(stats));
      const e = await open;
      if (e.retired) continue; // retired while we waited: take the newer one
      if (stats && (e.ino !== stats.ino || e.mtimeMs !== stats.mtimeMs)) {
        e.retired = true;
        closeIfIdle(e);
        if (this.current === open) this.current = undefined;
        continue;
      }
      e.inFlight += 1;
      return e;
    }
  }

  private open(stats: { ino: number; mtimeMs: number } | undefined): Promise<Opened> {
    const opening = openObservatory(this.dbPath).then(
      (db): Opened => ({
        db, ino: stats?.ino ?? 0, mtimeMs: stats?.mtimeMs ?? 0, inFlight: 0, retired: false, closed: false,
        idle: [], connections: 0, waiting: [], cache: new Map(), pending: new Map(),
      }),
    );
    opening.catch(() => {
      if (this.current === opening) this.current = undefined;
    });
    return opening;
  }
}
