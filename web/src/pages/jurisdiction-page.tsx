/**
 * A jurisdiction's page: what the law answers today per request type, the law layer by layer (the
 * engine's trace), the answer's timeline, 287(g) agreements, the published lists and observed arrests.
 * Built from POST /decide and the observatory's metrics; GET /jurisdictions/{id} is probed and its
 * absence said.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { decide, jurisdictionRecord, metric, metricUrl, today, type DecisionRequest, type DecisionResponse, type MetricResult, type Problem } from '../api.js';
import { Chart } from '../components/chart.js';
import { ModalityChip } from '../components/decision-view.js';
import { ProblemBox } from '../components/problem-box.js';
import { fmtNumber, label, useLang } from '../i18n.js';
import { REQUEST_TYPES } from '../tester-url.js';

const UNIFIED = new Set(['ak', 'ct', 'de', 'hi', 'ri', 'vt']);
const LEVEL_ORDER = ['federal', 'state', 'county', 'place', 'agency'];

/** ICE's usual paper on a date (as the law map takes it). */
function standardDocuments(date: string): DecisionRequest['documents'] {
  if (date >= '2017-04-02') return ['I-247A', 'I-200'];
  if (date >= '2015-07-02') return ['I-247D'];
  return ['I-247'];
}

function agencyFor(id: string): DecisionRequest['agency']['kind'] {
  if (/\/place:/.test(id)) return 'municipal_police';
  const st = /\/(?:state|district):([a-z]{2})/.exec(id)?.[1] ?? '';
  return UNIFIED.has(st) ? 'state_prison' : 'sheriff_jail';
}

function standard(id: string, date: string, requests: DecisionRequest['requests']): DecisionRequest {
  const at = `${date}T18:00:00Z`;
  return { jurisdiction: id, agency: { kind: agencyFor(id) }, at, requests, documents: standardDocuments(date), wouldBeReleasedAt: at, detainerReceivedAt: at };
}

interface TimelineRow { date: string; hold: string; notify: string; holdBy: string; notifyBy: string }

