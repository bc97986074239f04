import { serve } from './lib/server.js';
import { launch } from './lib/browser.js';
import { Widget } from './lib/widget.js';
import path from 'node:path';
const server = await serve(path.resolve('../../dist'));
const browser = await launch();
for (const q of process.argv.slice(2)) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url + q);
  const w = new Widget(page);
  await w.ready();
  await page.waitForTimeout(300);
  console.log('#### ', q);
  const opts = await page.locator('[data-testid="option"]').evaluateAll((ns) => ns.map((n) => ({ t: n.dataset.totalMinor, s: n.dataset.strategy, p: n.dataset.plans, r: n.dataset.reasons })));
  console.log(JSON.stringify(opts));
  const nop = await page.locator('[data-testid="no-option"]').count();
  if (nop) console.log('NO OPTION', await page.locator('[data-testid="no-option"]').innerText());
  for (const n of await page.locator('[data-testid="answer-note"]').allInnerTexts()) console.log('NOTE:', n);
  for (const id of ['borders', 'family', 'own']) {
    if (await page.locator(`#rp-q-${id}`).count()) console.log(id.toUpperCase(), JSON.stringify(await w.questionLines(id)));
  }
  if (process.env.BLOCKS && opts.length) console.log(await page.locator('[data-testid="option"]').first().innerText());
  await page.close();
}
await browser.close();
process.exit(0);
