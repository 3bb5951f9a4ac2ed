// The defects of the first edition, each reproduced as a request, fixed and pinned (issue: the law
// engine, second edition). Each test fails on the first edition's engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, defaultEngine, type DecisionRequest, type DecisionResponse } from '../../src/law/index.js';
import { hypothetical, withRegistry } from './registry-fixture.js';

const engine = defaultEngine();
function decide(req: DecisionRequest): DecisionResponse {
  const r = engine.decide(req, { trace: true });
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.problems));
  return r.response;
}
const jail = { kind: 'sheriff_jail' } as const;

// --- Identity -------------------------------------------------------------------------------------

test('a misspelled county is an input error with the right county suggested, not "Santaclara County" under state law', () => {
  const r = engine.decideUnknown({ jurisdiction: 'ocd-division/country:us/state:ca/county:santaclara', agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['NOTIFY_RELEASE'] });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.problems[0]!.path, 'jurisdiction');
  assert.match(r.problems[0]!.suggestions![0]!, /^Santa Clara County, CA \(ocd-division\/country:us\/state:ca\/county:santa_clara\)/);
});

test('a city with no law of its own answers under its county: Palo Alto gets Santa Clara County\'s policy', () => {
  const req: DecisionRequest = { jurisdiction: 'ocd-division/country:us/state:ca/place:palo_alto', agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['NOTIFY_RELEASE'], documents: ['I-247A', 'I-200'],
    person: { convictions: [{ date: '2020-01-15', level: 'felony', categories: ['serious_felony', 'violent_felony'] }] } };
  const city = decide(req);
  const county = decide({ ...req, jurisdiction: 'ocd-division/country:us/state:ca/county:santa_clara' });
  assert.equal(city.decisions.NOTIFY_RELEASE!.modality, county.decisions.NOTIFY_RELEASE!.modality);
  assert.equal(city.decisions.NOTIFY_RELEASE!.modality, 'MUST_NOT');
  assert.ok(city.jurisdiction.chain.includes('ocd-division/country:us/state:ca/county:santa_clara'));
  assert.equal(city.jurisdiction.timeZone, 'America/Los_Angeles');
});

