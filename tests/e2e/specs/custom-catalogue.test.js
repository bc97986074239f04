// A blog owner's own catalogue: used when valid; otherwise every problem is
// listed (plan id and field) and the built-in plans keep answering; a file
// that cannot be fetched says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../lib/server.js';
import { launch, openPage, DIST } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';

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

const requests = [];
let server, other, browser;
before(async () => {
  const routes = {
    '/plans-hostile.json': { body: JSON.stringify(hostile) },
    '/plans-ok.json': { body: JSON.stringify(valid) },
    '/plans-bad.json': { body: JSON.stringify(invalid) },
    '/plans-garbage.json': { body: '<html>not a catalogue</html>', type: 'text/html' },
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

test('an invalid custom catalogue lists every problem and the built-in plans keep answering', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-bad.json`);
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

test('the problems are listed in the reader\'s language', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=zh-Hant&catalogue=/plans-bad.json`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.doesNotMatch(await error.innerText(), /must be above zero/);
  await context.close();
});

test('a file that is not JSON says so', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&lang=en&catalogue=/plans-garbage.json`);
  const error = page.locator('[data-testid="catalogue-error"]');
  await error.waitFor();
  assert.match(await error.innerText(), /not valid JSON/);
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
