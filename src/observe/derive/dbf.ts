// A reader for dBase III tables (.dbf), the attribute table of a shapefile. The format is a 32-byte header, one
// 32-byte descriptor per field ended by 0x0D, then fixed-width records each led by a deletion flag ('*' = deleted).
import { DeriveError } from './csv.js';

export interface DbfField {
  name: string;
  /** dBase type letter: C character, N numeric, D date (YYYYMMDD), L logical, F float. */
  type: string;
  length: number;
}

export interface DbfTable {
  fields: DbfField[];
  /** Each record's values as text with trailing spaces removed (numeric fields also lose their leading pad). */
  records: Record<string, string>[];
}

export function readDbf(bytes: Uint8Array, source: string, encoding = 'utf-8'): DbfTable {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 32) throw new DeriveError(source, 'not a dBase file: shorter than its 32-byte header');
  const count = buf.readUInt32LE(4);
  const headerLength = buf.readUInt16LE(8);
  const recordLength = buf.readUInt16LE(10);
  const fields: DbfField[] = [];
  for (let p = 32; p < headerLength - 1 && buf[p] !== 0x0d; p += 32) {
    const raw = buf.subarray(p, p + 11);
    const end = raw.indexOf(0);
    fields.push({ name: raw.subarray(0, end < 0 ? 11 : end).toString('latin1'), type: String.fromCharCode(buf[p + 11] ?? 0), length: buf[p + 16] ?? 0 });
  }
  const width = 1 + fields.reduce((sum, f) => sum + f.length, 0);
  if (fields.length === 0 || width !== recordLength) throw new DeriveError(source, `not a dBase III table: fields add up to ${width} bytes, header says ${recordLength}`);
  if (headerLength + count * recordLength > buf.length) throw new DeriveError(source, `truncated: header announces ${count} records of ${recordLength} bytes`);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const records: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const start = headerLength + i * recordLength;
    if (buf[start] === 0x2a) continue; // deleted
    const record: Record<string, string> = {};
    let q = start + 1;
    for (const f of fields) {
      let text: string;
      try {
        text = decoder.decode(buf.subarray(q, q + f.length));
      } catch {
        throw new DeriveError(source, `record ${i + 1}, field ${f.name}: not valid ${encoding}`);
      }
      record[f.name] = f.type === 'C' ? text.replace(/ +$/, '') : text.trim();
      q += f.length;
    }
    records.push(record);
  }
  return { fields, records };
}
