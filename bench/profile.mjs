// Ad-hoc CPU profile of one cold load and of recalculations (not part of
// scripts/bench.sh): where the time to the first answer goes. Point it at a
// directory holding an index.html that loads a wasm with a name section
// (see the README's Bench section), e.g. node bench/profile.mjs /tmp/prof
import path from 'node:path';
import { serve } from '../tests/e2e/lib/server.js';
import { launch } from '../tests/e2e/lib/browser.js';

const dir = path.resolve(process.argv[2] ?? 'dist');
const query = process.argv[3] ?? 'trip=HK:3,MO:2,CN:3,TW:3,JP:4,KR:3,SG:3,TH:3,HK:3,MO:3&people=6&together=1&mb=1024&lang=en&cur=EUR';
const server = await serve(dir);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });

const KEYS = [
  ['wasm compile/instantiate (JS)', (n) => n.functionName === '__wbg_init' || n.functionName === '__wbg_load'],
  ['catalogue::validate::load', (n) => n.functionName.includes('catalogue::validate::load')],
  ['JSON.parse (built-in catalogue)', (n) => n.functionName === 'parse' && n.url === ''],
  ['engine::compute (all calls)', (n) => /engine\W+compute|widget::answer_for/.test(n.functionName)],
  ['usage_series (8 extra computes)', (n) => n.functionName.includes('usage_series')],
  ['PlanBrowser', (n) => n.functionName.includes('plan_browser')],
  ['yew reconcile/attach (DOM)', (n) => /Reconcilable>::(reconcile|attach)/.test(n.functionName)],
  ['history.replaceState (link mirror)', (n) => n.functionName === 'replaceState'],
  ['localStorage.setItem', (n) => n.functionName === 'setItem'],
  ['Date.toLocaleDateString', (n) => n.functionName === 'toLocaleDateString'],
];

function summarize(profile, label) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas;
  const self = new Map();
  const incl = new Map(KEYS.map(([k]) => [k, 0]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const t = (dt[i + 1] ?? 0) / 1000;
    total += t;
    const node = byId.get(id);
    const name = node.callFrame.functionName || `(${node.callFrame.url ? 'anon' : 'native'})`;
    self.set(name, (self.get(name) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur != null; cur = parent.get(cur)) {
      const cf = byId.get(cur).callFrame;
      for (const [k, test] of KEYS) if (!seen.has(k) && test(cf)) { seen.add(k); incl.set(k, incl.get(k) + t); }
    }
  });
  console.log(`\n== ${label}: ${total.toFixed(1)} ms sampled`);
  for (const [k, v] of incl) console.log(`  incl ${v.toFixed(1).padStart(7)} ms  ${k}`);
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [k, v] of top) console.log(`  self ${v.toFixed(1).padStart(7)} ms  ${k.slice(0, 150)}`);
}

await cdp.send('Profiler.start');
await page.goto(`${server.url}/?${query}`);
await page.waitForSelector('[data-testid="option"]');
const firstAt = await page.evaluate(() => performance.now());
const { profile } = await cdp.send('Profiler.stop');
console.log(`first option seen by Playwright at ${firstAt.toFixed(1)} ms`);
summarize(profile, 'cold load until first answer');

// Recalculations driven from inside the page, so that no Playwright code
// runs in the page while the profiler samples.
await cdp.send('Profiler.start');
const changes = await page.evaluate(async () => {
  const input = document.querySelector('li.rp-leg input[inputmode="numeric"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  let n = 0;
  for (let i = 0; i < 20; i++) {
    setValue.call(input, String((i % 5) + 2));
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await frame();
    n++;
  }
  return n;
});
console.log(`${changes} recalculations`);
const { profile: recalc } = await cdp.send('Profiler.stop');
summarize(recalc, '20 recalculations (one frame each)');
await browser.close();
await server.close();
