// The same California notification rule in GoRules ZEN (a Rust rules engine, JDM decision graph), as a
// second peer: the predicates are computed by `facts.*` in JS, exactly as the json-rules-engine peer does,
// and the graph (input → expression → output) decides over those booleans.
import type { DecisionRequest } from '../src/law/index.js';
import { facts } from './ca-notify-rule.js';

type Answer = 'MAY' | 'MUST_NOT';
type FactName = keyof typeof facts;
const FACTS = Object.keys(facts) as FactName[];

export interface ZenPeer {
  /** Evaluate one request. */
  decide(req: DecisionRequest): Promise<Answer>;
  version: string;
}

/** The JDM graph: inputNode → expressionNode (notify = any fact ? MAY : MUST_NOT) → outputNode. */
export const caNotifyJdm = {
  nodes: [
    { id: 'request', name: 'request', type: 'inputNode', position: { x: 0, y: 0 }, content: {} },
    {
      id: 'rule', name: 'SB 54 + 7282.5', type: 'expressionNode', position: { x: 250, y: 0 },
      content: { expressions: [{ id: 'notify', key: 'notify', value: `${FACTS.join(' or ')} ? 'MAY' : 'MUST_NOT'` }] },
    },
    { id: 'response', name: 'response', type: 'outputNode', position: { x: 500, y: 0 }, content: {} },
  ],
  edges: [
    { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'rule' },
    { id: 'e2', type: 'edge', sourceId: 'rule', targetId: 'response' },
  ],
};

/** The boolean facts both peers decide over, computed in JS. */
export function factInput(req: DecisionRequest): Record<FactName, boolean> {
  const out = {} as Record<FactName, boolean>;
  for (const name of FACTS) out[name] = facts[name](req);
  return out;
}

/** The slice of @gorules/zen-engine this peer uses. */
interface ZenModule {
  ZenEngine: new () => { createDecision(graph: unknown): { evaluate(input: unknown): Promise<{ result: unknown }> } };
}

// Not a declared dependency: its lock file entries for other platforms break `npm ci` (npm 11), so
// install it when you want this peer: `npm install --no-save @gorules/zen-engine`.
const ZEN = '@gorules/zen-engine';

/** The ZEN peer, or why it cannot run here (package not installed, no binary for this platform). */
export async function zenPeer(): Promise<ZenPeer | { reason: string }> {
  try {
    const zen = (await import(ZEN)) as ZenModule;
    const { createRequire } = await import('node:module');
    const version = (createRequire(import.meta.url)(`${ZEN}/package.json`) as { version: string }).version;
    const decision = new zen.ZenEngine().createDecision(caNotifyJdm);
    const check = await decision.evaluate({ registrant: true });
    if ((check.result as { notify?: unknown }).notify !== 'MAY') return { reason: `unexpected answer ${JSON.stringify(check.result)}` };
    return {
      version,
      decide: async (req) => ((await decision.evaluate(factInput(req))).result as { notify: Answer }).notify,
    };
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_MODULE_NOT_FOUND') return { reason: `not installed (npm install --no-save ${ZEN} to include this peer)` };
    return { reason: err.message.split('\n')[0]! };
  }
}
