// The web app end to end, in Debian's Chromium against the real server on a free port: every page in
// English and Spanish (axe-core, screenshots at desktop and phone widths, no sideways scrolling on a
// phone), the decision tester with a shared address and its memo, the map's slider and hover, and a
// chart's CSV. The expected answers come from the law engine itself, not from constants.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultEngine, lawChanges, lawMap } from '../../src/law/index.js';
import { interval } from '../../src/simulate/intervals.js';
import { createApp } from '../../src/server/app.js';
import { listen } from '../../src/server/listen.js';
import { DATA_PRESENT, loadedDbPath, needsData } from '../observe/helpers.js';
import { axe, launch, needsBrowser, screenshot, serious, type AxeViolation } from './browser.js';

const MECK = 'ocd-division/country:us/state:nc/county:mecklenburg';
const SHARED = new URLSearchParams({
  j: 'Mecklenburg County, NC', agency: 'sheriff_jail', at: '2025-10-02T14:00', req: 'HOLD,NOTIFY_RELEASE', docs: 'I-247A,I-200',
  recv: '2025-10-02T10:00', release: '2025-10-02T15:00',
}).toString();

interface PageCase { name: string; path: string; ready: string }
const PAGES: PageCase[] = [
  { name: 'map', path: '/?date=2025-10-01&request=HOLD', ready: 'svg[data-date="2025-10-01"]' },
  { name: 'decide', path: `/decide?${SHARED}`, ready: 'section.decision[data-request="HOLD"]' },
  { name: 'memo', path: `/decide/memo?${SHARED}`, ready: '.memo section.decision' },
  { name: 'jurisdiction', path: `/jurisdiction/${MECK}`, ready: '[data-testid="timeline"]' },
  { name: 'observatory', path: '/observatory', ready: 'section.card' },
  { name: 'claims', path: '/claims', ready: 'article.card, main .notice' },
  { name: 'scenarios', path: '/scenarios', ready: '#s-scenario, main .notice, main .problem' },
];
const NAV_MAP = { en: 'Map', es: 'Mapa' } as const;

/** Waits until no part of the page still says it is loading (charts drawn, tables filled). */
async function settled(page: Page, ready: string): Promise<void> {
  await page.waitForSelector(ready, { timeout: 30_000 });
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('section.card')];
    const chartsDone = cards.every((c) => c.querySelector('.chart svg') || c.querySelector('.notice') || !c.querySelector('.chart'));
    // A .notice is an answer (an error, or the records not loaded yet), not a request still under way.
    const loading = [...document.querySelectorAll('main [role="status"]:not(.notice)')].some((s) => /Loading|Cargando|Computing|Calculando/.test(s.textContent ?? ''));
    return chartsDone && !loading;
  }, undefined, { timeout: 60_000 });
}

