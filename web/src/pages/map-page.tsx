/** The home page: every county colored by its answer to ICE's usual request on a date, through time. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAP_FIRST_DAY, mapTimeSteps } from '../../../src/law/map-steps.js';
import { lawMap, metric, today, type LawMap, type MapRow, type MetricResult, type Problem } from '../api.js';
import { ProblemBox } from '../components/problem-box.js';
import { countyShapes, type Shapes } from '../county-shapes.js';
import { fmtNumber, label, useLang, type Key } from '../i18n.js';
import { MIN_ARRESTS, MODALITY_COLOR, MODALITY_ORDER, NO_DATA_COLOR, SHARE_BINS, modalityColor, shareColor } from '../modality.js';
import { jurisdictionHref, navigate } from '../router.js';
import { jurisdictionNames, matchNames, type NameOption } from '../jurisdiction-names.js';

/** The keyboard's way to a county: a name with suggestions, then its page. */
function FindCounty() {
  const { t } = useLang();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<NameOption[]>([]);
  const [missing, setMissing] = useState(false);
  return (
    <form class="controls" role="search" onSubmit={async (e) => {
      e.preventDefault();
      const all = await jurisdictionNames();
      const hit = all.find((o) => o.value.toLowerCase() === text.trim().toLowerCase()) ?? (matchNames(all, text, 2).length === 1 ? matchNames(all, text, 1)[0] : undefined);
      setMissing(!hit);
      if (hit) navigate(jurisdictionHref(hit.id));
    }}>
      <div>
        <label for="map-find">{t('mapFind')}</label>
        <input id="map-find" type="text" list="map-find-list" autocomplete="off" value={text} size={30} aria-describedby="map-find-status"
          onInput={async (e) => { const v = (e.target as HTMLInputElement).value; setText(v); setMissing(false); if (v.trim().length >= 2) setOptions(matchNames(await jurisdictionNames(), v)); }} />
        <datalist id="map-find-list">{options.map((o) => <option key={o.id} value={o.value} />)}</datalist>
      </div>
      <button type="submit" class="secondary">{t('mapFindGo')}</button>
      <span id="map-find-status" role="status">{missing ? t('mapFindNone') : ''}</span>
    </form>
  );
}

const FIRST = MAP_FIRST_DAY;
const MAP_REQUESTS = ['HOLD', 'NOTIFY_RELEASE'] as const;

function nearestStep(steps: string[], date: string): number {
  let i = 0;
  while (i + 1 < steps.length && steps[i + 1]! <= date) i++;
  return i;
}

/** The periods of the AOR layer: the FY2016–FY2019 records and the 2024–26 aggregates (at-large-aor-map). */
const AOR_PERIODS = ['fy2016', 'fy2017', 'fy2018', 'fy2019', 'y2024', 'y2025', 'w2526'] as const;
type AorPeriod = (typeof AOR_PERIODS)[number];
type ColorBy = 'law' | 'atlarge' | 'aor';
interface AorFigure { aor: string; label: string; share: number | null; arrests: number }

/** The key of a map colored by an at-large share: its bins, the color of a county with no figure, the metric's definition and caveats. */
function ShareKey({ title, result, none }: { title: string; result: MetricResult | Problem | undefined; none: string }) {
  const { lang, t } = useLang();
  return (
    <>
      <h2>{title}</h2>
      {result && !('rows' in result) ? <p class="notice">{result.status === 503 ? t('loadingRecords') : result.detail}</p> : null}
      <ul class="legend">
        {SHARE_BINS.map((b, i) => (
          <li key={b.color}><span class="swatch" ref={(el) => el?.style.setProperty('background', b.color)} /><span>{fmtNumber(i ? SHARE_BINS[i - 1]!.upTo : 0, lang, { style: 'percent' })} – {fmtNumber(Math.min(b.upTo, 1), lang, { style: 'percent' })}</span></li>
        ))}
        <li><span class="swatch" ref={(el) => el?.style.setProperty('background', NO_DATA_COLOR)} /><span>{none}</span></li>
      </ul>
      {result && 'rows' in result ? <><p lang="en">{result.definition}</p><ul>{result.caveats.map((c) => <li key={c} lang="en">{c}</li>)}</ul></> : null}
    </>
  );
}

