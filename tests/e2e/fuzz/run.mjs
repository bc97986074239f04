// roamplan's fuzz suites, against the release build in headless Chromium:
//   url        generated share links (every key, hostile values, broken escapes)
//   storage    generated saved entries (random, mutated, deep, huge)
//   catalogue  generated custom catalogues (random, mutated built-in, deep, huge)
//   ui         random reader actions on the widget (typing, clicking, choosing)
// Each case reports a trap (a wasm `unreachable`, "memory access out of
// bounds", a panic or RuntimeError on the console), a freeze (a main-thread
// task over 1 s, from the long-task observer) or a dead widget (gone, or not
// answering an edit within 5 s). Prints the seed and totals; exits 1 on any.
//
//   node fuzz/run.mjs [--long] [--seed N] [--only url,ui] [--cases N] [--with-parser-limits]
// (--cases N: N links, saved entries and catalogues, 10 N reader actions)
//
// --with-parser-limits (or ROAMPLAN_FUZZ_PARSER_LIMITS=1) adds the catalogue
// cases that need the JSON depth limit and the problem-list cap (JSON nested
// 5,000+ levels, 100,000+ broken plans): they trap or freeze until those land.
import fs from 'node:fs';
import path from 'node:path';
import { launch, DIST, ARTIFACTS } from '../lib/browser.js';
import { serve } from '../lib/server.js';
import { prng, linkQuery, savedEntry, catalogueFile, HOSTILE } from './generate.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const long = flag('--long');
const parserLimits = flag('--with-parser-limits') || process.env.ROAMPLAN_FUZZ_PARSER_LIMITS === '1';
// The short run is the same every time; a long run draws a new seed unless given one.
const seed = Number(option('--seed') ?? (long ? Math.floor(Math.random() * 2 ** 31) : 1));
const only = option('--only')?.split(',');
const cases = option('--cases');
const SIZES = cases
  ? { url: Number(cases), storage: Number(cases), catalogue: Number(cases), ui: Number(cases) * 10 }
  : long
    ? { url: 500, storage: 60, catalogue: 300, ui: 2000 }
    : { url: 6, storage: 4, catalogue: 6, ui: 80 };
const UI_SESSION = long ? 200 : 80;
const FREEZE_MS = 1000;
const TRAP = /unreachable|memory access out of bounds|RuntimeError|panicked|Maximum call stack|out of memory/i;

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error('fuzz: no release build in dist/ (bash scripts/build.sh)');
  process.exit(2);
}

// Long tasks (any over 50 ms) are recorded in the page from its first script.
const INSTRUMENT = () => {
  window.__rpFuzz = { longest: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__rpFuzz.longest = Math.max(window.__rpFuzz.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no long-task timing: freezes then show as a dead widget */ }
};

const routes = {};
const server = await serve(DIST, { routes });
const browser = await launch();
const failures = [];
const totals = {};

const withTimeout = (promise, ms, what) => Promise.race([
  promise,
  new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)),
]);

/** Whether the widget is there and answers an edit: switching its language re-renders it. */
async function answers(page) {
  await page.waitForSelector('.rp', { timeout: 15000 });
  const lang = await page.$eval('.rp', (el) => el.lang);
  const next = lang === 'fr' ? 'en' : 'fr';
  await page.selectOption('#rp-lang', next, { timeout: 5000 });
  await page.waitForFunction((l) => document.querySelector('.rp')?.lang === l, next, { timeout: 5000 });
}

/**
 * Opens a fresh page (its own storage), lets `drive` work on it, then checks
 * for traps, freezes and a dead widget.
 */
async function attempt({ url, init, drive }) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'en-GB' });
  await context.addInitScript(INSTRUMENT);
  if (init) await context.addInitScript(init.fn, init.arg);
  const page = await context.newPage();
  const messages = [];
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') messages.push(`console: ${m.text()}`); });
  let dead = null;
  let extra = null;
  try {
    await page.goto(url, { timeout: 30000 });
    if (drive) extra = await drive(page);
    await answers(page);
  } catch (error) {
    dead = error.message.split('\n')[0];
  }
  const longest = await withTimeout(page.evaluate(() => window.__rpFuzz?.longest ?? 0), 10000, 'long-task read').catch(() => Infinity);
  await withTimeout(context.close(), 10000, 'close').catch(() => {});
  const trap = messages.find((m) => TRAP.test(m)) ?? null;
  return { trap, dead, freeze: longest > FREEZE_MS, longest, extra };
}

