// The wasm carries the built-in plans' figures only; the readers' notes
// (half the catalogue's text) come from catalogue.json once the answer is on
// screen (issue 14). The answer never waits for them or depends on them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../lib/server.js';
import { launch, DIST } from '../lib/browser.js';
import { Widget } from '../lib/widget.js';

const catalogue = JSON.parse(fs.readFileSync(path.join(DIST, 'catalogue.json'), 'utf8'));
const noteOf = (id, lang) => catalogue.plans.find((p) => p.id === id)?.notes?.[lang];

let server, browser;
before(async () => {
  server = await serve(DIST);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query, routes = []) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  for (const [pattern, handler] of routes) await context.route(pattern, handler);
  const page = await context.newPage();
  await page.goto(`${server.url}/?${query}`);
  const widget = new Widget(page);
  await widget.ready();
  return { context, page, widget };
}

test("the wasm carries the plans' figures and names, not their notes", () => {
  const wasm = fs.readdirSync(DIST).find((f) => /_bg\.wasm$/.test(f));
  const bytes = fs.readFileSync(path.join(DIST, wasm)).toString('utf8');
  const withNotes = catalogue.plans.filter((p) => p.notes?.en);
  assert.ok(withNotes.length > 20, 'the catalogue has notes to leave out');
  for (const plan of withNotes) {
    assert.ok(!bytes.includes(plan.notes.en), `${plan.id}: its note is not in the wasm`);
    assert.ok(bytes.includes(JSON.stringify(plan.name.en).slice(1, -1)), `${plan.id}: its name is`);
  }
});

test("a plan's note for readers shows in its details once the answer is there", async () => {
  const { context, page, widget } = await open('trip=HK:4&lang=zh-Hant&cur=HKD');
  try {
    const best = await widget.best();
    const withNote = best.plans.find((id) => noteOf(id, 'zh-Hant'));
    assert.ok(withNote, `a plan of the answer (${best.plans}) has a note`);
    const details = page.locator('[data-testid="option"]').first().locator('details.rp-option-details');
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    await page.waitForFunction((note) => [...document.querySelectorAll('.rp-note')].some((n) => n.textContent === note), noteOf(withNote, 'zh-Hant'));
  } finally {
    await context.close();
  }
});

test('without catalogue.json (a host that dropped it) the answer is the same, without notes', async () => {
  const full = await open('trip=HK:4&lang=en&cur=HKD');
  const missing = await open('trip=HK:4&lang=en&cur=HKD', [[/\/catalogue\.json$/, (route) => route.fulfill({ status: 404, body: 'gone' })]]);
  try {
    const strip = (options) => options.map(({ totalMinor, strategy, plans, reasons }) => ({ totalMinor, strategy, plans, reasons }));
    await full.page.waitForSelector('.rp-note', { state: 'attached' });
    assert.deepEqual(strip(await missing.widget.options()), strip(await full.widget.options()));
    await missing.page.waitForTimeout(500);
    assert.equal(await missing.page.locator('.rp-note').count(), 0);
  } finally {
    await full.context.close();
    await missing.context.close();
  }
});
