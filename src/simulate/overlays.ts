/**
 * Scenario policies as overlays on the law registry: new or ended provisions and agreements, run
 * through the same compiled engine as every decision. Nothing here decides; the engine does.
 */
import { createHash } from 'node:crypto';
import { Engine, type Registry, type RegisteredProvision } from '../law/index.js';
import type { RegisteredInstrument } from '../law/load-registry.js';
import { STATES } from '../law/states.js';
import { dayOf, isoOfDay } from '../law/days.js';
import type { PolicyOverlay } from './scenario-schema.js';

export class OverlayError extends Error {
  override readonly name = 'OverlayError';
  constructor(readonly index: number, message: string) {
    super(`policies.${index}: ${message}`);
  }
}

/** The instruments copied by the "state as" overlays (files under policies/). */
export const MODEL_INSTRUMENTS: Record<'state-as-california-sb54' | 'state-as-texas-sb4', string[]> = {
  'state-as-california-sb54': ['policies/states/ca/sb54-california-values-act.yaml'],
  'state-as-texas-sb4': ['policies/states/tx/sb4-ccp-detainers.yaml', 'policies/states/tx/sb4-gov-code-752.yaml'],
};

/** Categories of a violent or serious conviction, as the class facts carry them (classes.ts). */
const VIOLENT = ['violent_felony', 'serious_felony', 'violent', 'crime_of_violence'];

const dayBefore = (iso: string): string => isoOfDay(dayOf(iso) - 1);
const later = (a: string, b: string): string => (a > b ? a : b);

function stateOcd(code: string): string {
  const s = STATES.find((x) => x.code === code);
  return `ocd-division/country:us/${s?.ocdType === 'district' ? 'district' : 'state'}:${code}`;
}

function scenarioInstrument(base: Partial<RegisteredInstrument>, file: string, jurisdiction: string, title: string): RegisteredInstrument {
  return {
    description: `Scenario overlay: ${title}.`, title, instrument: 'ordinance', jurisdiction, citation: `Scenario ${file}`,
    references: [], ...base, file, locate: () => ({}),
  } as RegisteredInstrument;
}

/** Apply a scenario's policies to a registry: a new registry (the input is left alone). */
export function overlayRegistry(engine: Engine, policies: readonly PolicyOverlay[], scenarioFile: string, runFrom: string): Registry {
  const base = engine.registry;
  let provisions: RegisteredProvision[] = [...base.provisions];
  let agreements = [...base.agreements287g];
  policies.forEach((pol, index) => {
    if (pol.kind === 'detainer-limit') {
      const r = engine.compiled.resolve(pol.jurisdiction);
      if (!r.ok) throw new OverlayError(index, `jurisdiction: ${r.message}`);
      const j = r.value;
      if (j.level !== 'county' && j.level !== 'place') throw new OverlayError(index, `jurisdiction: ${j.name} is a ${j.level}; a detainer-limiting policy is a county's or a place's`);
      const title = `${j.name} limits ICE detainers (${pol.scope === 'all' ? 'no hold, notification or transfer' : 'no hold'}${pol.exceptViolent ? ', except after a violent or serious felony conviction' : ''}) from ${pol.from}`;
      const unless = pol.exceptViolent ? { conviction: { levels: ['felony' as const], anyOf: VIOLENT } } : undefined;
      const requests = pol.scope === 'all' ? (['HOLD', 'NOTIFY_RELEASE', 'TRANSFER'] as const) : (['HOLD'] as const);
      const instrument = scenarioInstrument({}, scenarioFile, j.id, title);
      provisions.push({
        id: `scenario.limit-${index}`, title, citation: instrument.citation, source: `scenario:${scenarioFile}`, verified: pol.from,
        effective: pol.from, status: 'in_force', appliesBy: 'decision', layering: 'ceiling', confidence: 'uncertain',
        confidenceNote: 'A hypothetical policy from a simulation scenario, not a registered law.',
        rules: [{ requests: [...requests], modality: 'MUST_NOT', ...(unless ? { unless } : {}) }],
        instrument, index: 0, jurisdiction: j.id, level: j.level,
      } as RegisteredProvision);
      return;
    }
    if (pol.kind === 'withdraw-287g') {
      const end = pol.from ?? runFrom;
      agreements = agreements.flatMap((a) => {
        if (a.signed < pol.signedSince) return [a];
        if (a.signed >= end) return [];
        return [{ ...a, ongoing: false, lastSeen: a.lastSeen < end ? a.lastSeen : dayBefore(end) }];
      });
      return;
    }
    const files = MODEL_INSTRUMENTS[pol.kind];
    const model = base.provisions.filter((p) => files.includes(p.instrument.file));
    if (model.length === 0) throw new OverlayError(index, `kind: the registry has none of ${files.join(', ')}`);
    const targets = pol.states === 'all' ? STATES.filter((s) => s.ocdType !== 'territory').map((s) => s.code) : pol.states;
    for (const st of targets) {
      if (!STATES.some((s) => s.code === st && s.ocdType !== 'territory')) throw new OverlayError(index, `states: unknown state "${st}"`);
      const sid = stateOcd(st);
      // The state's own law ends the day before; what it would have enacted later is left out.
      provisions = provisions.flatMap((p) => {
        if (p.jurisdiction !== sid || p.level !== 'state') return [p];
        if (p.effective >= pol.from) return [];
        if (p.ends && p.ends < pol.from) return [p];
        return [{ ...p, ends: dayBefore(pol.from) }];
      });
      for (const p of model) {
        if (p.ends && p.ends < pol.from) continue;
        const instrument = { ...p.instrument, jurisdiction: sid, file: `${scenarioFile} (copy of ${p.instrument.file})` };
        provisions.push({ ...p, id: `scenario-${st}.${p.id}`, jurisdiction: sid, effective: later(p.effective, pol.from), instrument });
      }
    }
  });
  const fingerprint = createHash('sha256').update(base.fingerprint).update(JSON.stringify(policies)).digest('hex');
  return { ...base, provisions, agreements287g: agreements, fingerprint };
}

/** The engine a scenario runs on: the bundled one, or one compiled over the overlaid registry. */
export function scenarioEngine(engine: Engine, policies: readonly PolicyOverlay[], scenarioFile: string, runFrom: string): Engine {
  if (policies.length === 0) return engine;
  return new Engine(overlayRegistry(engine, policies, scenarioFile, runFrom));
}
