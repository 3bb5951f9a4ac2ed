/**
 * The published request contract (contracts/decision-request.schema.json), generated from the zod
 * schema so the two cannot disagree. `comity policy contract --write` rewrites the file; a test fails
 * when the committed file differs from what this generates.
 */
import { z } from 'zod';
import { DecisionRequest } from './request-schema.js';

export function requestContract(): Record<string, unknown> {
  const schema = z.toJSONSchema(DecisionRequest, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown> & {
    properties: Record<string, Record<string, unknown>>;
  };
  // The refinements "must not repeat" are uniqueItems in JSON Schema.
  schema.properties.requests!.uniqueItems = true;
  schema.properties.documents!.uniqueItems = true;
  return {
    $schema: schema.$schema,
    $id: 'comity/decision-request',
    title: 'A question a jail or police agency asks: what may, must or must not we do with these ICE requests?',
    description: 'Generated from src/law/request-schema.ts. Instants lie in 1990-2100 and offense dates in 1900-2100; seconds run 00-59 (no leap second).',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}
