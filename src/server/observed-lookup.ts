/** A jurisdiction's lists and observed metrics from the loaded records, or why they are not there yet. */
import type { Context } from 'hono';
import { DatabaseMissingError, DatabaseUnreadableError, ObservatoryBusyError, QueryCancelledError, observedFor, type JurisdictionRef, type LiveObservatory } from '../observe/index.js';

export type ObservedLookup = (c: Context, j: JurisdictionRef) => Promise<Record<string, unknown>>;

export function observedLookup(observatory: LiveObservatory): ObservedLookup {
  return async (c, j) => {
    try {
      const o = await observatory.cached(`jurisdiction:${j.id}`, (db) => observedFor(db, j), c.req.raw.signal);
      return { records: { status: 'loaded' }, ...o };
    } catch (error) {
      const status = error instanceof DatabaseMissingError || error instanceof DatabaseUnreadableError ? 'not loaded'
        : error instanceof ObservatoryBusyError || error instanceof QueryCancelledError ? 'busy' : undefined;
      if (!status) throw error;
      if (error instanceof DatabaseUnreadableError) console.error(error.message);
      const note = status === 'busy' ? 'The observatory is busy: ask again shortly for the lists and observed metrics.'
        : 'The records are not loaded yet (`comity data load`, or wait for `comity serve` to load them): the lists and observed metrics appear once they are.';
      return { records: { status, note }, lists: [], observed: [] };
    }
  };
}
