/**
 * A jurisdiction's page: what the law answers today per request type (POST /decide), and from its record
 * (GET /jurisdictions/{id}) the law layer by layer with citations linked to the sources, the law's timeline,
 * 287(g) agreements, the published lists beside the law, and the arrests observed there.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { decide, jurisdictionRecord, metricUrl, today, type DecisionRequest, type DecisionResponse, type JurisdictionRecord, type Problem } from '../api.js';
import { Chart } from '../components/chart.js';
import { ModalityChip } from '../components/decision-view.js';
import { ProblemBox } from '../components/problem-box.js';
import { fmtNumber, label, useLang } from '../i18n.js';
import { REQUEST_TYPES } from '../tester-url.js';
import { jailAgency, standardRequest } from '../../../src/law/standard-request.js';

const LEVEL_ORDER = ['federal', 'state', 'county', 'place', 'agency'];

/** Who answers ICE there: a place's police, else the county's (or, in a unified system, the state's) jail. */
function agencyFor(id: string): DecisionRequest['agency']['kind'] {
  return /\/place:/.test(id) ? 'municipal_police' : jailAgency(id);
}

/** ICE's usual request on a date, as the law map asks it, for the given request types. */
function standard(id: string, date: string, requests: DecisionRequest['requests']): DecisionRequest {
  return { ...standardRequest(id, date, 'HOLD'), requests, agency: { kind: agencyFor(id) } };
}

type LawAnswer = string | null | undefined;
const limits = (hold: LawAnswer, notify: LawAnswer): boolean => hold === 'MUST_NOT' || notify === 'MUST_NOT';

interface FyRow { fy: string; custodial: number; atLarge: number; other: number; total: number }

