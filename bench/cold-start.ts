// Cold start: the CLI deciding one small request, beside bare `node -e 0`, interleaved.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './rounds.js';

export interface ColdStart {
  /** Median wall time (ms) per command label. */
  medians: Record<string, number>;
  runs: number;
  failures: string[];
}

const SMALL_REQUEST = {
  jurisdiction: 'ocd-division/country:us/state:ca/county:orange',
  agency: { kind: 'sheriff_jail' },
  at: '2025-06-02T17:00:00Z',
  requests: ['HOLD', 'NOTIFY_RELEASE'],
  documents: ['I-247A'],
  person: { convictions: [{ date: '2019-04-01', level: 'felony', categories: ['burglary'] }] },
};

export function coldStart(root: string, runs: number): ColdStart {
  const dir = mkdtempSync(join(tmpdir(), 'comity-bench-'));
  const file = join(dir, 'request.json');
  writeFileSync(file, JSON.stringify(SMALL_REQUEST));
  const commands: Record<string, string[]> = {
    'node -e 0': ['-e', '0'],
    'comity decide <file>': ['bin/comity.js', 'decide', file],
    'comity --help': ['bin/comity.js', '--help'],
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const failures: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      for (const [label, args] of Object.entries(commands)) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
        times[label]!.push(performance.now() - t0);
        if (r.status !== 0 && failures.length < 3) failures.push(`${label}: exit ${r.status} ${r.stderr.trim().split('\n')[0] ?? ''}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { medians: Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)])), runs, failures };
}