/**
 * Runs one case. A freeze alone is run a second time: on a machine shared
 * with builds, one slow task can be the machine's; only a freeze that comes
 * back counts (the other is reported as "slow once").
 */
async function runCase(suite, label, input, spec) {
  let result = { suite, label, ...(await attempt(spec)) };
  const t = (totals[suite] ??= { cases: 0, traps: 0, freezes: 0, dead: 0, longest: 0, slowOnce: 0 });
  if (result.freeze && !result.trap && !result.dead) {
    const again = await attempt(spec);
    if (!again.freeze && !again.trap && !again.dead) {
      t.slowOnce += 1;
      console.log(`  · ${suite} ${label}: one task of ${Math.round(result.longest)} ms, ${Math.round(again.longest)} ms at most when run again`);
      result = { suite, label, ...again };
    } else {
      result = { suite, label, ...again, longest: Math.max(result.longest, again.longest), freeze: true };
    }
  }
  const { trap, dead, longest, extra } = result;
  t.cases += 1;
  if (long && t.cases % 100 === 0) console.log(`  … ${suite}: ${t.cases} cases`);
  t.traps += trap ? 1 : 0;
  t.freezes += result.freeze ? 1 : 0;
  t.dead += dead ? 1 : 0;
  t.longest = Math.max(t.longest, Number.isFinite(longest) ? longest : 0);
  if (trap || dead || result.freeze) {
    failures.push(result);
    fs.mkdirSync(path.join(ARTIFACTS, 'fuzz'), { recursive: true });
    const file = path.join(ARTIFACTS, 'fuzz', `${suite}-${seed}-${t.cases}.txt`);
    fs.writeFileSync(file, `${JSON.stringify({ ...result, extra }, null, 2)}\n\n${typeof input === 'string' ? input : JSON.stringify(input)}`);
    console.log(`  ✗ ${suite} ${label}: ${trap ?? dead ?? `main thread blocked ${Math.round(longest)} ms`} (input in ${path.relative(process.cwd(), file)})`);
  }
  return result;
}

const suites = {
  async url(r) {
    for (let i = 0; i < SIZES.url; i++) {
      const query = linkQuery(r.fork());
      await runCase('url', `#${i + 1}`, query, { url: `${server.url}/?${query}` });
    }
    return `${SIZES.url} links`;
  },

  async storage(r) {
    for (let i = 0; i < SIZES.storage; i++) {
      const entry = savedEntry(r.fork());
      const init = {
        arg: entry,
        fn: (value) => {
          if (sessionStorage.getItem('rp-seeded')) return;
          sessionStorage.setItem('rp-seeded', '1');
          try { localStorage.setItem('roamplan.trip', value); } catch { /* over the quota: nothing saved */ }
        },
      };
      // Two visits: the entry is read, then whatever the widget made of it.
      await runCase('storage', `#${i + 1} (${entry.length} chars)`, entry, {
        url: `${server.url}/?lang=en`,
        init,
        drive: async (page) => {
          await page.waitForSelector('.rp', { timeout: 15000 });
          await page.waitForTimeout(300);
          await page.goto(`${server.url}/`);
        },
      });
    }
    return `${SIZES.storage} saved entries`;
  },

  async catalogue(r) {
    const kinds = {};
    for (let i = 0; i < SIZES.catalogue; i++) {
      const { kind, text } = catalogueFile(r.fork(), { parserLimits });
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      const name = `/fuzz/catalogue-${i}.json`;
      routes[name] = { body: text };
      await runCase('catalogue', `#${i + 1} ${kind} (${Math.round(text.length / 1024)} KB)`, text, {
        url: `${server.url}/?trip=HK:3,CN:2,FR:2,CH:1&people=3&lang=en&catalogue=${name}`,
        // Loaded, refused or failed: the widget says which.
        drive: (page) => page.waitForFunction(() => !document.querySelector('.rp') || ![...document.querySelectorAll('.rp-notice')].some((n) => /Loading/i.test(n.textContent)), null, { timeout: 20000 }),
      });
      delete routes[name];
    }
    return `${SIZES.catalogue} catalogues (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(', ')})`;
  },

  async ui(r) {
    let done = 0;
    let session = 0;
    while (done < SIZES.ui) {
      const n = Math.min(UI_SESSION, SIZES.ui - done);
      const sessionSeed = r.int(0, 2 ** 31);
      session += 1;
      await runCase('ui', `session ${session} (${n} actions, seed ${sessionSeed})`, { sessionSeed, actions: n }, {
        url: `${server.url}/?lang=${r.pick(['en', 'fr', 'zh-Hans', 'zh-Hant'])}`,
        drive: async (page) => {
          await page.waitForSelector('.rp', { timeout: 15000 });
          return withTimeout(page.evaluate(act, { seed: sessionSeed, count: n, strings: HOSTILE }), 120000, 'actions');
        },
      });
      done += n;
    }
    return `${SIZES.ui} actions in ${session} session${session === 1 ? '' : 's'}`;
  },
};

