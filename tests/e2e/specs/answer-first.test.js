// The answer first (issue 13): on a phone the best total and its plans are on
// the first screen, in the page and in the sample article's iframe; embeds
// stay short with details folded and grow when opened; one short summary is
// announced once the answer settles; readers' own words for places are
// understood in any of the widget's languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { texts, fill } from '../lib/i18n.js';
import { Catalogue } from '../lib/catalogue.js';

const catalogue = new Catalogue();

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

test('on a 390 px phone the best total and its plans are on the first screen', async () => {
  const { page, context } = await openPage(browser, `${server.url}/?lang=zh-Hans&cur=HKD&trip=HK:3,CN:2,MO:1&home=HK&carrier=csl&people=2`, { viewport: PHONE });
  const widget = new Widget(page);
  const best = await widget.best();
  const summary = page.locator('[data-testid="summary"]');
  const box = await summary.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, `summary on the first screen: ${JSON.stringify(box)}`);
  const text = await summary.innerText();
  assert.ok(text.includes(await widget.intlMoney('zh-Hans-CN', best.totalMinor, 'HKD')), text);
  assert.equal(await page.evaluate(() => scrollY), 0, 'without scrolling');
  await context.close();
});

for (const [name, viewport, limit] of [['phone', PHONE, 2400], ['desktop', DESKTOP, 1600]]) {
  test(`in the sample article on a ${name}, the iframe starts with the answer and is at most ${limit} px tall; opening the trip grows it`, async () => {
    const { page, context } = await openPage(browser, `${server.url}/demo/article.html`, { viewport });
    const iframe = page.locator('#frame-embed');
    const frame = page.frameLocator('#frame-embed');
    await frame.locator('[data-testid="option"]').first().waitFor();
    await page.waitForFunction(() => parseInt(document.querySelector('#frame-embed').style.height, 10) > 300);
    await page.waitForTimeout(300);
    const height = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    assert.ok(height <= limit, `iframe ${height} px`);
    // The best total lies within one screen of the frame's top.
    const offset = await frame.locator('[data-testid="option"] .rp-amount').first().evaluate((el) => el.getBoundingClientRect().bottom);
    assert.ok(offset <= viewport.height, `best total ${offset} px below the frame's top`);
    // The blogger's trip is one line; opening it shows the form, and the frame grows.
    await frame.locator('.rp-edit > summary').click();
    await frame.locator('li.rp-leg').first().waitFor();
    await page.waitForFunction((h) => document.querySelector('#frame-embed').getBoundingClientRect().height > h + 200, height);
    await context.close();
  });
}

test('the script embed of the sample article is short too, on a phone', async () => {
  const { page, context } = await openPage(browser, `${server.url}/demo/article.html`, { viewport: PHONE });
  await page.locator('#script-embed').scrollIntoViewIfNeeded();
  await page.locator('#script-embed [data-testid="option"]').first().waitFor();
  await page.waitForTimeout(300);
  const height = await page.locator('#script-embed').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(height <= 2400, `script embed ${height} px`);
  await context.close();
});

test('one live region: a short summary, announced once the answer has settled', async () => {
  const t = texts('en');
  const { page, context } = await openPage(browser, `${server.url}/?lang=en&cur=HKD&trip=HK:3`);
  const widget = new Widget(page);
  await widget.ready();
  assert.equal(await page.locator('.rp [aria-live]').count(), 1, 'one live region');
  const live = page.locator('[data-testid="live-summary"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="live-summary"]').textContent.trim() !== '');
  const before = await live.textContent();
  // Typing 1 then 2 (12 days): the answer follows at once, the announcement
  // only once typing has paused.
  const days = widget.legRows().first().locator('input[inputmode="numeric"]');
  await days.fill('1');
  await days.fill('12');
  assert.equal(await live.textContent(), before, 'nothing announced while typing');
  await page.waitForFunction((b) => document.querySelector('[data-testid="live-summary"]').textContent !== b, before);
  const best = await widget.best();
  // One traveller: a plan bought n times shows n blocks, and is named "× n".
  const first = page.locator('[data-testid="option"]').first();
  const names = await Promise.all(best.plans.map(async (id) => {
    const name = id === 'home' ? t.own_line_name : catalogue.name(catalogue.plan(id), 'en');
    const times = await first.locator(`.rp-block[data-plan="${id}"]`).count();
    return times > 1 ? `${name} × ${times}` : name;
  }));
  const expected = fill(t.summary_live, { amount: await widget.intlMoney('en', best.totalMinor, 'HKD'), plans: names.join(' → ') });
  assert.equal((await live.textContent()).trim(), expected);
  await context.close();
});

for (const [lang, typed, code] of [
  ['zh-Hans', '伦敦', 'GB'],
  ['zh-Hans', 'UK', 'GB'],
  ['zh-Hans', 'Hong Kong', 'HK'],
  ['zh-Hans', '香港特别行政区', 'HK'],
  ['zh-Hans', '澳門', 'MO'],
  ['zh-Hans', '深圳', 'CN'],
  ['zh-Hant', '中国大陆', 'CN'],
  ['zh-Hant', '蘇黎世', 'CH'],
  ['en', '东京', 'JP'],
  ['fr', 'Londres', 'GB'],
]) {
  test(`"${typed}" typed in the ${lang} widget is read as ${code}`, async () => {
    const { page, context } = await openPage(browser, `${server.url}/?lang=${lang}&trip=FR:2`);
    const widget = new Widget(page);
    await widget.ready();
    await widget.setLeg(0, typed, 2);
    await page.waitForFunction((c) => new URL(location.href).searchParams.get('trip') === `${c}:2`, code);
    assert.equal(await page.locator('li.rp-leg [role="alert"], li.rp-leg .rp-error').count(), 0);
    await context.close();
  });
}

for (const [lang, locale] of [['zh-Hans', 'zh-Hans-CN'], ['zh-Hant', 'zh-Hant-HK'], ['fr', 'fr-FR']]) {
  test(`the home menu is sorted as ${lang} sorts names, not by code point`, async () => {
    const { page, context } = await openPage(browser, `${server.url}/?lang=${lang}&trip=JP:3`);
    await new Widget(page).ready();
    const group = page.locator('#rp-home optgroup').last();
    await group.waitFor({ state: 'attached' });
    assert.equal(await group.getAttribute('label'), texts(lang).home_group_all);
    const names = await group.locator('option').evaluateAll((os) => os.map((o) => o.textContent.replace(/ \([A-Z]{2}\)$/, '')));
    const collated = await page.evaluate(([ns, l]) => [...ns].sort(new Intl.Collator(l).compare), [names, locale]);
    assert.deepEqual(names, collated);
    assert.notDeepEqual(names, [...names].sort(), 'code-point order would differ');
    await context.close();
  });
}

test('while the wasm travels, the page says it is loading, in the reader\'s language; then the widget replaces it', async () => {
  const { page, context } = await openPage(browser, 'about:blank', { viewport: PHONE });
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`${server.url}/?lang=zh-Hant&trip=HK:3`);
  const loading = page.locator('[data-testid="loading"]');
  await loading.waitFor();
  assert.equal((await loading.innerText()).trim(), texts('zh-Hant').fallback_loading);
  assert.equal(await page.locator('[data-testid="option"]').count(), 0);
  await new Widget(page).ready();
  assert.equal(await loading.count(), 0, 'gone once the widget is up');
  await context.close();
});
