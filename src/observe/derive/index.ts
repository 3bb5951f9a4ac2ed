// The derivations `comity data fetch` runs: each turns the downloaded original(s) into the file Comity reads.
import { censusSubset } from './census.js';
import { countyLocalJails, prisonBoundariesAttributes } from './hifld.js';
import { ice287gParticipating, ice287gTracked, ice287gWayback } from './ice-287g.js';
import { tracCountyMonth } from './trac-arrests.js';

export { DeriveError } from './csv.js';

/** (original bytes, the names of the originals for messages) → the derived file's bytes. */
export type Derivation = (inputs: readonly Uint8Array[], sources: readonly string[]) => Uint8Array | Promise<Uint8Array>;

export const DERIVATIONS = {
  'census-subset': censusSubset,
  'hifld-attributes': prisonBoundariesAttributes,
  'hifld-county-jails': countyLocalJails,
  'ice-287g-participating': ice287gParticipating,
  'ice-287g-wayback': ice287gWayback,
  'ice-287g-tracked': ice287gTracked,
  'trac-county-month': tracCountyMonth,
} satisfies Record<string, Derivation>;

export type DerivationName = keyof typeof DERIVATIONS;
