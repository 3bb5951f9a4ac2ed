// Writing CSV the way the published copies were written (Python's csv module, QUOTE_MINIMAL, "\n" line ends):
// a field is quoted only when it holds a comma, a double quote or a line break.

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvText(header: readonly string[], rows: Iterable<readonly string[]>): Uint8Array {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** A whole number as Python prints a float (`200.0`); other numbers as JavaScript prints them. */
export function pyFloat(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? `${n}.0` : String(n);
}

/** Thrown when an original does not have the layout a derivation expects; `source` names the original. */
export class DeriveError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
    this.name = 'DeriveError';
  }
}
