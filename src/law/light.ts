/**
 * The bundled registry from its build-time snapshot (dist/registry-snapshot.json): the files were
 * validated when the snapshot was written, so a registry whose files still hash to its fingerprint
 * is rebuilt without YAML or zod. This module and what it imports load neither, so the CLI's
 * `comity decide` starts fast; any change to any file falls back to the full, validating load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CompiledRegistry } from './engine.js';
import { compileHolidays } from './federal-holidays.js';
import type { HolidayCalendarFile } from './federal-holidays-schema.js';
import type { Registry, RegisteredCatalog, RegisteredInstrument, RegisteredJurisdiction, RegisteredProvision } from './load-registry.js';
import { defaultPoliciesDir, snapshotPath } from './project-root.js';
import { registryFiles, registryStats } from './registry-files.js';
import type { Locate } from './yaml-file.js';

interface Snapshot {
  fingerprint: string;
  /** registryStats() when the snapshot was written: when it still matches, the files need not be read and hashed. */
  stats?: string;
  files: number;
  calendar: HolidayCalendarFile;
  jurisdictions: RegisteredJurisdiction[];
  catalogs: RegisteredCatalog[];
  instruments: Omit<RegisteredInstrument, 'locate'>[];
  provisions: (Omit<RegisteredProvision, 'instrument'> & { instrument: number })[];
  agreements287g: Registry['agreements287g'];
}

/** Serialize a validated registry (for the build: dist/registry-snapshot.json). */
export function registrySnapshot(r: Registry, stats?: string): string {
  const index = new Map(r.instruments.map((x, i) => [x, i]));
  const snap: Snapshot = {
    fingerprint: r.fingerprint, ...(stats ? { stats } : {}), files: r.files, calendar: r.calendar,
    jurisdictions: [...r.jurisdictions.values()], catalogs: [...r.catalogs.values()],
    instruments: r.instruments.map(({ locate: _locate, ...rest }) => rest),
    provisions: r.provisions.map((p) => ({ ...p, instrument: index.get(p.instrument)! })),
    agreements287g: r.agreements287g,
  };
  return JSON.stringify(snap);
}

const noLocate: Locate = () => ({});

export function readSnapshot(path: string, root: string): Registry | null {
  let snap: Snapshot;
  try {
    snap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return null; // unreadable: load the folder instead
  }
  // Same sizes and modification times: unchanged. Otherwise compare the contents' fingerprint.
  if (snap.stats !== registryStats(root) && snap.fingerprint !== registryFiles(root).fingerprint) return null;
  const fingerprint = snap.fingerprint;
  const instruments: RegisteredInstrument[] = snap.instruments.map((x) => ({ ...x, locate: noLocate }));
  return {
    jurisdictions: new Map(snap.jurisdictions.map((j) => [j.jurisdiction, j])),
    catalogs: new Map(snap.catalogs.map((c) => [c.id, c])),
    instruments,
    provisions: snap.provisions.map((p) => ({ ...p, instrument: instruments[p.instrument]! })),
    holidays: compileHolidays(snap.calendar),
    calendar: snap.calendar,
    agreements287g: snap.agreements287g ?? [],
    fingerprint,
    files: snap.files,
  };
}



let bundled: Registry | null | undefined;
/** The bundled registry, freshly compiled from its snapshot; null when there is none or the files changed since. */
export function bundledFromSnapshot(): CompiledRegistry | null {
  if (bundled === undefined) {
    const path = snapshotPath();
    bundled = existsSync(path) ? readSnapshot(path, defaultPoliciesDir()) : null;
  }
  return bundled ? new CompiledRegistry(bundled) : null;
}
