/** One observatory chart: its title, the chart, the definition and caveats from the API, the figures as a table, and the CSV. */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
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
  /** Show one group at a time: a select over the distinct values of `field` (named by `labelField`). */
  pick?: { field: string; labelField: string; label: string };
  children?: ComponentChildren;
}

export function MetricCard({ id, title, name, query, columns, draw, pick, children }: MetricCardProps) {
  const { lang, t } = useLang();
  const [result, setResult] = useState<MetricResult | Problem | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  useEffect(() => {
    setResult(undefined);
    void metric(name, query).then((r) => setResult(r.ok ? r.data : r.problem));
  }, [name, JSON.stringify(query)]);
  const groups = useMemo(() => {
    if (!pick || !result || !('rows' in result)) return [];
    const m = new Map<string, string>();
    for (const r of result.rows) if (r[pick.field] != null) m.set(String(r[pick.field]), String(r[pick.labelField] ?? r[pick.field]));
    return [...m].sort((a, b) => a[1].localeCompare(b[1]));
  }, [result]);
  const group = pick ? (groups.some(([k]) => k === chosen) ? chosen : groups[0]?.[0]) : undefined;
  const shown = result && 'rows' in result ? { ...result, rows: pick ? result.rows.filter((r) => String(r[pick.field]) === group) : result.rows } : result;
  const cell = (v: unknown) => (typeof v === 'number' ? fmtNumber(v, lang, { maximumFractionDigits: 4 }) : v === null || v === undefined ? '—' : String(v));
  return (
    <section class="card" aria-labelledby={id} data-metric={name}>
      <h2 id={id}>{title}</h2>
      {children}
      {pick && groups.length ? (
        <p>
          <label for={`${id}-pick`}>{pick.label}</label>{' '}
          <select id={`${id}-pick`} value={group} onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
            {groups.map(([k, l]) => <option key={k} value={k}>{l}</option>)}
          </select>
        </p>
      ) : null}
      {result === undefined || shown === undefined ? <p role="status">{t('loading')}</p> : 'rows' in shown ? (
        <>
          <Chart label={title} deps={[shown, lang]} draw={(Plot, width) => draw(Plot, shown.rows, width)} />
          <h3>{t('obsDefinition')}</h3>
          <p lang="en">{shown.definition}</p>
          {shown.period?.note ? <p class="muted" lang="en">{shown.period.note}</p> : null}
          <h3>{t('obsCaveats')}</h3>
          <ul>{shown.caveats.map((c) => <li key={c} lang="en">{c}</li>)}</ul>
          <details>
            <summary>{t('obsTable')} ({shown.rows.length})</summary>
            <div class="table-scroll" role="region" tabIndex={0} aria-label={`${title}: ${t('obsTable')}`}>
              <table>
                <thead><tr>{columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
                <tbody>{shown.rows.map((r, i) => <tr key={i}>{columns.map((c) => <td key={c} class={typeof r[c] === 'number' ? 'num' : ''}>{cell(r[c])}</td>)}</tr>)}</tbody>
              </table>
            </div>
          </details>
          <p><a class="button secondary" href={metricUrl(name, query, 'csv')} download={`${name.replace(/\//g, '-')}.csv`}>{t('obsCsv')}</a></p>
        </>
      ) : <p class="notice" role="status">{shown.status === 503 ? t('loadingRecords') : `${shown.title}: ${shown.detail}`}</p>}
    </section>
  );
}
