// How a raw file becomes a typed table: the reader's dialect and one expression per output column.
// Expressions are generated twice: strict (a bad value aborts the load) and lenient (try_*, used only to
// find the offending row when a strict load has failed).

export type FieldType = 'text' | 'int' | 'num' | 'date' | 'fips' | 'raw';
export interface Field {
  /** Output column name. */
  name: string;
  type: FieldType;
  /** Raw column it comes from (a key of TableSpec.columns). */
  from?: string;
  /** strptime format for dates. */
  format?: string;
  /** Raw SQL for derived columns (type 'raw'), over the raw row `r`. */
  sql?: string;
  /** FIPS width (2 for states, 5 for counties). */
  width?: number;
  /** For a raw field that can reject a row: SQL true for a bad row (over the same FROM as the load). */
  bad?: string;
  /** What a bad value means, for the load error. */
  describe?: string;
}

export interface TableSpec {
  table: string;
  /** Dataset folder and file names, relative to the data directory. */
  files: readonly string[];
  delim: string;
  /** Lines before the header row. */
  skip: number;
  /** Raw column names in file order (renamed to short identifiers). */
  columns: readonly string[];
  fields: readonly Field[];
  /** Extra FROM clause after the raw reader `r` (joins to reference tables). */
  join?: string;
  /**
   * Columns computed once per row before the fields and the join (which may use them as r."name"), for an
   * expression that both a field and the join need. Raw SQL over the raw row `r`.
   */
  derived?: Readonly<Record<string, string>>;
  /**
   * For a table built from several files: the column that tells the files apart and its value for each file,
   * so the per-file row counts need no file name stored in every row.
   */
  perFile?: { column: string; key: (file: string) => string | number };
  /**
   * For a source known to repeat whole rows (a scrape, not events): why exact duplicates are dropped at load.
   * The rows read and kept are recorded in the `dropped_duplicates` table. Never set for ICE's records, whose
   * identical rows may be real events.
   */
  distinct?: string;
  description: string;
}

const q = (id: string): string => `r."${id.replaceAll('"', '""')}"`;
/** Name of a raw column's trimmed copy in the inner projection of `selectSql`. */
const trimmedName = (id: string): string => `${id}$trimmed`;

/** Text cleaned of padding, with blanks and FOIA redaction markers ("(B)(6)…") as NULL. */
export const cleanText = (col: string): string =>
  `CASE WHEN trim(${col}) = '' OR trim(${col}) LIKE '(B)(%' THEN NULL ELSE trim(${col}) END`;
/** The same over a column that is already trimmed. */
const cleanTrimmed = (col: string): string => `CASE WHEN ${col} = '' OR ${col} LIKE '(B)(%' THEN NULL ELSE ${col} END`;

/**
 * Raw columns the CSV reader itself can read as dates (faster than strptime over text: about 0.3 s of CPU less for
 * the removals' three date columns): the columns that feed only date fields, when the spec's date fields share one
 * format of whole days, and that no raw field, derived column or join reads. Undefined when there are none.
 */
export interface ReaderDates { columns: ReadonlySet<string>; format: string }

export function readerDates(spec: TableSpec): ReaderDates | undefined {
  const dates = spec.fields.filter((f) => f.type === 'date' && f.from);
  const formats = new Set(dates.map((f) => f.format ?? '%Y-%m-%d'));
  const [format] = formats;
  // Whole days only: the reader's date type takes no time of day, and a month alone is left to strptime.
  if (format === undefined || formats.size > 1 || !format.includes('%d') || /%[HIMSfpzZ]/.test(format)) return undefined;
  const sqlText = [...spec.fields.map((f) => f.sql ?? ''), ...Object.values(spec.derived ?? {}), spec.join ?? ''].join(' ');
  const columns = new Set(dates.map((f) => f.from ?? '').filter((c) =>
    spec.fields.every((f) => f.from !== c || f.type === 'date') && !sqlText.includes(`r."${c}"`) && !new RegExp(`\\br\\.${c}\\b`).test(sqlText)));
  return columns.size > 0 ? { columns, format } : undefined;
}

/**
 * One output column. With `pretrimmed`, the field reads the trimmed copy of its raw column (computed once per row
 * by `selectSql`) instead of trimming it again in every sub-expression; the value is the same. A date field whose
 * raw column the reader reads as a date (`typed`) is that column.
 */
