/** Scenarios: pick a shipped scenario, edit its main numbers, run it with its progress shown, read the result, compare two runs. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { shippedScenarios, simulationJob, startSimulation, type Problem, type ScenarioInput, type ShippedScenario, type SimulationJob } from '../api.js';
import { ProblemBox } from '../components/problem-box.js';
import { fmtFigure, SimulationResultView } from '../components/simulation-result.js';
import { fmtNumber, useLang } from '../i18n.js';
import { difference, FIGURES, HOURS, paired, type SimulationResult } from '../simulation-figures.js';

interface Draft { from: string; to: string; replications: string; seed: string; surgeHours: string[] }
interface Run { key: number; jobId: string; label: string; result: SimulationResult }

const POLL_MS = 500;

function draftOf(s: ShippedScenario['scenario']): Draft {
  return { from: s.from, to: s.to, replications: String(s.replications), seed: String(s.seed), surgeHours: s.surges.map((x) => String(x.officerHoursPerDay)) };
}

/** The shipped scenario with the form's numbers (the server checks it with the simulator's schema). */
function scenarioOf(base: ShippedScenario['scenario'], d: Draft): ScenarioInput {
  return {
    ...base, from: d.from, to: d.to, replications: Number(d.replications), seed: Number(d.seed),
    surges: base.surges.map((x, i) => ({ ...x, officerHoursPerDay: Number(d.surgeHours[i]) })),
  };
}

/** The records are not loaded: the POST says 503 in some servers, the job fails saying so in others. */
const recordsMissing = (p: Problem): boolean => (p.status === 503 && !/busy/i.test(p.title)) || /records are not loaded/i.test(p.detail);

export function ScenariosPage() {
  const { lang, t } = useLang();
  const [list, setList] = useState<ShippedScenario[] | Problem | undefined>();
  const [chosen, setChosen] = useState(0);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [job, setJob] = useState<SimulationJob | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [runs, setRuns] = useState<Run[]>([]);
  const [pair, setPair] = useState<[number, number] | undefined>();
  const live = useRef(true);
  const resultHeading = useRef<HTMLHeadingElement | null>(null);
  const nextKey = useRef(1);

  useEffect(() => {
    live.current = true;
    void shippedScenarios().then((r) => {
      if (!live.current) return;
      setList(r.ok ? r.data : r.problem);
      if (r.ok && r.data[0]) setDraft(draftOf(r.data[0].scenario));
    });
    return () => { live.current = false; };
  }, []);

  const scenarios = Array.isArray(list) ? list : [];
  const current = scenarios[chosen];
  const running = job !== undefined && (job.status === 'queued' || job.status === 'running');

  const pick = (i: number) => {
    setChosen(i);
    if (scenarios[i]) setDraft(draftOf(scenarios[i].scenario));
  };

  const follow = async (id: string, label: string) => {
    for (;;) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (!live.current) return;
      const r = await simulationJob(id);
      if (!live.current) return;
      if (!r.ok) { setProblem(r.problem); setJob(undefined); return; }
      setJob(r.data);
      if (r.data.status === 'done' && r.data.result) {
        const run: Run = { key: nextKey.current++, jobId: id, label, result: r.data.result };
        setRuns((rs) => [...rs, run]);
        setPair((p) => (p ? [p[1], run.key] : undefined));
        setTimeout(() => resultHeading.current?.focus(), 0);
        return;
      }
      if (r.data.status === 'failed') {
        setProblem({ status: 500, title: t('scenFailed'), detail: r.data.error ?? '' });
        return;
      }
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!current || !draft || running) return;
    setProblem(undefined);
    const scenario = scenarioOf(current.scenario, draft);
    const r = await startSimulation(scenario);
    if (!live.current) return;
    if (!r.ok) { setProblem(r.problem); return; }
    setJob(r.data);
    const label = `${current.scenario.name} · ${draft.from} – ${draft.to} · ${t('scenSeed')} ${draft.seed} · ${t('scenReplications')} ${draft.replications}`;
    void follow(r.data.id, label);
  };

  const set = (k: keyof Omit<Draft, 'surgeHours'>) => (e: Event) => setDraft((d) => d && { ...d, [k]: (e.target as HTMLInputElement).value });
  const latest = runs[runs.length - 1];

  return (
    <>
      <h1>{t('scenTitle')}</h1>
      <p class="intro">{t('scenIntro')}</p>
      {list === undefined ? <p role="status">{t('loading')}</p> : !Array.isArray(list) ? <ProblemBox problem={list} /> : current && draft ? (
        <form class="card" onSubmit={(e) => void submit(e)} aria-describedby="s-desc">
          <div class="field">
            <label for="s-scenario">{t('scenPick')}</label>
            <select id="s-scenario" value={String(chosen)} onChange={(e) => pick(Number((e.target as HTMLSelectElement).value))} disabled={running}>
              {scenarios.map((s, i) => <option key={s.file} value={String(i)} lang="en">{s.scenario.name}</option>)}
            </select>
          </div>
          <p id="s-desc" class="muted" lang="en">{current.scenario.description ?? ''}</p>
          <div class="grid2">
            <div class="field"><label for="s-from">{t('scenFrom')}</label><input id="s-from" type="date" required min="2013-01-01" max="2100-12-31" value={draft.from} onInput={set('from')} /></div>
            <div class="field"><label for="s-to">{t('scenTo')}</label><input id="s-to" type="date" required min={draft.from} max="2100-12-31" value={draft.to} onInput={set('to')} /></div>
            <div class="field"><label for="s-reps">{t('scenReplications')}</label><input id="s-reps" type="number" required min={1} max={1000} step={1} value={draft.replications} onInput={set('replications')} /></div>
            <div class="field"><label for="s-seed">{t('scenSeed')}</label><input id="s-seed" type="number" required min={0} max={4294967295} step={1} value={draft.seed} onInput={set('seed')} /></div>
          </div>
          <fieldset>
            <legend>{t('scenSurges')}</legend>
            {current.scenario.surges.length === 0 ? <p class="muted">{t('scenNoSurges')}</p> : current.scenario.surges.map((s, i) => (
              <div class="field" key={`${current.file}-${i}`}>
                <label for={`s-surge-${i}`}><span lang="en">{s.name}</span> ({s.from} – {s.to}): {t('scenSurgeHours')}</label>
                <input id={`s-surge-${i}`} type="number" required min={1} max={1000000} step="any" value={draft.surgeHours[i]}
                  onInput={(e) => setDraft((d) => d && { ...d, surgeHours: d.surgeHours.map((h, j) => (j === i ? (e.target as HTMLInputElement).value : h)) })} />
              </div>
            ))}
          </fieldset>
          <p><button type="submit" disabled={running}>{t('scenRun')}</button></p>
        </form>
      ) : null}

      {job ? (
        <div class="sim-progress" role="status" data-status={job.status}>
          <progress max={1} value={job.progress.fraction} aria-label={t('scenProgress')} />{' '}
          <span>{job.status === 'queued' ? t('scenQueued') : job.status === 'done' ? t('scenDone') : job.status === 'failed' ? t('scenFailed') : `${t('scenRunning')} (${job.progress.step})`}{' '}
            {fmtNumber(job.progress.fraction, lang, { style: 'percent', maximumFractionDigits: 0 })}</span>
        </div>
      ) : null}

      {problem ? recordsMissing(problem) ? <p class="notice" role="status">{t('loadingRecords')}</p>
        : problem.status === 429 && problem.retryAfter ? <p class="notice" role="status">{t('scenTooMany').replace('{s}', String(problem.retryAfter)).replace('{t}', new Date(Date.now() + problem.retryAfter * 1000).toLocaleTimeString(lang === 'es' ? 'es-US' : 'en-US'))}</p>
        : problem.status === 503 && problem.retryAfter ? <p class="notice" role="status">{t('scenBusy').replace('{s}', String(problem.retryAfter))}</p>
        : <ProblemBox problem={problem} /> : null}

      {latest ? <SimulationResultView key={latest.key} result={latest.result} jobId={latest.jobId} headingRef={resultHeading} /> : null}

      {runs.length ? <Compare runs={runs} pair={pair} setPair={setPair} /> : null}
    </>
  );
}

