// Hosts that misbehave: a theme whose rules match the mount element does not
// restyle the widget; when the widget cannot start (its JavaScript or wasm
// missing or truncated, JavaScript off, wasm refused by the page's CSP, a
// cross-origin script embed without CORS) the reader gets a message in their
// language and a link to the calculator on its own page: never a blank page
// or an empty frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../lib/server.js';
import { launch, DIST, COUNT_WORKERS } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';
import { LANGS, texts } from '../lib/i18n.js';

// The widget's own glue and wasm (not the first-answer module's).
const FILES = fs.readdirSync(DIST);
const JS = `/${FILES.find((f) => /^roamplan-[0-9a-f]+\.js$/.test(f))}`;
const WASM = `/${FILES.find((f) => /^roamplan-[0-9a-f]+_bg\.wasm$/.test(f))}`;
const wasmBytes = fs.readFileSync(path.join(DIST, WASM));

const missing = { status: 404, body: 'not found', type: 'text/plain' };
const truncated = { body: wasmBytes.subarray(0, Math.floor(wasmBytes.length / 2)), type: 'application/wasm' };
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'";

const hostPage = (head, body) => ({ type: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>` });
const mount = '<div class="entry-content"><p>Article text.</p><div id="mount" data-roamplan-mount data-trip="FR:4,IT:3" data-people="2" data-home="FR" data-lang="fr"></div></div><script src="/embed.js" defer></script>';
const HOSTILE = '<style>.entry-content * { font-style: italic; letter-spacing: 3px; color: red } #mount { line-height: 5 }</style>';

let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function host(options) {
  const server = await serve(DIST, options);
  servers.push(server);
  return server;
}

async function open(url, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...contextOptions });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** The fallback's message and link, as shown (inside a shadow root too). */
async function fallback(scope) {
  const box = scope.locator('[data-testid="load-failed"]');
  await box.waitFor({ timeout: 15000 });
  const link = box.locator('a');
  return {
    lang: await box.getAttribute('lang'),
    text: await box.locator('p').first().innerText(),
    linkText: await link.innerText(),
    href: await link.getAttribute('href'),
    visible: await box.isVisible(),
  };
}

test('a hostile theme on the host page does not restyle the script-embedded widget', async () => {
  const server = await host({
    routes: { '/hostile.html': hostPage(HOSTILE, mount), '/clean.html': hostPage('', mount) },
  });
  const styles = async (name) => {
    const { context, page } = await open(`${server.url}/${name}.html`);
    await page.locator('#mount [data-testid="option"]').first().waitFor();
    // The chart's lines come a task after the answer: compare the whole widget.
    await page.locator('#mount .rp-line').first().waitFor({ state: 'attached' });
    const result = await page.evaluate(() => {
      const props = ['font-style', 'letter-spacing', 'color', 'line-height', 'font-family', 'font-size', 'font-weight', 'text-transform', 'word-spacing', 'text-indent'];
      const elements = [...document.querySelector('#mount').shadowRoot.querySelectorAll('.rp, .rp *')];
      return elements.map((el) => {
        const s = getComputedStyle(el);
        return `${el.tagName.toLowerCase()}.${el.className} ${props.map((p) => `${p}:${s.getPropertyValue(p)}`).join(';')}`;
      });
    });
    // The host's own paragraph does get the theme (the stylesheet works).
    const hostStyle = await page.locator('.entry-content > p').evaluate((p) => getComputedStyle(p).fontStyle);
    await context.close();
    return { elements: result, hostStyle };
  };
  const clean = await styles('clean');
  const hostile = await styles('hostile');
  assert.equal(hostile.hostStyle, 'italic', 'the theme applies to the host page');
  assert.ok(clean.elements.length > 100, `${clean.elements.length} widget elements compared`);
  assert.equal(hostile.elements.length, clean.elements.length);
  const changed = hostile.elements.filter((s, i) => s !== clean.elements[i]);
  assert.deepEqual(changed.slice(0, 5), [], `${changed.length} of ${clean.elements.length} elements restyled by the host`);
});

test('a missing JavaScript file gives a message in the link\'s language and a link to try again', async () => {
  const server = await host({ routes: { [JS]: missing } });
  for (const lang of LANGS) {
    const url = `${server.url}/?trip=HK:3&lang=${lang}`;
    const { context, page } = await open(url);
    const shown = await fallback(page);
    assert.equal(shown.lang, lang);
    assert.equal(shown.text, texts(lang).fallback_failed);
    assert.equal(shown.linkText, texts(lang).fallback_open);
    assert.equal(new URL(shown.href, url).href, url);
    await context.close();
  }
});

test('a truncated wasm file gives the message in the browser\'s language when the link names none', async () => {
  const server = await host({ routes: { [WASM]: truncated } });
  const { context, page } = await open(`${server.url}/?trip=HK:3`, { locale: 'zh-TW' });
  const shown = await fallback(page);
  assert.equal(shown.lang, 'zh-Hant');
  assert.equal(shown.text, texts('zh-Hant').fallback_failed);
  await context.close();
});

test('a page CSP without \'wasm-unsafe-eval\' gives the message, not a blank page', async () => {
  const server = await host({ headers: { 'content-security-policy': NO_WASM_CSP } });
  const { context, page } = await open(`${server.url}/?trip=HK:3&lang=fr`);
  const shown = await fallback(page);
  assert.equal(shown.text, texts('fr').fallback_failed);
  assert.ok(shown.visible);
  await context.close();
});

test('with JavaScript off the page says so in every language, with a link', async () => {
  const server = await host();
  const { context, page } = await open(`${server.url}/?trip=HK:3`, { javaScriptEnabled: false });
  const box = page.locator('[data-testid="no-script"]');
  assert.ok(await box.isVisible());
  for (const lang of LANGS) {
    const line = box.locator(`p[lang="${lang}"]`);
    assert.equal(await line.locator('a').innerText(), texts(lang).fallback_open);
    assert.ok((await line.innerText()).startsWith(texts(lang).fallback_no_script));
  }
  await context.close();
});

test('with JavaScript off both embeds of the sample article still lead to the calculator', async () => {
  const server = await host();
  const { context, page } = await open(`${server.url}/demo/article.html`, { javaScriptEnabled: false });
  // The script embed's <noscript> (from the share panel's snippet) is shown in place.
  const scriptLink = page.locator('#script-embed a');
  assert.ok(await scriptLink.isVisible());
  const href = new URL(await scriptLink.getAttribute('href'), page.url());
  assert.equal(href.pathname, '/index.html');
  assert.equal(href.searchParams.get('trip'), 'FR:4,IT:3,CH:2');
  // The iframe shows its page's own message rather than nothing.
  assert.ok(await page.frameLocator('#frame-embed').locator('[data-testid="no-script"]').isVisible());
  await context.close();
});

test('an iframe whose widget cannot start shows the message and shrinks to it, not an empty 900 px frame', async () => {
  const server = await host({ routes: { [WASM]: truncated } });
  const { context, page } = await open(`${server.url}/demo/article.html`);
  const frame = page.frameLocator('#frame-embed');
  const shown = await fallback(frame);
  assert.equal(shown.text, texts('en').fallback_failed);
  await page.waitForFunction(() => parseInt(document.querySelector('#frame-embed').style.height, 10) < 900);
  const [outer, inner] = await Promise.all([
    page.locator('#frame-embed').evaluate((f) => f.getBoundingClientRect().height),
    frame.locator('[data-testid="load-failed"]').evaluate((b) => b.getBoundingClientRect().bottom),
  ]);
  assert.ok(outer >= inner, `the message (to ${inner} px) fits the frame (${outer} px)`);
  await context.close();
});

test('a script embed that cannot start shows the message in the embed\'s language, linking to the calculator with its settings', async () => {
  const server = await host({ routes: { [JS]: missing, '/post.html': hostPage('', mount) } });
  const { context, page } = await open(`${server.url}/post.html`);
  const shown = await fallback(page.locator('#mount'));
  assert.equal(shown.lang, 'fr');
  assert.equal(shown.text, texts('fr').fallback_failed);
  const href = new URL(shown.href);
  assert.equal(href.pathname, '/index.html');
  assert.equal(href.searchParams.get('trip'), 'FR:4,IT:3');
  assert.equal(href.searchParams.get('people'), '2');
  await context.close();
});

test('a host page whose CSP refuses wasm gets the message in the script embed', async () => {
  const server = await host({
    routes: { '/post.html': { ...hostPage('', mount), headers: { 'content-security-policy': NO_WASM_CSP } } },
  });
  const { context, page } = await open(`${server.url}/post.html`);
  const shown = await fallback(page.locator('#mount'));
  assert.equal(shown.text, texts('fr').fallback_failed);
  await context.close();
});

test('a script embed from another origin without CORS becomes an iframe of the widget, and the console says why; with CORS it mounts in place', async () => {
  const widgetNoCors = await host();
  const widgetCors = await host({ headers: { 'access-control-allow-origin': '*' } });
  const page = (widget) => hostPage('', mount.replace('src="/embed.js"', `src="${widget.url}/embed.js"`));
  const blog = await host({ routes: { '/no-cors.html': page(widgetNoCors), '/cors.html': page(widgetCors) } });

  const refused = await open(`${blog.url}/no-cors.html`);
  const said = [];
  refused.page.on('console', (m) => said.push(m.text()));
  await refused.page.reload();
  const frame = refused.page.locator('#mount iframe[data-roamplan]');
  await frame.waitFor();
  assert.ok((await frame.getAttribute('src')).startsWith(`${widgetNoCors.url}/index.html?`));
  await refused.page.frameLocator('#mount iframe[data-roamplan]').locator('[data-testid="option"]').first().waitFor();
  assert.ok(said.some((line) => /roamplan/.test(line) && /CORS/.test(line) && /iframe/.test(line)), said.join('\n'));
  // Sized to the widget by embed.js, not left at its first 900 px.
  await refused.page.waitForFunction(() => document.querySelector('#mount').shadowRoot.querySelector('iframe').style.height !== '900px');
  await refused.context.close();

  const allowed = await open(`${blog.url}/cors.html`);
  await allowed.page.locator('#mount [data-testid="option"]').first().waitFor();
  assert.equal(await allowed.page.locator('#mount iframe').count(), 0, 'mounted in place');
  await allowed.context.close();
});

test('one embed.js serves several widgets on a page; a second tag changes nothing', async () => {
  const body = [
    '<div id="one" data-roamplan-mount data-trip="HK:3" data-lang="en"></div>',
    '<div id="two" data-roamplan-mount data-trip="JP:4" data-lang="zh-Hans"></div>',
    '<script src="/embed.js" defer></script><script src="/embed.js" defer></script>',
  ].join('');
  const server = await host({ routes: { '/two.html': hostPage('', body) } });
  const { context, page } = await open(`${server.url}/two.html`);
  await page.locator('#one [data-testid="option"]').first().waitFor();
  await page.locator('#two').scrollIntoViewIfNeeded();
  await page.locator('#two [data-testid="option"]').first().waitFor();
  assert.equal(await page.locator('#one .rp').count(), 1, 'one widget in the first mount');
  assert.equal(await page.locator('#two .rp').count(), 1, 'one widget in the second mount');
  assert.equal(await page.locator('#two .rp').getAttribute('lang'), 'zh-Hans');
  await context.close();
});

test('in a sandboxed iframe without same-origin storage (WordPress embeds) the widget answers fully, minus saving', async () => {
  const widget = await host({ headers: { 'access-control-allow-origin': '*' } });
  const blog = await host({
    routes: {
      '/sandboxed.html': hostPage('', `<iframe id="wp" sandbox="allow-scripts" style="width:100%;height:1600px" src="${widget.url}/index.html?trip=HK:3,JP:2&lang=en&cur=HKD"></iframe>`),
    },
  });
  const { context, page } = await open(`${blog.url}/sandboxed.html`);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.reload();
  const frame = page.frameLocator('#wp');
  await frame.locator('[data-testid="option"]').first().waitFor();
  // The reader can still change the trip, and the answer follows.
  const before = await frame.locator('[data-testid="option"]').first().getAttribute('data-total-minor');
  await frame.locator('.rp-edit > summary').click();
  await frame.locator('li.rp-leg').first().locator('input[inputmode="numeric"]').fill('10');
  await frame.locator(`[data-testid="option"]:not([data-total-minor="${before}"])`).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the widget itself still starts normally (the fallback stays away)', async () => {
  const server = await host();
  const { context, page } = await open(`${server.url}/?trip=HK:3&lang=en`);
  await new Widget(page).ready();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid="load-failed"]').count(), 0);
  await context.close();
});

test('a script embed says it is loading, in its language, until the widget starts', async () => {
  const server = await host({ routes: { '/slow.html': hostPage('', mount) } });
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.route(/_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`${server.url}/slow.html`);
  const loading = page.locator('#mount [data-testid="loading"]');
  await loading.waitFor();
  assert.equal((await loading.innerText()).trim(), texts('fr').fallback_loading);
  await page.locator('#mount [data-testid="option"]').first().waitFor();
  assert.equal(await loading.count(), 0);
  await context.close();
});

// A trip large enough for the engine worker (six travellers of four kinds,
// 20 days): where a worker cannot load (a sandbox without same origin) or
// must start from another site (a cross-origin script embed), the answer
// still comes — from the worker or from the page.
const LARGE = 'trip=HK:20&mb=2048,2048,1024,1024,300,300&esim=1,1,1,0,0,0&lang=en&cur=HKD';

test('a large trip in a sandboxed iframe (WordPress embeds) is answered', async () => {
  const widget = await host({ headers: { 'access-control-allow-origin': '*' } });
  const blog = await host({
    routes: {
      '/sandboxed-large.html': hostPage('', `<iframe id="wp" sandbox="allow-scripts" style="width:100%;height:1600px" src="${widget.url}/index.html?${LARGE}"></iframe>`),
    },
  });
  const { context, page } = await open(`${blog.url}/sandboxed-large.html`);
  const frame = page.frameLocator('#wp');
  await frame.locator('[data-testid="option"]').first().waitFor({ timeout: 60000 });
  assert.equal(await frame.locator('[data-testid="results-loading"]').count(), 0);
  await context.close();
});

test('a large trip in a script embed from another site is answered (a worker is started from the blog page)', async () => {
  const widget = await host({ headers: { 'access-control-allow-origin': '*' } });
  const attributes = LARGE.split('&').map((pair) => pair.split('=')).map(([k, v]) => `data-${k}="${v}"`).join(' ');
  const blog = await host({
    routes: {
      '/large.html': hostPage('', `<div id="mount" data-roamplan-mount ${attributes}></div><script src="${widget.url}/embed.js" defer></script>`),
    },
  });
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addInitScript(COUNT_WORKERS);
  const page = await context.newPage();
  await page.goto(`${blog.url}/large.html`);
  await page.locator('#mount [data-testid="option"]').first().waitFor({ timeout: 60000 });
  assert.ok(await page.evaluate(() => window.__workersMade) >= 1, 'a worker was started from the blog page');
  assert.equal(await page.locator('#mount [data-testid="results-loading"]').count(), 0);
  await context.close();
});
