// The first answer (issue 14): while the widget's own module travels, a
// small module draws the answer: the same options with the same hooks, in
// the reader's language; the widget then takes its place. Never from the
// built-in plans when a blog owner's catalogue is named; and neither
// module's failure leaves the reader without what the other can give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { Widget } from '../lib/widget.js';
import { texts } from '../lib/i18n.js';

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

const PHONE = { width: 390, height: 844 };
// The widget's module, not the first-answer module (roamplan-first-…).
const WIDGET_WASM = /\/roamplan-[0-9a-f]+_bg\.wasm$/;
const FIRST_WASM = /\/roamplan-first-[0-9a-f]+_bg\.wasm$/;

/** A phone page whose requests matching `pattern` wait until `release()`. */
async function heldPage(pattern) {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
  const page = await context.newPage();
  let release;
  const released = new Promise((r) => (release = r));
  await page.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, release, errors };
}

const hooks = (page) =>
  page.locator('[data-testid="option"]').evaluateAll((nodes) =>
    nodes.map((n) => [n.dataset.totalMinor, n.dataset.currency, n.dataset.strategy, n.dataset.plans, n.dataset.reasons].join('|')),
  );

for (const [lang, trip] of [
  ['zh-Hans', 'trip=HK:3,JP:4,HK:2&mb=2048,2048,300,300&esim=1,1,0,0&cur=CNY'],
  ['en', 'trip=HK:3,CN:2,MO:1&home=HK&carrier=csl&people=2&cur=HKD'],
]) {
  test(`before the widget's module arrives the answer is there (${lang}), and the widget's answer is the same`, async () => {
    const { context, page, release, errors } = await heldPage(WIDGET_WASM);
    await page.goto(`${server.url}/?${trip}&lang=${lang}`);
    const first = page.locator('[data-testid="first-answer"]');
    await first.locator('[data-testid="option"]').first().waitFor();
    assert.equal(await first.getAttribute('lang'), lang);
    assert.equal(await page.locator('[data-testid="loading"]').count(), 0, 'the answer replaced the loading line');
    // The form's place says, in the reader's language, that it is coming.
    assert.equal((await first.locator('.rp-first-form').innerText()).trim(), texts(lang).fallback_loading);
    const before = await hooks(page);
    const summaryBefore = await page.locator('[data-testid="summary"] .rp-summary-total').innerText();
    assert.ok(before.length >= 1);

    release();
    await page.locator('form.rp-inputs').waitFor();
    await new Widget(page).ready();
    assert.equal(await first.count(), 0, 'the widget took its place');
    assert.deepEqual(await hooks(page), before);
    assert.equal(await page.locator('[data-testid="summary"] .rp-summary-total').innerText(), summaryBefore);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('with a blog owner\'s catalogue nothing is drawn from the built-in plans before the widget', async () => {
  const { context, page, release } = await heldPage(WIDGET_WASM);
  await page.goto(`${server.url}/?trip=HK:3&lang=en&catalogue=catalogue.json`);
  await page.locator('[data-testid="loading"]').waitFor();
  await page.waitForTimeout(800);
  assert.equal(await page.locator('[data-testid="option"]').count(), 0);
  assert.equal(await page.locator('[data-testid="first-answer"]').count(), 0);
  release();
  await new Widget(page).ready();
  await context.close();
});

test('when the first-answer module cannot load, the widget answers as before', async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
  const page = await context.newPage();
  await page.route(FIRST_WASM, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${server.url}/?trip=HK:3,JP:2&lang=en&cur=HKD`);
  await new Widget(page).ready();
  await page.locator('form.rp-inputs').waitFor();
  assert.equal(await page.locator('[data-testid="load-failed"]').count(), 0);
  await context.close();
});

test('when the widget\'s module cannot load, the first answer stays under the message', async () => {
  const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
  const page = await context.newPage();
  await page.route(WIDGET_WASM, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${server.url}/?trip=HK:3,JP:2&lang=zh-Hant&cur=HKD`);
  const failed = page.locator('[data-testid="load-failed"]');
  await failed.waitFor();
  assert.ok((await failed.innerText()).includes(texts('zh-Hant').fallback_failed));
  assert.ok((await page.locator('[data-testid="first-answer"] [data-testid="option"]').count()) >= 1);
  await context.close();
});
