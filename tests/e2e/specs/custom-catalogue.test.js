// A blog owner's own catalogue: used when valid; otherwise every problem is
// listed (plan id and field) and the built-in plans keep answering; a file
// that cannot be fetched says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../lib/server.js';
import { launch, openPage, DIST } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { texts } from '../lib/i18n.js';

const valid = {
  format: 1,
  as_of: '2026-10-01',
  rates_per_eur: { EUR: 1, HKD: 8.45 },
  zones: {},
  plans: [
    {
      id: 'blog-hk-week', name: { en: 'Blog reader HK week', 'zh-Hant': '讀者香港一週卡' }, provider: 'Blog Mobile',
      kind: 'esim', coverage: ['HK'], price: 1, currency: 'HKD', validity_days: 7, data_mb: 20480, hotspot: true,
    },
  ],
};
const invalid = {
  ...valid,
  plans: [
    { ...valid.plans[0], price: 0 },
    { ...valid.plans[0], id: 'second', currency: 'XYZ', coverage: ['HK', '@NOWHERE'] },
  ],
};

const hostile = {
  ...valid,
  plans: [{
    ...valid.plans[0],
    name: '<img src=x id=injected onerror="window.__pwned=1">Evil <b>plan</b>',
    provider: '<script>window.__pwned=1</script>',
    source: 'javascript:window.__pwned=1',
  }],
};

// Nested a hundred thousand levels deep: the browser parses it, and the wasm
// must refuse it before its stack runs out (issue 15).
const deep = `{"format": 1, "deep": ${'['.repeat(100000)}${']'.repeat(100000)}, "plans": []}`;
// A quarter of a million empty plans: seven problems each, 50 listed.
const many = `{"format": 1, "rates_per_eur": {"EUR": 1}, "plans": [${Array(250000).fill('{}').join(',')}]}`;
// 1e400 is valid JSON text that no double can hold: JSON.parse makes it Infinity.
const huge = JSON.stringify(valid).replace('"price":1,', '"price":1e400,');

const requests = [];
let server, other, browser;
before(async () => {
  const routes = {
    '/plans-hostile.json': { body: JSON.stringify(hostile) },
    '/plans-ok.json': { body: JSON.stringify(valid) },
    '/plans-slow.json': { body: JSON.stringify(valid), delay: 2000 },
    '/plans-bad.json': { body: JSON.stringify(invalid) },
    '/plans-garbage.json': { body: '<html>not a catalogue</html>', type: 'text/html' },
    '/plans-deep.json': { body: deep },
    '/plans-many.json': { body: many },
    '/plans-huge-number.json': { body: huge },
  };
  server = await serve(DIST, { routes, onRequest: (req) => requests.push({ url: req.url, cookie: req.headers.cookie }) });
  // Another origin that does not allow cross-origin reads (no CORS header).
  other = await serve(DIST, { routes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

test('a valid custom catalogue is used instead of the built-in one', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&cur=HKD&catalogue=/plans-ok.json`);
  const widget = new Widget(page);
  await page.getByText('Using the plan list from /plans-ok.json').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="option"]')?.dataset.plans === 'blog-hk-week');
  const best = await widget.best();
  // One HKD 1 pass per traveller for 5 days.
  assert.equal(best.totalMinor, 100);
  await context.close();
});

test('while a blog\'s catalogue loads, no answer from the built-in plans is shown, only a busy results section', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&cur=HKD&catalogue=/plans-slow.json`);
  await page.locator('[aria-busy="true"]').waitFor();
  // Watched in the page for the whole wait: never an option, no-option or error.
  const seen = await page.evaluate(async () => {
    const found = new Set();
    const until = performance.now() + 1200;
    while (performance.now() < until && document.querySelector('[aria-busy="true"]')) {
      for (const id of ['option', 'no-option', 'catalogue-error', 'summary']) {
        if (document.querySelector(`[data-testid="${id}"]`)) found.add(id);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return [...found];
  });
  assert.deepEqual(seen, []);
  await page.waitForFunction(() => document.querySelector('[data-testid="option"]')?.dataset.plans === 'blog-hk-week');
  assert.equal(await page.locator('[aria-busy="true"]').count(), 0);
  await context.close();
});

test('an invalid custom catalogue lists every problem and the built-in plans keep answering', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-bad.json&debug=1`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  const items = await error.locator('li').evaluateAll((lis) => lis.map((li) => [li.dataset.plan, li.dataset.field, li.innerText]));
  const places = items.map(([plan, field]) => `${plan}:${field}`).sort();
  assert.deepEqual(places, ['blog-hk-week:price', 'second:coverage', 'second:currency']);
  assert.match(items.find(([p]) => p === 'blog-hk-week')[2], /must be above zero/);
  const best = await new Widget(page).best();
  assert.notEqual(best.plans[0], 'blog-hk-week', 'built-in plans answer');
  await context.close();
});

test('readers see one quiet line about a broken catalogue; its author opens the list, or sees it at once with debug=1', async () => {
  const t = texts('zh-Hans');
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=zh-Hans&catalogue=/plans-bad.json`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.equal(await error.getAttribute('role'), 'status', 'not an alert');
  assert.equal((await error.innerText()).split('\n')[0], t.catalogue_quiet);
  assert.equal(await error.locator('li').first().isVisible(), false, 'the list is folded');
  assert.equal(await error.locator('li').count(), 3, 'but there, for its author');
  await error.locator('summary').click();
  assert.equal(await error.locator('li').first().isVisible(), true);
  await context.close();
});

test('the problems are listed in the reader\'s language', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=zh-Hant&catalogue=/plans-bad.json&debug=1`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.doesNotMatch(await error.innerText(), /must be above zero/);
  await context.close();
});

test('a file that is not JSON says so', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-garbage.json&debug=1`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /not valid JSON/);
  await context.close();
});

test('a file nested too deep is refused with the depth, and the widget keeps answering', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-deep.json&debug=1`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /more than 64 levels deep/);
  assert.ok((await new Widget(page).best()).totalMinor > 0, 'the wasm did not trap');
  await context.close();
});

test('a file with a quarter of a million broken plans lists the first 50 and counts the rest', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-many.json&debug=1`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.equal(await error.locator('li').count(), 50);
  const more = error.locator('[data-testid="catalogue-error-more"]');
  assert.equal(await more.getAttribute('data-more'), String(7 * 250000 - 50));
  assert.match(await more.innerText(), /and 1749950 more/);
  assert.ok((await new Widget(page).best()).totalMinor > 0);
  await context.close();
});

