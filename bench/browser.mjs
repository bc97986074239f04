// Browser half of `scripts/bench.sh`: time to first answer (cold loads),
// recalculation latency and wasm memory, measured inside the page of the
// release build served as static files, in headless Chromium.
//
// Usage: node bench/browser.mjs --dist DIR --generated FILE --out FILE
//                               [--loads 12] [--changes 100]
// Every time is taken in the page with performance.now(); Playwright only
// drives the page and reads the figures back, so its own latency is not
// measured.
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../tests/e2e/lib/server.js';
import { launch } from '../tests/e2e/lib/browser.js';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const DIST = path.resolve(args.dist ?? 'dist');
const GENERATED = args.generated && path.resolve(args.generated);
const OUT = args.out && path.resolve(args.out);
const LOADS = Number(args.loads ?? 12);
const CHANGES = Number(args.changes ?? 100);
const WARMUP_CHANGES = 10;

// A family's trip the built-in (evidence-based) catalogue answers for
// visitors: Hong Kong cards, a Japan eSIM, a Hong Kong pass resumed after
// Japan; two adults and two children, two phones without eSIM.
const TRIP = 'trip=HK:3,JP:4,HK:2&mb=2048,2048,300,300&esim=1,1,0,0&together=1&lang=en&cur=EUR';

// Runs in every frame before its own scripts. Records, on one clock for all
// frames (epoch ms = timeOrigin + now), when the first visible option appears
// and the wasm exports Trunk hands over; and, for recalculation, the time of
// each input event and of the DOM change that answers it.
const INIT = () => {
  const abs = () => performance.timeOrigin + performance.now();
  const b = (window.__bench = {
    timeOrigin: performance.timeOrigin,
    firstOption: null, // epoch ms
    started: null, // epoch ms of TrunkApplicationStarted
    memoryAtFirstAnswer: null,
    resources: null, // what the page had fetched when the first answer showed
    wasm: null,
    recalc: { armed: false, input: null, before: null, results: [] },
  });
  // Widgets mounted in a shadow root (embed.js) are watched there too.
  const roots = [document];
  const options = () => {
    for (const root of roots) {
      const el = root.querySelector('[data-testid="option"]');
      if (el) return el;
    }
    return null;
  };
  const signature = () => {
    const first = options();
    return first ? `${first.dataset.totalMinor}|${first.dataset.plans}|${first.textContent}` : null;
  };
  const memory = () => b.wasm?.memory?.buffer?.byteLength ?? null;
  const noteMemory = () => {
    if (b.memoryAtFirstAnswer == null && b.firstOption != null && b.wasm) b.memoryAtFirstAnswer = memory();
  };
  window.addEventListener('TrunkApplicationStarted', (e) => {
    b.started = abs();
    b.wasm = e.detail?.wasm ?? null;
    noteMemory();
  });
  window.addEventListener(
    'input',
    () => {
      if (b.recalc.armed && b.recalc.input == null) b.recalc.input = performance.now();
    },
    true,
  );
  const observer = new MutationObserver(() => {
    if (b.firstOption == null) {
      const el = options();
      if (el && el.checkVisibility()) {
        b.firstOption = abs();
        b.resources = performance.getEntriesByType('resource').map((r) => ({
          name: r.name,
          start: r.startTime,
          end: r.responseEnd,
          transfer: r.transferSize,
        }));
        noteMemory();
      }
    }
    const r = b.recalc;
    if (r.armed && r.input != null) {
      const now = signature();
      if (now !== r.before) {
        const changed = performance.now();
        r.armed = false;
        requestAnimationFrame(() => {
          r.results.push({ dom: changed - r.input, frame: performance.now() - r.input });
        });
      }
    }
  });
  const watch = { childList: true, subtree: true, attributes: true, characterData: true };
  observer.observe(document, watch);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const shadow = attachShadow.call(this, init);
    roots.push(shadow);
    observer.observe(shadow, watch);
    return shadow;
  };
  b.arm = () => {
    b.recalc.before = signature();
    b.recalc.input = null;
    b.recalc.armed = true;
  };
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))];
  const r = (x) => Math.round(x * 10) / 10;
  return s.length ? { n: s.length, median: r(at(50)), p90: r(at(90)), p95: r(at(95)), min: r(s[0]), max: r(s[s.length - 1]) } : { n: 0 };
};