const validDay = (d: string | null, end: string): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= FIRST && d <= end;

export function MapPage({ search }: { search: URLSearchParams }) {
  const { lang, t } = useLang();
  const end = today();
  const steps = useMemo(() => mapTimeSteps(end), [end]);
  const [date, setDate] = useState(() => (validDay(search.get('date'), end) ? search.get('date')! : end));
  const [request, setRequest] = useState<string>(() => (MAP_REQUESTS as readonly string[]).includes(search.get('request') ?? '') ? search.get('request')! : 'HOLD');
  const [shapes, setShapes] = useState<Shapes | undefined>();
  const [map, setMap] = useState<LawMap | undefined>();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [playing, setPlaying] = useState(false);
  const [show287g, setShow287g] = useState(false);
  const [showDoj, setShowDoj] = useState(false);
  const [doj, setDoj] = useState<Set<string> | undefined | 'missing'>();
  const [tableOpen, setTableOpen] = useState(false);
  const [colorBy, setColorBy] = useState<ColorBy>(() => { const c = search.get('color'); return c === 'atlarge' || c === 'aor' ? c : 'law'; });
  const [observed, setObserved] = useState<MetricResult | Problem | undefined>();
  const [aorPeriod, setAorPeriod] = useState<AorPeriod>(() => (AOR_PERIODS as readonly string[]).includes(search.get('period') ?? '') ? search.get('period') as AorPeriod : 'y2025');
  const [aorShares, setAorShares] = useState<Partial<Record<AorPeriod, MetricResult | Problem>>>({});
  const [hover, setHover] = useState<{ row: MapRow | undefined; obs?: { atLargeShare: number | null; total: number } | undefined; aor?: AorFigure | undefined; name: string; x: number; y: number } | undefined>();
  const wrap = useRef<HTMLDivElement>(null);
  const latest = useRef('');

  useEffect(() => {
    countyShapes().then(setShapes, (e: Error) => setProblem({ status: 0, title: t('error'), detail: e.message }));
  }, []);

  // The map for the chosen date and request; a slower answer for an older choice is dropped.
  useEffect(() => {
    const key = `${date}|${request}`;
    latest.current = key;
    setPending(true);
    void lawMap(date, request).then((r) => {
      if (latest.current !== key) return;
      setPending(false);
      if (r.ok) {
        setMap(r.data);
        setProblem(undefined);
      } else setProblem(r.problem);
    });
    navigate(`/?date=${date}&request=${request}${colorBy === 'law' ? '' : `&color=${colorBy}`}${colorBy === 'aor' ? `&period=${aorPeriod}` : ''}`, { replace: true });
  }, [date, request, colorBy, aorPeriod]);

  useEffect(() => {
    if (colorBy !== 'atlarge' || observed) return;
    void metric('custodial-share', { by: 'county' }).then((r) => setObserved(r.ok ? r.data : r.problem));
  }, [colorBy]);
  // The AOR layer: each county colored by its AOR's share in the chosen period (one request per period, kept).
  useEffect(() => {
    if (colorBy !== 'aor' || aorShares[aorPeriod]) return;
    const period = aorPeriod;
    void metric('at-large-aor-map', { period }).then((r) => setAorShares((m) => ({ ...m, [period]: r.ok ? r.data : r.problem })));
  }, [colorBy, aorPeriod]);
  const aorResult = aorShares[aorPeriod];
  const aorByFips = useMemo(() => {
    const counties = new Map<string, AorFigure>();
    const states = new Map<string, AorFigure>();
    if (aorResult && 'rows' in aorResult) {
      for (const r of aorResult.rows as { key: string; label: string | null; atLargeShare: number | null; arrests: number; counties: string[]; states: string[] }[]) {
        const f: AorFigure = { aor: r.key, label: r.label ?? r.key, share: r.atLargeShare, arrests: r.arrests };
        for (const c of r.counties) counties.set(c, f);
        for (const st of r.states) states.set(st, f);
      }
    }
    // A county the AOR table does not list (the map's Connecticut counties are older than its planning regions) takes its state's AOR when the state has one.
    return { get: (fips: string): AorFigure | undefined => counties.get(fips) ?? states.get(fips.slice(0, 2)) };
  }, [aorResult]);
  const shareByFips = useMemo(() => new Map(observed && 'rows' in observed ? observed.rows.map((r) => [String(r.key), r as { atLargeShare: number | null; total: number }]) : []), [observed]);

  // Play: step through time, each map shown once it has arrived, the next one fetched meanwhile.
  useEffect(() => {
    if (!playing) return;
    let stop = false;
    void (async () => {
      let i = date >= end ? 0 : nearestStep(steps, date) + 1;
      for (; i < steps.length && !stop; i++) {
        const d = steps[i]!;
        const r = await lawMap(d, request);
        if (stop) return;
        if (!r.ok) break;
        if (i + 1 < steps.length) void lawMap(steps[i + 1]!, request);
        setDate(d);
        await new Promise((res) => setTimeout(res, 700));
      }
      if (!stop) setPlaying(false);
    })();
    return () => { stop = true; };
  }, [playing]);

  useEffect(() => {
    if (!showDoj || doj) return;
    void metric('sanctuary-lists').then((r) => {
      if (!r.ok) return setDoj('missing');
      setDoj(new Set(r.data.rows.filter((x) => String(x.list).startsWith('DOJ') && x.level === 'county' && typeof x.countyFips === 'string').map((x) => x.countyFips as string)));
    });
  }, [showDoj]);

  const byFips = useMemo(() => new Map((map?.rows ?? []).map((r) => [r.fips, r])), [map]);
  const notable = useMemo(() => (map?.rows ?? []).filter((r) => r.level !== 'federal').sort((a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name)), [map]);

  const onMove = (e: MouseEvent) => {
    const el = e.target as Element;
    const fips = el.getAttribute?.('data-fips');
    if (!fips || !wrap.current) return setHover(undefined);
    const box = wrap.current.getBoundingClientRect();
    setHover({ row: byFips.get(fips), obs: shareByFips.get(fips), aor: aorByFips.get(fips), name: el.getAttribute('data-name') ?? fips, x: e.clientX - box.left, y: e.clientY - box.top });
  };
  const onClick = (e: MouseEvent) => {
    const fips = (e.target as Element).getAttribute?.('data-fips');
    const row = fips ? byFips.get(fips) : undefined;
    if (row) navigate(jurisdictionHref(row.id));
  };

  const summary = map ? MODALITY_ORDER.filter((m) => map.counts[m]).map((m) => `${label(m, lang)}: ${fmtNumber(map.counts[m]!, lang)}`).join('; ') : '';
  const stepIndex = nearestStep(steps, date);

  return (
    <>
      <h1>{t('mapTitle')}</h1>
      <p class="intro">{t(colorBy === 'aor' ? 'mapIntroAor' : colorBy === 'atlarge' ? 'mapIntroAtLarge' : 'mapIntro')}</p>
      <div class="controls">
        <div>
          <label for="map-color">{t('mapColorBy')}</label>
          <select id="map-color" value={colorBy} onChange={(e) => setColorBy((e.target as HTMLSelectElement).value as ColorBy)}>
            <option value="law">{t('mapColorLaw')}</option>
            <option value="atlarge">{t('mapColorAtLarge')}</option>
            <option value="aor">{t('mapColorAorShare')}</option>
          </select>
        </div>
        <div hidden={colorBy !== 'aor'}>
          <label for="map-period">{t('mapPeriod')}</label>
          <select id="map-period" value={aorPeriod} onChange={(e) => setAorPeriod((e.target as HTMLSelectElement).value as AorPeriod)}>
            {AOR_PERIODS.map((p) => <option key={p} value={p}>{t(`period_${p}` as Key)}</option>)}
          </select>
        </div>
      </div>
      <div class="controls" hidden={colorBy !== 'law'}>
        <div>
          <label for="map-request">{t('mapRequest')}</label>
          <select id="map-request" value={request} onChange={(e) => setRequest((e.target as HTMLSelectElement).value)}>
            {MAP_REQUESTS.map((r) => <option key={r} value={r}>{label(r, lang)}</option>)}
          </select>
        </div>
        <div>
          <label for="map-date">{t('mapDate')}</label>
          <input id="map-date" type="date" min={FIRST} max={end} value={date} onChange={(e) => { const v = (e.target as HTMLInputElement).value; if (validDay(v, end)) setDate(v); }} />
        </div>
        <div class="slider">
          <label for="map-slider">{t('mapSlider')}: <output for="map-slider">{date}</output></label>
          <input id="map-slider" type="range" min={0} max={steps.length - 1} step={1} value={stepIndex}
            aria-valuetext={date}
            onInput={(e) => setDate(steps[Number((e.target as HTMLInputElement).value)]!)} />
        </div>
        <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing}>{playing ? t('mapPause') : t('mapPlay')}</button>
      </div>
      <div class="controls checks">
        <label><input type="checkbox" checked={show287g} onChange={(e) => setShow287g((e.target as HTMLInputElement).checked)} />{t('mapLayer287g')}</label>
        <label><input type="checkbox" checked={showDoj} onChange={(e) => setShowDoj((e.target as HTMLInputElement).checked)} />{t('mapLayerDoj')}</label>
      </div>
      <p class="status" role="status" aria-live="polite">
        {colorBy === 'atlarge' ? `${t('mapColorAtLarge')}.` : colorBy === 'aor' ? `${t('mapColorAorShare')}: ${t(`period_${aorPeriod}` as Key)}.` : pending ? t('mapLoadingMap') : map ? `${label(map.request, lang)}, ${map.date}. ${t('mapCounts')}: ${summary}.` : t('loading')}
        {showDoj && doj === 'missing' ? ` ${t('mapDojMissing')}` : ''}
      </p>
      {problem ? <ProblemBox problem={problem} /> : null}
      <div class="map-wrap" ref={wrap} onMouseLeave={() => setHover(undefined)}>
        {shapes ? (
          <svg viewBox={`0 0 ${shapes.width} ${shapes.height}`} role="img" aria-label={`${t('mapTitle')}: ${summary}`} onMouseMove={onMove} onClick={onClick} data-date={map?.date} data-request={map?.request} data-aor-period={colorBy === 'aor' && aorResult && 'rows' in aorResult ? aorPeriod : undefined}>
            <g>
              {shapes.counties.map((c) => {
                const row = byFips.get(c.fips);
                const obs = shareByFips.get(c.fips);
                const aor = colorBy === 'aor' ? aorByFips.get(c.fips) : undefined;
                const fill = colorBy === 'atlarge' ? shareColor(obs?.atLargeShare, obs?.total) : colorBy === 'aor' ? shareColor(aor?.share, aor?.arrests) : row ? modalityColor(row.modality) : NO_DATA_COLOR;
                return <path key={c.fips} class="county" d={c.d} data-fips={c.fips} data-name={c.name} data-modality={row?.modality ?? ''} fill={fill} />;
              })}
            </g>
            <path class="states" d={shapes.states} />
            {show287g ? <g>{shapes.counties.filter((c) => byFips.get(c.fips)?.agreement287g.length).map((c) => <path key={c.fips} class="g287" d={c.d} />)}</g> : null}
            {showDoj && doj instanceof Set ? <g>{shapes.counties.filter((c) => doj.has(c.fips)).map((c) => <path key={c.fips} class="doj" d={c.d} />)}</g> : null}
          </svg>
        ) : <p role="status">{t('loading')}</p>}
        {hover ? (
          <div class="tooltip" style={{ left: `${Math.min(hover.x + 12, (wrap.current?.clientWidth ?? 400) - 220)}px`, top: `${hover.y + 12}px` }}>
            <strong lang="en">{hover.row ? `${hover.row.name}, ${hover.row.state}` : hover.name}</strong>
            {colorBy === 'aor' ? (
              hover.aor ? (
                <>
                  <div>{t('mapAor')}: <span lang="en">{hover.aor.label}</span> ({hover.aor.aor})</div>
                  {hover.aor.share !== null && hover.aor.arrests >= MIN_ARRESTS
                    ? <div>{t('mapAtLargeShare')}: {fmtNumber(hover.aor.share, lang, { style: 'percent', maximumFractionDigits: 1 })} · {t('mapAorArrests')}: {fmtNumber(hover.aor.arrests, lang)}</div>
                    : <div>{t('mapAorNone')}</div>}
                  <div>{t(`period_${aorPeriod}` as Key)}</div>
                </>
              ) : <div>{t('mapAorNone')}</div>
            ) : colorBy === 'atlarge' ? (
              hover.obs && hover.obs.total >= MIN_ARRESTS ? <div>{t('mapAtLargeShare')}: {fmtNumber(hover.obs.atLargeShare ?? 0, lang, { style: 'percent', maximumFractionDigits: 1 })} · {t('mapArrests')}: {fmtNumber(hover.obs.total, lang)}</div> : <div>{t('mapTooFew')}</div>
            ) : hover.row ? (
              <>
                <div>{t('mapAnswer')}: {label(hover.row.modality, lang)} ({hover.row.modality})</div>
                <div>{t('mapConfidence')}: {hover.row.confidence}</div>
                <div>{t('mapDecidedBy')}: <span lang="en">{hover.row.citation}</span></div>
                {hover.row.agreement287g.length ? <div>287(g): {hover.row.agreement287g.join(', ')}</div> : null}
              </>
            ) : <div>{t('noData')}</div>}
          </div>
        ) : null}
      </div>
      <p class="hint">{t('mapHoverHint')}</p>
      <FindCounty />
      {colorBy === 'aor' ? <ShareKey title={t('mapAorLegend')} result={aorResult} none={t('mapAorNone')} /> : null}
      {colorBy === 'atlarge' ? <ShareKey title={t('mapAtLargeLegend')} result={observed} none={t('mapTooFew')} /> : null}
      <div hidden={colorBy !== 'law'}>
      <h2>{t('mapLegend')}</h2>
      <ul class="legend">
        {MODALITY_ORDER.map((m) => (
          <li key={m}>
            <span class="swatch" data-color={MODALITY_COLOR[m]} ref={(el) => el?.style.setProperty('background', MODALITY_COLOR[m])} />
            <span><strong>{label(m, lang)}</strong> ({m}){map?.counts[m] ? ` — ${fmtNumber(map.counts[m]!, lang)}` : ''}: {t(`meaning${m}` as Key)}</span>
          </li>
        ))}
        <li><span class="swatch" ref={(el) => el?.style.setProperty('background', NO_DATA_COLOR)} /><span>{t('noData')}</span></li>
      </ul>
      {map ? <p class="muted" lang="en">{map.standard.note}</p> : null}
      {map ? (
        <details onToggle={(e) => setTableOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <summary>{t('mapTable')} ({notable.length})</summary>
          <div class="table-scroll" role="region" tabIndex={0} aria-label={t('mapTable')}>
            <table>
              <thead><tr><th scope="col">{t('mapCounty')}</th><th scope="col">{t('mapAnswer')}</th><th scope="col">{t('mapDecidedBy')}</th><th scope="col">{t('mapConfidence')}</th></tr></thead>
              <tbody>
                {tableOpen && notable.map((r) => (
                  <tr key={r.fips}>
                    <td><a href={jurisdictionHref(r.id)}>{r.name}, {r.state}</a></td>
                    <td>{label(r.modality, lang)}</td>
                    <td lang="en">{r.citation}</td>
                    <td>{r.confidence}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      </div>
    </>
  );
}