test('a number too large for a double is called too large, not "not a number"', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-huge-number.json&debug=1`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  const text = await error.innerText();
  assert.match(text, /too large to be read as a number/);
  assert.doesNotMatch(text, /not a number/);
  await context.close();
});

test('a missing file gives the HTTP status', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/nothing-here.json`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /answered 404/);
  await new Widget(page).ready();
  await context.close();
});

test('a file on a site that does not allow cross-origin reads says it could not be reached', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=${other.url}/plans-ok.json`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /could not be reached/);
  await context.close();
});

test('offline, a custom catalogue is reported as unavailable and the built-in plans answer', async () => {
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(`${server.url}/?trip=HK:5&lang=en`);
  await new Widget(page).ready();
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await context.setOffline(true);
  await page.goto(`${server.url}/?trip=HK:5&lang=en&catalogue=/plans-ok.json`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /You are offline/);
  assert.ok((await new Widget(page).best()).totalMinor > 0);
  await context.close();
});

test('catalogue text is shown as text, never as HTML or a script link', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-hostile.json`);
  await page.waitForFunction(() => document.querySelector('[data-testid="option"]')?.dataset.plans === 'blog-hk-week');
  await new Widget(page).openFold('.rp-browser');
  await page.locator('.rp-more, .rp-plan').first().waitFor();
  assert.equal(await page.locator('#injected').count(), 0);
  assert.equal(await page.locator('.rp-option b, .rp-plan b').count(), 0);
  assert.ok((await page.locator('[data-testid="option"]').first().innerText()).includes('Evil <b>plan</b>'));
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test('the custom catalogue is fetched without credentials', async () => {
  const context = await browser.newContext();
  await context.addCookies([{ name: 'session', value: 'secret', url: server.url }]);
  const page = await context.newPage();
  const first = requests.length;
  await page.goto(`${server.url}/?trip=HK:5&lang=en&catalogue=/plans-ok.json`);
  await page.getByText('Using the plan list from /plans-ok.json').waitFor();
  const mine = requests.slice(first);
  const pageRequest = mine.find((r) => r.url.startsWith('/?trip=HK:5'));
  assert.match(pageRequest.cookie ?? '', /session=secret/, 'the page itself carries the cookie');
  const fetched = mine.filter((r) => r.url === '/plans-ok.json');
  assert.ok(fetched.length > 0);
  assert.ok(fetched.every((r) => !r.cookie), 'no cookie on the catalogue request');
  await context.close();
});
