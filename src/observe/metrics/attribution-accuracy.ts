// How often the landmark → county attribution is right: precision and recall on the two hand-labelled random samples
// (reference/attribution/landmarks-random.yaml, tuned against; landmarks-holdout.yaml, never tuned against), by
// landmark and by arrest record, for every method and for CAP Local Incarceration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadGazetteer } from '../attribution/build.js';
import { type LabelledLandmark, measureAttribution } from '../attribution/measure.js';
import type { Database } from '../db.js';
import { projectRoot } from '../paths.js';
import type { MetricResult } from './common.js';
import type { ACCURACY_SAMPLES } from './domains.js';

export interface AttributionAccuracyRow {
  sample: string;
  records: string;
  landmarks: number;
  labelled: number;
  attributed: number;
  correct: number;
  precisionByLandmarkShare: number | null;
  precisionByRecordShare: number | null;
  recallByLandmarkShare: number | null;
  recallByRecordShare: number | null;
}

const SAMPLES: Record<(typeof ACCURACY_SAMPLES)[number], { file: string; note: string }> = {
  random: { file: 'landmarks-random.yaml', note: '350 landmarks drawn at random across methods and AORs; the matcher was improved while measuring on it' },
  holdout: { file: 'landmarks-holdout.yaml', note: '175 landmarks drawn with another seed, labelled before the matcher changed, never tuned against' },
};

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 10000);

export async function attributionAccuracy(db: Database, options: { sample?: (typeof ACCURACY_SAMPLES)[number] } = {}): Promise<MetricResult<AttributionAccuracyRow>> {
  const root = projectRoot() ?? '.';
  const gaz = await loadGazetteer(db);
  const rows: AttributionAccuracyRow[] = [];
  const wrong: string[] = [];
  for (const [name, sample] of Object.entries(SAMPLES)) {
    if (options.sample && options.sample !== name) continue;
    const labels = (parse(readFileSync(join(root, 'reference', 'attribution', sample.file), 'utf8')) as { landmarks: LabelledLandmark[] }).landmarks;
    for (const [scope, subset] of [['all methods', labels], ['CAP Local Incarceration', labels.filter((l) => l.method === 'CAP Local Incarceration')]] as const) {
      const m = measureAttribution(subset, gaz);
      if (scope === 'all methods') wrong.push(...m.wrong.map((w) => `${name}: ${w}`));
      rows.push({
        sample: name, records: scope, landmarks: m.landmarks, labelled: m.labelled.landmarks, attributed: m.attributed.landmarks, correct: m.correct.landmarks,
        precisionByLandmarkShare: round(m.precision.landmarks), precisionByRecordShare: round(m.precision.records),
        recallByLandmarkShare: round(m.recall.landmarks), recallByRecordShare: round(m.recall.records),
      });
    }
  }
  return {
    metric: 'attribution-accuracy',
    definition:
      'Precision = landmarks (or their arrest records) placed in the labelled county / all placed; recall = placed in the labelled county / all labelled with a county. Labels come from the landmark text (the county it names or implies), fips null where the text locates no single county. Targets: precision at least 98%, recall at least 75% for CAP Local Incarceration and 60% for every method, by landmark and by record.',
    filters: { sample: options.sample ?? null },
    rows,
    caveats: [
      ...Object.entries(SAMPLES).filter(([n]) => !options.sample || options.sample === n).map(([n, s]) => `${n}: ${s.note}.`),
      'The samples are of distinct (AOR, landmark) pairs; by record, each pair counts its FY2016–FY2019 arrests.',
      ...(wrong.length ? [`Placed in another county than the label: ${wrong.join('; ')}.`] : []),
    ],
  };
}
