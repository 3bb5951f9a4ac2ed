/** Runs the tester's form: learns the jail's time zone, then asks for the decision and its explanation. */
import { decide, decideText, type DecisionRequest, type DecisionResponse, type Problem } from './api.js';
import { formToRequest, type TesterForm } from './tester-url.js';

export interface Outcome { request: DecisionRequest; response: DecisionResponse; explanation: string | undefined }

const zones = new Map<string, string>();

export async function runDecision(f: TesterForm): Promise<{ ok: true; value: Outcome } | { ok: false; problem: Problem }> {
  let zone = zones.get(f.j.trim());
  if (!zone) {
    // The jail's zone decides what the form's local times mean; a first answer names it.
    const probe = await decide(formToRequest(f, 'UTC'));
    if (!probe.ok) return probe;
    zone = probe.data.jurisdiction.timeZone;
    zones.set(f.j.trim(), zone);
  }
  const request = formToRequest(f, zone);
  const [r, text] = await Promise.all([decide(request), decideText(request)]);
  if (!r.ok) return r;
  return { ok: true, value: { request, response: r.data, explanation: text.ok ? text.data : undefined } };
}
