// Share links round-trip the trip exactly; the last trip is saved and
// restored; a corrupted saved entry is set aside with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

const formValues = (page) =>
  page.evaluate(() => ({
    countries: [...document.querySelectorAll('li.rp-leg input[list]')].map((i) => i.value),
    days: [...document.querySelectorAll('li.rp-leg input[inputmode="numeric"]')].map((i) => i.value),
    // MB a day as the form means it (1 GB shown for 1024 MB is the same value).
    travellers: [...document.querySelectorAll('li.rp-traveller')].map((r) => [
      Math.ceil(Number(r.querySelector('.rp-traveller-mb').value) * (r.querySelector('.rp-traveller-unit').value === 'gb' ? 1024 : 1)),
      r.querySelector('.rp-traveller-esim').value,
    ]),
    together: document.querySelector('#rp-together')?.checked ?? true,
    currency: document.querySelector('#rp-currency').value,
  }));

test('the link always reflects the trip, and opening it restores it exactly', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?lang=en`);
  const widget = new Widget(page);
  await widget.setTrip([['Japan', 4], ['HK', 3]]);
  await widget.setTravellers(3);
  await widget.setTogether(false);
  await widget.setMbPerDay(2048);
  await widget.setTraveller(2, 300, 'no');
  await widget.setCurrency('USD');
  await page.waitForFunction(() => location.search.includes('trip=JP:4,HK:3') && location.search.includes('people=3'));
  await page.waitForFunction(() => new URL(location.href).searchParams.get('mb') === '2048,2048,300');
  const url = page.url();
  assert.match(url, /together=0/);
  assert.equal(new URL(url).searchParams.get('esim'), '1,1,0', 'each phone kept');
  assert.match(url, /cur=USD/);
  assert.equal(await page.locator('#rp-link').inputValue(), url, 'the copy-link box holds the same link');
  const expected = await formValues(page);
  const best = await widget.best();

  const other = await browser.newContext();
  const copy = await other.newPage();
  await copy.goto(url);
  const copied = new Widget(copy);
  assert.deepEqual(await copied.best(), best);
  // Countries typed as codes come back as names; the trip itself is equal.
  const restored = await formValues(copy);
  assert.deepEqual({ ...restored, countries: [] }, { ...expected, countries: [] });
  assert.deepEqual(restored.countries, ['Japan', 'Hong Kong']);
  assert.equal(new URL(copy.url()).searchParams.get('trip'), 'JP:4,HK:3');
  await other.close();
  await context.close();
});

test('reloading without a link restores the saved trip', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?lang=en`);
  const widget = new Widget(page);
  await widget.setTrip([['Thailand', 6]]);
  await page.waitForFunction(() => location.search.includes('trip=TH:6'));
  await page.goto(`${server.url}/`);
  await widget.ready();
  const values = await formValues(page);
  assert.deepEqual(values.days, ['6']);
  assert.equal(values.countries.length, 1);
  assert.equal(await page.locator('[data-testid="saved-ignored"]').count(), 0);
  await context.close();
});

for (const [label, stored] of [
  ['garbage', '{not json'],
  ['an old format', '{"v":0,"trip":"HK:3"}'],
  ['bad values', '{"v":1,"query":"trip=HK:-4&people=zero"}'],
]) {
  test(`a saved entry with ${label} is set aside with a notice`, async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('roamplan.trip', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, stored);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="saved-ignored"]').waitFor();
    await new Widget(page).ready();
    assert.deepEqual(errors, [], 'no crash');
    await context.close();
  });
}

test('a bad link value is reported and the rest of the link still applies', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?trip=SG:2&people=-1&lang=en`);
  const notice = page.locator('[data-testid="settings-error"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /people=-1/);
  assert.deepEqual((await formValues(page)).days, ['2']);
  await context.close();
});