test('a state with no registered law says so plainly, and the explanation names only levels with law', () => {
  // Every state now has an index; a registry of federal law only stands for one that has none.
  withRegistry({}, (dir) => {
    const r = createEngine(dir).decide({ jurisdiction: 'ocd-division/country:us/state:id/county:ada', agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'], documents: ['I-247A', 'I-200'] });
    assert.ok(r.ok);
    const notes = r.response.notes;
    assert.ok(notes.some((n) => /No Idaho law is registered in Comity yet: only federal law was applied/.test(n)), notes.join(' | '));
    assert.ok(!notes.some((n) => /Idaho and federal law apply/.test(n)));
    assert.deepEqual(r.response.jurisdiction.lawChain, ['ocd-division/country:us']);
    assert.equal(r.response.jurisdiction.timeZone, 'America/Boise');
  }, 'federal');
});

test('a state whose research found no law on a request type says so, with the date searched and the confidence', () => {
  const index = `jurisdiction: ocd-division/country:us/state:id
name: Idaho
noStateLaw:
  - requests: [INTERVIEW, FACILITY_ACCESS]
    searched: 2026-11-28
    sources: [{ title: Idaho Code (searched for immigration), href: 'https://example.org/idaho-code' }]
    confidence: secondary
    note: No statute, AG opinion or order on ICE interviews was found. Bills of 2025 died.
`;
  withRegistry({ 'states/id/index.yaml': index }, (dir) => {
    const e = createEngine(dir);
    const r = e.decide({ jurisdiction: 'Ada County, ID', agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['INTERVIEW', 'HOLD'] });
    assert.ok(r.ok);
    const notes = r.response.notes;
    assert.ok(notes.some((n) => /found no Idaho law on INTERVIEW \(searched 2026-11-28; confidence secondary\): federal law decides it\. No statute/.test(n)), notes.join(' | '));
    assert.ok(!notes.some((n) => /No Idaho law is registered/.test(n)), notes.join(' | '));
    const hold = e.decide({ jurisdiction: 'Ada County, ID', agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'] });
    assert.ok(hold.ok && !hold.response.notes.some((n) => /found no Idaho law/.test(n)));
  }, 'federal');
});

test('a noStateLaw finding on a request type a state provision rules on is refused at load', () => {
  const index = `jurisdiction: ocd-division/country:us/state:ia
name: Iowa
noStateLaw:
  - requests: [HOLD]
    searched: 2026-11-28
    sources: [{ title: Iowa Code, href: 'https://example.org/iowa' }]
    confidence: secondary
    note: none found.
`;
  withRegistry({ 'states/ia/index.yaml': index }, (dir) => {
    assert.throws(() => createEngine(dir), /says no law on HOLD, but a provision of ocd-division\/country:us\/state:ia has a rule on HOLD/);
  });
});

test('a consolidated city-county has one identity: Philadelphia\'s county and city ids, its FIPS code and its name give one answer', () => {
  const base = { agency: jail, at: '2025-03-10T09:00:00-05:00', requests: ['HOLD', 'NOTIFY_RELEASE'] as DecisionRequest['requests'], documents: ['I-247A', 'I-200'] as DecisionRequest['documents'] };
  const answers = ['ocd-division/country:us/state:pa/county:philadelphia', 'ocd-division/country:us/state:pa/place:philadelphia', '42101', 'Philadelphia, PA']
    .map((jurisdiction) => decide({ ...base, jurisdiction }));
  for (const a of answers) {
    assert.equal(a.jurisdiction.id, answers[0]!.jurisdiction.id);
    assert.deepEqual(a.decisions, answers[0]!.decisions);
  }
  assert.ok(answers[0]!.jurisdiction.aliases!.includes('ocd-division/country:us/state:pa/place:philadelphia'));
});

test('a place in several counties says which county it assumed and why', () => {
  const r = decide({ jurisdiction: 'Kansas City, MO', agency: jail, at: '2025-03-10T09:00:00-05:00', requests: ['HOLD'] });
  assert.equal(r.jurisdiction.assumedCounty?.id, 'ocd-division/country:us/state:mo/county:jackson');
  assert.match(r.jurisdiction.assumedCounty!.why, /lies in 4 counties/);
});

test('memory stays bounded whatever ids arrive: 20,000 distinct unknown ids and 3,000 real counties leave the caches capped', () => {
  const e = createEngine();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 20_000; i++) {
    const r = e.decideUnknown({ jurisdiction: `ocd-division/country:us/state:ca/county:nowhere_${i}`, agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'] });
    assert.equal(r.ok, false);
  }
  for (const c of e.compiled.registry.jurisdictions.keys()) void c;
  const sizes = e.compiled.cacheSizes();
  assert.ok(sizes.ids <= 4096, `id cache ${sizes.ids}`);
  assert.ok(sizes.laws < 200, `distinct chains of law ${sizes.laws}`);
  const r = e.decideUnknown({ jurisdiction: `ocd-division/country:us/state:ca/county:${'a'.repeat(300)}`, agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'] });
  assert.equal(r.ok, false, 'an overlong id is refused');
  void before;
});

// --- Layering -------------------------------------------------------------------------------------

const HYPOTHETICAL_BAN = hypothetical('ocd-division/country:us/state:tx/county:lubbock', 'tx.lubbock-hypothetical.ban', 'Hypothetical detainer ban',
  '      - requests: [HOLD]\n        modality: MUST_NOT\n');

test('a floor state\'s exemption does not void a local ban: Texas, proof of lawful status, a county ban on holds → MUST_NOT', () => {
  withRegistry({ 'states/tx/counties/lubbock/hypothetical-ban.yaml': HYPOTHETICAL_BAN }, (dir) => {
    const e = createEngine(dir);
    const base: DecisionRequest = { jurisdiction: 'ocd-division/country:us/state:tx/county:lubbock', agency: jail, at: '2025-03-10T09:00:00-05:00', requests: ['HOLD'], documents: ['I-247A', 'I-200'], wouldBeReleasedAt: '2025-03-10T17:00:00-05:00' };
    const exempt = e.decide({ ...base, person: { proofOfLawfulStatus: true } });
    assert.ok(exempt.ok);
    if (exempt.ok) assert.equal(exempt.response.decisions.HOLD!.modality, 'MUST_NOT');
    const mandated = e.decide({ ...base, person: { proofOfLawfulStatus: false } });
    assert.ok(mandated.ok);
    if (mandated.ok) assert.equal(mandated.response.decisions.HOLD!.modality, 'MUST', 'art. 2A.060 binds the county');
  });
});

// --- Dates of application per offense -------------------------------------------------------------

test('S.L. 2024-55 reads only charges of its own time: an old listed felony plus a new unrelated misdemeanor triggers nothing', () => {
  const base: DecisionRequest = { jurisdiction: 'ocd-division/country:us/state:nc/county:wake', agency: jail, at: '2025-03-10T09:00:00-04:00', requests: ['STATUS_INQUIRY'] };
  const mixed = decide({ ...base, person: { charges: [
    { date: '2023-06-01', level: 'felony', code: 'G.S. 90-95', categories: ['drug_trafficking'] },
    { date: '2025-02-01', level: 'misdemeanor', code: 'G.S. 14-72', categories: ['theft'] },
  ] } });
  assert.ok(!mixed.decisions.STATUS_INQUIRY!.citations.some((c) => c.includes('S.L. 2024-55')), mixed.decisions.STATUS_INQUIRY!.citations.join(' | '));
  const listed = decide({ ...base, person: { charges: [{ date: '2025-02-01', level: 'felony', code: 'G.S. 90-95', categories: ['drug_trafficking'] }] } });
  assert.equal(listed.decisions.STATUS_INQUIRY!.modality, 'MUST');
  assert.ok(listed.decisions.STATUS_INQUIRY!.citations.some((c) => c.includes('S.L. 2024-55')));
});

// --- Silence: what the request leaves out ----------------------------------------------------------

test('a North Carolina request without charges says that charges would change the answer', () => {
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:nc/county:wake', agency: jail, at: '2025-03-10T09:00:00-04:00', requests: ['STATUS_INQUIRY'] });
  const d = r.decisions.STATUS_INQUIRY!;
  assert.notEqual(d.modality, 'MUST');
  const m = d.missingFacts.find((x) => x.fact === 'person.charges');
  assert.ok(m, JSON.stringify(d.missingFacts));
  assert.match(m!.message, /^no charges given: .*(S\.L\. 2024-55|162-62)/);
});

test('a missing fact is listed only where it could change the answer: convictions matter in Orange County, not in Santa Clara', () => {
  const base: DecisionRequest = { jurisdiction: 'ocd-division/country:us/state:ca/county:orange', agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['NOTIFY_RELEASE'], documents: ['I-247A', 'I-200'] };
  const orange = decide(base).decisions.NOTIFY_RELEASE!;
  assert.equal(orange.modality, 'MUST_NOT');
  assert.ok(orange.missingFacts.some((m) => m.fact === 'person.convictions' && /7282\.5/.test(m.citation)), JSON.stringify(orange.missingFacts));
  // Santa Clara County's policy forbids notification whatever the convictions (Board Policy 3.54).
  const santaClara = decide({ ...base, jurisdiction: 'ocd-division/country:us/state:ca/county:santa_clara' }).decisions.NOTIFY_RELEASE!;
  assert.equal(santaClara.modality, 'MUST_NOT');
  assert.ok(!santaClara.missingFacts.some((m) => m.fact === 'person.convictions'), JSON.stringify(santaClara.missingFacts));
});

test('the same request with its charges given lists no missing charges', () => {
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:nc/county:wake', agency: jail, at: '2025-03-10T09:00:00-04:00', requests: ['STATUS_INQUIRY'], person: { charges: [] } });
  assert.ok(!r.decisions.STATUS_INQUIRY!.missingFacts.some((x) => x.fact === 'person.charges'));
});

// --- Clocks --------------------------------------------------------------------------------------

test('an I-247 hold (before the 2015 forms) runs 48 hours excluding the observed Veterans Day, Fri 2014-11-10? — no: Tue 2014-11-11', () => {
  // Release Mon 2014-11-10 17:00 Eastern: Mon 7 h, Tue holiday skipped, Wed 24 h, Thu 17 h → Thu 2014-11-13 17:00.
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:oh/county:delaware', agency: jail, at: '2014-11-10T12:00:00-05:00', requests: ['HOLD'], documents: ['I-247'], wouldBeReleasedAt: '2014-11-10T17:00:00-05:00' });
  assert.equal(r.decisions.HOLD!.holdUntil, '2014-11-13T17:00:00-05:00');
});

test('an observed Veterans Day (Fri 2023-11-10) is not a working day under 8 C.F.R. § 287.7(d)', () => {
  // No form: only the regulation's cap. Release Thu 2023-11-09 17:00: Thu 7 h, Fri observed holiday, weekend, Mon 24 h, Tue 17 h.
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:oh/county:delaware', agency: jail, at: '2023-11-09T12:00:00-05:00', requests: ['HOLD'], wouldBeReleasedAt: '2023-11-09T17:00:00-05:00' });
  assert.equal(r.decisions.HOLD!.holdUntil, '2023-11-14T17:00:00-05:00');
});

test('an I-247A hold runs 48 calendar hours, whatever the weekend', () => {
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:oh/county:delaware', agency: jail, at: '2023-11-09T12:00:00-05:00', requests: ['HOLD'], documents: ['I-247A', 'I-200'], wouldBeReleasedAt: '2023-11-09T17:00:00-05:00' });
  assert.equal(r.decisions.HOLD!.holdUntil, '2023-11-11T17:00:00-05:00');
});

test('a North Carolina hold whose 48 hours from receipt end before release: no hold past release is lawful, with the reason', () => {
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:nc/county:wake', agency: jail, at: '2025-03-10T09:00:00-04:00', requests: ['HOLD'], documents: ['I-247A', 'I-200'],
    detainerReceivedAt: '2025-03-05T09:00:00-05:00', wouldBeReleasedAt: '2025-03-10T17:00:00-04:00',
    person: { charges: [{ date: '2025-02-01', level: 'felony', code: 'G.S. 14-87', categories: ['robbery'] }] } });
  const d = r.decisions.HOLD!;
  assert.equal(d.modality, 'MUST_NOT');
  assert.equal(d.holdUntil, null);
  assert.ok(d.warnings.some((w) => /^No hold past release is lawful: .* ends at 2025-03-07T09:00:00-05:00, before would-be release/.test(w)), d.warnings.join(' | '));
});

test('a hold limit that ends at the end of the local day (until: endOfLocalDay) ends at 11:59 p.m. in the jail\'s zone', () => {
  const FILE = hypothetical('ocd-division/country:us/state:oh/county:delaware', 'oh.delaware-hypothetical.end-of-day', 'Hypothetical end-of-day hold limit',
    '      - requests: [HOLD]\n        hold: { from: wouldBeReleased, until: endOfLocalDay }\n');
  withRegistry({ 'states/oh/counties/delaware/end-of-day.yaml': FILE }, (dir) => {
    const r = createEngine(dir).decide({ jurisdiction: 'ocd-division/country:us/state:oh/county:delaware', agency: jail, at: '2025-11-02T00:30:00-04:00', requests: ['HOLD'], documents: ['I-247A', 'I-200'], wouldBeReleasedAt: '2025-11-02T00:45:00-04:00' });
    assert.ok(r.ok);
    // 2025-11-02 is the end of daylight time: 23:59 that day is Eastern Standard Time.
    if (r.ok) assert.equal(r.response.decisions.HOLD!.holdUntil, '2025-11-02T23:59:00-05:00');
  });
});

// --- Explanations ---------------------------------------------------------------------------------

test('citations are listed once, and a binding state statute decides over a sheriff\'s memo that agrees (Denver)', () => {
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:co/place:denver', agency: jail, at: '2025-03-10T09:00:00-07:00', requests: ['HOLD'], documents: ['I-247A', 'I-200'], wouldBeReleasedAt: '2025-03-10T17:00:00-07:00' });
  const d = r.decisions.HOLD!;
  assert.equal(d.modality, 'MUST_NOT');
  assert.equal(new Set(d.citations).size, d.citations.length);
  assert.equal(d.decidedBy.level, 'state', JSON.stringify(d.decidedBy));
  assert.equal(d.decidedBy.instrument, 'statute');
});

test('a provision skipped for one reason appears once in the trace, however many of its rules concern the request', () => {
  const r = decide({ jurisdiction: 'ocd-division/country:us/state:pa/place:philadelphia', agency: jail, at: '2025-03-10T09:00:00-05:00', requests: ['HOLD', 'NOTIFY_RELEASE', 'TRANSFER', 'INTERVIEW'] });
  const keys = r.trace!.filter((t) => !t.applied && /no longer in force|not yet in force/.test(t.reason)).map((t) => `${t.request}|${t.provision}|${t.reason}`);
  assert.equal(new Set(keys).size, keys.length);
  for (const t of r.trace!) assert.match(t.reason, /^[\x20-\x7e§–—’'“”àéèü]*$/u);
});

// --- Instants ------------------------------------------------------------------------------------

test('parseInstant reads every instant the contract accepts exactly as Date.parse does', async () => {
  const fc = (await import('fast-check')).default;
  const { parseInstant } = await import('../../src/law/days.js');
  const { INSTANT_PATTERN } = await import('../../src/law/request-patterns.js');
  const two = (n: number) => String(n).padStart(2, '0');
  fc.assert(fc.property(
    fc.date({ min: new Date('1990-01-02T00:00:00Z'), max: new Date('2100-12-30T00:00:00Z'), noInvalidDate: true }),
    fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.constantFrom('', '.5', '.123', '.123456789', '.07'),
    (d, offMin, frac) => {
      const local = new Date(d.getTime() + offMin * 60_000).toISOString().slice(0, 19);
      const a = Math.abs(offMin);
      const s = `${local}${frac}${offMin === 0 ? 'Z' : `${offMin < 0 ? '-' : '+'}${two(Math.floor(a / 60))}:${two(a % 60)}`}`;
      assert.ok(INSTANT_PATTERN.test(s), s);
      assert.equal(parseInstant(s), Date.parse(s), s);
    }), { numRuns: 5_000 });
});