/** What each frame's widget reported, times in ms from the top page's navigation start. */
async function frameReports(page) {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const reports = [];
  for (const frame of page.frames()) {
    const got = await frame
      .evaluate(() => {
        const b = window.__bench;
        return b && b.firstOption != null
          ? { first: b.firstOption, started: b.started, memory: b.memoryAtFirstAnswer, resources: b.resources }
          : null;
      })
      .catch(() => null);
    if (got) {
      reports.push({
        frame,
        inFrame: frame !== page.mainFrame(),
        firstAnswerMs: got.first - origin,
        wasmStartedMs: got.started == null ? null : got.started - origin,
        memoryBytes: got.memory,
        resources: got.resources,
      });
    }
  }
  return reports;
}

/**
 * One cold load in a fresh context (empty cache, no service worker): ms from
 * navigation start to the first visible option. `want`: 'page' (the widget
 * itself) or 'iframe' (an article embedding it; its script-mounted widget, in
 * the page's shadow DOM, is reported alongside when there is one).
 */
async function coldLoad(browser, url, want) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  try {
    await page.goto(url);
    const deadline = Date.now() + 15000;
    for (;;) {
      const reports = await frameReports(page);
      const main = reports.find((r) => r.inFrame === (want === 'iframe'));
      const shadow = want === 'iframe' ? reports.find((r) => !r.inFrame) : null;
      const hasShadowEmbed = want === 'iframe' && (await page.locator('[data-roamplan-mount]').count()) > 0;
      if (main && (!hasShadowEmbed || shadow || Date.now() > deadline)) {
        let memory = main.memoryBytes;
        if (memory == null) {
          // Trunk's event may come just after the first render.
          memory = await main.frame
            .waitForFunction(() => window.__bench.memoryAtFirstAnswer, null, { timeout: 5000 })
            .then((h) => h.jsonValue())
            .catch(() => null);
        }
        return {
          firstAnswerMs: main.firstAnswerMs,
          wasmStartedMs: main.wasmStartedMs,
          memoryBytes: memory,
          resources: main.resources,
          scriptEmbedMs: shadow ? shadow.firstAnswerMs : null,
        };
      }
      if (Date.now() > deadline) throw new Error(`no option within 15 s on ${url}`);
      await page.waitForTimeout(20);
    }
  } finally {
    await context.close();
  }
}

async function coldLoads(browser, url, n, want = 'page') {
  await coldLoad(browser, url, want); // warm-up of the browser process itself, not counted
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await coldLoad(browser, url, want));
  const r1 = (x) => Math.round(x * 10) / 10;
  const embeds = runs.filter((r) => r.scriptEmbedMs != null).map((r) => r.scriptEmbedMs);
  return {
    url: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
    firstAnswerMs: stats(runs.map((r) => r.firstAnswerMs)),
    wasmStartedMs: stats(runs.filter((r) => r.wasmStartedMs != null).map((r) => r.wasmStartedMs)),
    scriptEmbedMs: embeds.length ? stats(embeds) : null,
    memoryBytes: runs.map((r) => r.memoryBytes).find((m) => m != null) ?? null,
    // Fetched by the widget's document before its first answer (last run).
    resources: (runs[runs.length - 1]?.resources ?? []).map((r) => ({
      path: new URL(r.name).pathname,
      start: r1(r.start),
      end: r1(r.end),
    })),
    runs: runs.map((r) => r1(r.firstAnswerMs)),
  };
}

// Lighthouse's mobile profiles: round trip, download and upload (bytes/s),
// and CPU slowdown. https://github.com/GoogleChrome/lighthouse/blob/main/docs/throttling.md
const PHONES = {
  'slow-4g': { latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, cpu: 4 },
  'fast-4g': { latency: 60, download: (9 * 1024 * 1024) / 8, upload: (1.5 * 1024 * 1024) / 8, cpu: 2 },
};

/**
 * One cold load on an emulated phone (390x844, network and CPU throttled by
 * the DevTools protocol), the build served compressed: ms to the first
 * answer, and the bytes transferred before it (gzip/brotli as served).
 */