export function JurisdictionPage({ id: raw }: { id: string }) {
  const { lang, t } = useLang();
  const id = useMemo(() => raw.split('/').map((s) => { try { return decodeURIComponent(s); } catch { return s; } }).join('/'), [raw]);
  const day = today();
  const [rec, setRec] = useState<JurisdictionRecord | undefined>();
  const [now, setNow] = useState<DecisionResponse | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();

  useEffect(() => {
    setRec(undefined); setNow(undefined); setProblem(undefined);
    void jurisdictionRecord(id).then((r) => {
      if (!r.ok) return setProblem(r.problem);
      setRec(r.data);
      void decide(standard(r.data.jurisdiction.id, day, [...REQUEST_TYPES])).then((d) => (d.ok ? setNow(d.data) : setProblem(d.problem)));
    });
  }, [id]);

  if (problem) return (<><h1>{t('jTitle')}</h1><ProblemBox problem={problem} /></>);
  if (!rec) return (<><h1>{t('jTitle')}</h1><p role="status">{t('loading')}</p></>);

  const j = rec.jurisdiction;
  const sourceOf = new Map(rec.layers.flatMap((l) => l.provisions.map((p) => [p.id, p.source] as const)));
  const testHref = `/decide?${new URLSearchParams({ j: j.id, agency: agencyFor(j.id), req: 'HOLD,NOTIFY_RELEASE', docs: 'I-247A,I-200' }).toString()}`;
  const shares = rec.observed.find((o) => o.metric.metric === 'custodial-share');
  const fyRows: FyRow[] = (shares?.metric.rows ?? []).flatMap((r) => {
    const row = r as { key?: string; total?: number; custodial?: number; atLarge?: number; other?: number };
    return row.total ? [{ fy: String(row.key), total: row.total, custodial: row.custodial ?? 0, atLarge: row.atLarge ?? 0, other: row.other ?? 0 }] : [];
  });
  const practice = rec.observed.find((o) => o.metric.metric === 'policy-vs-practice')?.metric.rows[0] as { detainersLodged?: number | null; tracDetainers?: number | null } | undefined;
  const county = j.level === 'county' ? j.fips : j.countyFips;
  const hold = now?.decisions.HOLD?.modality;
  const notify = now?.decisions.NOTIFY_RELEASE?.modality;

  return (
    <>
      <h1 lang="en">{j.name}</h1>
      <p class="muted"><code>{j.id}</code>{j.fips ? ` · FIPS ${j.fips}` : ''} · {j.timeZone}</p>
      <p class="notice">{t('disclaimer')}</p>
      <p><a class="button" href={testHref}>{t('jTryDecide')}</a></p>

      <h2>{t('jToday')}{now ? ` (${now.decisionDate})` : ''}</h2>
      {now ? (
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t('jToday')}>
          <table>
            <thead><tr><th scope="col">{t('fRequests')}</th><th scope="col">{t('mapAnswer')}</th><th scope="col">{t('decidedBy')}</th><th scope="col">{t('confidence')}</th></tr></thead>
            <tbody>
              {Object.entries(now.decisions).map(([type, d]) => {
                if (!d) return null;
                const href = d.sources.find((s) => s.citation === d.decidedBy.citation)?.href;
                return (
                  <tr key={type} data-request={type}>
                    <th scope="row">{label(type, lang)}</th>
                    <td><ModalityChip m={d.modality} /></td>
                    <td lang="en">{href ? <a href={href} target="_blank" rel="noreferrer">{d.decidedBy.citation}</a> : d.decidedBy.citation} <span class="muted">({d.decidedBy.level})</span></td>
                    <td>{d.confidence}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : <p role="status">{t('loading')}</p>}

      <h2>{t('jLayers')}</h2>
      <p class="intro">{t('jLayersIntro')}</p>
      {[...rec.layers].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level)).map((layer) => (
        <section key={`${layer.level}|${layer.id}`} data-level={layer.level}>
          <h3>{t('level')}: {layer.level} · <span lang="en">{layer.name}</span></h3>
          {layer.summary ? <p class="muted" lang="en">{layer.summary}</p> : null}
          <ul class="provisions">
            {layer.provisions.map((p) => (
              <li key={p.id}>
                <strong lang="en"><a href={p.source} target="_blank" rel="noreferrer">{p.citation}</a></strong>{' — '}<span lang="en">{p.title}</span>
                <div class="muted">
                  {t('jInForce')}: {p.effective}{p.ends ? ` – ${p.ends}` : ' –'}{p.status !== 'in_force' ? ` · ${p.status}` : ''} · {t('jRequests')}: {p.requests.map((r) => label(r, lang)).join(', ')} · {t('confidence')}: {p.confidence}
                </div>
                {p.injunctions.length ? <div class="muted" lang="en">{p.injunctions.map((x) => `${x.court}: ${x.from}${x.to ? ` – ${x.to}` : ''} (${x.scope})`).join('; ')}</div> : null}
              </li>
            ))}
            {layer.noLawFound.map((f, i) => (
              <li key={`none-${i}`}>
                <strong>{t('jNoLawFound')} {f.requests.map((r) => label(r, lang)).join(', ')}</strong> ({t('jSearched')} {f.searched}; {t('confidence')}: {f.confidence})
                <div class="muted" lang="en">{f.note} {f.sources.map((s, k) => <span key={k}>{k ? ' · ' : ''}<a href={s.href} target="_blank" rel="noreferrer">{s.title}</a></span>)}</div>
              </li>
            ))}
          </ul>
        </section>
      ))}

      <h2>{t('jTimeline')}</h2>
      <p class="intro">{t('jTimelineIntro')}</p>
      <div class="table-scroll" role="region" tabIndex={0} aria-label={t('jTimeline')}>
        <table data-testid="timeline">
          <thead><tr><th scope="col">{t('jDate')}</th><th scope="col">{t('jEvent')}</th><th scope="col">{t('decidedBy')}</th><th scope="col">{t('level')}</th></tr></thead>
          <tbody>
            {rec.timeline.map((e, i) => (
              <tr key={i}>
                <th scope="row">{e.approximate ? '≈ ' : ''}{e.date}</th>
                <td lang="en">{e.event}{e.detail ? ` (${e.detail})` : ''}</td>
                <td lang="en">{sourceOf.get(e.provision) ? <a href={sourceOf.get(e.provision)} target="_blank" rel="noreferrer">{e.citation}</a> : e.citation}</td>
                <td>{e.level}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('j287g')}</h2>
      {rec.agreements287g.agreements.length ? (
        <div class="table-scroll" role="region" tabIndex={0} aria-label={t('j287g')}>
          <table>
            <thead><tr><th scope="col">{t('fAgency')}</th><th scope="col">Model</th><th scope="col">Signed</th><th scope="col">Last seen</th><th scope="col">Ongoing</th></tr></thead>
            <tbody>{rec.agreements287g.agreements.map((a) => <tr key={a.agency + a.model + a.signed}><td lang="en">{a.agency}</td><td lang="en">{a.modelName}</td><td>{a.signed}</td><td>{a.lastSeen}</td><td>{a.ongoing ? '✓' : '—'}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
      <p class="muted" lang="en">{rec.agreements287g.note}</p>

      <h2>{t('jLists')}</h2>
      <p class="intro">{t('jListsIntro')}</p>
      {rec.records.status !== 'loaded' ? <p class="notice">{rec.records.status === 'not loaded' ? t('loadingRecords') : rec.records.note}</p> : rec.lists.length ? (
        <ul data-testid="lists">{rec.lists.map((r, i) => {
          const onDate = r.hold !== null || r.notifyRelease !== null;
          const h = onDate ? r.hold : hold;
          const n = onDate ? r.notifyRelease : notify;
          return (
            <li key={i}>
              <strong>{r.list}</strong>: <span lang="en">{r.jurisdiction}</span> — {onDate ? t('jLawOnListDate') : t('jLawToday')}: {label('HOLD', lang)} {h ? label(h, lang) : '—'}, {label('NOTIFY_RELEASE', lang)} {n ? label(n, lang) : '—'}
              {h || n ? <div class={limits(h, n) ? 'muted' : 'notice'}>{limits(h, n) ? t('jListAgrees') : t('jListDisagrees')}</div> : null}
            </li>
          );
        })}</ul>
      ) : <p>{t('jNotListed')}</p>}

      {county ? (
        <>
          <h2>{t('jObserved')}</h2>
          <p class="intro">{t('jObservedIntro')}{j.level === 'place' ? ` ${t('jObservedPlace')} (${county}).` : ''}</p>
          {rec.records.status !== 'loaded' ? <p class="notice">{rec.records.status === 'not loaded' ? t('loadingRecords') : rec.records.note}</p> : fyRows.length ? (
            <>
              <Chart label={t('jObserved')} deps={[fyRows, lang]} draw={(Plot, width) => Plot.plot({
                width, height: 260, marginLeft: 50,
                x: { label: 'FY' },
                y: { label: lang === 'es' ? 'arrestos' : 'arrests', grid: true },
                color: { legend: true, domain: ['custodial', 'at-large', 'other'], range: ['#762a83', '#1b7837', '#999999'] },
                marks: [Plot.barY(fyRows.flatMap((o) => [{ fy: o.fy, kind: 'custodial', n: o.custodial }, { fy: o.fy, kind: 'at-large', n: o.atLarge }, { fy: o.fy, kind: 'other', n: o.other }]), { x: 'fy', y: 'n', fill: 'kind' }), Plot.ruleY([0])],
              })} />
              <div class="table-scroll" role="region" tabIndex={0} aria-label={t('jObserved')}>
                <table data-testid="observed">
                  <thead><tr><th scope="col">FY</th><th scope="col" class="num">custodial</th><th scope="col" class="num">at-large</th><th scope="col" class="num">other</th><th scope="col" class="num">total</th></tr></thead>
                  <tbody>{fyRows.map((o) => <tr key={o.fy}><th scope="row">{o.fy}</th><td class="num">{fmtNumber(o.custodial, lang)}</td><td class="num">{fmtNumber(o.atLarge, lang)}</td><td class="num">{fmtNumber(o.other, lang)}</td><td class="num">{fmtNumber(o.total, lang)}</td></tr>)}</tbody>
                </table>
              </div>
              {practice?.detainersLodged != null ? <p>{t('jPolicyPractice')}: {fmtNumber(practice.detainersLodged, lang)}</p> : null}
              <p><a href={metricUrl('custodial-share', { county, by: 'fy' }, 'csv')} download>{t('obsCsv')}</a></p>
            </>
          ) : <p>{t('jNoObserved')}</p>}
        </>
      ) : null}
    </>
  );
}
