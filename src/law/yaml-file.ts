/** Parse a YAML file against a zod schema, reporting every problem with its file, line and key path. */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';

// The YAML parser is loaded on first use: an engine that starts from the build-time snapshot of the
// registry never parses YAML, and `comity decide` starts faster without it.
let yamlLib: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlLib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export interface FileProblem { file: string; line?: number; column?: number; path: string; message: string }

export type Locate = (path: (string | number)[]) => { line?: number; column?: number };
export type Parsed<T> = { ok: true; value: T; locate: Locate } | { ok: false; problems: FileProblem[] };

export function parseYamlFile<S extends z.ZodType>(file: string, text: string, schema: S): Parsed<z.infer<S>> {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, path: '', message: e.message.split('\n')[0]! };
      }),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [{ file, path: '', message: (e as Error).message.split('\n')[0]! }] };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data, locate: (path) => locate(doc, lineCounter, path) };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.map(String);
      const pos = locate(doc, lineCounter, issue.path as (string | number)[]);
      return { file, ...pos, path: path.join('.'), message: issue.message };
    }),
  };
}

/** The line of the deepest node that exists along a key path (a missing key points at its parent). */
function locate(doc: Document, lc: Yaml.LineCounter, path: (string | number)[]): { line?: number; column?: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (yaml().isNode(node) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  }
  return {};
}

export function formatProblem(p: FileProblem): string {
  const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  return `${where}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}
