/** A one-page memo for the jail's file: the request, each decision with its law, the disclaimer; print CSS strips the rest. */
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../api.js';
import { ProblemBox } from '../components/problem-box.js';
import { runDecision, type Outcome } from '../decision-run.js';
import { label, useLang } from '../i18n.js';
import { queryToForm } from '../tester-url.js';
import { nowLocal } from '../zoned-time.js';
import { OutcomeView } from './tester-page.js';

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
          <dl class="facts">
            <dt>{t('fJurisdiction')}</dt><dd lang="en">{outcome.response.jurisdiction.name} ({outcome.response.jurisdiction.id})</dd>
            <dt>{t('fAgency')}</dt><dd>{label(form.agency, lang)}</dd>
            <dt>{t('fAt')}</dt><dd>{outcome.request.at}</dd>
            <dt>{t('fRequests')}</dt><dd>{outcome.request.requests.map((r) => label(r, lang)).join('; ')}</dd>
            <dt>{t('fDocuments')}</dt><dd>{outcome.request.documents?.join(', ') || t('none')}</dd>
            {outcome.request.detainerReceivedAt ? <><dt>{t('fReceived')}</dt><dd>{outcome.request.detainerReceivedAt}</dd></> : null}
            {outcome.request.bookedAt ? <><dt>{t('fBooked')}</dt><dd>{outcome.request.bookedAt}</dd></> : null}
            {outcome.request.wouldBeReleasedAt ? <><dt>{t('fRelease')}</dt><dd>{outcome.request.wouldBeReleasedAt}</dd></> : null}
            {form.offenses.length ? <><dt>{t('fRecord')}</dt><dd>{form.offenses.map((o) => `${o.kind === 'conviction' ? t('fConviction') : t('fCharge')} ${o.date} ${label(o.level, lang)}${o.description ? ` (${o.description})` : ''}`).join('; ')}</dd></> : null}
          </dl>
          <OutcomeView outcome={outcome} compact />
          <p class="muted">{t('memoPrepared')} {outcome.response.registry}.</p>
        </>
      ) : null}
    </article>
  );
}
