/** The registry's zod schemas as JSON Schema, for editors (yaml-language-server) and for docs. */
import { z } from 'zod';
import { CatalogFile, InstrumentFile, JurisdictionFile } from './registry-schema.js';
import { DecisionRequest } from './request-schema.js';

export function registryJsonSchemas(): Record<string, unknown> {
  const opts = { io: 'input' as const, unrepresentable: 'any' as const };
  return {
    instrument: z.toJSONSchema(InstrumentFile, opts),
    jurisdiction: z.toJSONSchema(JurisdictionFile, opts),
    'offense-catalog': z.toJSONSchema(CatalogFile, opts),
    'decision-request': z.toJSONSchema(DecisionRequest, opts),
  };
}