async function phoneLoad(browser, url, profile) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', isMobile: true, hasTouch: true });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.download,
    uploadThroughput: profile.upload,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const encodings = new Set();
  page.on('response', (r) => {
    const e = r.headers()['content-encoding'];
    if (e) encodings.add(e);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.firstOption != null, null, { timeout: 60000, polling: 20 });
    const got = await page.evaluate(() => ({ first: window.__bench.firstOption - performance.timeOrigin, resources: window.__bench.resources }));
    const navigation = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.transferSize ?? 0);
    const bytes = navigation + got.resources.filter((r) => r.end <= got.first).reduce((sum, r) => sum + (r.transfer || 0), 0);
    return { firstAnswerMs: got.first, bytes, encodings: [...encodings] };
  } finally {
    await context.close();
  }
}

/** At least 7 cold phone loads per profile; medians. */
async function phoneLoads(url, n) {
  const server = await serve(DIST, { compressed: true });
  const browser = await launch();
  const out = {};
  try {
    for (const [name, profile] of Object.entries(PHONES)) {
      await phoneLoad(browser, `${server.url}${url}`, profile); // warm-up, not counted
      const runs = [];
      for (let i = 0; i < n; i++) runs.push(await phoneLoad(browser, `${server.url}${url}`, profile));
      out[name] = {
        url,
        firstAnswerMs: stats(runs.map((r) => r.firstAnswerMs)),
        bytesBeforeFirstAnswer: stats(runs.map((r) => r.bytes)),
        encodings: [...new Set(runs.flatMap((r) => r.encodings))],
      };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

// The worst trip the form allows: 20 stops of 6 days over the generated
// catalogue's countries (120 days), 12 travellers alike; `first` days in the
// first stop.
const worstTrip = (first = 6) => `trip=${Array.from({ length: 20 }, (_, i) => `${['HK', 'MO', 'CN', 'TW', 'JP', 'KR', 'SG', 'TH', 'HK', 'MO'][i % 10]}:${i === 0 ? first : 6}`).join(',')}&people=12&mb=1024&together=1&lang=en&cur=EUR`;
// Each round types two days into the first stop and then its last value,
// 150 ms apart, as a reader types; the rounds' last values differ in turn.
const WORST_ROUNDS = [[5, 4, 3], [4, 6, 5], [6, 3, 2], [3, 5, 4], [2, 4, 6], [5, 2, 3], [6, 4, 5]];

/** The first option's total of a cold load (`null` for no option). */
async function totalOf(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('[data-testid="option"][data-plans^="gen-"], [data-testid="no-option"]', { timeout: 600000 });
    return await page.locator('[data-testid="option"]').first().getAttribute('data-total-minor');
  } finally {
    await context.close();
  }
}

/**
 * Edits of the worst trip on a generated catalogue (`catalogue`, its
 * address on the bench server), typed as a reader types: the longest
 * main-thread task while typing (input blocked that long), and how long
 * after the last keystroke of each round the answer for it shows: the
 * total a cold load of the same trip gives, with nothing pending.
 */
async function worstCase(browser, base, catalogue, { worker = true, rounds = WORST_ROUNDS } = {}) {
  const url = (first) => `${base}/?${worstTrip(first)}&catalogue=${catalogue}`;
  const expected = new Map();
  for (const [, , last] of rounds) {
    if (!expected.has(last)) expected.set(last, await totalOf(browser, url(last)));
    if (process.env.BENCH_DEBUG) process.stderr.write(`expected ${last}: ${expected.get(last)}\n`);
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await context.addInitScript(INIT);
  // Without a worker the widget calculates on the page, as before it had one.
  if (!worker) await context.addInitScript(() => { delete window.Worker; });
  const page = await context.newPage();
  try {
    await page.goto(url(6));
    await page.waitForSelector('[data-testid="option"][data-plans^="gen-"], [data-testid="no-option"]', { timeout: 600000 });
    await page.evaluate(() => {
      // The time of the last keystroke as the page took it.
      document.addEventListener('input', () => { window.__lastInput = performance.now(); }, true);
      window.__worst = { longest: 0, tasks: [] };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__worst.longest = Math.max(window.__worst.longest, entry.duration);
          window.__worst.tasks.push(Math.round(entry.duration));
        }
      }).observe({ type: 'longtask', buffered: false });
    });
    const days = page.locator('li.rp-leg').first().locator('input[inputmode="numeric"]');
    await days.click();
    const answers = [];
    for (const values of rounds) {
      for (const [i, value] of values.entries()) {
        await days.fill(String(value));
        if (i < values.length - 1) await page.waitForTimeout(150);
      }
      const total = expected.get(values[values.length - 1]);
      // Checked in every frame; the frame that first shows the answer is
      // its time.
      await page.waitForFunction((total) => {
        const option = document.querySelector('[data-testid="option"]');
        const shown = option && option.getAttribute('data-total-minor') === total
          && !document.querySelector('[data-testid="summary-pending"], [aria-busy="true"]');
        if (shown) window.__answeredAt = performance.now();
        return shown;
      }, total, { timeout: 600000, polling: 'raf' });
      answers.push(Math.round(await page.evaluate(() => window.__answeredAt - window.__lastInput)));
      if (process.env.BENCH_DEBUG) process.stderr.write(`round ${values} -> ${answers[answers.length - 1]} ms\n`);
      await page.waitForTimeout(300);
    }
    const worst = await page.evaluate(() => window.__worst);
    return {
      url: url(6).replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
      longestTaskMs: Math.round(worst.longest),
      longTasks: worst.tasks.length,
      taskMs: worst.tasks,
      answerAfterLastKeyMs: stats(answers),
      rounds: answers,
    };
  } finally {
    await context.close();
  }
}

