/** The decision tester: the form, the decision per request type, a shareable address and the memo. */
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../api.js';
import { DecisionView } from '../components/decision-view.js';
import { ProblemBox } from '../components/problem-box.js';
import { runDecision, type Outcome } from '../decision-run.js';
import { label, useLang } from '../i18n.js';
import { jurisdictionNames, matchNames, type NameOption } from '../jurisdiction-names.js';
import { jurisdictionHref, navigate } from '../router.js';
import { AGENCY_KINDS, DOCUMENTS, LEVELS, REGISTRANTS, REQUEST_TYPES, formToQuery, queryToForm, type OffenseRow, type TesterForm } from '../tester-url.js';
import { nowLocal } from '../zoned-time.js';

function toggle(list: string[], v: string, on: boolean): string[] {
  return on ? [...new Set([...list, v])] : list.filter((x) => x !== v);
}

export function TesterPage({ search }: { search: URLSearchParams }) {
  const { lang, t } = useLang();
  const [{ form: initial, issues }] = useState(() => queryToForm(search, nowLocal()));
  const [form, setForm] = useState<TesterForm>(initial);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [names, setNames] = useState<NameOption[]>([]);
  const [copied, setCopied] = useState(false);
  const set = (patch: Partial<TesterForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (f: TesterForm, push: boolean) => {
    setBusy(true);
    setProblem(undefined);
    if (push) navigate(`/decide?${formToQuery(f)}`, { replace: true });
    const r = await runDecision(f);
    setBusy(false);
    if (r.ok) {
      setOutcome(r.value);
      requestAnimationFrame(() => document.getElementById('result')?.focus());
    } else {
      setOutcome(undefined);
      setProblem(r.problem);
    }
  };

  // A shared address runs at once.
  useEffect(() => {
    if (initial.j) void submit(initial, false);
  }, []);

  const onJurisdiction = async (v: string) => {
    set({ j: v });
    if (v.trim().length >= 2) setNames(matchNames(await jurisdictionNames(), v));
  };

  const setOffense = (i: number, patch: Partial<OffenseRow>) => set({ offenses: form.offenses.map((o, k) => (k === i ? { ...o, ...patch } : o)) });
  const addOffense = (kind: OffenseRow['kind']) => set({ offenses: [...form.offenses, { kind, date: form.at.slice(0, 10), level: 'felony', description: '' }] });

  const shareUrl = `${location.origin}/decide?${formToQuery(form)}`;

  return (
    <>
      <h1>{t('testerTitle')}</h1>
      <p class="intro">{t('testerIntro')}</p>
      {issues.length ? (
        <div class="problem" role="alert">
          <strong>{t('badRequest')}</strong>
          <ul>{issues.map((i) => <li key={i}>{i}</li>)}</ul>
        </div>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(form, true);
        }}
        aria-describedby="tester-disclaimer"
      >
        <div class="grid2">
          <div class="field">
            <label for="f-j">{t('fJurisdiction')}</label>
            <p class="hint" id="f-j-hint">{t('fJurisdictionHint')}</p>
            <input id="f-j" name="j" type="text" required autocomplete="off" list="f-j-list" value={form.j} aria-describedby="f-j-hint"
              onInput={(e) => void onJurisdiction((e.target as HTMLInputElement).value)} size={34} />
            <datalist id="f-j-list">{names.map((n) => <option key={n.id} value={n.value} />)}</datalist>
          </div>
          <div class="field">
            <label for="f-agency">{t('fAgency')}</label>
            <select id="f-agency" value={form.agency} onChange={(e) => set({ agency: (e.target as HTMLSelectElement).value as TesterForm['agency'] })}>
              {AGENCY_KINDS.map((a) => <option key={a} value={a}>{label(a, lang)}</option>)}
            </select>
          </div>
          <div class="field">
            <label for="f-at">{t('fAt')}</label>
            <input id="f-at" type="datetime-local" required value={form.at} onInput={(e) => set({ at: (e.target as HTMLInputElement).value })} />
          </div>
        </div>
        <fieldset>
          <legend>{t('fRequests')}</legend>
          <div class="checks">
            {REQUEST_TYPES.map((r) => (
              <label key={r}><input type="checkbox" name="req" value={r} checked={form.requests.includes(r)} onChange={(e) => set({ requests: toggle(form.requests, r, (e.target as HTMLInputElement).checked) })} />{label(r, lang)}</label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('fDocuments')}</legend>
          <div class="checks">
            {DOCUMENTS.map((d) => (
              <label key={d}><input type="checkbox" name="docs" value={d} checked={form.documents.includes(d)} onChange={(e) => set({ documents: toggle(form.documents, d, (e.target as HTMLInputElement).checked) })} /><span lang="en">{d.startsWith('I-') ? d : d.replace(/_/g, ' ').toLowerCase()}</span></label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('fTimes')}</legend>
          <div class="grid2">
            {([['received', 'fReceived'], ['booked', 'fBooked'], ['release', 'fRelease']] as const).map(([k, key]) => (
              <div class="field" key={k}>
                <label for={`f-${k}`}>{t(key)}</label>
                <input id={`f-${k}`} type="datetime-local" value={form[k]} onInput={(e) => set({ [k]: (e.target as HTMLInputElement).value } as Partial<TesterForm>)} />
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('fRecord')}</legend>
          {form.offenses.map((o, i) => (
            <div class="offense" key={i} role="group" aria-label={`${o.kind === 'conviction' ? t('fConviction') : t('fCharge')} ${i + 1}`}>
              <strong>{o.kind === 'conviction' ? t('fConviction') : t('fCharge')}</strong>
              <div>
                <label for={`o-date-${i}`}>{t('fOffenseDate')}</label>
                <input id={`o-date-${i}`} type="date" required value={o.date} onInput={(e) => setOffense(i, { date: (e.target as HTMLInputElement).value })} />
              </div>
              <div>
                <label for={`o-level-${i}`}>{t('fOffenseLevel')}</label>
                <select id={`o-level-${i}`} value={o.level} onChange={(e) => setOffense(i, { level: (e.target as HTMLSelectElement).value as OffenseRow['level'] })}>
                  {LEVELS.map((l) => <option key={l} value={l}>{label(l, lang)}</option>)}
                </select>
              </div>
              <div>
                <label for={`o-desc-${i}`}>{t('fOffenseDesc')}</label>
                <input id={`o-desc-${i}`} type="text" maxLength={200} value={o.description} onInput={(e) => setOffense(i, { description: (e.target as HTMLInputElement).value })} />
              </div>
              <button type="button" class="secondary" onClick={() => set({ offenses: form.offenses.filter((_, k) => k !== i) })}>{t('fRemove')}</button>
            </div>
          ))}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => addOffense('conviction')}>{t('fAddConviction')}</button>
            <button type="button" class="secondary" onClick={() => addOffense('charge')}>{t('fAddCharge')}</button>
          </div>
          <div class="checks">
            {REGISTRANTS.map((r) => (
              <label key={r}><input type="checkbox" checked={form.registrant.includes(r)} onChange={(e) => set({ registrant: toggle(form.registrant, r, (e.target as HTMLInputElement).checked) })} />{t('fRegistrant')}: {label(r, lang)}</label>
            ))}
            <label><input type="checkbox" checked={form.proof} onChange={(e) => set({ proof: (e.target as HTMLInputElement).checked })} />{t('fProof')}</label>
            <label><input type="checkbox" checked={form.consent} onChange={(e) => set({ consent: (e.target as HTMLInputElement).checked })} />{t('fConsent')}</label>
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={busy}>{busy ? t('deciding') : t('decide')}</button>
          <button type="button" class="secondary" onClick={() => { void navigator.clipboard?.writeText(shareUrl).then(() => setCopied(true), () => setCopied(false)); navigate(`/decide?${formToQuery(form)}`, { replace: true }); }}>{t('share')}</button>
          <a class="button secondary" href={`/decide/memo?${formToQuery(form)}`}>{t('printMemo')}</a>
          <span role="status" aria-live="polite">{copied ? t('copied') : ''}</span>
        </div>
        <p id="tester-disclaimer" class="notice">{t('disclaimer')}</p>
      </form>
      <div aria-live="polite">
        {problem ? <ProblemBox problem={problem} title="badRequest" /> : null}
      </div>
      {outcome ? <OutcomeView outcome={outcome} /> : null}
    </>
  );
}

export function OutcomeView({ outcome, compact = false }: { outcome: Outcome; compact?: boolean }) {
  const { t } = useLang();
  const r = outcome.response;
  return (
    <section id="result" tabIndex={-1} aria-labelledby="result-h">
      <h2 id="result-h">{t('result')}: <span lang="en">{r.jurisdiction.name}</span></h2>
      <dl class="facts">
        <dt>{t('resultFor')}</dt>
        <dd><a href={jurisdictionHref(r.jurisdiction.id)}>{r.jurisdiction.id}</a></dd>
        <dt>{t('decisionDate')}</dt>
        <dd>{r.decisionDate} ({r.jurisdiction.timeZone})</dd>
        <dt>{t('agreement287g')}</dt>
        <dd>{r.agreement287g.models.length ? r.agreement287g.models.join(', ') : t('none')} <span class="muted" lang="en">— {r.agreement287g.note ?? r.agreement287g.source}</span></dd>
      </dl>
      {r.notes.length ? <><h3>{t('notes')}</h3><ul>{r.notes.map((n) => <li key={n} lang="en">{n}</li>)}</ul></> : null}
      {Object.entries(r.decisions).map(([type, d]) => d ? <DecisionView key={type} type={type} d={d} zone={r.jurisdiction.timeZone} compact={compact} /> : null)}
      {outcome.explanation && !compact ? (
        <details>
          <summary>{t('explanation')}</summary>
          <pre class="explain" lang="en">{outcome.explanation}</pre>
        </details>
      ) : null}
    </section>
  );
}