function Compare({ runs, pair, setPair }: { runs: Run[]; pair: [number, number] | undefined; setPair: (p: [number, number]) => void }) {
  const { lang, t } = useLang();
  const last = runs[runs.length - 1]!;
  const [ka, kb] = pair ?? [runs[runs.length - 2]?.key ?? last.key, last.key];
  const a = runs.find((r) => r.key === ka) ?? last;
  const b = runs.find((r) => r.key === kb) ?? last;
  const choose = (which: 0 | 1) => (e: Event) => {
    const k = Number((e.target as HTMLSelectElement).value);
    setPair(which === 0 ? [k, b.key] : [a.key, k]);
  };
  const rows = [...FIGURES, ...HOURS.map((f) => ({ ...f, hours: true }))];
  return (
    <section class="card" aria-labelledby="sim-compare-h">
      <h2 id="sim-compare-h">{t('scenCompare')}</h2>
      {runs.length < 2 ? <p>{t('scenCompareNeedTwo')}</p> : (
        <>
          <p class="muted" data-paired={String(paired(a.result, b.result))}>{paired(a.result, b.result) ? t('scenComparePaired') : t('scenCompareUnpaired')}</p>
          <div class="grid2">
            <div class="field"><label for="c-a">{t('scenRunA')}</label>
              <select id="c-a" value={String(a.key)} onChange={choose(0)}>{runs.map((r) => <option key={r.key} value={String(r.key)}>{r.key}. {r.label}</option>)}</select></div>
            <div class="field"><label for="c-b">{t('scenRunB')}</label>
              <select id="c-b" value={String(b.key)} onChange={choose(1)}>{runs.map((r) => <option key={r.key} value={String(r.key)}>{r.key}. {r.label}</option>)}</select></div>
          </div>
          <div class="table-scroll">
            <table class="sim-compare">
              <thead><tr><th scope="col">{t('scenMeasure')}</th><th scope="col">A</th><th scope="col">B</th><th scope="col">{t('scenDifference')}</th><th scope="col">{t('scenDiffRange')}</th></tr></thead>
              <tbody>
                {rows.map((f) => {
                  const va = f.of(a.result);
                  const vb = f.of(b.result);
                  const d = difference(a.result, b.result, f);
                  return (
                    <tr key={f.key} data-figure={f.key} data-mean={d.mean} data-low={d.low} data-high={d.high}>
                      <th scope="row">{'hours' in f ? `${t('scenHours')}: ${t(f.key)}` : t(f.key)}</th>
                      <td>{fmtFigure(va.mean, f.unit, lang)}</td>
                      <td>{fmtFigure(vb.mean, f.unit, lang)}</td>
                      <td>{fmtFigure(d.mean, f.unit, lang, true)}</td>
                      <td>{fmtFigure(d.low, f.unit, lang, true)} – {fmtFigure(d.high, f.unit, lang, true)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
