// A reader enters a trip and reads the answer through the test hooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { withWidget } from '../lib/suite.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

test('a reader types a trip and sees the cheapest option with its total', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=en&cur=EUR`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['Japan', 5]]);
  await widget.setMbPerDay(1024);
  const options = await widget.options();
  assert.ok(options.length >= 1);
  const best = options[0];
  assert.equal(best.currency, 'EUR');
  assert.ok(best.totalMinor > 0);
  assert.ok(options.every((o, i) => i === 0 || o.totalMinor >= best.totalMinor), 'best first');
  assert.deepEqual((await widget.bestBlocks()).map((b) => [b.first, b.last]), [[1, 5]]);
  assert.deepEqual(errors.filter((e) => !e.includes('favicon')), []);
  await context.close();
});

test('typing a country code works as well as a name', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?lang=en&cur=EUR`);
  const widget = new Widget(page);
  await widget.setTrip([['jp', 5]]);
  const byCode = await widget.best();
  await widget.setTrip([['Japan', 5]]);
  const byName = await widget.best();
  assert.deepEqual(byCode.plans, byName.plans);
  await context.close();
});

test('a trip nothing covers names the uncovered country', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=AQ:3&lang=en`);
  const widget = new Widget(page);
  assert.deepEqual(await widget.uncovered(), ['AQ']);
  await context.close();
});

test('more days never make the best total cheaper', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=JP:3&lang=en&cur=EUR`);
  const widget = new Widget(page);
  const short = await widget.best();
  await page.locator('li.rp-leg').first().getByRole('button', { name: 'More' }).click();
  await page.getByText('4 days in all').waitFor();
  const longer = await widget.best();
  assert.ok(longer.totalMinor >= short.totalMinor);
  await context.close();
});

test('an invalid entry keeps the previous answer and says what is wrong', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:3&lang=en&cur=HKD`);
  const widget = new Widget(page);
  const before = await widget.best();
  const mb = page.locator('.rp-traveller-mb').first();
  await page.locator('.rp-traveller-unit').first().selectOption('mb');
  await mb.fill('0');
  const error = page.locator('li.rp-traveller [id$="-mb-error"]').first();
  await error.waitFor();
  assert.match(await error.innerText(), /at least 1/);
  assert.equal(await mb.inputValue(), '0', 'what the reader typed stays');
  const after = await widget.best();
  assert.equal(after.totalMinor, before.totalMinor, 'previous answer stays');
  await context.close();
});

test('a roaming pass is offered only once the reader says their carrier, and only that carrier\'s', async () => {
  const catalogue = JSON.parse(fs.readFileSync(new URL('../../../assets/catalogue.json', import.meta.url)));
  const key = (p) => (typeof p.provider === 'string' ? p.provider : p.provider.en);
  const passCarrier = new Map(catalogue.plans.filter((p) => p.buyers === 'customers').map((p) => [p.id, p.carriers || [key(p)]]));
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:2,CN:2,MO:1&home=HK&lang=en&cur=HKD`);
  const widget = new Widget(page);
  // Carrier not said: no pass, and the answer names a carrier whose customers get one.
  assert.deepEqual(await widget.uncovered(), ['CN', 'MO']);
  assert.match(await page.locator('[data-testid="answer-note"]').first().innerText(), /customers/);
  await widget.setCarrier('3HK');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('carrier') === '3HK');
  const options = await widget.options();
  const passes = options.flatMap((o) => o.plans).filter((id) => passCarrier.has(id));
  assert.ok(passes.length > 0, 'a 3HK pass serves the mainland and Macau');
  assert.ok(passes.every((id) => passCarrier.get(id).includes('3HK')), `only 3HK's: ${passes}`);
  // Home days buy nothing.
  const blocks = await widget.bestBlocks();
  assert.ok(blocks.every((b) => b.first >= 3), JSON.stringify(blocks));
  await context.close();
});

test('on a phone the best total stays in view while the reader edits, and leads to the answer', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:5&people=4&lang=en&cur=HKD`, {
    viewport: { width: 375, height: 700 },
  });
  const widget = new Widget(page);
  const best = await widget.best();
  const bar = page.locator('.rp-bestbar');
  // The summary card above the form shows the total first: no bar over the form.
  assert.ok(await page.locator('[data-testid="summary"]').isVisible());
  await bar.waitFor({ state: 'hidden' });
  // Down at the travellers, the card has scrolled away and the bar keeps the total in view.
  await page.locator('#rp-add-traveller').scrollIntoViewIfNeeded();
  await bar.waitFor();
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 700 && box.y > 500, `bar at the bottom of the screen: ${JSON.stringify(box)}`);
  const shown = (await bar.innerText()).replace(/\s+/g, ' ');
  assert.ok(shown.includes(`HK$${(best.totalMinor / 100).toFixed(2)}`), shown);
  await bar.click();
  await page.waitForFunction(() => document.querySelector('#rp-results-heading').getBoundingClientRect().top < 100);
  await context.close();
});

test('on a wide screen, where the answer sits beside the form, there is no bar', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=HK:3&lang=en`);
  await new Widget(page).ready();
  assert.equal(await page.locator('.rp-bestbar').isVisible(), false);
  await context.close();
});
