// Opening the DuckDB file and running bound queries. Every session runs in UTC so dates never shift.
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

export const SESSION_TIME_ZONE = 'UTC';

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

/** A SQL string literal, for the few places a value cannot be a parameter (a COPY's path, a type's values). */
export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
export type Row = Record<string, string | number | boolean | null>;

export interface Database {
  readonly path: string;
  readonly connection: DuckDBConnection;
  /** Another connection to the same database (for running independent work concurrently), in UTC. */
  connect(): Promise<DuckDBConnection>;
  close(): void;
}

export class DatabaseMissingError extends Error {
  constructor(readonly path: string) {
    super(`no Comity database at ${path}: run \`comity data load\` first`);
    this.name = 'DatabaseMissingError';
  }
}

/** A file that exists but is not a Comity database (not DuckDB, or loaded without the observatory's tables). */
export class DatabaseUnreadableError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} is not a Comity database (${reason}): run \`comity data load --db ${path}\` to rebuild it, or pass another --db`);
    this.name = 'DatabaseUnreadableError';
  }
}

export async function openDatabase(path: string, options: { readOnly?: boolean } = {}): Promise<Database> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = 'READ_ONLY';
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  await connection.run(`SET TimeZone = '${SESSION_TIME_ZONE}'`);
  return {
    path,
    connection,
    async connect() {
      const extra = await instance.connect();
      await extra.run(`SET TimeZone = '${SESSION_TIME_ZONE}'`);
      return extra;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function plain(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Run a query with bound parameters; BIGINTs come back as numbers, dates as ISO strings. */
export async function query<T extends object = Row>(db: Database | DuckDBConnection, sql: string, params?: Params): Promise<T[]> {
  const connection = db instanceof DuckDBConnection ? db : db.connection;
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRowObjectsJS().map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) out[key] = plain(value);
    return out as T;
  });
}

export async function run(db: Database | DuckDBConnection, sql: string, params?: Params): Promise<void> {
  const connection = db instanceof DuckDBConnection ? db : db.connection;
  await connection.run(sql, params);
}
