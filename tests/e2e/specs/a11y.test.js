// axe-core on the widget in the states a reader meets: default desktop page,
// a Chinese phone page, a refused link setting, the usage estimator open, and
// the dark colour scheme. Any violation fails with what and where.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withWidget } from '../lib/suite.js';
import { openPage } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { texts } from '../lib/i18n.js';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../node_modules/axe-core/axe.min.js');
// The widget's page forbids inline scripts (CSP), so axe is served from the
// page's own origin rather than injected inline: the audit runs on the page
// exactly as readers get it.
const AXE_URL = '/__test__/axe.min.js';

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]), { routes: { [AXE_URL]: { body: fs.readFileSync(AXE), type: 'text/javascript' } } });

function describe(violations) {
  return violations
    .map((v) => [
      `${v.id} (${v.impact}): ${v.help}`,
      ...v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
      `    ${v.helpUrl}`,
    ].join('\n'))
    .join('\n');
}

/** Runs axe on the whole document (or only `rules`) and returns its violations. */
async function axe(page, options = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
  return page.evaluate((o) => window.axe.run(document, { resultTypes: ['violations'], ...o }).then((r) => r.violations), options);
}

async function assertNoViolations(page, options) {
  const violations = await axe(page, options);
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s):\n${describe(violations)}`);
}

const pages = [
  { name: 'the default desktop page in English', url: '/?lang=en' },
  { name: 'a phone page in traditional Chinese', url: '/?lang=zh-Hant', viewport: { width: 375, height: 800 } },
  {
    name: 'a page whose link carries a refused setting',
    url: '/?lang=en&people=0',
    then: (page) => page.locator('[data-testid="settings-error"]').waitFor(),
  },
  {
    name: 'the page with the usage estimator open',
    url: '/?lang=en&people=3',
    then: async (page) => {
      await page.getByRole('button', { name: texts('en').estimate_toggle }).click();
      await page.locator('#rp-estimator table').waitFor();
    },
  },
  { name: 'the page in the dark colour scheme', url: '/?lang=en&people=4', colorScheme: 'dark' },
];

// Where the widget's content sits among the page's landmarks depends on the
// page it is mounted in (its own index.html, or a blog page for script
// embeds): checked once below for its own page, not in every state.
const PAGE_LANDMARK_RULES = ['landmark-one-main', 'region'];

for (const { name, url, viewport, colorScheme, then } of pages) {
  test(`no axe violation on ${name}`, async () => {
    const { page, context } = await openPage(browser, `${server.url}${url}`, { viewport, colorScheme });
    await new Widget(page).ready();
    await then?.(page);
    await assertNoViolations(page, { rules: Object.fromEntries(PAGE_LANDMARK_RULES.map((r) => [r, { enabled: false }])) });
    await context.close();
  });
}

test("the widget's own page has one main landmark holding all its content", async () => {
  const { page, context } = await openPage(browser, `${server.url}/?lang=en&people=0`);
  await new Widget(page).ready();
  await page.locator('[data-testid="settings-error"]').waitFor();
  await assertNoViolations(page, { runOnly: PAGE_LANDMARK_RULES });
  await context.close();
});

// axe cannot measure text on a gradient (it reports it as "incomplete"), so
// the best option's text is checked on each end of its background gradient.
for (const colorScheme of ['light', 'dark']) {
  test(`the best option's text is legible at both ends of its gradient (${colorScheme})`, async () => {
    const { page, context } = await openPage(browser, `${server.url}/?lang=en&people=4&trip=HK:5`, { colorScheme });
    await new Widget(page).ready();
    for (const end of ['--rp-best-soft', '--rp-card']) {
      await page.locator('.rp-option.rp-best').evaluate((el, colour) => el.style.setProperty('background', `var(${colour})`), end);
      await assertNoViolations(page, { runOnly: ['color-contrast'] });
      const checked = await page.evaluate(() =>
        window.axe.run('.rp-best', { runOnly: ['color-contrast'], resultTypes: ['passes'] }).then((r) => r.passes[0]?.nodes.length ?? 0),
      );
      assert.ok(checked >= 5, `axe measured only ${checked} texts in the best option on ${end}`);
    }
    await context.close();
  });
}
