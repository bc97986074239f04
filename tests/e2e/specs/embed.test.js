// The widget on someone else's page: the sample article embeds it as an
// iframe (sized by embed.js) and as a script-tag mount in a shadow root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { serve } from '../lib/server.js';
import { openPage, DIST } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

test('the sample article shows an answer in both embeds', async () => {
  const { page, context, errors } = await openPage(browser, `${server.url}/demo/article.html`);
  const frame = page.frameLocator('#frame-embed');
  await frame.locator('[data-testid="option"]').first().waitFor();
  assert.equal(await frame.locator('[data-testid="option"]').first().getAttribute('data-currency'), 'HKD');
  // The script embed is far down the article: it loads as the reader nears it.
  await page.locator('#script-embed').scrollIntoViewIfNeeded();
  // Playwright's CSS locators pierce open shadow roots.
  const mounted = page.locator('#script-embed [data-testid="option"]').first();
  await mounted.waitFor();
  assert.equal(await mounted.getAttribute('data-currency'), 'EUR');
  assert.equal(await page.locator('#script-embed .rp[lang="fr"]').count(), 1, 'embed attributes set the language');
  assert.deepEqual(errors.filter((e) => !e.includes('favicon')), []);
  await context.close();
});

test('a script embed far down the article loads only when the reader nears it', async () => {
  const { page, context } = await openPage(browser, `${server.url}/demo/article.html`, { viewport: { width: 1000, height: 700 } });
  await page.frameLocator('#frame-embed').locator('[data-testid="option"]').first().waitFor();
  await page.waitForFunction(() => parseInt(document.querySelector('#frame-embed').style.height, 10) > 600);
  assert.equal(await page.evaluate(() => !!document.querySelector('#script-embed').shadowRoot), false);
  await page.locator('#script-embed').scrollIntoViewIfNeeded();
  await page.locator('#script-embed [data-testid="option"]').first().waitFor();
  await context.close();
});

test('the script embed neither takes nor leaks styles', async () => {
  const { page, context } = await openPage(browser, `${server.url}/demo/article.html`);
  await page.locator('#script-embed').scrollIntoViewIfNeeded();
  await page.locator('#script-embed [data-testid="option"]').first().waitFor();
  const inside = await page.locator('#script-embed button.rp-step').first().evaluate((b) => {
    const s = getComputedStyle(b);
    return { font: s.fontFamily, transform: s.textTransform, color: s.color };
  });
  assert.doesNotMatch(inside.font, /Comic Sans/, 'host button font does not reach the widget');
  assert.notEqual(inside.transform, 'uppercase');
  assert.notEqual(inside.color, 'rgb(255, 0, 0)');
  const host = await page.locator('main > p').first().evaluate((p) => getComputedStyle(p).fontFamily);
  assert.match(host, /Georgia/, 'widget styles do not reach the host page');
  await context.close();
});

test('the iframe grows with the answer', async () => {
  const { page, context } = await openPage(browser, `${server.url}/demo/article.html`);
  const iframe = page.locator('#frame-embed');
  const frame = page.frameLocator('#frame-embed');
  await frame.locator('[data-testid="option"]').first().waitFor();
  await page.waitForFunction(() => parseInt(document.querySelector('#frame-embed').style.height, 10) > 300);
  const before = await iframe.evaluate((f) => f.getBoundingClientRect().height);
  const inner = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
  assert.ok(Math.abs(before - inner) < 4, `frame ${before} fits its content ${inner}`);
  await frame.locator('.rp-option-details > summary').first().click();
  await page.waitForFunction((h) => document.querySelector('#frame-embed').getBoundingClientRect().height > h + 100, before);
  await context.close();
});

test('height messages from other windows are ignored', async () => {
  const { page, context } = await openPage(browser, `${server.url}/demo/article.html`);
  await page.frameLocator('#frame-embed').locator('[data-testid="option"]').first().waitFor();
  await page.waitForFunction(() => parseInt(document.querySelector('#frame-embed').style.height, 10) > 300);
  const before = await page.locator('#frame-embed').evaluate((f) => f.style.height);
  await page.evaluate(() => window.postMessage({ type: 'roamplan:height', height: 50 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#frame-embed').evaluate((f) => f.style.height), before);
  await context.close();
});

test('the same build works hosted under any sub-path', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'roamplan-host-'));
  fs.cpSync(DIST, path.join(root, 'blog', 'tools', 'roamplan'), { recursive: true });
  const host = await serve(root);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(`${host.url}/blog/tools/roamplan/?trip=JP:4&lang=en`);
  assert.ok((await new Widget(page).best()).totalMinor > 0);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${host.url}/blog/tools/roamplan/`);
  await page.goto(`${host.url}/blog/tools/roamplan/demo/article.html`);
  await page.locator('#script-embed').scrollIntoViewIfNeeded();
  await page.locator('#script-embed [data-testid="option"]').first().waitFor();
  await context.close();
  await host.close();
  fs.rmSync(root, { recursive: true, force: true });
});