describe('the web app in Chromium', needsBrowser, () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let base: string;
  const axeLog: { page: string; lang: string; width: string; violations: AxeViolation[] }[] = [];

  before(async () => {
    // The observatory's pages read a loaded database when the public records are here; without them they say so.
    if (!(process.env.COMITY_DB && existsSync(process.env.COMITY_DB)) && DATA_PRESENT) process.env.COMITY_DB = await loadedDbPath();
    server = await listen(createApp(), 0, '127.0.0.1', () => {});
    base = server.url.replace(/\/$/, '');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const context = (lang: 'en' | 'es', width = 1280): Promise<BrowserContext> =>
    browser.newContext({ locale: lang === 'es' ? 'es-ES' : 'en-US', viewport: { width, height: width < 500 ? 812 : 900 }, bypassCSP: true });

  test('the map page draws its counties, on a fresh server and again (load times reported, not asserted)', async (t) => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      const time = async () => {
        await page.goto(`${base}/`);
        await page.waitForSelector('svg[data-date] path[data-modality="MAY"]', { timeout: 30_000 });
        return page.evaluate(() => Math.round(performance.now()));
      };
      const cold = await time();
      const warm = await time();
      t.diagnostic(`map page first load: ${cold} ms on a fresh server (the map computed), ${warm} ms once computed`);
      assert.ok(cold > 0 && warm > 0);
    } finally {
      await ctx.close();
    }
  });

  for (const lang of ['en', 'es'] as const) {
    test(`every page in ${lang}: its language, no serious or critical axe violations, desktop and phone screenshots`, async (t) => {
      for (const width of [1280, 375]) {
        const ctx = await context(lang, width);
        try {
          const page = await ctx.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(e.message));
          for (const p of PAGES) {
            await page.goto(base + p.path);
            await settled(page, p.ready);
            assert.equal(await page.getAttribute('html', 'lang'), lang, `${p.name}: html lang`);
            assert.equal((await page.textContent('header nav li:first-child a'))?.trim(), NAV_MAP[lang], `${p.name}: navigation in ${lang}`);
            const footer = await page.textContent('footer .disclaimer');
            assert.match(footer ?? '', lang === 'es' ? /no asesoría legal/ : /not legal advice/, `${p.name}: the disclaimer`);
            const violations = await axe(page);
            axeLog.push({ page: p.name, lang, width: String(width), violations });
            assert.deepEqual(serious(violations).map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`), [], `${p.name} (${lang}, ${width}px)`);
            if (width < 500) {
              const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
              assert.ok(overflow <= 1, `${p.name} (${lang}) scrolls sideways by ${overflow}px at ${width}px`);
            }
            await screenshot(page, `${p.name}-${lang}-${width < 500 ? 'phone' : 'desktop'}`);
          }
          assert.deepEqual(errors, []);
        } finally {
          await ctx.close();
        }
      }
      const mine = axeLog.filter((a) => a.lang === lang);
      const all = mine.flatMap((a) => a.violations);
      t.diagnostic(`axe (${lang}): ${mine.length} page views, ${all.length} violations of any impact (${[...new Set(all.map((v) => `${v.id}/${v.impact}`))].join(', ') || 'none'}), serious or critical: ${serious(all).length}`);
    });
  }

  test('the language switch turns the interface to Spanish and back, and remembers the choice', async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/decide`);
      await page.click('button.lang');
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      assert.equal((await page.textContent('header nav li:first-child a'))?.trim(), 'Mapa');
      assert.match((await page.textContent('main h1')) ?? '', /Probador/);
      await page.reload();
      assert.equal((await page.textContent('header nav li:first-child a'))?.trim(), 'Mapa');
      await page.click('button.lang');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
    } finally {
      await ctx.close();
    }
  });

  test('the decision tester: autocomplete, a decision as the engine gives it, a shared address, the memo on one printed page', async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/decide`);
      await page.fill('#f-j', 'Mecklenb');
      await page.waitForFunction(() => [...document.querySelectorAll('#f-j-list option')].some((o) => (o as HTMLOptionElement).value === 'Mecklenburg County, NC'));
      await page.fill('#f-j', 'Mecklenburg County, NC');
      await page.fill('#f-at', '2025-10-02T14:00');
      await page.fill('#f-received', '2025-10-02T10:00');
      await page.fill('#f-release', '2025-10-02T15:00');
      await page.click('text=Add a conviction');
      await page.fill('#o-date-0', '2019-05-01');
      await page.selectOption('#o-level-0', 'felony');
      await page.click('button[type="submit"]');
      await page.waitForSelector('section.decision[data-request="NOTIFY_RELEASE"]');

      const expected = defaultEngine().decide({
        jurisdiction: 'Mecklenburg County, NC', agency: { kind: 'sheriff_jail' }, at: '2025-10-02T14:00:00-04:00', requests: ['HOLD', 'NOTIFY_RELEASE'],
        documents: ['I-247A', 'I-200'], detainerReceivedAt: '2025-10-02T10:00:00-04:00', wouldBeReleasedAt: '2025-10-02T15:00:00-04:00',
        person: { convictions: [{ date: '2019-05-01', level: 'felony' }] },
      });
      assert.ok(expected.ok);
      for (const type of ['HOLD', 'NOTIFY_RELEASE'] as const) {
        assert.equal(await page.getAttribute(`section.decision[data-request="${type}"]`, 'data-modality'), expected.response.decisions[type]!.modality, type);
      }
      const hold = expected.response.decisions.HOLD!.holdUntil;
      if (hold) assert.ok((await page.textContent('[data-testid="hold-until"]'))?.includes(hold), 'the hold deadline, in the jail\'s local time');
      const citation = expected.response.decisions.HOLD!.decidedBy.citation;
      assert.ok((await page.textContent('section.decision[data-request="HOLD"]'))?.includes(citation));

      // The address now describes the request: opened afresh, it gives the same decision at once.
      const shared = page.url();
      assert.match(shared, /\/decide\?.*j=Mecklenburg/);
      assert.match(decodeURIComponent(shared), /off=conviction~2019-05-01~felony/);
      const other = await ctx.newPage();
      await other.goto(shared);
      await other.waitForSelector('section.decision[data-request="HOLD"]');
      assert.equal(await other.getAttribute('section.decision[data-request="HOLD"]', 'data-modality'), expected.response.decisions.HOLD!.modality);
      assert.equal(await other.inputValue('#o-date-0'), '2019-05-01');

      // The memo: the same decision, and in print one page without the site's navigation.
      await other.click('text=Print memo');
      await other.waitForSelector('.memo section.decision[data-request="HOLD"]');
      assert.equal(await other.getAttribute('.memo section.decision[data-request="HOLD"]', 'data-modality'), expected.response.decisions.HOLD!.modality);
      await other.emulateMedia({ media: 'print' });
      assert.equal(await other.evaluate(() => getComputedStyle(document.querySelector('header.site')!).display), 'none');
      await screenshot(other, 'memo-print');
      const pdf = await other.pdf({ format: 'Letter' });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.equal(pages, 1, `the memo prints on ${pages} pages`);

      // A misspelled jurisdiction: the engine's problem, naming the field, with its suggestions.
      await page.fill('#f-j', 'Mecklenberg County, NC');
      await page.click('button[type="submit"]');
      const bad = defaultEngine().decideUnknown({ jurisdiction: 'Mecklenberg County, NC', agency: { kind: 'sheriff_jail' }, at: '2025-10-02T14:00:00Z', requests: ['HOLD'] });
      assert.ok(!bad.ok);
      const problemText = (await (await page.waitForSelector('main .problem')).textContent()) ?? '';
      assert.ok(problemText.includes(bad.problems[0]!.path), problemText);
      for (const s of bad.problems[0]!.suggestions ?? []) assert.ok(problemText.includes(s), `suggestion ${s}`);

      // A bad shared address says what is wrong with it.
      await other.emulateMedia({ media: 'screen' });
      await other.goto(`${base}/decide?j=Mecklenburg&req=HOLD,DEPORT&agency=navy`);
      const alert = await other.textContent('main .problem');
      assert.match(alert ?? '', /req: "DEPORT"/);
      assert.match(alert ?? '', /agency: "navy"/);
    } finally {
      await ctx.close();
    }
  });

  test('the map: dragging the slider recolors a county whose law changed; hover tells its answer; a click opens its page', async () => {
    const engine = defaultEngine();
    const from = '2025-01-01';
    const today = new Date().toISOString().slice(0, 10);
    const change = lawChanges(engine, from, today, 'HOLD', { state: 'nc' }).changes.find((c) => c.from !== c.to);
    assert.ok(change, 'a North Carolina county whose answer changed since 2025-01-01');
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/?date=${from}&request=HOLD`);
      await page.waitForSelector(`svg[data-date="${from}"]`);
      const county = `path[data-fips="${change.fips}"]`;
      assert.equal(await page.getAttribute(county, 'data-modality'), change.from);
      const before = await page.getAttribute(county, 'fill');

      const slider = (await page.$('#map-slider'))!;
      const box = (await slider.boundingBox())!;
      const value = Number(await slider.inputValue());
      const max = Number(await slider.getAttribute('max'));
      const x0 = box.x + 8 + ((box.width - 16) * value) / max;
      await page.mouse.move(x0, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width + 40, box.y + box.height / 2, { steps: 12 });
      await page.mouse.up();
      const last = await page.evaluate(() => (document.querySelector('#map-slider') as HTMLInputElement).value);
      assert.equal(Number(last), max, 'the slider reached today');
      const shown = await page.waitForSelector('svg[data-date]:not([data-date="2025-01-01"])');
      const date = (await shown.getAttribute('data-date'))!;
      const expected = lawMap(engine, date, 'HOLD', { state: 'nc' }).rows.find((r) => r.fips === change.fips)!;
      assert.equal(await page.getAttribute(county, 'data-modality'), expected.modality);
      assert.equal(expected.modality, change.to);
      assert.notEqual(await page.getAttribute(county, 'fill'), before, 'the county changed color');

      await page.hover(county);
      const tip = await page.waitForSelector('.tooltip');
      assert.match((await tip.textContent()) ?? '', new RegExp(change.name));
      await page.click(county);
      await page.waitForURL(/\/jurisdiction\//);
      assert.ok(decodeURIComponent(page.url()).includes(change.id));
      await page.waitForSelector('[data-testid="timeline"]');
    } finally {
      await ctx.close();
    }
  });

  test('the map\'s layers outline the counties with a 287(g) agreement and those on the DOJ 2025 list', { ...needsBrowser, ...needsData }, async () => {
    const date = '2025-10-01';
    const withAgreement = new Set(lawMap(defaultEngine(), date, 'HOLD').rows.filter((r) => r.agreement287g.length).map((r) => r.fips));
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      const lists = (await (await page.request.get(`${base}/api/v1/observe/sanctuary-lists`)).json()) as { rows: { list: string; level: string; countyFips: string | null }[] };
      const doj = new Set(lists.rows.filter((r) => r.list.startsWith('DOJ') && r.level === 'county' && r.countyFips).map((r) => r.countyFips!));
      assert.ok(doj.size > 0 && withAgreement.size > 0);
      await page.goto(`${base}/?date=${date}&request=HOLD`);
      await page.waitForSelector(`svg[data-date="${date}"]`);
      const drawn = async (sel: string) => page.$$eval('path.county', (ps, s) => ps.filter((p) => p.getAttribute('data-fips') && (window as unknown as Record<string, Set<string>>)[s]?.has(p.getAttribute('data-fips')!)).length, sel);
      await page.evaluate(([a, b]) => { Object.assign(window, { g287: new Set(a), doj: new Set(b) }); }, [[...withAgreement], [...doj]]);
      await page.check('text=287(g) agreements');
      assert.ok((await drawn('g287')) > 0);
      assert.equal(await page.$$eval('path.g287', (ps) => ps.length), await drawn('g287'));
      await page.check('text=DOJ 2025 list');
      await page.waitForSelector('path.doj');
      assert.ok((await drawn('doj')) > 0);
      assert.equal(await page.$$eval('path.doj', (ps) => ps.length), await drawn('doj'));
    } finally {
      await ctx.close();
    }
  });

  test('the map colored by the observed at-large share: a county with enough arrests gets its bin, and its share on hover', { ...needsBrowser, ...needsData }, async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      const share = (await (await page.request.get(`${base}/api/v1/observe/custodial-share?by=county`)).json()) as { rows: { key: string; label: string; total: number; atLargeShare: number }[] };
      const top = share.rows.filter((r) => r.key && r.total >= 20).sort((a, b) => b.total - a.total)[0]!;
      await page.goto(`${base}/?date=2025-10-01`);
      await page.waitForSelector('svg[data-date="2025-10-01"]');
      const lawFill = await page.getAttribute(`path[data-fips="${top.key}"]`, 'fill');
      await page.selectOption('#map-color', 'atlarge');
      assert.ok(await page.isHidden('#map-slider'), 'the law\'s time controls are hidden');
      await page.waitForFunction((f) => document.querySelector(`path[data-fips="${f.key}"]`)?.getAttribute('fill') !== f.lawFill, { key: top.key, lawFill });
      await page.hover(`path[data-fips="${top.key}"]`);
      const tip = (await (await page.waitForSelector('.tooltip')).textContent()) ?? '';
      assert.ok(tip.includes(new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(top.atLargeShare)), tip);
      assert.match(tip, new RegExp(top.total.toLocaleString('en-US')));
      assert.match(page.url(), /color=atlarge/);
    } finally {
      await ctx.close();
    }
  });

  test('the map colored by the at-large share of each county\'s AOR: the period\'s AOR map and figures, on hover and in the address', { ...needsBrowser, ...needsData }, async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      type AorRows = { rows: { key: string; label: string; arrests: number; atLargeShare: number; counties: string[] }[] };
      const get = async (period: string) => (await (await page.request.get(`${base}/api/v1/observe/at-large-aor-map?period=${period}`)).json()) as AorRows;
      const [recent, records] = [await get('y2025'), await get('fy2018')];
      // Cameron County, TX: Harlingen's under the 2025/26 map, another AOR's in the 2019 map of the records.
      const cameron = '48061';
      const aorOf = (m: AorRows) => m.rows.find((r) => r.counties.includes(cameron))!;
      assert.notEqual(aorOf(recent).key, aorOf(records).key);
      const pct = (x: number) => new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(x);
      await page.goto(`${base}/?date=2025-10-01`);
      await page.waitForSelector('svg[data-date="2025-10-01"]');
      const lawFill = await page.getAttribute(`path[data-fips="${cameron}"]`, 'fill');
      await page.selectOption('#map-color', 'aor');
      await page.waitForSelector('svg[data-aor-period="y2025"]');
      assert.ok(await page.isHidden('#map-slider'), 'the law\'s time controls are hidden');
      assert.notEqual(await page.getAttribute(`path[data-fips="${cameron}"]`, 'fill'), lawFill);
      for (const [period, m] of [['y2025', recent], ['fy2018', records]] as const) {
        if (period !== 'y2025') {
          await page.selectOption('#map-period', period);
          await page.waitForSelector(`svg[data-aor-period="${period}"]`);
        }
        await page.mouse.move(0, 0);
        await page.hover(`path[data-fips="${cameron}"]`);
        const tip = (await (await page.waitForSelector(`.tooltip:has-text("(${aorOf(m).key})")`)).textContent()) ?? '';
        assert.ok(tip.includes(aorOf(m).label) && tip.includes(pct(aorOf(m).atLargeShare)) && tip.includes(aorOf(m).arrests.toLocaleString('en-US')), `${period}: ${tip}`);
        assert.match(page.url(), new RegExp(`color=aor&period=${period}`));
      }
      // Hartford County, CT: the map's county, older than the planning regions the AOR table lists, takes its state's AOR.
      await page.hover('path[data-fips="09003"]');
      await page.waitForSelector('.tooltip:has-text("(BOS)")');
      // Every county of an AOR has the same color.
      const la = records.rows.find((r) => r.key === 'LOS')!;
      const fills = await Promise.all(la.counties.slice(0, 5).map((f) => page.getAttribute(`path[data-fips="${f}"]`, 'fill')));
      assert.equal(new Set(fills).size, 1, fills.join());
      assert.deepEqual(serious(await axe(page)).map((v) => v.id), [], 'axe: no serious or critical violations with the AOR layer shown');
      await screenshot(page, 'map-aor-en-desktop');
    } finally {
      await ctx.close();
    }
  });

  test('from the keyboard: a visible focus, the slider moves with the arrow keys, a county found by name', async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/?date=2020-01-01`);
      await page.waitForSelector('svg[data-date="2020-01-01"]');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip', 'the first stop is the skip link');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      assert.notEqual(outline, 'none', 'focus is visible');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
      await page.focus('#map-slider');
      await page.keyboard.press('ArrowRight');
      await page.waitForSelector('svg[data-date="2020-07-01"]');
      assert.equal(await page.textContent('output[for="map-slider"]'), '2020-07-01');
      await page.focus('#map-find');
      await page.keyboard.type('Mecklenburg County, NC');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/jurisdiction\//);
      assert.ok(decodeURIComponent(page.url()).endsWith(MECK));
    } finally {
      await ctx.close();
    }
  });

  test('a jurisdiction page shows its record: every provision linked to its source, the law\'s timeline, the observed arrests', { ...needsBrowser, ...needsData }, async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      const rec = (await (await page.request.get(`${base}/api/v1/jurisdictions/${encodeURIComponent(MECK)}`)).json()) as {
        layers: { provisions: { citation: string; source: string }[] }[]; timeline: unknown[];
        observed: { metric: { metric: string; rows: { key: string; total: number }[] } }[];
      };
      await page.goto(`${base}/jurisdiction/${MECK}`);
      await settled(page, '[data-testid="timeline"]');
      const provisions = rec.layers.flatMap((l) => l.provisions);
      assert.ok(provisions.length > 0);
      for (const p of provisions) {
        const links = await page.$$eval('ul.provisions a', (as, src) => as.filter((a) => a.getAttribute('href') === src).map((a) => a.textContent), p.source);
        assert.ok(links.includes(p.citation), `${p.citation} linked to ${p.source}`);
      }
      assert.equal(await page.$$eval('[data-testid="timeline"] tbody tr', (trs) => trs.length), rec.timeline.length);
      const fy = rec.observed.find((o) => o.metric.metric === 'custodial-share')!.metric.rows.filter((r) => r.total > 0);
      const shown = await page.$$eval('[data-testid="observed"] tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td:last-child')?.textContent]));
      assert.deepEqual(shown, fy.map((r) => [r.key, r.total.toLocaleString('en-US')]));
    } finally {
      await ctx.close();
    }
  });

  test('an observatory chart\'s CSV holds the rows its table shows', { ...needsBrowser, ...needsData }, async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      await page.goto(`${base}/observatory`);
      await settled(page, 'section.card[data-metric="detainers"] .chart svg');
      const card = 'section.card[data-metric="detainers"]';
      const href = (await page.getAttribute(`${card} a[download]`, 'href'))!;
      const csv = await page.request.get(base + href);
      assert.equal(csv.status(), 200);
      assert.match(csv.headers()['content-type'] ?? '', /text\/csv/);
      const lines = (await csv.text()).trim().split(/\r?\n/);
      const rows = await page.$$eval(`${card} table tbody tr`, (trs) => trs.length);
      assert.ok(rows > 0);
      assert.equal(lines.length - 1, rows);
      assert.match(lines[0]!, /detainers/);
    } finally {
      await ctx.close();
    }
  });

  test('the scenarios page past the client\'s limit: a 429 says when to retry, from its Retry-After', async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      // The server's own limit is several runs a client; the browser answers this POST with what the server sends past it.
      await page.route('**/api/v1/simulations', (route) => route.fulfill({
        status: 429, headers: { 'retry-after': '37', 'content-type': 'application/problem+json' },
        body: JSON.stringify({ status: 429, title: 'Too many simulations', detail: 'try again in 37 s.' }),
      }));
      await page.goto(`${base}/scenarios`);
      await settled(page, '#s-scenario');
      await page.fill('#s-reps', '1');
      await page.press('#s-reps', 'Enter');
      const notice = page.locator('main .notice[role="status"]');
      await notice.waitFor();
      assert.match((await notice.textContent()) ?? '', /Try again in 37 s/);
      assert.equal(await page.locator('.sim-progress').count(), 0);
    } finally {
      await ctx.close();
    }
  });

  test('the scenarios page runs a shipped scenario with one replication (progress to done, the API\'s custodial share), then compares two runs of one seed, paired', { ...needsBrowser, ...needsData, timeout: 300_000 }, async () => {
    const ctx = await context('en');
    try {
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const shipped = (await (await page.request.get(`${base}/api/v1/scenarios`)).json()) as { file: string; scenario: { name: string; surges: unknown[] } }[];
      const baseline = shipped.find((s) => s.file === 'baseline-fy2018.yaml')!;
      assert.ok(baseline, 'baseline-fy2018.yaml is shipped');
      await page.goto(`${base}/scenarios`);
      await settled(page, '#s-scenario');
      await page.selectOption('#s-scenario', { label: baseline.scenario.name });
      assert.equal(await page.locator('[id^="s-surge-"]').count(), baseline.scenario.surges.length);
      await page.fill('#s-reps', '1');
      await page.click('form button[type="submit"]');
      await page.waitForSelector('.sim-progress[role="status"]');
      await page.waitForSelector('.sim-progress[data-status="done"], .sim-progress[data-status="failed"]', { timeout: 280_000 });
      assert.equal(await page.getAttribute('.sim-progress', 'data-status'), 'done');
      assert.equal(await page.$eval('.sim-progress progress', (p) => (p as HTMLProgressElement).value), 1);
      const jobId = (await page.getAttribute('section.sim-result', 'data-job'))!;
      const job = (await (await page.request.get(`${base}/api/v1/simulations/${jobId}`)).json()) as { status: string; scenario: { replications: number }; result: { custodialShare: { mean: number; p05: number; p95: number } } };
      assert.equal(job.status, 'done');
      assert.equal(job.scenario.replications, 1);
      const shown = page.locator('section.sim-result dd[data-figure="scenCustShare"]');
      assert.equal(Number(await shown.getAttribute('data-value')), job.result.custodialShare.mean);
      const pct = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(job.result.custodialShare.mean);
      assert.equal((await shown.locator('strong.figure').textContent())?.trim(), pct);
      // Focus moves to the result; the backlog chart is drawn.
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'sim-result-h');
      await page.waitForSelector('section.sim-result .chart svg', { timeout: 30_000 });

      // Two more runs of one seed and two replications each (two months, then three): the comparison pairs them,
      // replication by replication, as the API's per-replication figures give them.
      const run = async (to: string): Promise<string> => {
        const before = await page.getAttribute('section.sim-result', 'data-job');
        await page.fill('#s-to', to);
        await page.fill('#s-reps', '2');
        await page.click('form button[type="submit"]');
        await page.waitForFunction((b) => document.querySelector('section.sim-result')?.getAttribute('data-job') !== b
          && document.querySelector('.sim-progress')?.getAttribute('data-status') === 'done', before, { timeout: 200_000 });
        return (await page.getAttribute('section.sim-result', 'data-job'))!;
      };
      const jobs: { result: { perReplication: { custodialShare: number[] } } }[] = [];
      for (const to of ['2017-11-30', '2017-12-31']) jobs.push(await (await page.request.get(`${base}/api/v1/simulations/${await run(to)}`)).json());
      assert.equal(await page.getAttribute('[data-paired]', 'data-paired'), 'true');
      const [a, b] = jobs.map((j) => j.result.perReplication.custodialShare);
      const d = interval(b!.map((x, i) => x - a![i]!));
      const row = page.locator('.sim-compare tr[data-figure="scenCustShare"]');
      assert.equal(Number(await row.getAttribute('data-mean')), d.mean);
      assert.equal(Number(await row.getAttribute('data-low')), d.p05);
      assert.equal(Number(await row.getAttribute('data-high')), d.p95);
      assert.deepEqual(errors, []);
    } finally {
      await ctx.close();
    }
  });
});
