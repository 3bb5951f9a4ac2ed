/** One request type's decision: the answer, the law that settled it, hold deadline, duties, citations, warnings, missing facts. */
import type { DecisionResponse } from '../api.js';
import { label, useLang } from '../i18n.js';
import { showInZone } from '../zoned-time.js';

type Decision = NonNullable<DecisionResponse['decisions'][keyof DecisionResponse['decisions']]>;

export function ModalityChip({ m }: { m: string }) {
  const { lang } = useLang();
  return <span class={`chip ${m}`}>{label(m, lang)} ({m})</span>;
}

export function DecisionView({ type, d, zone, compact = false }: { type: string; d: Decision; zone: string; compact?: boolean }) {
  const { lang, t } = useLang();
  const href = (c: string) => d.sources.find((s) => s.citation === c)?.href;
  return (
    <section class="decision" aria-labelledby={`d-${type}`} data-request={type} data-modality={d.modality}>
      <h3 id={`d-${type}`}>
        <span>{label(type, lang)}</span>
        <ModalityChip m={d.modality} />
      </h3>
      <dl class="facts">
        <dt>{t('decidedBy')}</dt>
        <dd>
          {href(d.decidedBy.citation) ? <a href={href(d.decidedBy.citation)} rel="noreferrer" target="_blank" lang="en">{d.decidedBy.citation}</a> : <span lang="en">{d.decidedBy.citation}</span>}
          {' '}· {t('level')}: {d.decidedBy.level} · {d.decidedBy.instrument}
        </dd>
        <dt>{t('confidence')}</dt>
        <dd>{d.confidence}</dd>
        {type === 'HOLD' ? (
          <>
            <dt>{t('holdUntil')}</dt>
            <dd data-testid="hold-until">{d.holdUntil ? <>{showInZone(d.holdUntil, zone, lang)} <span class="muted">({d.holdUntil})</span></> : t('holdNone')}</dd>
          </>
        ) : null}
      </dl>
      {d.duties.length ? (
        <>
          <h4>{t('duties')}</h4>
          <ul>
            {d.duties.map((x) => (
              <li key={x.kind + x.citation}>
                <span lang="en">{x.text}</span> <span class="muted" lang="en">— {x.citation}</span>
                {x.deadline ? <div><strong>{t('deadline')}:</strong> <span lang="en">{x.deadline}</span></div> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('missingFacts')}</h4>
      {d.missingFacts.length ? (
        <ul>{d.missingFacts.map((m) => <li key={m.fact + m.provision}><code>{m.fact}</code>: <span lang="en">{m.message}</span> <span class="muted" lang="en">({m.citation})</span></li>)}</ul>
      ) : <p>{t('noMissing')}</p>}
      <h4>{t('citations')}</h4>
      <ul>
        {d.citations.map((c) => <li key={c} lang="en">{href(c) ? <a href={href(c)} rel="noreferrer" target="_blank">{c}</a> : c}</li>)}
      </ul>
      {d.warnings.length && !compact ? (
        <details>
          <summary>{t('warnings')} ({d.warnings.length})</summary>
          <ul>{d.warningDetails.map((w) => <li key={w.text} lang="en">{w.text} {w.href ? <a href={w.href} rel="noreferrer" target="_blank">{w.citation}</a> : null}</li>)}</ul>
        </details>
      ) : null}
      {d.warnings.length && compact ? <><h4>{t('warnings')}</h4><ul>{d.warnings.map((w) => <li key={w} lang="en">{w}</li>)}</ul></> : null}
    </section>
  );
}