/**
 * Runs in the page: `count` random reader actions on the widget's controls,
 * from a seeded PRNG, each followed by a turn of the event loop. Returns the
 * log of what was done (written out with a failure).
 */
async function act({ seed, count, strings }) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (items) => items[Math.floor(next() * items.length)];
  const typed = () => {
    const roll = next();
    if (roll < 0.35) return String(Math.floor(next() * 300) - 20);
    if (roll < 0.4) return pick(['X', '9', '香']).repeat(1000 + Math.floor(next() * 20000));
    return pick(strings);
  };
  const log = [];
  for (let i = 0; i < count; i++) {
    const root = document.querySelector('.rp');
    if (!root) break;
    const controls = [...root.querySelectorAll('input, select, button, summary')]
      .filter((el) => !el.disabled && !el.closest('[data-testid="update-ready"]') && !/copy/i.test(el.id));
    const el = pick(controls);
    if (!el) break;
    const what = `${el.tagName.toLowerCase()}#${el.id || el.className}`;
    if (el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
      el.click();
      log.push(`click ${what}`);
    } else if (el.tagName === 'INPUT') {
      const value = typed();
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      if (next() < 0.3) el.dispatchEvent(new Event('change', { bubbles: true }));
      log.push(`type ${what} ${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `…(${value.length})` : ''}`);
    } else if (el.tagName === 'SELECT') {
      if (el.options.length && next() < 0.9) el.selectedIndex = Math.floor(next() * el.options.length);
      else el.value = pick(strings);
      el.dispatchEvent(new Event('change', { bubbles: true }));
      log.push(`choose ${what} ${JSON.stringify(el.value)}`);
    } else {
      el.click();
      log.push(`click ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return log;
}

const started = Date.now();
const again = [...args.filter((a, i) => a !== '--seed' && args[i - 1] !== '--seed'), '--seed', String(seed)].join(' ');
console.log(`fuzz: seed ${seed}, ${long ? 'long' : 'short'} run${parserLimits ? ', with the parser-limit cases' : ''} (reproduce: bash scripts/fuzz.sh ${again})`);
const root = prng(seed);
const summaries = {};
for (const [name, suite] of Object.entries(suites)) {
  // Each suite draws from its own stream: --only gives the same cases.
  const r = root.fork();
  if (only && !only.includes(name)) continue;
  const t0 = Date.now();
  summaries[name] = await suite(r);
  const t = totals[name] ?? { cases: 0, traps: 0, freezes: 0, dead: 0, longest: 0 };
  const slow = t.slowOnce ? ` (${t.slowOnce} slow once, not again)` : '';
  console.log(`  ${name.padEnd(9)} ${summaries[name]}: ${t.traps} traps, ${t.freezes} freezes over 1 s, ${t.dead} dead; longest task ${Math.round(t.longest)} ms${slow}; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
await browser.close();
await server.close();
const sum = (k) => Object.values(totals).reduce((s, t) => s + t[k], 0);
console.log(`fuzz: ${sum('cases')} cases, ${sum('traps')} traps, ${sum('freezes')} freezes over 1 s, ${sum('dead')} dead, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failures.length ? 1 : 0);