export function fieldSql(field: Field, lenient: boolean, pretrimmed = false, typed?: ReaderDates): string {
  if (field.type === 'date' && field.from && typed?.columns.has(field.from)) return q(field.from);
  const col = field.from ? (pretrimmed ? q(trimmedName(field.from)) : q(field.from)) : '';
  const tc = pretrimmed ? col : `trim(${col})`;
  const t = lenient ? 'TRY_CAST' : 'CAST';
  switch (field.type) {
    case 'text':
      return pretrimmed ? cleanTrimmed(col) : cleanText(col);
    case 'int':
      return `${t}(CAST(${t}(nullif(replace(${tc}, ',', ''), '') AS DOUBLE) AS BIGINT) AS BIGINT)`;
    case 'num':
      return `${t}(nullif(replace(${tc}, ',', ''), '') AS DOUBLE)`;
    case 'date':
      return `CAST(${lenient ? 'try_strptime' : 'strptime'}(nullif(${tc}, ''), '${field.format ?? '%Y-%m-%d'}') AS DATE)`;
    case 'fips': {
      const w = field.width ?? 5;
      return `CASE WHEN nullif(${tc}, '') IS NULL THEN NULL ELSE lpad(CAST(${t}(${t}(${tc} AS DOUBLE) AS BIGINT) AS VARCHAR), ${w}, '0') END`;
    }
    case 'raw':
      return field.sql ?? 'NULL';
  }
}

/** Fields whose raw value can be malformed, with the lenient test for "present but unparseable". */
export function checkedFields(spec: TableSpec): { field: Field; bad: string; value: string }[] {
  return spec.fields.flatMap((f) => {
    if (f.type === 'raw') return f.bad ? [{ field: f, bad: `(${f.bad})`, value: f.from ? q(f.from) : 'NULL' }] : [];
    if (!f.from || f.type === 'text') return [];
    return [{ field: f, bad: `(nullif(trim(${q(f.from)}), '') IS NOT NULL AND (${fieldSql(f, true)}) IS NULL)`, value: q(f.from) }];
  });
}

/** The CSV reader: every column as text, or with `typed`, its date columns as dates in their format. */
export function readerSql(spec: TableSpec, filesParam: string, typed?: ReaderDates): string {
  const columns = spec.columns.map((c) => `'${c.replaceAll("'", "''")}': '${typed?.columns.has(c) ? 'DATE' : 'VARCHAR'}'`).join(', ');
  const delim = spec.delim.replaceAll("'", "''");
  const dateformat = typed ? `, dateformat='${typed.format.replaceAll("'", "''")}'` : '';
  return `read_csv(${filesParam}, delim='${delim}', quote='"', escape='"', header=true, skip=${spec.skip}, columns={${columns}}, filename=true, strict_mode=true, auto_detect=false${dateformat})`;
}

/**
 * The load's SELECT. An inner projection trims each raw column a typed field reads once (and computes the spec's
 * derived columns once), keeping the raw columns beside them for raw-SQL fields; the outer one builds the fields.
 * With `typed` (readerDates), the reader parses those date columns itself (trimming spaces, as the text form does):
 * a date it cannot read fails the statement, and the load then runs the text form (without `typed`).
 */
export function selectSql(spec: TableSpec, filesParam: string, typed?: ReaderDates): string {
  const list = spec.fields.map((f) => `${fieldSql(f, false, Boolean(f.from) && f.type !== 'raw', typed)} AS "${f.name}"`).join(',\n  ');
  return `SELECT\n  ${list}\n${fromSql(spec, filesParam, { ...(typed ? { typed } : {}) })}`;
}

/** Name of the data-row number column that `fromSql` adds for the diagnosis (1 = first row after the header). */
export const ROW_NUMBER = '$row';

/** The FROM clause of the load's SELECT (raw row, trimmed copies, derived columns, join), shared with the diagnosis. */
export function fromSql(spec: TableSpec, filesParam: string, options: { rowNumber?: boolean; typed?: ReaderDates } = {}): string {
  const typed = [...new Set(spec.fields.filter((f) => f.from && f.type !== 'raw').map((f) => f.from ?? ''))].filter((c) => !options.typed?.columns.has(c));
  const inner = [
    // Numbered in the scan itself, before any join can reorder the rows (a file is read by one thread, in order).
    ...(options.rowNumber ? [`row_number() OVER () AS "${ROW_NUMBER}"`] : []),
    'r.*',
    ...typed.map((c) => `trim(${q(c)}) AS "${trimmedName(c).replaceAll('"', '""')}"`),
    ...Object.entries(spec.derived ?? {}).map(([name, sql]) => `${sql} AS "${name.replaceAll('"', '""')}"`),
  ].join(', ');
  return `FROM (SELECT ${inner} FROM ${readerSql(spec, filesParam, options.typed)} r) r ${spec.join ?? ''}`;
}
