/** One observatory chart: its title, the chart, the definition and caveats from the API, the figures as a table, and the CSV. */
import { useEffect, useState } from 'preact/hooks';
import { metric, metricUrl, type MetricResult, type Problem } from '../api.js';
import { fmtNumber, useLang } from '../i18n.js';
import { Chart } from './chart.js';

type PlotModule = typeof import('@observablehq/plot');

export interface MetricCardProps {
  id: string;
  title: string;
  name: string;
  query: Record<string, string>;
  columns: string[];
  draw: (Plot: PlotModule, rows: Record<string, unknown>[], width: number) => Element;
}

export function MetricCard({ id, title, name, query, columns, draw }: MetricCardProps) {
  const { lang, t } = useLang();
  const [result, setResult] = useState<MetricResult | Problem | undefined>();
  useEffect(() => {
    void metric(name, query).then((r) => setResult(r.ok ? r.data : r.problem));
  }, [name, JSON.stringify(query)]);
  const cell = (v: unknown) => (typeof v === 'number' ? fmtNumber(v, lang, { maximumFractionDigits: 4 }) : v === null || v === undefined ? '—' : String(v));
  return (
    <section class="card" aria-labelledby={id} data-metric={name}>
      <h2 id={id}>{title}</h2>
      {result === undefined ? <p role="status">{t('loading')}</p> : 'rows' in result ? (
        <>
          <Chart label={title} deps={[result, lang]} draw={(Plot, width) => draw(Plot, result.rows, width)} />
          <h3>{t('obsDefinition')}</h3>
          <p lang="en">{result.definition}</p>
          {result.period?.note ? <p class="muted" lang="en">{result.period.note}</p> : null}
          <h3>{t('obsCaveats')}</h3>
          <ul>{result.caveats.map((c) => <li key={c} lang="en">{c}</li>)}</ul>
          <details>
            <summary>{t('obsTable')} ({result.rows.length})</summary>
            <div class="table-scroll" role="region" tabIndex={0} aria-label={`${title}: ${t('obsTable')}`}>
              <table>
                <thead><tr>{columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
                <tbody>{result.rows.map((r, i) => <tr key={i}>{columns.map((c) => <td key={c} class={typeof r[c] === 'number' ? 'num' : ''}>{cell(r[c])}</td>)}</tr>)}</tbody>
              </table>
            </div>
          </details>
          <p><a class="button secondary" href={metricUrl(name, query, 'csv')} download={`${name.replace(/\//g, '-')}.csv`}>{t('obsCsv')}</a></p>
        </>
      ) : <p class="notice" role="status">{result.status === 503 ? t('loadingRecords') : `${result.title}: ${result.detail}`}</p>}
    </section>
  );
}
