/** Read a JSON document from a file or standard input ("-"), as a UsageError when it cannot be read or parsed. */
import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

export async function readJsonInput(file: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<unknown> {
  let text: string;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file === '-' ? 'stdin' : file}: not valid JSON (${(e as Error).message})`);
  }
}
