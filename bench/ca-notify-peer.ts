// The same California notification rule in a general-purpose rules engine (json-rules-engine), as a peer:
// the predicates are its facts, the rule is its conditions.
import { Engine } from 'json-rules-engine';
import type { DecisionRequest } from '../src/law/index.js';
import { facts } from './ca-notify-rule.js';

export function peerEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, fn] of Object.entries(facts)) {
    engine.addFact(name, (_params, almanac) => almanac.factValue<DecisionRequest>('request').then((r) => fn(r)));
  }
  engine.addRule({
    conditions: { any: Object.keys(facts).map((fact) => ({ fact, operator: 'equal', value: true })) },
    event: { type: 'MAY' },
  });
  return engine;
}

export async function caNotifyByPeer(engine: Engine, req: DecisionRequest): Promise<'MAY' | 'MUST_NOT'> {
  const { events } = await engine.run({ request: req });
  return events.length > 0 ? 'MAY' : 'MUST_NOT';
}
