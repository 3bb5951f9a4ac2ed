/** One run's result: the headline figures with their 90% intervals and definitions, officer-hours by kind, the backlog chart. */
import { fmtNumber, useLang, type Lang } from '../i18n.js';
import { FIGURES, HOURS, type Figure, type SimulationResult } from '../simulation-figures.js';
import { Chart } from './chart.js';

export function fmtFigure(v: number, unit: Figure['unit'], lang: Lang, signed = false): string {
  const sign = signed ? { signDisplay: 'exceptZero' as const } : {};
  return unit === 'share'
    ? fmtNumber(v, lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, ...sign })
    : fmtNumber(v, lang, { maximumFractionDigits: 0, ...sign });
}

export function SimulationResultView({ result, jobId, headingRef }: { result: SimulationResult; jobId: string; headingRef?: { current: HTMLHeadingElement | null } }) {
  const { lang, t } = useLang();
  const s = result.scenario;
  return (
    <section class="card sim-result" aria-labelledby="sim-result-h" data-job={jobId}>
      <h2 id="sim-result-h" tabIndex={-1} ref={headingRef}>{t('scenResult')}: <span lang="en">{s.name}</span></h2>
      <p class="muted">{t('scenModelled')} · {s.from} – {s.to} · {t('scenReplications')}: {s.replications} · {t('scenSeed')}: {s.seed}</p>
      <dl class="facts">
        {FIGURES.map((f) => {
          const v = f.of(result);
          return [
            <dt key={`${f.key}-t`}>{t(f.key)}</dt>,
            <dd key={`${f.key}-d`} data-figure={f.key} data-value={v.mean}>
              <strong class="figure">{fmtFigure(v.mean, f.unit, lang)}</strong>{' '}
              <span>({t('scenInterval')}: {fmtFigure(v.p05, f.unit, lang)} – {fmtFigure(v.p95, f.unit, lang)})</span>
              {f.def ? <div class="muted">{t(f.def)}</div> : null}
            </dd>,
          ];
        })}
      </dl>
      <h3>{t('scenHours')}</h3>
      <p class="muted">{t('scenHoursDef')}</p>
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">{t('scenMeasure')}</th><th scope="col">{t('scenMean')}</th><th scope="col">{t('scenInterval')}</th></tr></thead>
          <tbody>
            {HOURS.map((f) => {
              const v = f.of(result);
              return <tr key={f.key}><th scope="row">{t(f.key)}</th><td>{fmtFigure(v.mean, 'hours', lang)}</td><td>{fmtFigure(v.p05, 'hours', lang)} – {fmtFigure(v.p95, 'hours', lang)}</td></tr>;
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('scenBacklog')}</h3>
      <p class="muted">{t('scenBacklogDef')}</p>
      <Chart label={t('scenBacklog')} deps={[jobId, lang]} draw={(Plot, width) => {
        const rows = result.backlog.map((b) => ({ month: new Date(`${b.month}-01T00:00:00Z`), mean: b.backlog.mean, p05: b.backlog.p05, p95: b.backlog.p95 }));
        return Plot.plot({
          width, height: 260, marginLeft: 70,
          x: { label: null, type: 'utc' },
          y: { label: t('scenPeople'), grid: true },
          marks: [
            Plot.areaY(rows, { x: 'month', y1: 'p05', y2: 'p95', fill: '#762a83', fillOpacity: 0.2 }),
            Plot.lineY(rows, { x: 'month', y: 'mean', stroke: '#762a83', strokeWidth: 2 }),
          ],
        });
      }} />
      <details>
        <summary>{t('scenBacklog')} ({result.backlog.length})</summary>
        <div class="table-scroll">
          <table>
            <thead><tr><th scope="col">{t('scenMonth')}</th><th scope="col">{t('scenMean')}</th><th scope="col">{t('scenInterval')}</th></tr></thead>
            <tbody>{result.backlog.map((b) => <tr key={b.month}><td>{b.month}</td><td>{fmtFigure(b.backlog.mean, 'count', lang)}</td><td>{fmtFigure(b.backlog.p05, 'count', lang)} – {fmtFigure(b.backlog.p95, 'count', lang)}</td></tr>)}</tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
