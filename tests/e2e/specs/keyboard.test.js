// A reader who uses only the keyboard: every step through the form with Tab,
// typing, Enter and Space and the arrow keys, and a focus ring that can be seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { Catalogue } from '../lib/catalogue.js';
import { texts, fill } from '../lib/i18n.js';

const t = texts('en');
const catalogue = new Catalogue();
const daysInAll = (n) => fill(t.trip_length, { days: n === 1 ? t.days_count_one : fill(t.days_count_other, { n }) });

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

/** Every day of the best option is served by a plan that works in that day's country. */
async function assertBestServes(widget, countries) {
  const blocks = await widget.bestBlocks();
  countries.forEach((country, i) => {
    const serving = blocks.filter((b) => b.first <= i + 1 && i + 1 <= b.last);
    assert.ok(serving.length > 0, `day ${i + 1} is served`);
    for (const b of serving) assert.ok(catalogue.covers(catalogue.planNamed(b.plan), country), `${b.plan} works in ${country}`);
  });
}

test('a trip entered with the keyboard alone: country, days, the + button, a new stop and the language', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/?lang=en&cur=EUR&trip=HK:3`);
  const widget = new Widget(page);
  await widget.ready();
  const { keyboard } = page;

  // The first stop's country, retyped.
  await widget.tabTo('li.rp-leg:nth-child(1) input[list]');
  await keyboard.press('Control+A');
  await keyboard.type('Japan');
  await page.waitForFunction(() => document.querySelector('[data-testid="option"]')?.dataset.plans.includes('jp'));
  await assertBestServes(widget, Array(3).fill('JP'));

  // Its days, typed, then the + button with Enter and with Space.
  await widget.tabTo('li.rp-leg:nth-child(1) input[inputmode="numeric"]');
  await keyboard.press('Control+A');
  await keyboard.type('5');
  await widget.waitForTripLength(daysInAll(5));
  await widget.tabTo(`li.rp-leg:nth-child(1) button[aria-label="${t.increase}"]`);
  await keyboard.press('Enter');
  await widget.waitForTripLength(daysInAll(6));
  await keyboard.press('Space');
  await widget.waitForTripLength(daysInAll(7));
  assert.deepEqual(await widget.legValues(), [['Japan', '7']]);
  await assertBestServes(widget, Array(7).fill('JP'));

  // A second stop from the "Add a country" button, filled in.
  await widget.tabTo('button.rp-add');
  await keyboard.press('Enter');
  await widget.legRows().nth(1).waitFor();
  await widget.tabTo('li.rp-leg:nth-child(2) input[list]', { backwards: true });
  await keyboard.type('HK');
  const [, [, newDays]] = await widget.legValues();
  await widget.waitForTripLength(daysInAll(7 + Number(newDays)));
  await assertBestServes(widget, [...Array(7).fill('JP'), ...Array(Number(newDays)).fill('HK')]);
  const before = await widget.best();

  // The language menu, changed with an arrow key: the answer is rewritten in
  // Chinese and the trip is kept.
  await widget.tabTo('#rp-lang', { backwards: true });
  await keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.querySelector('.rp')?.getAttribute('lang') === 'zh-Hans');
  assert.equal(await widget.title(), texts('zh-Hans').app_title);
  const after = await widget.best();
  assert.deepEqual([after.plans, after.totalMinor, after.currency], [before.plans, before.totalMinor, before.currency]);
  assert.equal((await widget.legValues()).map(([, d]) => d).join(','), `7,${newDays}`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** WCAG contrast ratio of two CSS colours (rgb()/rgba() strings). */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const colorScheme of ['light', 'dark']) {
  test(`every control reached with Tab shows a focus ring that stands out (${colorScheme})`, async () => {
    const { page, context } = await openPage(browser, `${server.url}/?lang=en&people=2&trip=HK:5`, { colorScheme });
    const widget = new Widget(page);
    await widget.ready();
    // Links live in the best option's details (sources, where to buy): open them.
    await page.locator('.rp-option-details > summary').first().click();
    // Tab again from the top of the page.
    await page.evaluate(() => {
      document.activeElement?.blur();
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    const seen = [];
    for (let i = 0; i < 250; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { done: true };
        window.__visited ??= [];
        if (window.__visited.includes(el)) return { done: window.__visited[0] === el, again: true };
        window.__visited.push(el);
        // What the ring is drawn against: the nearest opaque background.
        let bg = 'rgb(255, 255, 255)';
        for (let a = el.parentElement; a; a = a.parentElement) {
          const c = getComputedStyle(a).backgroundColor;
          if (!/rgba\(.*, 0\)$|transparent/.test(c)) { bg = c; break; }
        }
        const cs = getComputedStyle(el);
        const name = el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${el.className} “${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 30)}”`;
        return { name, tag: el.tagName, type: el.type, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), colour: cs.outlineColor, bg };
      });
      if (focused.done) break;
      if (!focused.again) seen.push(focused);
    }
    assert.ok(seen.length >= 10, `only ${seen.length} elements take focus`);
    for (const kind of ['SELECT', 'INPUT', 'BUTTON', 'SUMMARY', 'A']) {
      assert.ok(seen.some((f) => f.tag === kind), `a ${kind} is reached with Tab`);
    }
    const weak = seen.filter((f) => f.style === 'none' || !(f.width >= 2) || contrast(f.colour, f.bg) < 3);
    assert.deepEqual(
      weak.map((f) => `${f.name}: outline ${f.style} ${f.width}px ${f.colour} on ${f.bg} (${contrast(f.colour, f.bg).toFixed(2)}:1)`),
      [],
      'each focused element has an outline at least 2px wide with 3:1 contrast against what surrounds it',
    );
    await context.close();
  });
}
