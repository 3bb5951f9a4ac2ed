/** Claims: each public statement with its verdict, the figures measured, the reasoning and the caveats. */
import { useEffect, useState } from 'preact/hooks';
import { claims, type Claim, type Problem } from '../api.js';
import { Chart } from '../components/chart.js';
import { fmtNumber, useLang } from '../i18n.js';

export function ClaimsPage() {
  const { lang, t } = useLang();
  const [list, setList] = useState<Claim[] | Problem | undefined>();
  useEffect(() => {
    void claims().then((r) => setList(r.ok ? r.data : r.problem));
  }, []);
  return (
    <>
      <h1>{t('claimsTitle')}</h1>
      <p class="intro">{t('claimsIntro')}</p>
      <p><a class="button secondary" href="/api/v1/observe/claims?format=json" download="claims.json">JSON</a></p>
      {list === undefined ? <p role="status">{t('loading')}</p> : Array.isArray(list) ? list.map((c) => {
        const figs = (c.figures ?? []).filter((f) => typeof f.value === 'number');
        return (
          <article class="card" key={c.id} id={`claim-${c.id}`} aria-labelledby={`claim-h-${c.id}`}>
            <h2 id={`claim-h-${c.id}`} lang="en">“{c.statement}”</h2>
            <p><span class="verdict">{t('verdict')}: {c.verdict}</span></p>
            {c.claimant ? <p>{t('claimant')}: <span lang="en">{c.claimant.who}{c.claimant.where ? `, ${c.claimant.where}` : ''}{c.claimant.date ? ` (${c.claimant.date})` : ''}</span> {c.claimant.url ? <a href={c.claimant.url} target="_blank" rel="noreferrer">{t('source')}</a> : null}</p> : null}
            <h3>{t('reasoning')}</h3>
            <p lang="en">{c.reasoning}</p>
            {figs.length ? (
              <>
                <h3>{t('figures')}</h3>
                <ul>{figs.map((f) => <li key={f.id} lang="en">{f.label}: <strong>{f.unit === 'share' || f.unit === 'growth' ? `${fmtNumber(f.value! * 100, lang, { maximumFractionDigits: 1 })}%` : fmtNumber(f.value!, lang)}</strong>{f.numerator !== undefined && f.denominator !== undefined ? ` (${fmtNumber(f.numerator, lang)} / ${fmtNumber(f.denominator, lang)})` : ''}{f.definition ? <div class="muted">{f.definition}</div> : null}</li>)}</ul>
                {figs.length > 1 && figs.every((f) => f.unit === figs[0]!.unit) ? (
                  <Chart label={c.statement} deps={[c.id, lang]} draw={(Plot, width) => Plot.plot({ width: Math.min(width, 640), height: 40 + 28 * figs.length, marginLeft: 200, x: { grid: true, label: figs[0]!.unit }, y: { label: null }, marks: [Plot.barX(figs, { y: (f: { label: string }) => f.label.slice(0, 40), x: 'value', fill: '#762a83' }), Plot.ruleX([0])] })} />
                ) : null}
              </>
            ) : null}
            {c.caveats?.length ? <><h3>{t('obsCaveats')}</h3><ul>{c.caveats.map((x) => <li key={x} lang="en">{x}</li>)}</ul></> : null}
          </article>
        );
      }) : <p class="notice" role="status">{list.status === 503 ? t('loadingRecords') : `${list.title}: ${list.detail}`}</p>}
    </>
  );
}
