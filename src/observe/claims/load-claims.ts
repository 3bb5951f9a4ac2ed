// Read claim files: YAML with line numbers in errors, then the schema; all problems of a file at once.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { Claim } from './schema.js';

export interface ClaimProblem {
  file: string;
  line: number | null;
  path: string;
  message: string;
}

export class ClaimFileError extends Error {
  constructor(readonly problems: ClaimProblem[]) {
    super(problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    this.name = 'ClaimFileError';
  }
}

export function parseClaim(text: string, file: string): { ok: true; claim: Claim } | { ok: false; problems: ClaimProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? null, path: '', message: e.message.split('\n')[0] ?? e.message })) };
  }
  const parsed = Claim.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, claim: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : null;
      return { file, line, path: issue.path.join('.'), message: issue.message };
    }),
  };
}

export async function readClaimFile(file: string): Promise<Claim> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ClaimFileError([{ file, line: null, path: '', message: reason }]);
  }
  const result = parseClaim(text, file);
  if (!result.ok) throw new ClaimFileError(result.problems);
  return result.claim;
}

export async function claimFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort().map((f) => join(dir, f));
}
