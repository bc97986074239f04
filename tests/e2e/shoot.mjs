// Dev helper (not a test): screenshots of a URL path at a width. Usage:
// node shoot.mjs out.png "/?lang=zh-Hans&trip=..." [width] [full]
import { serve } from './lib/server.js';
import { launch } from './lib/browser.js';
import path from 'node:path';
const [out, query, width = '390', full = '1'] = process.argv.slice(2);
const server = await serve(path.resolve('../../dist'));
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: 844 }, deviceScaleFactor: 1 });
await page.goto(server.url + query);
await page.waitForSelector('[data-testid="option"], [data-testid="no-option"]', { timeout: 15000 }).catch(() => {});
await page.waitForTimeout(500);
const h = await page.evaluate(() => document.documentElement.scrollHeight);
if (full === '1') {
  for (let y = 0, i = 0; y < h; y += 1400, i++) {
    await page.screenshot({ path: out.replace('.png', `-${i}.png`), fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(1400, h - y) } });
  }
} else await page.screenshot({ path: out });
console.log(out, 'height', h);
await browser.close(); server.close?.();
process.exit(0);
