// Precision and recall of the landmark → county attribution on hand-labelled landmarks, by landmark and by record.
import type { Gazetteer } from './gazetteer.js';
import { attributeLandmark } from './match.js';

export interface LabelledLandmark {
  aor: string | null;
  landmark: string;
  /** The county the text names or implies, or null when it locates no single county. */
  fips: string | null;
  method?: string;
  /** Arrest records with this (AOR, landmark). */
  arrests?: number;
}

export interface AttributionMeasure {
  landmarks: number;
  records: number;
  labelled: { landmarks: number; records: number };
  attributed: { landmarks: number; records: number };
  correct: { landmarks: number; records: number };
  /** correct / attributed (null when nothing is attributed). */
  precision: { landmarks: number | null; records: number | null };
  /** correct / labelled (null when nothing is labelled). */
  recall: { landmarks: number | null; records: number | null };
  /** Attributed to another county than the label: "AOR LANDMARK: got X, labelled Y". */
  wrong: string[];
  /** Labelled with a county but not attributed: "AOR LANDMARK: reason detail, labelled Y". */
  missed: string[];
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function measureAttribution(rows: readonly LabelledLandmark[], gaz: Gazetteer): AttributionMeasure {
  const m = { records: 0, labelled: [0, 0], attributed: [0, 0], correct: [0, 0], wrong: [] as string[], missed: [] as string[] };
  const add = (pair: number[], n: number) => {
    pair[0] = (pair[0] ?? 0) + 1;
    pair[1] = (pair[1] ?? 0) + n;
  };
  for (const r of rows) {
    const n = r.arrests ?? 1;
    const a = attributeLandmark(r.landmark, r.aor, gaz);
    m.records += n;
    if (r.fips) add(m.labelled, n);
    if (a.fips !== null) {
      add(m.attributed, n);
      if (a.fips === r.fips) add(m.correct, n);
      else m.wrong.push(`${r.aor ?? '-'} ${r.landmark}: got ${a.fips}, labelled ${String(r.fips)}`);
    } else if (r.fips) m.missed.push(`${r.aor ?? '-'} ${r.landmark}: ${a.reason}${a.detail ? ` ${a.detail}` : ''}, labelled ${r.fips}`);
  }
  const pair = (p: number[]) => ({ landmarks: p[0] ?? 0, records: p[1] ?? 0 });
  const [lab, att, cor] = [pair(m.labelled), pair(m.attributed), pair(m.correct)];
  return {
    landmarks: rows.length,
    records: m.records,
    labelled: lab,
    attributed: att,
    correct: cor,
    precision: { landmarks: ratio(cor.landmarks, att.landmarks), records: ratio(cor.records, att.records) },
    recall: { landmarks: ratio(cor.landmarks, lab.landmarks), records: ratio(cor.records, lab.records) },
    wrong: m.wrong,
    missed: m.missed,
  };
}
