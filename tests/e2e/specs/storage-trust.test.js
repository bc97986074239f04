// Storage you can trust: a catalogue from a visited link is used for that
// visit only; an unreadable saved entry is kept aside under its own key and
// stays there; a failed save is told once, in the reader's language; a saved
// value however deeply nested never stops the widget; catalogue addresses are
// read by the browser's URL parser, so no backslash trick reaches another host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { Widget } from '../lib/widget.js';
import { texts } from '../lib/i18n.js';

const plans = {
  format: 1,
  as_of: '2026-10-01',
  rates_per_eur: { EUR: 1, HKD: 8.45 },
  zones: {},
  plans: [{
    id: 'blog-hk-week', name: 'Blog reader HK week', provider: 'Blog Mobile', kind: 'esim', coverage: ['HK'],
    price: 1, currency: 'HKD', validity_days: 7, data_mb: 20480, hotspot: true,
  }],
};

const requests = [];
let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]), {
  routes: {
    '/plans-ok.json': { body: JSON.stringify(plans) },
    '/host/article.html': {
      type: 'text/html',
      body: '<!doctype html><html lang="en"><body><div id="mount" data-roamplan-mount data-trip="HK:3" data-lang="en" data-catalogue="/plans-ok.json"></div><script src="/embed.js" defer></script></body></html>',
    },
  },
  onRequest: (req) => requests.push({ path: new URL(req.url, 'http://x').pathname, host: req.headers.host }),
});

const saved = (page, key = 'roamplan.trip') => page.evaluate((k) => localStorage.getItem(k), key);

/** A fresh context whose storage holds `entries` before the first visit only. */
async function seeded(entries, init) {
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript((values) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, entries);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

test('a catalogue from a visited link is used for that visit only', async () => {
  const { context, page } = await seeded({});
  await page.goto(`${server.url}/?trip=HK:5&lang=en&catalogue=/plans-ok.json`);
  await page.waitForFunction(() => document.querySelector('[data-testid="option"]')?.dataset.plans === 'blog-hk-week');
  await page.waitForFunction(() => /trip=HK:5/.test(JSON.parse(localStorage.getItem('roamplan.trip') ?? '{}').query ?? ''));
  assert.doesNotMatch(await saved(page), /catalogue/, 'the saved trip does not carry it');
  assert.match(page.url(), /catalogue=/, 'the visit\'s own link keeps it');

  requests.length = 0;
  await page.goto(`${server.url}/?lang=en`);
  const widget = new Widget(page);
  await widget.ready();
  assert.deepEqual((await widget.legValues()).map(([, days]) => days), ['5'], 'the saved trip comes back');
  assert.notEqual((await widget.best()).plans[0], 'blog-hk-week', 'with the built-in plans');
  assert.equal(requests.filter((r) => r.path === '/plans-ok.json').length, 0, 'the catalogue is not fetched again');
  await context.close();
});

test('a catalogue set by the embed itself is saved with its trip', async () => {
  const { context, page } = await seeded({});
  await page.goto(`${server.url}/host/article.html`);
  await page.waitForFunction(() => document.querySelector('#mount')?.shadowRoot?.querySelector('[data-testid="option"]')?.dataset.plans === 'blog-hk-week');
  await page.waitForFunction(() => localStorage.getItem('roamplan.trip') !== null);
  assert.match(await saved(page), /catalogue=%2Fplans-ok\.json/);
  await context.close();
});

for (const [label, stored] of [
  ['garbage', '{not json'],
  ['an old format', '{"v":0,"trip":"HK:3"}'],
  ['bad values', '{"v":1,"query":"trip=HK:-4&people=zero"}'],
  ['a bare number', '42'],
]) {
  test(`a saved entry with ${label} is kept aside, exactly, and not overwritten by later saves`, async () => {
    const { context, page, errors } = await seeded({ 'roamplan.trip': stored });
    await page.goto(`${server.url}/?lang=en`);
    await page.locator('[data-testid="saved-ignored"]').waitFor();
    const widget = new Widget(page);
    await widget.ready();
    await widget.setTravellers(3);
    await page.waitForFunction(() => /people=3/.test(localStorage.getItem('roamplan.trip') ?? ''));
    await widget.setTravellers(4);
    await page.waitForFunction(() => /people=4/.test(localStorage.getItem('roamplan.trip') ?? ''));
    assert.equal(await saved(page, 'roamplan.trip.unreadable'), stored);
    // The next visit reads the new entry, and the one set aside is still there.
    await page.goto(`${server.url}/?lang=en`);
    await widget.ready();
    assert.equal(await widget.travellerRows().count(), 4);
    assert.equal(await page.locator('[data-testid="saved-ignored"]').count(), 0);
    assert.equal(await saved(page, 'roamplan.trip.unreadable'), stored);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a saved entry nested thousands of levels deep is read without harm, every visit', async () => {
  const depth = 50_000;
  const stored = `{"v":1,"query":"trip=FR:3&people=2","x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const { context, page, errors } = await seeded({ 'roamplan.trip': stored });
  for (let visit = 0; visit < 2; visit++) {
    await page.goto(`${server.url}/?lang=en`);
    const widget = new Widget(page);
    await widget.ready();
    assert.deepEqual((await widget.legValues()).map(([, days]) => days), ['3']);
    assert.equal(await widget.travellerRows().count(), 2);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a save the browser refuses is told once, in the reader\'s language', async () => {
  const { context, page, errors } = await seeded({}, () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto(`${server.url}/?trip=FR:3&lang=fr`);
  const widget = new Widget(page);
  await widget.ready();
  for (const n of [2, 3, 4]) {
    await widget.setTravellers(n);
    await page.waitForFunction((v) => new URL(location.href).searchParams.get('people') === String(v), n);
  }
  const notices = page.locator('[data-testid="save-failed"]');
  assert.equal(await notices.count(), 1);
  assert.equal(await notices.innerText(), texts('fr').save_failed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('catalogue addresses that a URL parser sends to another host are refused and never fetched', async () => {
  const port = new URL(server.url).port;
  // The widget is on 127.0.0.1; `localhost` is another origin of the same server.
  const tricks = [
    `\\\\localhost:${port}\\plans-ok.json`,
    `/\\localhost:${port}/plans-ok.json`,
    `\\/localhost:${port}/plans-ok.json`,
    `/\t/localhost:${port}/plans-ok.json`,
    `//localhost:${port}/plans-ok.json`,
  ];
  for (const trick of tricks) {
    const { context, page } = await seeded({});
    requests.length = 0;
    await page.goto(`${server.url}/?trip=HK:5&lang=en&catalogue=${encodeURIComponent(trick)}`);
    await new Widget(page).ready();
    const notice = await page.locator('[data-testid="settings-error"]').innerText();
    assert.ok(notice.includes(texts('en').err_bad_address), `${JSON.stringify(trick)}: ${notice}`);
    await page.waitForTimeout(100);
    assert.deepEqual(requests.filter((r) => r.path.endsWith('plans-ok.json')), [], JSON.stringify(trick));
    await context.close();
  }
  // A relative address on the page's own origin still works.
  const { context, page } = await seeded({});
  await page.goto(`${server.url}/?trip=HK:5&lang=en&catalogue=plans-ok.json`);
  await page.waitForFunction(() => document.querySelector('[data-testid="option"]')?.dataset.plans === 'blog-hk-week');
  await context.close();
});