/** `changes` edits of the first stop's days; in-page latency of each. */
async function recalculation(browser, url, { changes, expectPlanPrefix }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  try {
    await page.goto(url);
    const selector = expectPlanPrefix ? `[data-testid="option"][data-plans^="${expectPlanPrefix}"]` : '[data-testid="option"]';
    await page.waitForSelector(`${selector}, [data-testid="catalogue-error"]`, { timeout: 30000 });
    if (await page.locator('[data-testid="catalogue-error"]').count()) {
      throw new Error(`catalogue refused: ${await page.locator('[data-testid="catalogue-error"]').innerText()}`);
    }
    const days = page.locator('li.rp-leg').first().locator('input[inputmode="numeric"]');
    const original = Number(await days.inputValue());
    const memoryBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
    let skipped = 0;
    for (let i = 0; i < changes + WARMUP_CHANGES; i++) {
      // 1..6 days, never the value already there, so the answer always moves.
      const value = ((original + 1 + (i % 5)) % 6) + 1;
      const before = await page.evaluate(() => window.__bench.recalc.results.length);
      await page.evaluate(() => window.__bench.arm());
      await days.fill(String(value));
      const ok = await page
        .waitForFunction((n) => window.__bench.recalc.results.length > n, before, { timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      if (!ok) skipped++;
      if (i === WARMUP_CHANGES - 1) await page.evaluate(() => (window.__bench.recalc.results.length = 0));
    }
    const results = await page.evaluate(() => window.__bench.recalc.results);
    const memoryAfterBytes = await page.evaluate(() => window.__bench.wasm?.memory?.buffer?.byteLength ?? null);
    return {
      url: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''),
      domMs: stats(results.map((r) => r.dom)),
      frameMs: stats(results.map((r) => r.frame)),
      unchanged: skipped,
      memoryBytes,
      memoryAfterBytes,
    };
  } finally {
    await context.close();
  }
}

const routes = {};
if (GENERATED) routes['/bench-1000.json'] = { body: fs.readFileSync(GENERATED), type: 'application/json' };
// The worst trip runs on the 2,000-plan catalogue (issue 12), written by
// the engine bench beside the 1,000-plan one; the 1,000 where it is missing.
const GENERATED_2000 = GENERATED && path.join(path.dirname(GENERATED), 'generated-2000.json');
const WORST_CATALOGUE = GENERATED_2000 && fs.existsSync(GENERATED_2000) ? '/bench-2000.json' : '/bench-1000.json';
if (WORST_CATALOGUE === '/bench-2000.json') routes['/bench-2000.json'] = { body: fs.readFileSync(GENERATED_2000), type: 'application/json' };
const server = await serve(DIST, { routes });
const browser = await launch();
const out = { dist: DIST, loads: LOADS, changes: CHANGES };
try {
  const log = (m) => process.stderr.write(`[bench:browser] ${m}\n`);
  if (args['worst-only'] && GENERATED) {
    const worst = await worstCase(browser, server.url, WORST_CATALOGUE);
    const onPage = args['worker-only'] ? null : await worstCase(browser, server.url, WORST_CATALOGUE, { worker: false, rounds: WORST_ROUNDS.slice(0, 3) });
    process.stdout.write(JSON.stringify({ catalogue: WORST_CATALOGUE, worker: worst, onPage }) + '\n');
    process.exit(0);
  }
  if (args['recalc-only']) {
    const recalc = await recalculation(browser, `${server.url}/?${TRIP}`, { changes: CHANGES });
    process.stdout.write(JSON.stringify({ domMs: recalc.domMs, frameMs: recalc.frameMs }) + '\n');
    process.exit(0);
  }
  const phoneRuns = Math.max(7, Number(args['phone-loads'] ?? 7));
  log(`${phoneRuns} cold loads per phone profile (Slow 4G + 4x CPU, Fast 4G + 2x CPU), served compressed`);
  out.phone = await phoneLoads(`/?${TRIP}`, phoneRuns);
  for (const [name, r] of Object.entries(out.phone)) {
    log(`  ${name}: first answer median ${r.firstAnswerMs.median} ms (p90 ${r.firstAnswerMs.p90}), ${Math.round(r.bytesBeforeFirstAnswer.median / 1024)} KB before it (${r.encodings.join('/') || 'identity'})`);
  }
  if (args['phone-only']) {
    process.stdout.write(JSON.stringify(out.phone, null, 2) + '\n');
    process.exit(0);
  }
  log(`${LOADS} cold loads of the widget`);
  out.coldLoad = await coldLoads(browser, `${server.url}/?${TRIP}`, LOADS);
  out.coldLoadDefault = await coldLoads(browser, `${server.url}/`, LOADS);
  const article = path.join(DIST, 'demo', 'article.html');
  if (fs.existsSync(article)) {
    log(`${LOADS} cold loads of demo/article.html`);
    out.article = await coldLoads(browser, `${server.url}/demo/article.html`, LOADS, 'iframe');
  } else {
    out.article = null;
  }
  log(`${CHANGES} recalculations, built-in catalogue`);
  out.recalcBuiltIn = await recalculation(browser, `${server.url}/?${TRIP}`, { changes: CHANGES });
  if (GENERATED) {
    log(`${CHANGES} recalculations, generated 1,000-plan catalogue`);
    out.recalcGenerated = await recalculation(browser, `${server.url}/?${TRIP}&catalogue=/bench-1000.json`, {
      changes: CHANGES,
      expectPlanPrefix: 'gen-',
    });
    log(`worst trip the form allows (20 stops, 120 days, 12 travellers) on ${WORST_CATALOGUE}: ${WORST_ROUNDS.length} rounds of three keystrokes`);
    out.worstCatalogue = WORST_CATALOGUE;
    out.worstCase = await worstCase(browser, server.url, WORST_CATALOGUE);
    out.worstCaseOnPage = await worstCase(browser, server.url, WORST_CATALOGUE, { worker: false, rounds: WORST_ROUNDS.slice(0, 3) });
    log(`  without the worker: longest task ${out.worstCaseOnPage.longestTaskMs} ms; answer ${out.worstCaseOnPage.answerAfterLastKeyMs.median} ms (median) after the last keystroke`);
    log(`  longest main-thread task while typing ${out.worstCase.longestTaskMs} ms; answer ${out.worstCase.answerAfterLastKeyMs.median} ms (median, max ${out.worstCase.answerAfterLastKeyMs.max}) after the last keystroke`);
  }
} finally {
  await browser.close();
  await server.close();
}
const text = JSON.stringify(out, null, 2);
if (OUT) fs.writeFileSync(OUT, text);
else process.stdout.write(text + '\n');
