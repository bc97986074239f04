// Offline after one visit (service worker), clean upgrade to a new release,
// and a strict Content-Security-Policy with no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../lib/server.js';
import { launch, DIST } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** Waits until a service worker controls the page. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

test('after one visit the widget loads and answers offline', async () => {
  const server = await serve(DIST);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(`${server.url}/?trip=HK:4&lang=en`);
  await new Widget(page).ready();
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  const best = await new Widget(page).best();
  assert.ok(best.totalMinor > 0);
  await context.close();
  await server.close();
});

test('a new release replaces the old one cleanly after the reader agrees', async () => {
  // Release B: the same build with a changed page and worker version.
  const releaseB = fs.mkdtempSync(path.join(os.tmpdir(), 'roamplan-b-'));
  fs.cpSync(DIST, releaseB, { recursive: true });
  const sw = fs.readFileSync(path.join(releaseB, 'sw.js'), 'utf8');
  const oldVersion = sw.match(/const VERSION = '([0-9a-f]+)'/)[1];
  fs.writeFileSync(path.join(releaseB, 'sw.js'), sw.replace(oldVersion, `${oldVersion}b`));
  const index = fs.readFileSync(path.join(releaseB, 'index.html'), 'utf8');
  fs.writeFileSync(path.join(releaseB, 'index.html'), index.replace('<body>', '<body data-release="b">'));

  // A server whose files switch from release A to release B.
  let root = DIST;
  const switching = await serve(() => root);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(`${switching.url}/?trip=JP:3&lang=en`);
  await new Widget(page).ready();
  await controlled(page);

  root = releaseB;
  await page.reload();
  // Still release A (served from its cache), told that B is ready.
  await page.locator('[data-testid="update-ready"]').waitFor({ timeout: 15000 });
  assert.equal(await page.locator('body[data-release="b"]').count(), 0);
  await page.locator('[data-testid="update-ready"] button').click();
  await page.waitForSelector('body[data-release="b"]');
  await new Widget(page).ready();
  const caches = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('roamplan|')));
  assert.equal(caches.length, 1, `only the new release's cache remains: ${caches}`);
  assert.ok(caches[0].endsWith(`${oldVersion}b`));
  await context.close();
  await switching.close();
  fs.rmSync(releaseB, { recursive: true, force: true });
});

test('under a strict CSP header the widget answers with no violation', async () => {
  const server = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP } });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/?trip=JP:3&lang=fr&people=2`);
  const widget = new Widget(page);
  await widget.ready();
  await widget.setTravellers(3);
  await page.locator('.rp-disclosure').click();
  await page.locator('#rp-estimator').waitFor();
  assert.ok((await widget.best()).totalMinor > 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
  await server.close();
});
