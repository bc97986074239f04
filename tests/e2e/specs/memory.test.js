// Memory stays flat: 2,000 edits (each one re-renders the widget and
// replaces the pending write of the link and saved trip) leave the JS heap
// and the wasm memory, measured after garbage collection, within a bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withWidget } from '../lib/suite.js';
import { Widget } from '../lib/widget.js';

let server, browser;
withWidget((s, b) => ([server, browser] = [s, b]));

const EDITS = 2000;
// Leaking 250 bytes an edit would be 500 KB over the run.
const JS_HEAP_BOUND = 150 * 1024;
const WASM_BOUND = 256 * 1024;

test(`${EDITS} edits leave the JS heap and wasm memory flat`, { timeout: 240_000 }, async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.addEventListener('TrunkApplicationStarted', (e) => { window.__rpWasm = e.detail.wasm; });
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/?trip=FR:3,IT:2&lang=en`);
  await new Widget(page).ready();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  /** Types `count` values into the travellers input, one task each. */
  const edit = (count) => page.evaluate(async (n) => {
    const input = document.querySelector('.rp-traveller-mb');
    for (let i = 0; i < n; i++) {
      input.value = String(2 + (i % 3));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, count);
  const measure = async () => {
    // Let the last pending write run, then collect twice.
    await page.waitForTimeout(400);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__rpWasm.memory.buffer.byteLength);
    return { js: usedSize, wasm };
  };

  // Warm-up: caches, formatters, the allocator's pools. The wasm memory
  // steps up once (1.6 -> 2.0 MB) within the first 400 edits and stays
  // there over thousands more: a high-water mark, not a leak.
  await edit(600);
  const start = await measure();
  await edit(EDITS);
  const end = await measure();
  const grewJs = end.js - start.js;
  const grewWasm = end.wasm - start.wasm;
  console.log(`memory after ${EDITS} edits: JS heap ${start.js} → ${end.js} (${grewJs >= 0 ? '+' : ''}${grewJs} B), wasm ${start.wasm} → ${end.wasm}`);
  // The edits happened: the last value typed is in the form and the link.
  const last = String(2 + ((EDITS - 1) % 3));
  assert.equal(await page.locator('.rp-traveller-mb').first().inputValue(), last);
  await page.waitForFunction((mb) => new URL(location.href).searchParams.get('mb') === mb, String(Math.ceil(Number(last) * 1024)));
  assert.ok(grewJs < JS_HEAP_BOUND, `JS heap grew by ${grewJs} bytes over ${EDITS} edits (bound ${JS_HEAP_BOUND})`);
  assert.ok(grewWasm <= WASM_BOUND, `wasm memory grew by ${grewWasm} bytes over ${EDITS} edits (bound ${WASM_BOUND})`);
  await context.close();
});
