/** A one-page memo for the jail's file: the request, each decision with its law, the disclaimer; print CSS strips the rest. */
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../api.js';
import { ProblemBox } from '../components/problem-box.js';
import { runDecision, type Outcome } from '../decision-run.js';
import { label, useLang } from '../i18n.js';
import { queryToForm } from '../tester-url.js';
import { nowLocal } from '../zoned-time.js';
import { ModalityChip } from '../components/decision-view.js';
import { showInZone } from '../zoned-time.js';
import type { DecisionResponse } from '../api.js';

type Decision = NonNullable<DecisionResponse['decisions'][keyof DecisionResponse['decisions']]>;

/** One decision, in the memo's few lines: answer, deciding law, hold end, duties, missing facts, citations, warnings in brief. */
function MemoDecision({ type, d, zone }: { type: string; d: Decision; zone: string }) {
  const { lang, t } = useLang();
  return (
    <section class="decision" data-request={type} data-modality={d.modality} aria-labelledby={`m-${type}`}>
      <h3 id={`m-${type}`}>{label(type, lang)}: <ModalityChip m={d.modality} /></h3>
      <p><strong>{t('decidedBy')}:</strong> <span lang="en">{d.decidedBy.citation}</span> ({d.decidedBy.level}; {t('confidence').toLowerCase()} {d.confidence})</p>
      {type === 'HOLD' ? <p><strong>{t('holdUntil')}:</strong> {d.holdUntil ? showInZone(d.holdUntil, zone, lang) : t('holdNone')}</p> : null}
      {d.duties.length ? <><strong>{t('duties')}:</strong><ul>{d.duties.map((x) => <li key={x.kind + x.citation} lang="en">{x.text}{x.deadline ? ` [${x.deadline}]` : ''}</li>)}</ul></> : null}
      {d.missingFacts.length ? <><strong>{t('missingFacts')}:</strong><ul>{d.missingFacts.map((m) => <li key={m.fact + m.provision} lang="en"><code>{m.fact}</code>: {m.message}</li>)}</ul></> : null}
      <p class="small"><strong>{t('citations')}:</strong> <span lang="en">{d.citations.join('; ')}</span></p>
      {d.warnings.length ? <p class="small"><strong>{t('warnings')}:</strong> <span lang="en">{d.warnings.map((w) => w.replace(/ Full note in warningDetails\.$/, '')).join(' — ')}</span></p> : null}
    </section>
  );
}

export function MemoPage({ search }: { search: URLSearchParams }) {
  const { lang, t } = useLang();
  const [{ form, issues }] = useState(() => queryToForm(search, nowLocal()));
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  useEffect(() => {
    void runDecision(form).then((r) => (r.ok ? setOutcome(r.value) : setProblem(r.problem)));
  }, []);
  const q = search.toString();
  return (
    <article class="memo">
      <div class="actions no-print">
        <a class="button secondary" href={`/decide?${q}`}>{t('memoBack')}</a>
        <button type="button" onClick={() => window.print()} disabled={!outcome}>{t('printMemo')}</button>
      </div>
      <h1>{t('memoTitle')}</h1>
      {issues.length ? <div class="problem" role="alert"><ul>{issues.map((i) => <li key={i}>{i}</li>)}</ul></div> : null}
      {problem ? <ProblemBox problem={problem} title="badRequest" /> : null}
      {!outcome && !problem ? <p role="status">{t('loading')}</p> : null}
      {outcome ? (
        <>
          <h2>{t('memoRequest')}</h2>
          <table class="memo-facts">
            <tbody>
              <tr><th scope="row">{t('fJurisdiction')}</th><td lang="en">{outcome.response.jurisdiction.name} — <code>{outcome.response.jurisdiction.id}</code></td></tr>
              <tr><th scope="row">{t('fAgency')}</th><td>{label(form.agency, lang)}</td></tr>
              <tr><th scope="row">{t('fAt')}</th><td>{outcome.request.at} ({outcome.response.jurisdiction.timeZone})</td></tr>
              <tr><th scope="row">{t('fRequests')}</th><td>{outcome.request.requests.map((r) => label(r, lang)).join('; ')}</td></tr>
              <tr><th scope="row">{t('fDocuments')}</th><td>{outcome.request.documents?.join(', ') || t('none')}</td></tr>
              {outcome.request.detainerReceivedAt ? <tr><th scope="row">{t('fReceived')}</th><td>{outcome.request.detainerReceivedAt}</td></tr> : null}
              {outcome.request.bookedAt ? <tr><th scope="row">{t('fBooked')}</th><td>{outcome.request.bookedAt}</td></tr> : null}
              {outcome.request.wouldBeReleasedAt ? <tr><th scope="row">{t('fRelease')}</th><td>{outcome.request.wouldBeReleasedAt}</td></tr> : null}
              {form.offenses.length ? <tr><th scope="row">{t('fRecord')}</th><td>{form.offenses.map((o) => `${o.kind === 'conviction' ? t('fConviction') : t('fCharge')} ${o.date} ${label(o.level, lang)}${o.description ? ` (${o.description})` : ''}`).join('; ')}</td></tr> : null}
              <tr><th scope="row">{t('agreement287g')}</th><td>{outcome.response.agreement287g.models.join(', ') || t('none')}</td></tr>
            </tbody>
          </table>
          <h2>{t('result')}</h2>
          {Object.entries(outcome.response.decisions).map(([type, d]) => d ? <MemoDecision key={type} type={type} d={d} zone={outcome.response.jurisdiction.timeZone} /> : null)}
          <p class="small memo-disclaimer">{t('disclaimer')} {t('memoPrepared')} {outcome.response.registry}.</p>
        </>
      ) : null}
    </article>
  );
}
