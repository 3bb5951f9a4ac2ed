/** The observatory: national measures from ICE's released records, each with definition, caveats and CSV. */
import { useState } from 'preact/hooks';
import { MetricCard } from '../components/metric-card.js';
import { useLang } from '../i18n.js';

const PURPLE = '#762a83';
const GREEN = '#1b7837';

export function ObservatoryPage() {
  const { lang, t } = useLang();
  const es = lang === 'es';
  const [by, setBy] = useState<'aor' | 'state'>('aor');
  return (
    <>
      <h1>{t('obsTitle')}</h1>
      <p class="intro">{t('obsIntro')}</p>
      <MetricCard id="m-at-large" title={t('obsAtLarge')} name="at-large-recent" query={{ by: 'nation' }}
        columns={['periodLabel', 'arrests', 'atLarge', 'atLargeShare', 'custodial', 'program287g', 'source']}
        draw={(Plot, rows, width) => Plot.plot({
          width, height: 280, marginLeft: 50, marginBottom: 50,
          x: { label: null, domain: rows.map((r) => String(r.periodLabel)), tickRotate: -20 },
          y: { label: es ? 'proporción en libertad' : 'at-large share', percent: true, grid: true },
          marks: [Plot.barY(rows, { x: 'periodLabel', y: 'atLargeShare', fill: GREEN }), Plot.ruleY([0])],
        })} />
      <MetricCard id="m-at-large-area" title={t('obsAtLargeArea')} name="at-large-recent" query={{ by }}
        pick={{ field: 'key', labelField: 'label', label: by === 'aor' ? t('obsAor') : t('obsState') }}
        columns={['label', 'periodLabel', 'arrests', 'atLarge', 'atLargeShare', 'custodial', 'program287g', 'otherMethods', 'source']}
        draw={(Plot, rows, width) => Plot.plot({
          width, height: 280, marginLeft: 60, marginBottom: 50,
          x: { label: null, domain: rows.map((r) => String(r.periodLabel)), tickRotate: -20 },
          y: { label: es ? 'arrestos' : 'arrests', grid: true },
          color: { legend: true, domain: ['at-large', 'not at-large'], range: [GREEN, PURPLE] },
          marks: [Plot.barY(rows.flatMap((r) => [{ p: r.periodLabel, kind: 'at-large', n: r.atLarge }, { p: r.periodLabel, kind: 'not at-large', n: Number(r.arrests) - Number(r.atLarge) }]), { x: 'p', y: 'n', fill: 'kind' }), Plot.ruleY([0])],
        })}>
        <p>
          <label for="m-at-large-by">{t('obsBy')}</label>{' '}
          <select id="m-at-large-by" value={by} onChange={(e) => setBy((e.target as HTMLSelectElement).value as 'aor' | 'state')}>
            <option value="aor">{t('obsAor')}</option>
            <option value="state">{t('obsState')}</option>
          </select>
        </p>
      </MetricCard>
      <MetricCard id="m-detention" title={t('obsDetention')} name="detention-population" query={{ by: 'type' }}
        columns={['fy', 'key', 'facilities', 'adp', 'share', 'partial']}
        draw={(Plot, rows, width) => Plot.plot({
          width, height: 300, marginLeft: 60,
          x: { label: 'FY', tickFormat: (d: number) => String(d) },
          y: { label: es ? 'población diaria promedio' : 'average daily population', grid: true },
          color: { legend: true, scheme: 'tableau10' },
          marks: [Plot.barY(rows, { x: 'fy', y: 'adp', fill: 'key', tip: true }), Plot.ruleY([0])],
        })} />
      <MetricCard id="m-detainers" title={t('obsDetainers')} name="detainers" query={{ by: 'fy' }}
        columns={['key', 'encounters', 'detainers', 'detainerShare']}
        draw={(Plot, rows, width) => Plot.plot({
          width, height: 260, marginLeft: 60,
          x: { label: 'FY', tickFormat: (d: number) => String(d) },
          y: { label: es ? 'detainers' : 'detainers lodged', grid: true },
          marks: [Plot.barY(rows.map((r) => ({ fy: Number(r.key), detainers: r.detainers })), { x: 'fy', y: 'detainers', fill: PURPLE }), Plot.ruleY([0])],
        })} />
      <MetricCard id="m-removals" title={t('obsRemovals')} name="removals" query={{ by: 'fy' }}
        columns={['fy', 'removals', 'noConvictionRecorded', 'threatLevelRedacted', 'noConvictionShare']}
        draw={(Plot, rows, width) => Plot.plot({
          width, height: 260, marginLeft: 60,
          x: { label: 'FY', tickFormat: (d: number) => String(d) },
          y: { label: es ? 'deportaciones' : 'removals', grid: true },
          color: { legend: true, domain: ['noConvictionRecorded', 'threatLevelRedacted'], range: [GREEN, PURPLE] },
          marks: [Plot.barY(rows.flatMap((r) => [{ fy: r.fy, kind: 'noConvictionRecorded', n: r.noConvictionRecorded }, { fy: r.fy, kind: 'threatLevelRedacted', n: r.threatLevelRedacted }]), { x: 'fy', y: 'n', fill: 'kind' }), Plot.ruleY([0])],
        })} />
    </>
  );
}
