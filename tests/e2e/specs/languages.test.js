// The widget in each of its four languages: marked with the right language,
// titled in it, money written the way that locale writes it, the trip kept
// when the reader switches; and a screenshot of each at phone and desktop width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { openPage, screenshot } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { LANGS, LOCALES, DEFAULT_CURRENCY, texts } from '../lib/i18n.js';

// How each locale writes the default currency's amounts (Intl's CLDR data):
// the symbol's side, the decimal mark and the digit grouping.
const MONEY_SHAPE = {
  en: /^€\d{1,3}(,\d{3})*\.\d{2}$/,
  'zh-Hans': /^¥\d{1,3}(,\d{3})*\.\d{2}$/,
  'zh-Hant': /^HK\$\d{1,3}(,\d{3})*\.\d{2}$/,
  fr: /^\d{1,3}(\u202f\d{3})*,\d{2}\u00a0€$/,
};

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

for (const lang of LANGS) {
  test(`${lang}: language attribute, title, money in the ${LOCALES[lang]} way; screenshots`, async () => {
    const { page, context, errors } = await openPage(browser, `${server.url}/?lang=${lang}&people=4&trip=HK:5`, {
      viewport: { width: 1280, height: 900 },
    });
    const widget = new Widget(page);
    await widget.ready();
    const root = await page.locator('.rp').getAttribute('lang');
    const html = await page.locator('html').getAttribute('lang');
    assert.ok(root === lang || (root === null && html === lang), `lang: widget root ${root}, html ${html}`);
    assert.equal(await widget.title(), texts(lang).app_title);

    const best = await widget.best();
    assert.equal(best.currency, DEFAULT_CURRENCY[lang]);
    const shown = await page.locator('[data-testid="option"] .rp-amount').first().textContent();
    assert.equal(shown, await widget.intlMoney(LOCALES[lang], best.totalMinor, best.currency));
    assert.match(shown, MONEY_SHAPE[lang]);
    assert.deepEqual(errors, []);

    await screenshot(page, `${lang}-desktop-1280`);
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, `${lang}-phone-375`);
    await context.close();
  });
}

test('switching language from the menu keeps the trip, in the new language', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=en&cur=HKD&trip=HK:2`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTrip([['Japan', 4], ['HK', 2]]);
  await widget.setTravellers(2);
  await page.waitForFunction(() => /hk/.test(document.querySelector('[data-testid="option"]')?.dataset.plans));
  const before = await widget.best();

  for (const lang of ['fr', 'zh-Hant', 'zh-Hans', 'en']) {
    await widget.setLanguage(lang);
    await page.waitForFunction((l) => document.querySelector('.rp')?.getAttribute('lang') === l, lang);
    assert.equal(await widget.title(), texts(lang).app_title);
    const names = [await widget.intlRegion(LOCALES[lang], 'JP'), await widget.intlRegion(LOCALES[lang], 'HK')];
    assert.deepEqual(await widget.legValues(), [[names[0], '4'], [names[1], '2']], `the stops in ${lang}`);
    assert.equal(await page.locator('li.rp-traveller').count(), 2);
    const after = await widget.best();
    assert.deepEqual([after.plans, after.totalMinor, after.currency], [before.plans, before.totalMinor, 'HKD'], `the answer in ${lang}`);
    const shown = await page.locator('[data-testid="option"] .rp-amount').first().textContent();
    assert.equal(shown, await widget.intlMoney(LOCALES[lang], before.totalMinor, 'HKD'));
  }
  assert.deepEqual(errors, []);
  await context.close();
});
