// The widget on small phones (320 and 375 px wide): nothing scrolls sideways,
// the answer follows the form, the steppers are big enough for a thumb, and
// no language pushes anything out of its box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { LANGS } from '../lib/i18n.js';

const PHONES = [
  { width: 320, height: 640 },
  { width: 375, height: 800 },
];

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

/**
 * What does not fit: the page scrolling sideways, an element reaching past the
 * screen's edges, or content spilling out of its box (text fields, whose text
 * scrolls inside them, and scrolling containers excepted).
 */
function overflows(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found = [];
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const describe = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} “${el.textContent.trim().slice(0, 40)}”`;
    for (const el of document.querySelectorAll('.rp *')) {
      const style = getComputedStyle(el);
      if (style.display === 'inline' || style.display === 'none' || el.closest('.rp-visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      if (box.left < -1 || box.right > width + 1) found.push(`${describe(el)} reaches ${Math.round(box.left)}..${Math.round(box.right)}`);
      if (['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el instanceof SVGElement) continue;
      if (style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)} spills: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return found;
  });
}

for (const viewport of PHONES) {
  test(`at ${viewport.width} px: no sideways scrolling, the best option follows the form, steppers are big enough to tap`, async () => {
    const { page, context } = await openPage(browser, `${server.url}/?lang=en&people=4&trip=HK:5`, { viewport });
    const widget = new Widget(page);
    await widget.ready();
    assert.deepEqual(await overflows(page), []);

    const form = await page.locator('form.rp-inputs').boundingBox();
    const best = page.locator('[data-testid="option"]').first();
    const box = await best.boundingBox();
    assert.ok(box.y >= form.y + form.height, `the best option (top ${box.y}) comes after the form (bottom ${form.y + form.height})`);
    assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, `the best option fits the width: ${box.x}..${box.x + box.width}`);
    // Scrolled to, its head (what kind of answer, and the total) is on screen whole.
    const head = best.locator('.rp-option-head');
    await head.scrollIntoViewIfNeeded();
    const seen = await head.boundingBox();
    assert.ok(seen.y >= 0 && seen.y + seen.height <= viewport.height && seen.x >= 0 && seen.x + seen.width <= viewport.width,
      `the best option's head is on screen: ${JSON.stringify(seen)}`);
    assert.ok(await best.locator('.rp-amount').isVisible());

    const steppers = await page.locator('.rp-step, li.rp-traveller button, #rp-add-traveller').evaluateAll((buttons) =>
      buttons.map((b) => ({ label: b.getAttribute('aria-label'), ...b.getBoundingClientRect().toJSON() })),
    );
    // One stop (− and +), four travellers (copy and remove each), "add a traveller".
    assert.equal(steppers.length, 2 + 4 * 2 + 1, 'the stop stepper and the traveller buttons');
    const small = steppers.filter((s) => s.height < 44 || s.width < 44);
    assert.deepEqual(small.map((s) => `${s.label}: ${s.width}×${s.height}`), [], 'buttons are at least 44×44 px');
    await context.close();
  });
}

test('every language fits 320 and 375 px screens, estimator and whole plan list open', async () => {
  for (const viewport of PHONES) {
    const { page, context } = await openPage(browser, 'about:blank', { viewport });
    for (const lang of LANGS) {
      await page.goto(`${server.url}/?lang=${lang}&people=4`);
      const widget = new Widget(page);
      await widget.ready();
      await widget.openEstimator();
      await widget.showAllPlans();
      assert.deepEqual(await overflows(page), [], `${lang} at ${viewport.width} px`);
    }
    await context.close();
  }
});