export function JurisdictionPage({ id: raw }: { id: string }) {
  const { lang, t } = useLang();
  const id = useMemo(() => raw.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } }).join('/'), [raw]);
  const day = today();
  const [now, setNow] = useState<DecisionResponse | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [hasRecord, setHasRecord] = useState<boolean | undefined>();
  const [timeline, setTimeline] = useState<TimelineRow[] | undefined>();
  const [traceType, setTraceType] = useState('HOLD');
  const [lists, setLists] = useState<MetricResult | Problem | undefined>();
  const [observed, setObserved] = useState<{ fy: number; custodial: number; atLarge: number; other: number; total: number }[] | Problem | undefined>();

  useEffect(() => {
    setNow(undefined); setProblem(undefined); setTimeline(undefined); setLists(undefined); setObserved(undefined);
    void jurisdictionRecord(id).then((r) => setHasRecord(r.ok));
    void decide(standard(id, day, [...REQUEST_TYPES])).then((r) => (r.ok ? setNow(r.data) : setProblem(r.problem)));
  }, [id]);

  useEffect(() => {
    if (!now) return;
    const jid = now.jurisdiction.id;
    const dates = [...Array.from({ length: Number(day.slice(0, 4)) - 2013 + 1 }, (_, i) => `${2013 + i}-01-01`), day];
    void Promise.all(dates.map((d) => decide(standard(jid, d, ['HOLD', 'NOTIFY_RELEASE'])))).then((rs) => {
      const rows: TimelineRow[] = [];
      rs.forEach((r, i) => {
        if (!r.ok) return;
        const h = r.data.decisions.HOLD!;
        const n = r.data.decisions.NOTIFY_RELEASE!;
        rows.push({ date: dates[i]!, hold: h.modality, notify: n.modality, holdBy: h.decidedBy.citation, notifyBy: n.decidedBy.citation });
      });
      setTimeline(rows);
    });
    void metric('sanctuary-lists').then((r) => setLists(r.ok ? r.data : r.problem));
    const fips = now.jurisdiction.fips;
    if (now.jurisdiction.level === 'county' && fips) {
      void Promise.all([2016, 2017, 2018, 2019].map((fy) => metric('custodial-share', { county: fips, fy: String(fy) }))).then((rs) => {
        const bad = rs.find((r) => !r.ok);
        if (bad && !bad.ok) return setObserved(bad.problem);
        setObserved(rs.flatMap((r, i) => {
          if (!r.ok) return [];
          const row = r.data.rows[0] as { total?: number; custodial?: number; atLarge?: number; other?: number } | undefined;
          return row?.total ? [{ fy: 2016 + i, total: row.total, custodial: row.custodial ?? 0, atLarge: row.atLarge ?? 0, other: row.other ?? 0 }] : [];
        }));
      });
    }
  }, [now]);

  if (problem) return (<><h1>{t('jTitle')}</h1><ProblemBox problem={problem} /></>);
  if (!now) return (<><h1>{t('jTitle')}</h1><p role="status">{t('loading')}</p></>);

  const j = now.jurisdiction;
  const trace = (now.trace ?? []).filter((x) => x.request === traceType).sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  const listRows = lists && 'rows' in lists ? lists.rows.filter((r) => r.jurisdictionId === j.id || (j.fips && r.countyFips === j.fips && r.level === 'county')) : [];
  const testHref = `/decide?${new URLSearchParams({ j: j.id, agency: agencyFor(j.id), req: 'HOLD,NOTIFY_RELEASE', docs: 'I-247A,I-200' }).toString()}`;

  return (
    <>
      <h1 lang="en">{j.name}</h1>
      <p class="muted"><code>{j.id}</code>{j.fips ? ` · FIPS ${j.fips}` : ''} · {j.timeZone}</p>
      {hasRecord === false ? <p class="notice">{t('jFullRecordMissing')}</p> : null}
      <p class="notice">{t('disclaimer')}</p>
      <p><a class="button" href={testHref}>{t('jTryDecide')}</a></p>

      <h2>{t('jToday')} ({now.decisionDate})</h2>
      <div class="table-scroll" role="region" tabIndex={0} aria-label={t('jToday')}>
        <table>
          <thead><tr><th scope="col">{t('fRequests')}</th><th scope="col">{t('mapAnswer')}</th><th scope="col">{t('decidedBy')}</th><th scope="col">{t('confidence')}</th></tr></thead>
          <tbody>
            {Object.entries(now.decisions).map(([type, d]) => d ? (
              <tr key={type} data-request={type}>
                <th scope="row">{label(type, lang)}</th>
                <td><ModalityChip m={d.modality} /></td>
                <td lang="en">{d.sources.find((s) => s.citation === d.decidedBy.citation)?.href ? <a href={d.sources.find((s) => s.citation === d.decidedBy.citation)!.href} target="_blank" rel="noreferrer">{d.decidedBy.citation}</a> : d.decidedBy.citation} <span class="muted">({d.decidedBy.level})</span></td>
                <td>{d.confidence}</td>
              </tr>
            ) : null)}
          </tbody>
        </table>
      </div>

      <h2>{t('jLayers')}</h2>
      <p class="intro">{t('jLayersIntro')}</p>
      <label for="trace-type">{t('fRequests')}</label>{' '}
      <select id="trace-type" value={traceType} onChange={(e) => setTraceType((e.target as HTMLSelectElement).value)}>
        {REQUEST_TYPES.map((r) => <option key={r} value={r}>{label(r, lang)}</option>)}
      </select>
      {LEVEL_ORDER.filter((lv) => trace.some((x) => x.level === lv)).map((lv) => (
        <section key={lv}>
          <h3>{t('level')}: {lv}</h3>
          <ol class="trace">
            {trace.filter((x) => x.level === lv).map((x) => {
              const href = now.decisions[traceType as keyof typeof now.decisions]?.sources.find((s) => s.citation === x.citation)?.href;
              return (
                <li key={x.provision}>
                  <strong lang="en">{href ? <a href={href} target="_blank" rel="noreferrer">{x.citation}</a> : x.citation}</strong>
                  {' — '}{x.applied ? t('jApplied') : t('jNotApplied')}{x.outcome ? ` (${x.outcome})` : ''}
                  <div class="muted" lang="en">{x.reason} · {x.confidence}</div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}

      <h2>{t('jTimeline')}</h2>
      <p class="intro">{t('jTimelineIntro')}</p>
      {timeline ? (
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t('jTimeline')}>
          <table data-testid="timeline">
            <thead><tr><th scope="col">{t('jDate')}</th><th scope="col">{label('HOLD', lang)}</th><th scope="col">{label('NOTIFY_RELEASE', lang)}</th><th scope="col">{t('decidedBy')}</th></tr></thead>
            <tbody>
              {timeline.map((r, i) => {
                const changed = i > 0 && (r.hold !== timeline[i - 1]!.hold || r.notify !== timeline[i - 1]!.notify);
                return (
                  <tr key={r.date}>
                    <th scope="row">{r.date}{changed ? ' ●' : ''}</th>
                    <td>{label(r.hold, lang)}</td>
                    <td>{label(r.notify, lang)}</td>
                    <td lang="en">{r.holdBy}{r.notifyBy !== r.holdBy ? `; ${r.notifyBy}` : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : <p role="status">{t('loading')}</p>}

      <h2>{t('j287g')}</h2>
      {now.agreement287g.agreements.length ? (
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t('j287g')}>
          <table>
            <thead><tr><th scope="col">{t('fAgency')}</th><th scope="col">Model</th><th scope="col">Signed</th><th scope="col">Last seen</th><th scope="col">In force</th></tr></thead>
            <tbody>{now.agreement287g.agreements.map((a) => <tr key={a.agency + a.model + a.signed}><td lang="en">{a.agency}</td><td>{a.model}</td><td>{a.signed}</td><td>{a.lastSeen}</td><td>{a.inForce ? '✓' : '—'}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
      <p class="muted" lang="en">{now.agreement287g.note}</p>

      <h2>{t('jLists')}</h2>
      <p class="intro">{t('jListsIntro')}</p>
      {lists === undefined ? <p role="status">{t('loading')}</p> : 'rows' in lists ? (
        listRows.length ? (
          <ul>{listRows.map((r, i) => <li key={i}><strong>{String(r.list)}</strong>: <span lang="en">{String(r.jurisdiction)}</span> — {t('jLaw')}: HOLD {r.hold ? label(String(r.hold), lang) : '—'}, NOTIFY_RELEASE {r.notifyRelease ? label(String(r.notifyRelease), lang) : '—'}</li>)}</ul>
        ) : <p>{t('jNotListed')}</p>
      ) : <p class="notice">{lists.status === 503 ? t('loadingRecords') : lists.detail}</p>}

      {j.level === 'county' ? (
        <>
          <h2>{t('jObserved')}</h2>
          <p class="intro">{t('jObservedIntro')}</p>
          {observed === undefined ? <p role="status">{t('loading')}</p> : Array.isArray(observed) ? (
            observed.length ? (
              <>
                <Chart label={t('jObserved')} deps={[observed, lang]} draw={(Plot, width) => Plot.plot({
                  width, height: 260, marginLeft: 50,
                  x: { label: 'FY', tickFormat: (d: number) => String(d) },
                  y: { label: lang === 'es' ? 'arrestos' : 'arrests', grid: true },
                  color: { legend: true, domain: ['custodial', 'at-large', 'other'], range: ['#762a83', '#1b7837', '#999999'] },
                  marks: [Plot.barY(observed.flatMap((o) => [{ fy: o.fy, kind: 'custodial', n: o.custodial }, { fy: o.fy, kind: 'at-large', n: o.atLarge }, { fy: o.fy, kind: 'other', n: o.other }]), { x: 'fy', y: 'n', fill: 'kind' }), Plot.ruleY([0])],
                })} />
                <div class="table-scroll" role="region" tabIndex={0} aria-label={t('jObserved')}>
                  <table>
                    <thead><tr><th scope="col">FY</th><th scope="col" class="num">custodial</th><th scope="col" class="num">at-large</th><th scope="col" class="num">other</th><th scope="col" class="num">total</th></tr></thead>
                    <tbody>{observed.map((o) => <tr key={o.fy}><th scope="row">{o.fy}</th><td class="num">{fmtNumber(o.custodial, lang)}</td><td class="num">{fmtNumber(o.atLarge, lang)}</td><td class="num">{fmtNumber(o.other, lang)}</td><td class="num">{fmtNumber(o.total, lang)}</td></tr>)}</tbody>
                  </table>
                </div>
                <p><a href={metricUrl('custodial-share', { county: j.fips ?? '' }, 'csv')} download>{t('obsCsv')}</a></p>
              </>
            ) : <p>{t('jNoObserved')}</p>
          ) : <p class="notice">{observed.status === 503 ? t('loadingRecords') : observed.detail}</p>}
        </>
      ) : null}
    </>
  );
}
